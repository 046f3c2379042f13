import { afterEach, describe, expect, it, vi } from 'vitest'
import { ManualClock, SystemClock, isManualClock, waitOn } from '../../src/clock.js'

const START = Date.UTC(2024, 0, 15, 9, 0, 0)

describe('ManualClock', () => {
  it('starts at 2024-01-15T09:00:00Z unless given a start time as a number or a Date', () => {
    expect(new ManualClock().now()).toBe(START)
    expect(new ManualClock(1_000).now()).toBe(1_000)
    expect(new ManualClock(new Date('2030-05-01T00:00:00Z')).now()).toBe(Date.UTC(2030, 4, 1))
  })

  it('does not move until advanced, then moves by exactly the amount asked', () => {
    const clock = new ManualClock(0)
    expect(clock.now()).toBe(0)
    expect(clock.advance(1_500)).toBe(1_500)
    expect(clock.now()).toBe(1_500)
    clock.advance(0)
    expect(clock.now()).toBe(1_500)
  })

  it('runs due tasks in time order, each seeing its own due time as now', () => {
    const clock = new ManualClock(0)
    const seen: string[] = []
    clock.setTimeout(() => seen.push(`c@${clock.now()}`), 300)
    clock.setTimeout(() => seen.push(`a@${clock.now()}`), 100)
    clock.setTimeout(() => seen.push(`b@${clock.now()}`), 200)
    clock.advance(1_000)
    expect(seen).toEqual(['a@100', 'b@200', 'c@300'])
    expect(clock.now()).toBe(1_000)
  })

  it('runs tasks due at the same time in the order they were scheduled', () => {
    const clock = new ManualClock(0)
    const seen: number[] = []
    for (const n of [1, 2, 3]) clock.setTimeout(() => seen.push(n), 50)
    clock.advance(50)
    expect(seen).toEqual([1, 2, 3])
  })

  it('refuses to move past the last date JavaScript can hold, and stays where it was', () => {
    const clock = new ManualClock(START)
    expect(() => clock.advance(8.64e15)).toThrow(
      'Failed to advance the clock: 8640000000000000 ms would take it past the last date JavaScript can hold (+275760-09-13). Please advance it by less.',
    )
    expect(clock.now()).toBe(START)
    expect(clock.advance(8.64e15 - START)).toBe(8.64e15)
  })

  it('leaves tasks that are not yet due for a later advance', () => {
    const clock = new ManualClock(0)
    const fn = vi.fn()
    clock.setTimeout(fn, 1_000)
    clock.advance(999)
    expect(fn).not.toHaveBeenCalled()
    expect(clock.pending).toBe(1)
    clock.advance(1)
    expect(fn).toHaveBeenCalledTimes(1)
    expect(clock.pending).toBe(0)
  })

  it('treats a negative delay as zero: due on the next advance, even advance(0)', () => {
    const clock = new ManualClock(0)
    const fn = vi.fn()
    clock.setTimeout(fn, -5)
    clock.advance(0)
    expect(fn).toHaveBeenCalledTimes(1)
  })

  it('never runs a cancelled task, and cancelling twice is harmless', () => {
    const clock = new ManualClock(0)
    const kept = vi.fn()
    const dropped = vi.fn()
    clock.setTimeout(kept, 10)
    const cancel = clock.setTimeout(dropped, 10)
    cancel()
    cancel()
    clock.advance(100)
    expect(dropped).not.toHaveBeenCalled()
    expect(kept).toHaveBeenCalledTimes(1)
  })

  it('runs a task scheduled by a task during the same advance when it falls due within it', () => {
    const clock = new ManualClock(0)
    const seen: number[] = []
    const tick = () => {
      seen.push(clock.now())
      clock.setTimeout(tick, 100) // a repeating job, as the cleaner schedules itself
    }
    clock.setTimeout(tick, 100)
    clock.advance(350)
    expect(seen).toEqual([100, 200, 300])
    expect(clock.pending).toBe(1)
    clock.advance(50)
    expect(seen).toEqual([100, 200, 300, 400])
  })

  it('lets a task cancel another that was due later in the same advance', () => {
    const clock = new ManualClock(0)
    const later = vi.fn()
    const cancelLater = clock.setTimeout(later, 200)
    clock.setTimeout(() => cancelLater(), 100)
    clock.advance(500)
    expect(later).not.toHaveBeenCalled()
  })

  it('jumps to an absolute time with set(), running what falls due, and never goes backwards', () => {
    const clock = new ManualClock(0)
    const fn = vi.fn()
    clock.setTimeout(fn, 5_000)
    expect(clock.set(new Date(6_000))).toBe(6_000)
    expect(fn).toHaveBeenCalledTimes(1)
    expect(clock.set(1_000)).toBe(6_000)
    expect(clock.now()).toBe(6_000)
  })

  it('rejects a negative or non-finite advance with a message and leaves time unchanged', () => {
    const clock = new ManualClock(0)
    expect(() => clock.advance(-1)).toThrow(
      new TypeError('Failed to advance the clock: "-1" is not a non-negative number of milliseconds.'),
    )
    expect(() => clock.advance(Number.NaN)).toThrow(TypeError)
    expect(() => clock.advance(Number.POSITIVE_INFINITY)).toThrow(TypeError)
    expect(clock.now()).toBe(0)
  })

  it('tells advance listeners the new time after each advance until they unsubscribe', () => {
    const clock = new ManualClock(0)
    const seen: number[] = []
    const off = clock.onAdvance((now) => seen.push(now))
    clock.advance(10)
    clock.advance(5)
    off()
    clock.advance(1)
    expect(seen).toEqual([10, 15])
  })

  it('resolves waitOn() only once the manual clock is advanced far enough', async () => {
    const clock = new ManualClock(0)
    let done = false
    const slept = waitOn(clock, 1_000).then(() => (done = true))
    clock.advance(999)
    await Promise.resolve()
    expect(done).toBe(false)
    clock.advance(1)
    await slept
    expect(done).toBe(true)
  })

  it('is recognised by isManualClock, and the system clock is not', () => {
    expect(isManualClock(new ManualClock())).toBe(true)
    expect(isManualClock(new SystemClock())).toBe(false)
  })
})

describe('SystemClock', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('reads the wall clock', () => {
    const before = Date.now()
    const now = new SystemClock().now()
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })

  it("unrefs its timers so a forgotten mock never keeps the process alive, and cancel clears them", () => {
    const unref = vi.fn()
    const handle = { unref } as unknown as NodeJS.Timeout
    const set = vi.spyOn(globalThis, 'setTimeout').mockReturnValue(handle)
    const clear = vi.spyOn(globalThis, 'clearTimeout').mockImplementation(() => undefined)
    const fn = (): void => undefined
    const cancel = new SystemClock().setTimeout(fn, -10)
    expect(set).toHaveBeenCalledWith(fn, 0)
    expect(unref).toHaveBeenCalledTimes(1)
    cancel()
    expect(clear).toHaveBeenCalledWith(handle)
  })

  it('creates a real timer that reports it does not hold the event loop open', () => {
    const clock = new SystemClock()
    const set = vi.spyOn(globalThis, 'setTimeout')
    const cancel = clock.setTimeout(() => undefined, 60_000)
    const handle = set.mock.results[0]!.value as NodeJS.Timeout
    expect(handle.hasRef()).toBe(false)
    cancel()
  })
})
