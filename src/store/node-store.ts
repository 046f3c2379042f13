import { errors } from '../errors.js'
import { EVERYONE, type MockNode, type MockUser } from './types.js'

/** Map-backed repository of nodes with ordered children, path lookup and ACS-like permissions. */
export class NodeStore {
  readonly #nodes = new Map<string, MockNode>()
  readonly #children = new Map<string, string[]>()
  readonly #aliases = new Map<string, string>()
  rootId = ''

  get size(): number {
    return this.#nodes.size
  }

  get(id: string): MockNode | undefined {
    return this.#nodes.get(id)
  }

  /** The node, or ACS's 404 EntityNotFound (a `;1.0` version suffix is ignored, `;pwc` is not found). */
  require(id: string): MockNode {
    const node = this.#nodes.get(nodeIdOf(id))
    if (!node) throw errors.entityNotFound(id)
    return node
  }

  all(): IterableIterator<MockNode> {
    return this.#nodes.values()
  }

  /** Adds a node as the last child of its parent. */
  add(node: MockNode): MockNode {
    this.#nodes.set(node.id, node)
    if (node.parentId === undefined) this.rootId ||= node.id
    else {
      const list = this.#children.get(node.parentId)
      if (list) list.push(node.id)
      else this.#children.set(node.parentId, [node.id])
    }
    if (node.alias) this.#aliases.set(node.alias, node.id)
    return node
  }

  /** Removes a node and everything below it. */
  remove(id: string): void {
    this.detach(id)
  }

  /**
   * Takes a node and its subtree out of the repository and returns them, parents before children
   * and siblings in order, so that `add` in that order puts them back as they were (the trashcan).
   * Iterative: a chain 20,000 folders deep would overflow the stack as recursion.
   */
  detach(id: string): MockNode[] {
    const node = this.#nodes.get(id)
    if (!node) return []
    const out: MockNode[] = []
    const pending: MockNode[] = [node]
    while (pending.length > 0) {
      const n = pending.pop()!
      out.push(n)
      const children = this.#children.get(n.id) ?? []
      for (let i = children.length - 1; i >= 0; i--) pending.push(this.#nodes.get(children[i]!)!)
    }
    for (const n of out) {
      this.#children.delete(n.id)
      this.#nodes.delete(n.id)
      if (n.alias) this.#aliases.delete(n.alias)
    }
    if (node.parentId !== undefined) {
      const siblings = this.#children.get(node.parentId)
      const at = siblings?.indexOf(id) ?? -1
      if (at >= 0) siblings!.splice(at, 1)
    }
    return out
  }

  /** Makes a node the last child of another parent (its subtree moves with it). */
  move(id: string, newParentId: string): void {
    const node = this.#nodes.get(id)
    if (!node || node.parentId === newParentId) return
    if (node.parentId !== undefined) {
      const siblings = this.#children.get(node.parentId)
      if (siblings) siblings.splice(siblings.indexOf(id), 1)
    }
    node.parentId = newParentId
    const list = this.#children.get(newParentId)
    if (list) list.push(id)
    else this.#children.set(newParentId, [id])
  }

  clear(): void {
    this.#nodes.clear()
    this.#children.clear()
    this.#aliases.clear()
    this.rootId = ''
  }

  children(id: string): MockNode[] {
    return (this.#children.get(id) ?? []).map((c) => this.#nodes.get(c)!)
  }

  childCount(id: string): number {
    return this.#children.get(id)?.length ?? 0
  }

  childByName(parentId: string, name: string): MockNode | undefined {
    for (const c of this.#children.get(parentId) ?? []) {
      const node = this.#nodes.get(c)!
      if (node.name === name) return node
    }
    return undefined
  }

  /** Ancestors from the root down to the parent (not including the node). */
  ancestors(id: string): MockNode[] {
    const out: MockNode[] = []
    let parent = this.#nodes.get(id)?.parentId
    // Pushed and reversed once: unshift per step is quadratic on a deep chain.
    while (parent !== undefined) {
      const node = this.#nodes.get(parent)
      if (!node) break
      out.push(node)
      parent = node.parentId
    }
    return out.reverse()
  }

  /** `-root-`, `-shared-`, `-my-` (per user), else the id itself. Unknown aliases stay as given. */
  resolveAlias(id: string, user: MockUser | undefined): string {
    if (id === '-my-') {
      if (!user?.homeFolderId) throw errors.entityNotFound(id)
      return user.homeFolderId
    }
    if (id === '-root-') return this.rootId
    return this.#aliases.get(id) ?? id
  }

  /** A node at a slash-separated path of names below `fromId`, or undefined. */
  lookupPath(fromId: string, relativePath: string): MockNode | undefined {
    let current = this.#nodes.get(fromId)
    for (const name of relativePath.split('/').filter((p) => p !== '')) {
      if (!current) return undefined
      current = this.childByName(current.id, name)
    }
    return current
  }

  /** Effective list of readers: the nearest explicit `readers` on the node or its ancestors. */
  effective(node: MockNode, kind: 'readers' | 'writers'): string[] {
    let current: MockNode | undefined = node
    while (current) {
      const list = current[kind]
      if (list) return list
      current = current.parentId === undefined ? undefined : this.#nodes.get(current.parentId)
    }
    return kind === 'readers' ? [EVERYONE] : []
  }

  canRead(node: MockNode, user: MockUser): boolean {
    return user.admin || node.createdBy === user.id || allows(this.effective(node, 'readers'), user)
  }

  canWrite(node: MockNode, user: MockUser): boolean {
    return user.admin || node.createdBy === user.id || allows(this.effective(node, 'writers'), user)
  }
}

function allows(list: readonly string[], user: MockUser): boolean {
  return list.includes(EVERYONE) || list.includes(user.id)
}

/**
 * The node id in an id as ACS's NodesImpl.validateNode reads it: a `;version` suffix is stripped,
 * and `;pwc` (a working copy, which the mock has none of) matches nothing.
 */
export function nodeIdOf(id: string): string {
  const semicolon = id.indexOf(';')
  if (semicolon < 0) return id
  return id.slice(semicolon + 1) === 'pwc' ? '' : id.slice(0, semicolon)
}
