import type { NodeStore } from '../store/node-store.js'
import { DOWNLOAD_NODE_TYPE, DOWNLOADS_CONTAINER_ID, type MockNode } from '../store/types.js'
import { PENDING_POSITION, type DownloadJob } from './job.js'
import type { DownloadInfo, DownloadView } from './types.js'

/** The download:download node ACS creates under /sys:system/sys:downloads (DownloadStorage). */
export function downloadNode(id: string, name: string, owner: string, now: number): MockNode {
  return {
    id,
    name,
    nodeType: DOWNLOAD_NODE_TYPE,
    isFolder: false,
    parentId: DOWNLOADS_CONTAINER_ID,
    createdAt: now,
    modifiedAt: now,
    createdBy: owner,
    modifiedBy: owner,
    aspectNames: ['cm:auditable', 'cm:indexControl'],
    properties: { 'cm:isIndexed': false, 'cm:isContentIndexed': false, 'download:recursive': true },
    readers: [owner],
    writers: [owner],
  }
}

export function cancelRequested(job: DownloadJob): boolean {
  return job.script ? job.script.cancelRequested : job.cancelledFrom !== undefined
}

/** Status updates are property writes in ACS: cm:modified moves with each one. */
export function syncNode(store: NodeStore, job: DownloadJob, view: DownloadView, changedAt: number): void {
  const node = store.get(job.id)
  if (!node) return
  node.modifiedAt = Math.max(node.createdAt, changedAt)
  const p = node.properties
  // Every status read lands here; most find nothing changed since the last one.
  if (p['download:status'] === view.status && p['download:done'] === view.bytesAdded && p['download:cancelled'] === cancelRequested(job)) return
  Object.assign(node.properties, {
    'download:status': view.status,
    'download:done': view.bytesAdded,
    'download:total': view.totalBytes,
    'download:filesAdded': view.filesAdded,
    'download:totalFiles': view.totalFiles,
    'download:cancelled': cancelRequested(job),
  })
}

export function zipContent(bytes: Uint8Array): NonNullable<MockNode['content']> {
  // The writer sets no mimetype, so ACS's ContentData falls back to octet-stream, UTF-8.
  return {
    mimeType: 'application/octet-stream',
    mimeTypeName: 'Binary File (Octet Stream)',
    encoding: 'UTF-8',
    source: { kind: 'bytes', bytes },
  }
}

/** A download node with no job (declared in fixtures): stuck PENDING, as a dead ACS action leaves it. */
export function orphanJob(node: MockNode): DownloadJob {
  return {
    id: node.id,
    ownerId: node.createdBy,
    nodeIds: [],
    createdAt: node.createdAt,
    plan: { entries: [], totalFiles: 0, totalBytes: 0, points: [] },
    timings: { progression: 'manual', pendingMs: 0, bytesPerSecond: 1, pendingPolls: 0, inProgressPolls: 0, maxContentSize: 0 },
    reads: 0,
    position: PENDING_POSITION,
    cancelledFrom: undefined,
    changedAt: node.modifiedAt,
    script: undefined,
    zip: undefined,
    zipSize: undefined,
  }
}

/** One row of the control API's overview. */
export function info(store: NodeStore, job: DownloadJob, view: DownloadView, lastChangeAt: number): DownloadInfo {
  const run = job.script
  return {
    ...view,
    name: store.get(job.id)?.name ?? '',
    owner: job.ownerId,
    nodeIds: [...job.nodeIds],
    progression: job.timings.progression,
    policy: run ? 'script' : job.timings.progression,
    scenario: run ? run.script.scenario : null,
    step: run ? run.index : null,
    createdAt: job.createdAt,
    lastChangeAt,
    cancelRequested: cancelRequested(job),
    zipBytes: job.zipSize,
  }
}
