import { idList, setIdList } from './id-lists.js'
import type { MockNode } from './types.js'

/** cm:generalclassifiable: the aspect of a categorised node; cm:categories lists the category ids. */
export const CLASSIFIABLE = 'cm:generalclassifiable'
export const CATEGORIES_PROP = 'cm:categories'

/** A category below cm:categoryRoot/cm:generalclassifiable ("General"). Immutable: a rename replaces it. */
export interface CategoryRecord {
  readonly id: string
  readonly name: string
  /** The parent category; undefined for a top-level one (the REST API calls its parent -root-). */
  readonly parentId: string | undefined
}

/** The category tree, children in the order they were added. */
export class CategoryStore {
  readonly #byId = new Map<string, CategoryRecord>()
  readonly #children = new Map<string | undefined, string[]>()
  /** The seed last loaded, while nothing has changed since: a reset then has nothing to do. */
  #loaded: readonly CategoryRecord[] | undefined

  /**
   * The tree of a seed (parents first). ACS's own tree has 333 categories; reloading the seed that
   * is already there, unchanged, costs nothing, so reset() stays in microseconds.
   */
  load(records: readonly CategoryRecord[]): void {
    if (records === this.#loaded) return
    this.clear()
    for (const c of records) this.add(c)
    this.#loaded = records
  }

  get(id: string): CategoryRecord | undefined {
    return this.#byId.get(id)
  }

  /** The subcategories of a category, or the top-level ones for undefined. */
  children(parentId: string | undefined): CategoryRecord[] {
    return (this.#children.get(parentId) ?? []).map((id) => this.#byId.get(id)!)
  }

  add(category: CategoryRecord): CategoryRecord {
    this.#loaded = undefined
    this.#byId.set(category.id, category)
    const list = this.#children.get(category.parentId)
    if (list) list.push(category.id)
    else this.#children.set(category.parentId, [category.id])
    return category
  }

  /** Gives a category a new name; it keeps its id and place. */
  rename(category: CategoryRecord, name: string): CategoryRecord {
    this.#loaded = undefined
    const renamed = { ...category, name }
    this.#byId.set(category.id, renamed)
    return renamed
  }

  /** Removes a category and everything below it; returns the ids removed. */
  remove(id: string): string[] {
    const category = this.#byId.get(id)
    if (!category) return []
    this.#loaded = undefined
    // Iterative, as NodeStore.detach: a chain of categories thousands deep would overflow the stack.
    const removed: string[] = []
    const pending = [id]
    while (pending.length > 0) {
      const current = pending.pop()!
      removed.push(current)
      const children = this.#children.get(current) ?? []
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!)
      this.#byId.delete(current)
      this.#children.delete(current)
    }
    const siblings = this.#children.get(category.parentId) ?? []
    const at = siblings.indexOf(id)
    if (at >= 0) siblings.splice(at, 1)
    return removed
  }

  /** The names from the top-level category down to this one. */
  names(id: string): string[] {
    const out: string[] = []
    for (let c = this.#byId.get(id); c; c = c.parentId === undefined ? undefined : this.#byId.get(c.parentId)) {
      out.push(c.name)
    }
    return out.reverse()
  }

  all(): IterableIterator<CategoryRecord> {
    return this.#byId.values()
  }

  clear(): void {
    this.#loaded = undefined
    this.#byId.clear()
    this.#children.clear()
  }
}

/** The ids in a node's cm:categories property. */
export function nodeCategoryIds(node: MockNode): string[] {
  return idList(node, CATEGORIES_PROP)
}

/** Sets cm:categories; an empty list removes the property and the aspect (CategoriesImpl.unlinkNodeFromCategory). */
export function setNodeCategoryIds(node: MockNode, ids: readonly string[]): void {
  setIdList(node, CATEGORIES_PROP, CLASSIFIABLE, ids, true)
}
