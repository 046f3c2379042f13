import type { Clock } from '../clock.js'
import { errors } from '../errors.js'
import type { IdSource } from '../ids.js'
import type { Logger } from '../log.js'
import type { AuthStore } from '../store/auth-store.js'
import type { NodeStore } from '../store/node-store.js'
import { DOWNLOAD_NODE_TYPE, DOWNLOADS_CONTAINER_ID, type MockNode, type MockUser } from '../store/types.js'
import { isExpired, scheduleCleaner } from './cleaner.js'
import {
  changeTimeAt,
  endPosition,
  PENDING_POSITION,
  positionAt,
  sameView,
  viewAt,
  type DownloadJob,
} from './job.js'
import { buildPlan, checkRequest } from './plan.js'
import type { DownloadInfo, DownloadService, DownloadSettings, DownloadView } from './types.js'
import { buildZip } from './zipper.js'

export interface DownloadServiceDeps {
  clock: Clock
  ids: IdSource
  store: NodeStore
  auth: AuthStore
  settings: DownloadSettings
  log: Logger
}

/** The simulated zipper: download nodes in the store, jobs beside them, ZIPs built on demand. */
export function createDownloadService(deps: DownloadServiceDeps): DownloadService {
  const { clock, store, settings } = deps
  const jobs = new Map<string, DownloadJob>()
  let stopCleaner = (): void => undefined
  const restartCleaner = (): void => {
    stopCleaner()
    stopCleaner = scheduleCleaner(clock, settings.cleaner, () => void runCleaner())
  }

  /** Derives the view now (counting a status read when `poll`), records changes, syncs the node. */
  const observe = (job: DownloadJob, poll: boolean): DownloadView => {
    const now = clock.now()
    const before = viewAt(job, positionAt(job, now))
    if (poll && job.timings.progression === 'polls') job.reads += 1
    const position = positionAt(job, now)
    const view = viewAt(job, position)
    if (!sameView(before, view)) job.changedAt = now
    syncNode(store, job, view, changeTimeAt(job, position))
    return view
  }

  /** Never DONE before the ZIP can be served: build it (once) before answering. */
  const settle = async (job: DownloadJob, view: DownloadView): Promise<DownloadView> => {
    if (view.status === 'DONE') await zipOf(job)
    return view
  }

  const zipOf = (job: DownloadJob): Promise<Uint8Array> => {
    job.zip ??= buildZip(job.plan.entries, settings).then((bytes) => {
      job.zipSize = bytes.byteLength
      const node = store.get(job.id)
      if (node) node.content = zipContent(bytes)
      return bytes
    })
    return job.zip
  }

  /** The 404 / 400 / 403 checks of GET and DELETE /downloads/{id}, in ACS's order. */
  const requireJob = (user: MockUser, id: string): DownloadJob => {
    const node = store.require(id)
    if (node.nodeType !== DOWNLOAD_NODE_TYPE) throw errors.notADownload()
    if (!store.canRead(node, user)) throw errors.permissionDenied()
    return jobs.get(id) ?? orphanJob(node)
  }

  const runCleaner = (): string[] => {
    const now = clock.now()
    const deleted: string[] = []
    for (const node of store.children(DOWNLOADS_CONTAINER_ID)) {
      if (node.nodeType !== DOWNLOAD_NODE_TYPE) continue
      const job = jobs.get(node.id)
      const lastChange = job ? changeTimeAt(job, positionAt(job, now)) : node.modifiedAt
      if (!isExpired(lastChange, now, settings.cleaner.maxAgeMs)) continue
      store.remove(node.id)
      jobs.delete(node.id)
      deleted.push(node.id)
    }
    if (deleted.length) deps.log.debug(`download cleaner deleted ${deleted.length}: ${deleted.join(', ')}`)
    return deleted
  }

  restartCleaner()
  return {
    create(user, nodeIds) {
      const roots = checkRequest(store, user, nodeIds)
      const now = clock.now()
      const id = deps.ids.uuid()
      const name = roots.length > 1 ? 'archive.zip' : `${roots[0]!.name}.zip`
      const plan = buildPlan(store, user, roots)
      store.add(downloadNode(id, name, user.id, now))
      const job: DownloadJob = {
        id,
        ownerId: user.id,
        nodeIds: [...nodeIds],
        createdAt: now,
        plan,
        timings: { ...settings },
        reads: 0,
        position: PENDING_POSITION,
        cancelledFrom: undefined,
        changedAt: now,
        zip: undefined,
        zipSize: undefined,
      }
      jobs.set(id, job)
      // The REST answer is always PENDING: ACS queues the zipper after the transaction commits.
      return viewAt(job, PENDING_POSITION)
    },
    async status(user, id) {
      const job = requireJob(user, id)
      return settle(job, observe(job, true))
    },
    cancel(user, id) {
      const job = requireJob(user, id)
      job.cancelledFrom ??= positionAt(job, clock.now())
    },
    async content(id) {
      const job = jobs.get(id)
      if (!job || observe(job, false).status !== 'DONE') throw errors.contentNotFound(id)
      return zipOf(job)
    },
    async refreshNode(node) {
      const job = jobs.get(node.id)
      if (job) await settle(job, observe(job, false))
    },
    forget(id) {
      jobs.delete(id)
    },
    advance(id, steps = 1) {
      const job = jobs.get(id)
      if (!job) throw store.get(id) ? errors.notADownload() : errors.entityNotFound(id)
      if (job.timings.progression !== 'manual') {
        throw errors.invalidArgument(
          `Failed to advance download ${id}: its progression is "${job.timings.progression}". Please create the mock with downloads: { progression: 'manual' }.`,
        )
      }
      if (steps !== 'done' && (!Number.isInteger(steps) || steps < 1)) {
        throw errors.invalidArgument(`Failed to advance download ${id}: steps "${String(steps)}" is not a positive integer. Please pass 1 or more, or 'done'.`)
      }
      const end = endPosition(job)
      const before = viewAt(job, job.position)
      job.position = steps === 'done' ? end : Math.min(end, job.position + steps)
      const view = viewAt(job, job.position)
      if (!sameView(before, view)) job.changedAt = clock.now()
      syncNode(store, job, view, job.changedAt)
      return view
    },
    overview() {
      return [...jobs.values()].map((job) => info(store, job, observe(job, false), clock.now()))
    },
    runCleaner,
    reset() {
      jobs.clear()
      restartCleaner()
    },
    stop() {
      stopCleaner()
    },
  }
}

function downloadNode(id: string, name: string, owner: string, now: number): MockNode {
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

/** Status updates are property writes in ACS: cm:modified moves with each one. */
function syncNode(store: NodeStore, job: DownloadJob, view: DownloadView, changedAt: number): void {
  const node = store.get(job.id)
  if (!node) return
  node.modifiedAt = Math.max(node.createdAt, changedAt)
  Object.assign(node.properties, {
    'download:status': view.status,
    'download:done': view.bytesAdded,
    'download:total': view.totalBytes,
    'download:filesAdded': view.filesAdded,
    'download:totalFiles': view.totalFiles,
    'download:cancelled': job.cancelledFrom !== undefined,
  })
}

function zipContent(bytes: Uint8Array): NonNullable<MockNode['content']> {
  // The writer sets no mimetype, so ACS's ContentData falls back to octet-stream, UTF-8.
  return {
    mimeType: 'application/octet-stream',
    mimeTypeName: 'Binary File (Octet Stream)',
    encoding: 'UTF-8',
    source: { kind: 'bytes', bytes },
  }
}

/** A download node with no job (declared in fixtures): stuck PENDING, as a dead ACS action leaves it. */
function orphanJob(node: MockNode): DownloadJob {
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
    zip: undefined,
    zipSize: undefined,
  }
}

function info(store: NodeStore, job: DownloadJob, view: DownloadView, now: number): DownloadInfo {
  return {
    ...view,
    name: store.get(job.id)?.name ?? '',
    owner: job.ownerId,
    nodeIds: [...job.nodeIds],
    progression: job.timings.progression,
    createdAt: job.createdAt,
    lastChangeAt: changeTimeAt(job, positionAt(job, now)),
    cancelRequested: job.cancelledFrom !== undefined,
    zipBytes: job.zipSize,
  }
}
