import { describe, expect, it } from 'vitest'
import { ManualClock, SystemClock, type Clock } from '../../src/clock.js'
import { DEFAULT_DOWNLOAD_SETTINGS, mergeDownloadSettings, resolveOptions, type MockOptions } from '../../src/options.js'

const bad = (options: unknown): (() => unknown) => () => resolveOptions(options as MockOptions)

describe('resolveOptions', () => {
  it('fills in the documented defaults when given nothing', () => {
    const r = resolveOptions()
    expect(r).toMatchObject({ port: 0, host: '127.0.0.1', fixtures: 'default', ids: 'random', logLevel: 'warn', downloads: {} })
    expect(r.clock).toBeInstanceOf(SystemClock)
    expect(r.ticketLifetimeMs).toBeUndefined()
    expect(r.maxBodyBytes).toBe(64 * 1024 * 1024)
  })

  it('makes a manual clock that starts at startTime, given as a number or a Date', () => {
    expect(resolveOptions({ clock: 'manual', startTime: 42 }).clock.now()).toBe(42)
    expect(resolveOptions({ clock: 'manual', startTime: new Date(7) }).clock.now()).toBe(7)
    expect(resolveOptions({ clock: 'manual' }).clock).toBeInstanceOf(ManualClock)
  })

  it('uses a Clock object passed in as it is', () => {
    const clock: Clock = { kind: 'manual', now: () => 5, setTimeout: () => () => undefined }
    expect(resolveOptions({ clock }).clock).toBe(clock)
  })

  it('rejects options that are not an object, word for word', () => {
    const message = 'Failed to create the mock: options must be an object. Please pass { port: 0 } or nothing.'
    expect(bad(null)).toThrow(new TypeError(message))
    expect(bad('fast')).toThrow(new TypeError(message))
  })

  it('rejects a port outside 0–65535 or not a whole number, word for word', () => {
    for (const port of [-1, 65_536, 80.5, '8080', Number.NaN]) {
      expect(bad({ port })).toThrow(
        new TypeError(
          `Failed to create the mock: port "${String(port)}" is not a port number. Please pass 0–65535 (0 picks a free port).`,
        ),
      )
    }
    expect(resolveOptions({ port: 65_535 }).port).toBe(65_535)
  })

  it('rejects an unknown log level, word for word', () => {
    expect(bad({ logLevel: 'loud' })).toThrow(
      new TypeError('Failed to create the mock: log level "loud" is unknown. Please use one of silent, error, warn, info, debug.'),
    )
  })

  it('rejects an unknown download progression, word for word', () => {
    expect(bad({ downloads: { progression: 'fast' } })).toThrow(
      new TypeError('Failed to create the mock: progression "fast" is unknown. Please use one of time, polls, manual, instant.'),
    )
  })

  it('rejects a compression the zipper cannot write, word for word, rather than failing each ZIP with a 500', () => {
    expect(bad({ downloads: { compression: 'BZIP' as never } })).toThrow(
      new TypeError('Failed to create the mock: compression "BZIP" is unknown. Please use DEFLATE or STORE.'),
    )
    expect(bad({ downloads: { compressionLevel: 42 } })).toThrow(
      new TypeError('Failed to create the mock: compressionLevel "42" is not a DEFLATE level. Please pass a whole number from 1 to 9.'),
    )
  })

  it('rejects an unknown clock, word for word', () => {
    expect(bad({ clock: 'fake' })).toThrow(
      new TypeError("Failed to create the mock: clock \"fake\" is unknown. Please pass 'system', 'manual' or a Clock."),
    )
    expect(bad({ clock: { now: () => 1 } })).toThrow(
      new TypeError("Failed to create the mock: clock \"object\" is unknown. Please pass 'system', 'manual' or a Clock."),
    )
  })

  it('rejects a scenario that is neither a name, a path nor an object, word for word', () => {
    expect(bad({ scenario: 42 })).toThrow(
      new TypeError(`Failed to create the mock: scenario "42" is neither a name, a path nor an object. Please pass e.g. 'flaky-status'.`),
    )
    expect(bad({ scenario: ['a'] })).toThrow(TypeError)
  })
})

describe('mergeDownloadSettings', () => {
  it("starts from ACS's defaults", () => {
    expect(mergeDownloadSettings()).toEqual(DEFAULT_DOWNLOAD_SETTINGS)
    expect(DEFAULT_DOWNLOAD_SETTINGS).toMatchObject({ maxContentSize: 2_152_852_358, compression: 'DEFLATE' })
    expect(DEFAULT_DOWNLOAD_SETTINGS.cleaner).toEqual({ enabled: true, startDelayMs: 3_600_000, intervalMs: 3_600_000, maxAgeMs: 3_600_000 })
  })

  it('lets each later layer win field by field, cleaner fields included, ignoring undefined', () => {
    const merged = mergeDownloadSettings(
      { progression: 'polls', pendingPolls: 4, cleaner: { intervalMs: 10 } },
      undefined,
      { pendingPolls: 2, progression: undefined, cleaner: { enabled: false } },
    )
    expect(merged).toMatchObject({ progression: 'polls', pendingPolls: 2, pendingMs: DEFAULT_DOWNLOAD_SETTINGS.pendingMs })
    expect(merged.cleaner).toEqual({ ...DEFAULT_DOWNLOAD_SETTINGS.cleaner, intervalMs: 10, enabled: false })
  })
})

describe('download settings given as options', () => {
  it.each([
    ['pendingMs', -1],
    ['bytesPerSecond', 0],
    ['pendingPolls', 1.5],
    ['maxContentSize', '2GB'],
  ] as const)('rejects %s %j at the start, word for word', (key, value) => {
    expect(() => resolveOptions({ downloads: { [key]: value } })).toThrow(
      new TypeError(`Failed to create the mock: downloads ${key} ${JSON.stringify(value)} is out of range. Please see the README's download settings for what it takes.`),
    )
  })

  it('rejects a cleaner interval of 0, which would run the cleaner for ever', () => {
    expect(() => resolveOptions({ downloads: { cleaner: { intervalMs: 0 } } })).toThrow(/downloads intervalMs 0 is out of range/)
  })

  it('accepts every default', () => {
    const { cleaner, ...rest } = DEFAULT_DOWNLOAD_SETTINGS
    expect(() => resolveOptions({ downloads: { ...rest, cleaner: { ...cleaner } } })).not.toThrow()
  })
})
