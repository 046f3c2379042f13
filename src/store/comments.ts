/** A comment: in ACS an fm:post in the node's fm:discussion forum, its text the post's content. */
export interface CommentRecord {
  readonly id: string
  readonly nodeId: string
  title?: string
  content: string
  readonly createdAt: number
  readonly createdBy: string
  modifiedAt: number
  modifiedBy: string
}

/** Comments per node, in the order they were made. */
export class CommentStore {
  readonly #byNode = new Map<string, CommentRecord[]>()
  readonly #byId = new Map<string, CommentRecord>()

  /** The comments on a node, oldest first. */
  list(nodeId: string): readonly CommentRecord[] {
    return this.#byNode.get(nodeId) ?? []
  }

  get(id: string): CommentRecord | undefined {
    return this.#byId.get(id)
  }

  add(comment: CommentRecord): CommentRecord {
    this.#byId.set(comment.id, comment)
    const list = this.#byNode.get(comment.nodeId)
    if (list) list.push(comment)
    else this.#byNode.set(comment.nodeId, [comment])
    return comment
  }

  remove(comment: CommentRecord): void {
    this.#byId.delete(comment.id)
    const list = this.#byNode.get(comment.nodeId) ?? []
    const at = list.indexOf(comment)
    if (at >= 0) list.splice(at, 1)
  }

  /** Drops every comment on a node (the node was purged). */
  forget(nodeId: string): void {
    for (const c of this.#byNode.get(nodeId) ?? []) this.#byId.delete(c.id)
    this.#byNode.delete(nodeId)
  }

  clear(): void {
    this.#byNode.clear()
    this.#byId.clear()
  }
}
