import type { MockNode, NodeContent } from './types.js'

/** VersionType: a MAJOR version moves the label to the next whole number, a MINOR one by 0.1. */
export type VersionType = 'MAJOR' | 'MINOR'

/** A node as it was when a version was made: the frozen state ACS keeps in its version store. */
export interface FrozenNode {
  readonly name: string
  readonly nodeType: string
  readonly isFolder: boolean
  readonly aspectNames: readonly string[]
  readonly properties: Readonly<Record<string, unknown>>
  /** Content sources are immutable, so a version shares the bytes the node had then. */
  readonly content?: NodeContent
  readonly createdAt: number
  readonly createdBy: string
  readonly modifiedAt: number
  readonly modifiedBy: string
}

export interface VersionRecord {
  readonly label: string
  readonly type: VersionType
  readonly comment?: string
  readonly frozen: FrozenNode
}

/** Every node's version history, oldest first (Version2Service keeps one history per node). */
export class VersionStore {
  readonly #histories = new Map<string, VersionRecord[]>()

  /** The history of a node, oldest first; empty when it has none. */
  history(nodeId: string): readonly VersionRecord[] {
    return this.#histories.get(nodeId) ?? []
  }

  find(nodeId: string, label: string): VersionRecord | undefined {
    return this.#histories.get(nodeId)?.find((v) => v.label === label)
  }

  append(nodeId: string, record: VersionRecord): void {
    const list = this.#histories.get(nodeId)
    if (list) list.push(record)
    else this.#histories.set(nodeId, [record])
  }

  /** Removes one version; returns whether it was the head (the most recent). */
  remove(nodeId: string, label: string): boolean {
    const list = this.#histories.get(nodeId) ?? []
    const at = list.findIndex((v) => v.label === label)
    if (at < 0) return false
    list.splice(at, 1)
    return at === list.length
  }

  /** Drops the whole history (cm:versionable removed, node purged). */
  forget(nodeId: string): void {
    this.#histories.delete(nodeId)
  }

  clear(): void {
    this.#histories.clear()
  }
}

/** The node's state now, copied so later changes to the node leave the version alone. */
export function freeze(node: MockNode): FrozenNode {
  return {
    name: node.name,
    nodeType: node.nodeType,
    isFolder: node.isFolder,
    aspectNames: [...node.aspectNames],
    properties: structuredClone(node.properties),
    ...(node.content ? { content: { ...node.content } } : {}),
    createdAt: node.createdAt,
    createdBy: node.createdBy,
    modifiedAt: node.modifiedAt,
    modifiedBy: node.modifiedBy,
  }
}

const LABEL = /^(\d+)\.(\d+)$/

/**
 * SerialVersionLabelPolicy: the first version is 1.0 (MAJOR) or 0.1 (MINOR); after that MAJOR
 * gives (major+1).0 and MINOR major.(minor+1) — 1.0 → 1.1 → 2.0 → 2.1.
 */
export function nextLabel(previous: string | undefined, type: VersionType): string {
  const m = previous === undefined ? undefined : LABEL.exec(previous)
  const major = m ? Number(m[1]) : 0
  const minor = m ? Number(m[2]) : 0
  return type === 'MAJOR' ? `${major + 1}.0` : `${major}.${minor + 1}`
}

export function isVersionLabel(label: string): boolean {
  return LABEL.test(label)
}
