import { errors } from '../errors.js'
import { contentSize } from '../store/content.js'
import type { NodeStore } from '../store/node-store.js'
import type { ContentSource, MockNode, MockUser } from '../store/types.js'

/** ZipDownloadExporter copies content in chunks of 2048 * 10 bytes… */
export const CHUNK_BYTES = 20_480
/** …and updates the status at the first chunk of a file and every 500 chunks after (ALF-16289). */
export const CHUNKS_PER_UPDATE = 500

/** One ZIP entry, fixed when the download is created. */
export interface PlanEntry {
  readonly path: string
  readonly kind: 'folder' | 'file'
  readonly nodeId: string
  readonly size: number
  readonly source?: ContentSource
  /** The node's modifiedAt: the entry's date. */
  readonly date: number
}

/** A moment where ACS's zipper writes IN_PROGRESS (and checks the cancel flag). */
export interface ProgressPoint {
  /** Source bytes read before this point's chunk (when the `time` policy reaches it). */
  readonly offset: number
  /** Bytes read including this point's chunk. */
  readonly bytesAdded: number
  /** Files completed before this point (ACS's filesAdded lags by the file being written). */
  readonly filesAdded: number
}

export interface Plan {
  readonly entries: readonly PlanEntry[]
  readonly totalFiles: number
  readonly totalBytes: number
  readonly points: readonly ProgressPoint[]
}

/**
 * DownloadsImpl.createDownloadNode's checks, in its order: empty list, duplicates (before existence,
 * so `[x, x]` is 400 even when x does not exist), every id exists (aliases are not resolved), then
 * read permission on all of them.
 */
export function checkRequest(store: NodeStore, user: MockUser, nodeIds: readonly string[]): MockNode[] {
  if (nodeIds.length === 0) throw errors.invalidLiteral('Cannot create an archive with 0 entries.')
  if (new Set(nodeIds).size !== nodeIds.length) throw errors.invalidLiteral('Cannot specify the same nodeId twice')
  const nodes = nodeIds.map((id) => store.require(id))
  if (nodes.some((node) => !store.canRead(node, user))) throw errors.permissionDenied()
  return nodes
}

/**
 * The walk of CreateDownloadArchiveAction, run as the owner: requested nodes in order, each folder
 * as `path/` followed by its children (recursively, in child order), files as `path/name`.
 * Children the owner cannot read are left out; nothing is de-duplicated.
 */
export function buildPlan(store: NodeStore, owner: MockUser, roots: readonly MockNode[]): Plan {
  const entries: PlanEntry[] = []
  // Depth first with an explicit stack (children pushed in reverse, so they come out in order):
  // a folder chain thousands deep would overflow the call stack as recursion.
  const pending: [MockNode, string][] = roots.map((root): [MockNode, string] => [root, '']).reverse()
  while (pending.length > 0) {
    const [node, prefix] = pending.pop()!
    const path = prefix + node.name
    if (node.content && !node.isFolder) {
      const size = contentSize(node.content.source)
      entries.push({ path, kind: 'file', nodeId: node.id, size, source: node.content.source, date: node.modifiedAt })
    } else if (node.isFolder) {
      entries.push({ path: `${path}/`, kind: 'folder', nodeId: node.id, size: 0, date: node.modifiedAt })
    }
    // A node that is neither (a download without its ZIP yet) has no entry, but ACS still walks below it.
    const children = store.children(node.id)
    for (let i = children.length - 1; i >= 0; i--) {
      if (store.canRead(children[i]!, owner)) pending.push([children[i]!, `${path}/`])
    }
  }
  return withTotals(entries)
}

/** Estimate (files only, each occurrence) and ACS's progress points over the files in order. */
export function withTotals(entries: readonly PlanEntry[]): Plan {
  const points: ProgressPoint[] = []
  let totalBytes = 0
  let totalFiles = 0
  for (const entry of entries) {
    if (entry.kind !== 'file') continue
    for (let chunk = 0; chunk * CHUNK_BYTES < entry.size; chunk += CHUNKS_PER_UPDATE) {
      points.push({
        offset: totalBytes + chunk * CHUNK_BYTES,
        bytesAdded: totalBytes + Math.min((chunk + 1) * CHUNK_BYTES, entry.size),
        filesAdded: totalFiles,
      })
    }
    totalBytes += entry.size
    totalFiles += 1
  }
  return { entries, totalFiles, totalBytes, points }
}
