/**
 * The only module that reads time or sets timers. Everything time-dependent in the mock
 * (dates, download progress, the cleaner, ticket expiry, scenario delays) goes through a Clock,
 * so tests can own time with a ManualClock and never sleep.
 */
export interface Clock {
  readonly kind: 'system' | 'manual'
  /** Milliseconds since the epoch. */
  now(): number
  /** Runs `fn` after `ms` on this clock; returns a function that cancels it. */
  setTimeout(fn: () => void, ms: number): () => void
}

/** The wall clock. Timers are unref'd so a forgotten mock never keeps a process alive. */
export class SystemClock implements Clock {
  readonly kind = 'system' as const
  now(): number {
    return Date.now()
  }
  setTimeout(fn: () => void, ms: number): () => void {
    const handle = globalThis.setTimeout(fn, Math.max(0, ms))
    handle.unref?.()
    return () => globalThis.clearTimeout(handle)
  }
}

/** The last moment a JavaScript Date can hold (+275760-09-13): dates past it throw when written. */
export const MAX_CLOCK_MS = 8.64e15

/** The message for an advance past MAX_CLOCK_MS (the control API answers it as a 400). */
export function tooFarMessage(ms: number): string {
  return `Failed to advance the clock: ${ms} ms would take it past the last date JavaScript can hold (+275760-09-13). Please advance it by less.`
}

interface Task {
  at: number
  seq: number
  fn: () => void
}

/** A clock that only moves when told to. `advance(ms)` runs due work in time order. */
export class ManualClock implements Clock {
  readonly kind = 'manual' as const
  #now: number
  #seq = 0
  #tasks: Task[] = []
  readonly #listeners = new Set<(now: number) => void>()

  constructor(start: number | Date = Date.UTC(2024, 0, 15, 9, 0, 0)) {
    this.#now = typeof start === 'number' ? start : start.getTime()
  }

  now(): number {
    return this.#now
  }

  setTimeout(fn: () => void, ms: number): () => void {
    const task: Task = { at: this.#now + Math.max(0, ms), seq: this.#seq++, fn }
    this.#tasks.push(task)
    return () => {
      this.#tasks = this.#tasks.filter((t) => t !== task)
    }
  }

  /** Moves time forward by `ms`, running each due task at its own due time, in order. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new TypeError(`Failed to advance the clock: "${ms}" is not a non-negative number of milliseconds.`)
    }
    const target = this.#now + ms
    // Past it every date written (ACS dates, errors' MMdd) throws, and an hourly cleaner would loop for ever.
    if (target > MAX_CLOCK_MS) throw new TypeError(tooFarMessage(ms))
    for (;;) {
      const next = this.#nextDue(target)
      if (!next) break
      this.#tasks = this.#tasks.filter((t) => t !== next)
      this.#now = next.at
      next.fn()
    }
    this.#now = target
    for (const listener of this.#listeners) listener(this.#now)
    return this.#now
  }

  /** Jumps to an absolute time (never backwards). */
  set(to: number | Date): number {
    const at = typeof to === 'number' ? to : to.getTime()
    return this.advance(Math.max(0, at - this.#now))
  }

  /** Called after every advance; used to wake waiters (scenario delays, dribbles). */
  onAdvance(listener: (now: number) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Number of pending timers, for diagnostics. */
  get pending(): number {
    return this.#tasks.length
  }

  #nextDue(target: number): Task | undefined {
    let best: Task | undefined
    for (const t of this.#tasks) {
      if (t.at <= target && (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq))) best = t
    }
    return best
  }
}

export function isManualClock(clock: Clock): clock is ManualClock {
  return clock instanceof ManualClock
}

/** Resolves after `ms` on the given clock (on a manual clock: when it is advanced far enough). */
export function waitOn(clock: Clock, ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve()
  return new Promise((resolve) => clock.setTimeout(resolve, ms))
}

/** Wall-clock elapsed time for benchmarks and request timings in the journal. */
export function monotonicMs(): number {
  return performance.now()
}

/**
 * Resolves after `ms` of wall-clock time, holding the process open meanwhile (unlike SystemClock's
 * unref'd timers): for a client in another process that polls the mock and must not be cut short.
 */
export function wallDelay(ms: number): Promise<void> {
  return new Promise((resolve) => globalThis.setTimeout(resolve, Math.max(0, ms)))
}

/**
 * Calls `fn` every `ms` of wall-clock time until the returned function is called; unref'd, so it
 * never keeps a process alive. For the CLI's watch on its parent process.
 */
export function wallInterval(fn: () => void, ms: number): () => void {
  const handle = globalThis.setInterval(fn, ms)
  handle.unref?.()
  return () => globalThis.clearInterval(handle)
}
