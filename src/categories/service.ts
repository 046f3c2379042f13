import { errors } from '../errors.js'
import { stableId } from '../ids.js'
import { nodeCategoryIds, setNodeCategoryIds, type CategoryRecord } from '../store/categories.js'
import type { RepoDeps } from '../store/extras.js'
import type { MockNode, MockUser } from '../store/types.js'
import { isAnnotatable } from '../tags/service.js'
import { ACS_CATEGORY_TREE, type CategoryTreeEntry } from './acs-tree.js'

/** The REST API's id for the root of the tree (Nodes.PATH_ROOT), the parent of the top-level categories. */
export const CATEGORY_ROOT = '-root-'

/** A category as the API shows it (Category.java): parentId is -root- for a top-level one. */
export interface CategoryView {
  id: string
  name: string
  parentId: string
  hasChildren: boolean
  count?: number
  path?: string
}

const NOT_A_VALID_CATEGORY = 'Node id does not refer to a valid category'

let acsTree: readonly CategoryRecord[] | undefined

/** The categories of ACS's bootstrap tree, parents first, with ids derived from their names (stable across runs). */
export function acsCategories(): CategoryRecord[] {
  acsTree ??= Object.freeze(buildAcsTree())
  return [...acsTree]
}

function buildAcsTree(): CategoryRecord[] {
  const out: CategoryRecord[] = []
  const walk = (entries: readonly CategoryTreeEntry[], parent: CategoryRecord | undefined, names: readonly string[]): void => {
    for (const entry of entries) {
      const [name, children] = typeof entry === 'string' ? [entry, []] : entry
      const path = [...names, name]
      const record: CategoryRecord = { id: categoryId(path), name, parentId: parent?.id }
      out.push(record)
      walk(children, record, path)
    }
  }
  walk(ACS_CATEGORY_TREE, undefined, [])
  return out
}

/** The id of a category from its names below General, the same on every run. */
export function categoryId(names: readonly string[]): string {
  return stableId('cm:generalclassifiable', ...names)
}

/**
 * CategoriesImpl.getCategoryNodeRef: `-root-` is the root (undefined here); any other id must be a
 * category — an unknown one is 404, another kind of node 400 "Node id does not refer to a valid category".
 */
export function resolveCategory(deps: RepoDeps, id: string): CategoryRecord | undefined {
  if (id === CATEGORY_ROOT) return undefined
  const category = deps.extras.categories.get(id)
  if (category) return category
  if (deps.store.get(id) || deps.extras.tags.get(id)) throw errors.invalidLiteral(NOT_A_VALID_CATEGORY)
  throw errors.entityNotFound(id)
}

/** A category that is not the root: the root is not a valid category for get, update, delete or links. */
export function requireCategory(deps: RepoDeps, id: string): CategoryRecord {
  const category = resolveCategory(deps, id)
  if (!category) throw errors.invalidLiteral(NOT_A_VALID_CATEGORY)
  return category
}

/** mapToCategory, with `count` (linked live nodes) and `path` (toDisplayPath: /categories/General/…parents) when asked. */
export function categoryView(deps: RepoDeps, category: CategoryRecord, include: ReadonlySet<string>, counts?: Map<string, number>): CategoryView {
  const view: CategoryView = {
    id: category.id,
    name: category.name,
    parentId: category.parentId ?? CATEGORY_ROOT,
    hasChildren: deps.extras.categories.children(category.id).length > 0,
  }
  if (include.has('count')) view.count = (counts ?? categoryCounts(deps)).get(category.id) ?? 0
  if (include.has('path')) view.path = ['', 'categories', 'General', ...deps.extras.categories.names(category.id).slice(0, -1)].join('/')
  return view
}

/** How many live nodes each category is linked to (CategoryService.getTopCategories). */
export function categoryCounts(deps: RepoDeps): Map<string, number> {
  const counts = new Map<string, number>()
  for (const node of deps.store.all()) for (const id of nodeCategoryIds(node)) counts.set(id, (counts.get(id) ?? 0) + 1)
  return counts
}

/** CategoriesImpl.createSubcategories: admins only; each name non-empty and free among its siblings. */
export function createCategories(deps: RepoDeps, parentId: string, names: readonly (string | undefined)[], user: MockUser): CategoryRecord[] {
  requireAdmin(user)
  const parent = resolveCategory(deps, parentId)
  const taken = deps.extras.categories.children(parent?.id).map((c) => c.name.toLowerCase())
  const checked = names.map((name) => checkName(name, taken))
  return checked.map((name) => deps.extras.categories.add({ id: deps.ids.uuid(), name, parentId: parent?.id }))
}

/** CategoriesImpl.updateCategoryById: admins only; renames (the id stays). */
export function renameCategory(deps: RepoDeps, id: string, name: string | undefined, user: MockUser): CategoryRecord {
  requireAdmin(user)
  const category = requireCategory(deps, id)
  const siblings = deps.extras.categories.children(category.parentId).filter((c) => c.id !== category.id)
  return deps.extras.categories.rename(category, checkName(name, siblings.map((c) => c.name.toLowerCase())))
}

/** CategoriesImpl.deleteCategoryById: admins only; the category, its subtree and their links go. */
export function deleteCategory(deps: RepoDeps, id: string, user: MockUser): void {
  requireAdmin(user)
  requireCategory(deps, id)
  const removed = new Set(deps.extras.categories.remove(id))
  for (const node of [...deps.store.all(), ...deps.extras.archive.all()]) {
    const ids = nodeCategoryIds(node)
    if (ids.some((c) => removed.has(c))) setNodeCategoryIds(node, ids.filter((c) => !removed.has(c)))
  }
}

/** The node's categories, in the order they were linked (cm:categories). */
export function nodeCategories(deps: RepoDeps, node: MockNode): CategoryRecord[] {
  return nodeCategoryIds(node).map((id) => deps.extras.categories.get(id)).filter((c): c is CategoryRecord => c !== undefined)
}

/**
 * CategoriesImpl.linkNodeToCategories: a non-empty list of category ids (not the root), merged
 * into cm:categories without repeats. The caller has checked ChangePermissions and the type.
 */
export function linkCategories(deps: RepoDeps, node: MockNode, ids: readonly (string | undefined)[]): CategoryRecord[] {
  const wanted = [...new Set(ids.filter((id): id is string => id !== undefined && id !== ''))]
  if (wanted.length === 0) throw errors.invalidLiteral(NOT_A_VALID_CATEGORY)
  const categories = wanted.map((id) => resolveCategory(deps, id))
  if (categories.some((c) => c === undefined)) throw errors.invalidLiteral(NOT_A_VALID_CATEGORY)
  const current = nodeCategoryIds(node)
  setNodeCategoryIds(node, [...current, ...wanted.filter((id) => !current.includes(id))])
  return categories as CategoryRecord[]
}

/**
 * CategoriesImpl.unlinkNodeFromCategory, after the category was resolved and the node checked:
 * the node must be categorised, the category not the root; the last link removes the aspect.
 */
export function unlinkCategory(node: MockNode, nodeIdAsGiven: string, category: CategoryRecord | undefined): void {
  if (nodeCategoryIds(node).length === 0) throw errors.invalidLiteral(`Node with id: ${nodeIdAsGiven} does not belong to a category`)
  if (!category) throw errors.invalidLiteral(NOT_A_VALID_CATEGORY)
  setNodeCategoryIds(node, nodeCategoryIds(node).filter((id) => id !== category.id))
}

/** verifyNodeType: InvalidNodeTypeException (422). */
export function requireCategorisable(node: MockNode): void {
  if (!isAnnotatable(node)) throw errors.invalidLiteral('Cannot categorize this type of node', 422)
}

function requireAdmin(user: MockUser): void {
  if (!user.admin) throw errors.invalidLiteral('Current user does not have permission to manage a category', 403)
}

/**
 * validateCategoryFields (empty name → 400), then CategoryService.createCategory's duplicate child
 * name (409, DuplicateChildNodeNameException; names compare without case like cm:name). `taken`
 * grows with each name, so a request naming one twice fails before anything is made.
 */
function checkName(name: string | undefined, taken: string[]): string {
  if (name === undefined || name === '') throw errors.invalidLiteral('Category name must not be null or empty')
  const lower = name.toLowerCase()
  if (taken.includes(lower)) throw errors.apiDefault(409, `Duplicate child name not allowed: ${name}`)
  taken.push(lower)
  return name
}
