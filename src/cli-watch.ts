import { fstatSync } from 'node:fs'
import { wallInterval } from './clock.js'

/** Why the CLI closes without a signal. */
export type GoneReason = 'parent-exited' | 'stdin-closed'

/** How often the parent's pid is compared; a check is one getppid() call. */
const PARENT_POLL_MS = 250

/**
 * Calls `onGone` once, when the process that started this one has gone — its parent pid changed
 * (the kernel re-parents an orphan to init or a subreaper; no event says so, hence the poll) — or
 * when stdin, if it is a pipe or socket, reaches its end (the writer closed it or died). A TTY, a
 * file or /dev/null is not watched, nor a parent that is already init. Returns a function that stops.
 */
export function watchParent(onGone: (reason: GoneReason) => void): () => void {
  let stopped = false
  const stops: (() => void)[] = []
  const stop = (): void => {
    stopped = true
    stops.splice(0).forEach((s) => s())
  }
  const gone = (reason: GoneReason): void => {
    if (stopped) return
    stop()
    onGone(reason)
  }
  const parent = process.ppid
  if (parent > 1) stops.push(wallInterval(() => process.ppid !== parent && gone('parent-exited'), PARENT_POLL_MS))
  if (stdinIsPipe()) {
    const onEnd = (): void => gone('stdin-closed')
    process.stdin.on('end', onEnd).on('error', onEnd)
    // Read and drop whatever arrives: the end is only seen by a stream that flows.
    process.stdin.resume()
    stops.push(() => {
      process.stdin.off('end', onEnd).off('error', onEnd)
      process.stdin.pause()
    })
  }
  return stop
}

function stdinIsPipe(): boolean {
  try {
    const stat = fstatSync(0)
    return stat.isFIFO() || stat.isSocket()
  } catch {
    return false // no fd 0 at all
  }
}
