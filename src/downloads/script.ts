import type { Plan, ProgressPoint } from './plan.js'
import type { DownloadScript, DownloadView, ScriptStep, ScriptStepStatus } from './types.js'

/** Steps that only `deleted` may follow, and that ignore the cancel flag (ACS: cancel after DONE is a no-op). */
const FINAL: readonly ScriptStepStatus[] = ['DONE', 'CANCELLED', 'MAX_CONTENT_SIZE_EXCEEDED']

/**
 * Where a scripted download is in its script. Like the policies, the state is derived when the
 * download is looked at: `for` steps end on the clock (at `startedAt + forMs`, whoever looks),
 * `polls` steps end at the status read after their last one.
 */
export interface ScriptRun {
  readonly script: DownloadScript
  /** The current step. */
  index: number
  /** When the current step began on the mock's clock (also the download's last change). */
  startedAt: number
  /** Status reads the current step has answered. */
  reads: number
  /** DELETE /downloads/{id} set the flag; it is noticed at the next step change. */
  cancelRequested: boolean
  /** The flag was noticed: CANCELLED for good, with the counters at this progress. */
  cancelledAt: { progress: number | undefined } | undefined
}

export function startRun(script: DownloadScript, now: number): ScriptRun {
  return { script, index: 0, startedAt: now, reads: 0, cancelRequested: false, cancelledAt: undefined }
}

/** The status the run reports now (CANCELLED once the flag was noticed). */
export function runStatus(run: ScriptRun): ScriptStepStatus {
  return run.cancelledAt ? 'CANCELLED' : currentStep(run).status
}

function currentStep(run: ScriptRun): ScriptStep {
  return run.script.steps[run.index]!
}

/**
 * Ends every step that is over by `now`. With `read` (a GET /downloads/{id}), a step whose polls
 * are used up ends too, and the read is then counted by the step that answers it. A step entered
 * by a read begins at that read, so `{ polls: 1 }` then `{ for: 2s }` shows the second step for
 * 2 s from the second read.
 */
export function settleRun(run: ScriptRun, now: number, read: boolean): void {
  for (;;) {
    if (run.cancelledAt || run.index >= run.script.steps.length - 1) break
    const step = currentStep(run)
    const timeUp = step.forMs !== undefined && now >= run.startedAt + step.forMs
    const pollsUp = read && step.polls !== undefined && run.reads >= step.polls
    if (!timeUp && !pollsUp) break
    leaveStep(run, timeUp ? run.startedAt + step.forMs : now)
  }
  if (read) run.reads += 1
}

/** The next step begins at `at`, unless the cancel flag is noticed first: then CANCELLED for good. */
function leaveStep(run: ScriptRun, at: number): void {
  run.startedAt = at
  if (run.cancelRequested && !FINAL.includes(currentStep(run).status)) {
    run.cancelledAt = { progress: progressSoFar(run) }
    return
  }
  run.index += 1
  run.reads = 0
}

/** The progress of the latest IN_PROGRESS step up to the current one. */
function progressSoFar(run: ScriptRun): number | undefined {
  for (let i = run.index; i >= 0; i--) {
    const step = run.script.steps[i]!
    if (step.status === 'IN_PROGRESS') return step.progress ?? 0
  }
  return undefined
}

/**
 * ACS's six fields for the run's current step, or undefined for `deleted`. The counters are
 * those ACS's zipper writes (plan.ts), so a client sees consistent numbers:
 * - PENDING: zeros, as before ACS's first progress update.
 * - IN_PROGRESS at p: the last progress point at or before p of the bytes (bytesAdded > 0,
 *   filesAdded lagging by the file being written).
 * - CANCELLED: the point at the latest IN_PROGRESS step's progress, else the first point.
 * - MAX_CONTENT_SIZE_EXCEEDED: ACS's quirky counters, bytesAdded = the configured limit and
 *   filesAdded 0, even when the estimate is under the limit (the scenario forces it).
 * - DONE: the totals.
 */
export function scriptView(run: ScriptRun, id: string, plan: Plan, maxContentSize: number): DownloadView | undefined {
  const { totalBytes, totalFiles } = plan
  const status = runStatus(run)
  switch (status) {
    case 'deleted':
      return undefined
    case 'PENDING':
      return { id, status, bytesAdded: 0, totalBytes: 0, filesAdded: 0, totalFiles: 0 }
    case 'IN_PROGRESS':
      return { id, status, ...countersAt(plan, currentStep(run).progress ?? 0) }
    case 'CANCELLED':
      return { id, status, ...countersAt(plan, (run.cancelledAt ? run.cancelledAt.progress : progressSoFar(run)) ?? 0) }
    case 'MAX_CONTENT_SIZE_EXCEEDED':
      return { id, status, bytesAdded: Math.max(0, maxContentSize), totalBytes, filesAdded: 0, totalFiles }
    case 'DONE':
      return { id, status, bytesAdded: totalBytes, totalBytes, filesAdded: totalFiles, totalFiles }
  }
}

function countersAt(plan: Plan, progress: number): Omit<DownloadView, 'id' | 'status'> {
  const point = pointAt(plan.points, progress * plan.totalBytes)
  const { totalBytes, totalFiles } = plan
  // No point at all (only empty files): ACS never writes IN_PROGRESS then; the script forces it.
  return { bytesAdded: point?.bytesAdded ?? 0, totalBytes, filesAdded: point?.filesAdded ?? 0, totalFiles }
}

/** The last point whose chunk starts at or before `offset` (points[0] starts at 0). */
function pointAt(points: readonly ProgressPoint[], offset: number): ProgressPoint | undefined {
  let lo = 0
  let hi = points.length - 1
  if (hi < 0) return undefined
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (points[mid]!.offset <= offset) lo = mid
    else hi = mid - 1
  }
  return points[lo]
}
