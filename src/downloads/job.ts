import type { Plan } from './plan.js'
import type { ScriptRun } from './script.js'
import type { DownloadSettings, DownloadView, Progression } from './types.js'

/** The settings a job keeps from the moment it was created. */
export type JobTimings = Pick<
  DownloadSettings,
  'progression' | 'pendingMs' | 'bytesPerSecond' | 'pendingPolls' | 'inProgressPolls' | 'maxContentSize'
>

/**
 * One download. Its status is never stored: it is derived from a *position* on the plan's
 * progress points (-1 = PENDING, k = point k, n = DONE), and the position comes from the clock
 * (`time`, `instant`), the number of status reads (`polls`) or explicit advances (`manual`).
 */
export interface DownloadJob {
  readonly id: string
  readonly ownerId: string
  readonly nodeIds: readonly string[]
  readonly createdAt: number
  readonly plan: Plan
  readonly timings: JobTimings
  /** `polls`: status reads so far. */
  reads: number
  /** `manual`: the position it was advanced to. */
  position: number
  /** The position when the cancel flag was set; it bites at the next point after it. */
  cancelledFrom: number | undefined
  /** `polls`/`manual`: when the view last changed (for `time` it is derived). */
  changedAt: number
  /** A scenario's script, followed instead of the progression policy (script.ts). */
  readonly script: ScriptRun | undefined
  /** The ZIP, built once when DONE is first derived. */
  zip: Promise<Uint8Array> | undefined
  zipSize: number | undefined
}

export const PENDING_POSITION = -1

export function isExceeded(job: DownloadJob): boolean {
  const max = job.timings.maxContentSize
  return max > 0 && job.plan.totalBytes > max
}

/** The DONE position. A download over the limit has no points: it leaves PENDING straight to MAX. */
export function endPosition(job: DownloadJob): number {
  return isExceeded(job) ? 0 : job.plan.points.length
}

/** The current position, without counting a status read. */
export function positionAt(job: DownloadJob, now: number): number {
  const p: Progression = job.timings.progression
  if (p === 'polls') return pollPosition(job, job.reads)
  if (p === 'manual') return job.position
  return timedPosition(job, now)
}

/** `polls`: reads 1..pendingPolls are PENDING, the next inProgressPolls spread over the points. */
export function pollPosition(job: DownloadJob, reads: number): number {
  const { pendingPolls, inProgressPolls: m } = job.timings
  if (reads <= pendingPolls) return PENDING_POSITION
  const end = endPosition(job)
  const i = reads - pendingPolls - 1
  if (end === 0 || i >= m) return end
  return m === 1 ? 0 : Math.floor((i * (end - 1)) / (m - 1))
}

function pendingEnd(job: DownloadJob): number {
  return job.createdAt + (job.timings.progression === 'instant' ? 0 : job.timings.pendingMs)
}

/** `time`: when the zipper has read `offset` bytes (ceil: positions change on whole milliseconds). */
export function timeOfOffset(job: DownloadJob, offset: number): number {
  const rate = job.timings.progression === 'instant' ? Infinity : job.timings.bytesPerSecond
  if (offset === 0 || !(rate > 0) || rate === Infinity) return pendingEnd(job)
  return pendingEnd(job) + Math.ceil((offset * 1000) / rate)
}

function doneOffset(job: DownloadJob): number {
  return isExceeded(job) ? 0 : job.plan.totalBytes
}

function timedPosition(job: DownloadJob, now: number): number {
  if (now < pendingEnd(job)) return PENDING_POSITION
  if (now >= timeOfOffset(job, doneOffset(job))) return endPosition(job)
  // The last point reached: points[0].offset is 0, so the answer is at least 0.
  const points = job.plan.points
  let lo = 0
  let hi = points.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (timeOfOffset(job, points[mid]!.offset) <= now) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** The point where a set cancel flag is noticed, if one remains before DONE. */
function cancelPoint(job: DownloadJob): number | undefined {
  if (job.cancelledFrom === undefined) return undefined
  const c = job.cancelledFrom + 1
  return c < job.plan.points.length ? c : undefined
}

/** ACS's six fields at a position (CreateDownloadArchiveAction / ZipDownloadExporter). */
export function viewAt(job: DownloadJob, position: number): DownloadView {
  const { id, plan } = job
  const { totalBytes, totalFiles } = plan
  if (position < 0) return { id, status: 'PENDING', bytesAdded: 0, totalBytes: 0, filesAdded: 0, totalFiles: 0 }
  if (isExceeded(job)) {
    const bytesAdded = job.timings.maxContentSize
    return { id, status: 'MAX_CONTENT_SIZE_EXCEEDED', bytesAdded, totalBytes, filesAdded: 0, totalFiles }
  }
  const c = cancelPoint(job)
  if (c !== undefined && position >= c) return { id, status: 'CANCELLED', ...counters(job, c) }
  if (position < plan.points.length) return { id, status: 'IN_PROGRESS', ...counters(job, position) }
  return { id, status: 'DONE', bytesAdded: totalBytes, totalBytes, filesAdded: totalFiles, totalFiles }
}

function counters(job: DownloadJob, k: number): Omit<DownloadView, 'id' | 'status'> {
  const point = job.plan.points[k]!
  const { totalBytes, totalFiles } = job.plan
  return { bytesAdded: point.bytesAdded, totalBytes, filesAdded: point.filesAdded, totalFiles }
}

/** When the view at `position` began: analytic for `time`/`instant`, recorded for the others. */
export function changeTimeAt(job: DownloadJob, position: number): number {
  const p = job.timings.progression
  if (p === 'polls' || p === 'manual') return job.changedAt
  if (position < 0) return job.createdAt
  if (isExceeded(job)) return pendingEnd(job)
  const c = cancelPoint(job)
  const k = c !== undefined && position >= c ? c : position
  const point = job.plan.points[k]
  return timeOfOffset(job, point ? point.offset : job.plan.totalBytes)
}

export function sameView(a: DownloadView, b: DownloadView): boolean {
  return (
    a.status === b.status &&
    a.bytesAdded === b.bytesAdded &&
    a.filesAdded === b.filesAdded &&
    a.totalBytes === b.totalBytes &&
    a.totalFiles === b.totalFiles
  )
}
