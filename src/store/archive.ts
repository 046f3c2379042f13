import type { MockNode } from './types.js'

/** One DELETE /nodes/{id}: the node and everything below it, as they were taken out. */
export interface ArchivedItem {
  /** The deleted node first, then its subtree, parents before children. */
  readonly nodes: MockNode[]
  readonly archivedAt: number
  readonly archivedBy: string
}

/**
 * The trashcan (ACS's archive store, archive://SpacesStore). A node keeps its id there, so
 * versions, comments, tags and ratings keyed by it come back on restore.
 */
export class ArchiveStore {
  /** Keyed by the deleted node's id, in the order of deletion. */
  readonly #items = new Map<string, ArchivedItem>()
  /** Every archived node's id → the id of the item it is in. */
  readonly #itemOf = new Map<string, string>()

  get size(): number {
    return this.#items.size
  }

  add(item: ArchivedItem): void {
    const top = item.nodes[0]
    if (!top) return
    this.#items.set(top.id, item)
    for (const n of item.nodes) this.#itemOf.set(n.id, top.id)
  }

  /** An archived node (deleted itself, or inside a deleted folder) and the item holding it. */
  find(id: string): { node: MockNode; item: ArchivedItem } | undefined {
    const itemId = this.#itemOf.get(id)
    const item = itemId === undefined ? undefined : this.#items.get(itemId)
    const node = item?.nodes.find((n) => n.id === id)
    return item && node ? { node, item } : undefined
  }

  /** The deleted nodes themselves (not what was inside them), most recently deleted first. */
  items(): ArchivedItem[] {
    return [...this.#items.values()].reverse()
  }

  /** Takes an archived node and its subtree out of the archive (restore, purge). */
  take(id: string): MockNode[] {
    const found = this.find(id)
    if (!found) return []
    const { item } = found
    const taken = new Set([id])
    const out: MockNode[] = []
    const kept: MockNode[] = []
    for (const n of item.nodes) {
      if (n.id === id || (n.parentId !== undefined && taken.has(n.parentId))) {
        taken.add(n.id)
        out.push(n)
      } else kept.push(n)
    }
    for (const n of out) this.#itemOf.delete(n.id)
    if (kept.length === 0) this.#items.delete(id)
    else item.nodes.splice(0, item.nodes.length, ...kept)
    return out
  }

  all(): IterableIterator<MockNode> {
    return [...this.#items.values()].flatMap((i) => i.nodes).values()
  }

  clear(): void {
    this.#items.clear()
    this.#itemOf.clear()
  }
}
