import type { Clock } from '../clock.js'
import { errors } from '../errors.js'
import type { IdSource } from '../ids.js'
import type { Logger } from '../log.js'
import type { AuthStore } from '../store/auth-store.js'
import { nodeIdOf, type NodeStore } from '../store/node-store.js'
import { DOWNLOAD_NODE_TYPE, DOWNLOADS_CONTAINER_ID, type MockUser } from '../store/types.js'
import { isExpired, scheduleCleaner } from './cleaner.js'
import { downloadNode, info, orphanJob, syncNode, zipContent } from './download-node.js'
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
import { scriptView, settleRun, startRun } from './script.js'
import type { DownloadService, DownloadSettings, DownloadView, ScriptSource } from './types.js'
import { buildZip } from './zipper.js'

export interface DownloadServiceDeps {
  clock: Clock
  ids: IdSource
  store: NodeStore
  auth: AuthStore
  settings: DownloadSettings
  log: Logger
}

/**
 * ZIPs are built in memory. With maxContentSize disabled, a download of gigabytes of synthetic
 * content would exhaust memory, so the mock refuses to build one over this size, with a clear error.
 */
export const MAX_IN_MEMORY_ZIP_BYTES = 1024 * 1024 * 1024

function tooLargeToBuild(totalBytes: number): Error {
  return errors.internal(
    `alfresco-mock-server builds ZIPs in memory and will not build one of ${totalBytes} bytes (its limit is ${MAX_IN_MEMORY_ZIP_BYTES}). ` +
      'Please keep downloads.maxContentSize at or below that, or download smaller files.',
  )
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

  /**
   * Derives the view now (counting a status read when `poll`), records changes, syncs the node.
   * Undefined when a scripted `deleted` step has removed the download.
   */
  const observe = (job: DownloadJob, poll: boolean): DownloadView | undefined => {
    const now = clock.now()
    if (job.script) return observeScript(job, now, poll)
    const before = viewAt(job, positionAt(job, now))
    if (poll && job.timings.progression === 'polls') job.reads += 1
    const position = positionAt(job, now)
    const view = viewAt(job, position)
    if (!sameView(before, view)) job.changedAt = now
    syncNode(store, job, view, changeTimeAt(job, position))
    return view
  }

  /** A scripted download: its steps, not the policy; `deleted` removes it as the cleaner would. */
  const observeScript = (job: DownloadJob, now: number, poll: boolean): DownloadView | undefined => {
    const run = job.script!
    settleRun(run, now, poll)
    const view = scriptView(run, job.id, job.plan, job.timings.maxContentSize)
    if (view) syncNode(store, job, view, run.startedAt)
    else remove(job.id)
    return view
  }

  const remove = (id: string): void => {
    store.remove(id)
    jobs.delete(id)
  }

  /** When the view last changed: what the cleaner compares with maxAge. */
  const lastChangeAt = (job: DownloadJob, now: number): number =>
    job.script ? job.script.startedAt : changeTimeAt(job, positionAt(job, now))

  /** Never DONE before the ZIP can be served: build it (once) before answering. */
  const settle = async (job: DownloadJob, view: DownloadView | undefined): Promise<DownloadView> => {
    if (!view) throw errors.entityNotFound(job.id)
    if (view.status === 'DONE') await zipOf(job)
    return view
  }

  const zipOf = (job: DownloadJob): Promise<Uint8Array> => {
    if (job.plan.totalBytes > MAX_IN_MEMORY_ZIP_BYTES) return Promise.reject(tooLargeToBuild(job.plan.totalBytes))
    job.zip ??= buildZip(job.plan.entries, settings).then(
      (bytes) => {
        job.zipSize = bytes.byteLength
        const node = store.get(job.id)
        if (node) node.content = zipContent(bytes)
        return bytes
      },
      (err: unknown) => {
        job.zip = undefined // a failed build is not remembered: the next read tries again
        throw err
      },
    )
    return job.zip
  }

  /** The 404 / 400 / 403 checks of GET and DELETE /downloads/{id}, in ACS's order. */
  const requireJob = (user: MockUser, id: string): DownloadJob => {
    // A scripted `deleted` step that is due by the clock takes effect before the lookup: 404.
    const scripted = jobs.get(nodeIdOf(id))
    if (scripted?.script) observe(scripted, false)
    const node = store.require(id)
    if (node.nodeType !== DOWNLOAD_NODE_TYPE) throw errors.notADownload()
    if (!store.canRead(node, user)) throw errors.permissionDenied()
    return jobs.get(node.id) ?? orphanJob(node)
  }

  const runCleaner = (): string[] => {
    const now = clock.now()
    const deleted: string[] = []
    for (const node of store.children(DOWNLOADS_CONTAINER_ID)) {
      if (node.nodeType !== DOWNLOAD_NODE_TYPE) continue
      const job = jobs.get(node.id)
      if (job?.script && !observe(job, false)) continue
      const lastChange = job ? lastChangeAt(job, now) : node.modifiedAt
      if (!isExpired(lastChange, now, settings.cleaner.maxAgeMs)) continue
      remove(node.id)
      deleted.push(node.id)
    }
    if (deleted.length) deps.log.debug(`download cleaner deleted ${deleted.length}: ${deleted.join(', ')}`)
    return deleted
  }

  restartCleaner()
  return {
    create(user, nodeIds, source?: ScriptSource) {
      const roots = checkRequest(store, user, nodeIds)
      const script = typeof source === 'function' ? source() : source
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
        script: script ? startRun(script, now) : undefined,
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
      if (job.script) job.script.cancelRequested = true
      else job.cancelledFrom ??= positionAt(job, clock.now())
    },
    async content(id) {
      const job = jobs.get(id)
      if (!job || observe(job, false)?.status !== 'DONE') throw errors.contentNotFound(id)
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
      if (job.script) {
        throw errors.invalidArgument(
          `Failed to advance download ${id}: it follows the script of scenario "${job.script.script.scenario}". Please advance the mock's clock or poll it instead.`,
        )
      }
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
      const now = clock.now()
      return [...jobs.values()].flatMap((job) => {
        const view = observe(job, false)
        return view ? [info(store, job, view, lastChangeAt(job, now))] : []
      })
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
