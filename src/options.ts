import { ManualClock, SystemClock, type Clock } from './clock.js'
import { PROGRESSIONS, type DownloadSettings } from './downloads/types.js'
import { DEFAULT_MAX_BODY_BYTES } from './http/body.js'
import { DEFAULT_JOURNAL_MAX_BYTES } from './http/journal-bounds.js'
import { resolveCorsPolicy, type CorsOptions, type CorsPolicy } from './http/cors-policy.js'
import { DEFAULT_TICKET_LIFETIME_MS } from './store/auth-store.js'
import { LOG_LEVELS, type LogLevel } from './log.js'

import type { FixturesInput } from './fixtures/load.js'
import type { ScenarioInput } from './scenarios/types.js'

export type { FixturesInput, CorsOptions }

/** Settings of the simulated zipper and cleaner; every field optional, deep-merged over the defaults. */
export type DownloadOptions = Partial<Omit<DownloadSettings, 'cleaner'>> & {
  cleaner?: Partial<DownloadSettings['cleaner']>
}

export interface MockOptions {
  /** TCP port for startAlfrescoMock; 0 picks a free one. Default 0 (the CLI defaults to 8080). */
  port?: number
  /** Interface to bind. Default 127.0.0.1. */
  host?: string
  /** Fixtures: a packaged name, a path, or an object. Default `default`. */
  fixtures?: FixturesInput
  /** `system` (default), `manual` (tests advance it), or your own Clock. */
  clock?: 'system' | 'manual' | Clock
  /** Start time of a manual clock (ms or Date). Default 2024-01-15T09:00:00Z. */
  startTime?: number | Date
  /** `random` (default) or `sequential` (predictable ids and tickets). */
  ids?: 'random' | 'sequential'
  /** Log level. Default `warn` (the CLI defaults to `info`, one line per request). */
  logLevel?: LogLevel
  /** Where log lines go. Default stderr. */
  logger?: (line: string) => void
  /** The zipper and the cleaner. */
  downloads?: DownloadOptions
  /** Ticket lifetime after inactivity in ms (ACS: 1 h); ≤ 0 means tickets never expire. */
  ticketLifetimeMs?: number
  /** Largest request body read, in bytes; larger bodies get 413. Default 64 MiB. */
  maxBodyBytes?: number
  /**
   * What the request journal may hold, in bytes (about its JSON size): the oldest entries go
   * first. Default 16 MiB, besides the count limit of 10,000; long paths and query values are cut.
   */
  journalMaxBytes?: number
  /**
   * The scenario active from the start (and again after `reset()`): a packaged name such as
   * `flaky-status`, a path to a YAML or JSON file, or the scenario object itself.
   */
  scenario?: ScenarioInput
  /**
   * Check each API request against ACS's OpenAPI spec (operation, path and query parameters, JSON
   * body): `true` reports violations in an `X-Mock-Validation` header and the request journal;
   * `'strict'` answers ACS's 400 InvalidArgument instead. Default: the environment variable
   * `ALFRESCO_MOCK_VALIDATE` (`1`/`true`, `strict`), else off.
   */
  validate?: boolean | 'strict'
  /**
   * Answer browsers of other origins as ACS does with `cors.enabled=true` (Tomcat's CORS filter):
   * `true` for any origin (without credentials), a list (or comma-separated string) of origins
   * such as `http://localhost:4200` (with credentials, as ACS), or every setting. Default off, as ACS.
   */
  cors?: boolean | string | readonly string[] | CorsOptions
}

export const DEFAULT_DOWNLOAD_SETTINGS: DownloadSettings = Object.freeze({
  progression: 'time',
  pendingMs: 250,
  bytesPerSecond: 20 * 1024 * 1024,
  pendingPolls: 1,
  inProgressPolls: 2,
  maxContentSize: 2_152_852_358,
  compression: 'DEFLATE',
  compressionLevel: 6,
  cleaner: Object.freeze({ enabled: true, startDelayMs: 3_600_000, intervalMs: 3_600_000, maxAgeMs: 3_600_000 }),
})

export interface ResolvedOptions {
  port: number
  host: string
  fixtures: FixturesInput
  clock: Clock
  ids: 'random' | 'sequential'
  logLevel: LogLevel
  logger: ((line: string) => void) | undefined
  downloads: DownloadOptions
  ticketLifetimeMs: number | undefined
  maxBodyBytes: number
  journalMaxBytes: number
  scenario: ScenarioInput | undefined
  validate: 'report' | 'strict' | undefined
  cors: CorsPolicy | undefined
}

/** Checks options at the boundary with messages of the form "Failed to X: reason. Please Y." */
export function resolveOptions(options: MockOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('Failed to create the mock: options must be an object. Please pass { port: 0 } or nothing.')
  }
  const port = options.port ?? 0
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`Failed to create the mock: port "${String(port)}" is not a port number. Please pass 0–65535 (0 picks a free port).`)
  }
  const logLevel = options.logLevel ?? 'warn'
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new TypeError(`Failed to create the mock: log level "${String(logLevel)}" is unknown. Please use one of ${LOG_LEVELS.join(', ')}.`)
  }
  const progression = options.downloads?.progression
  if (progression !== undefined && !PROGRESSIONS.includes(progression)) {
    throw new TypeError(`Failed to create the mock: progression "${String(progression)}" is unknown. Please use one of ${PROGRESSIONS.join(', ')}.`)
  }
  checkDownloadOptions(options.downloads)
  return {
    port,
    host: options.host ?? '127.0.0.1',
    fixtures: options.fixtures ?? 'default',
    clock: makeClock(options.clock, options.startTime),
    ids: options.ids ?? 'random',
    logLevel,
    logger: options.logger,
    downloads: options.downloads ?? {},
    ticketLifetimeMs: options.ticketLifetimeMs,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    journalMaxBytes: byteBudget('journalMaxBytes', options.journalMaxBytes, DEFAULT_JOURNAL_MAX_BYTES),
    scenario: checkScenarioOption(options.scenario),
    validate: validationMode(options.validate),
    cors: options.cors === undefined || options.cors === false ? undefined : resolveCorsPolicy(options.cors),
  }
}

/**
 * Checked here because the zipper would only misbehave later — a 500 on every DONE download, or a
 * download that never moves (fixture files check theirs in their own schema).
 */
function checkDownloadOptions(downloads: DownloadOptions | undefined): void {
  const { compression, compressionLevel: level, cleaner, ...numbers } = downloads ?? {}
  if (compression !== undefined && compression !== 'DEFLATE' && compression !== 'STORE') {
    throw new TypeError(`Failed to create the mock: compression "${String(compression)}" is unknown. Please use DEFLATE or STORE.`)
  }
  if (level !== undefined && !(Number.isInteger(level) && level >= 1 && level <= 9)) {
    throw new TypeError(`Failed to create the mock: compressionLevel "${String(level)}" is not a DEFLATE level. Please pass a whole number from 1 to 9.`)
  }
  const wanted: Record<string, (n: number) => boolean> = {
    pendingMs: (n) => n >= 0,
    bytesPerSecond: (n) => n > 0,
    pendingPolls: (n) => Number.isInteger(n) && n >= 0,
    inProgressPolls: (n) => Number.isInteger(n) && n >= 0,
    maxContentSize: () => true,
    startDelayMs: (n) => n >= 0,
    intervalMs: (n) => n > 0,
    maxAgeMs: (n) => n >= 0,
  }
  const given: [string, unknown][] = [
    ...Object.entries(numbers).filter(([k]) => k !== 'progression'),
    ...Object.entries(cleaner ?? {}).filter(([k]) => k !== 'enabled'),
  ]
  for (const [key, value] of given) {
    const ok = Object.hasOwn(wanted, key) ? wanted[key] : undefined
    if (value === undefined || !ok) continue
    if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) {
      throw new TypeError(`Failed to create the mock: downloads ${key} ${JSON.stringify(value)} is out of range. Please see the README's download settings for what it takes.`)
    }
  }
}

function byteBudget(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value
  throw new TypeError(`Failed to create the mock: ${name} ${JSON.stringify(value)} is not a number of bytes. Please pass a whole number above 0, such as 16777216.`)
}

/** The `validate` option, defaulting to ALFRESCO_MOCK_VALIDATE (how the test suite turns it on everywhere). */
function validationMode(validate: unknown): 'report' | 'strict' | undefined {
  const value = validate ?? envValidate(process.env.ALFRESCO_MOCK_VALIDATE)
  if (value === true || value === 'report') return 'report'
  if (value === 'strict') return 'strict'
  if (value === false || value === undefined) return undefined
  throw new TypeError(`Failed to create the mock: validate ${JSON.stringify(value)} is unknown. Please pass true, false or 'strict'.`)
}

function envValidate(raw: string | undefined): boolean | 'strict' | undefined {
  const v = raw?.trim().toLowerCase()
  if (v === undefined || v === '' || v === '0' || v === 'false' || v === 'off') return undefined
  return v === 'strict' ? 'strict' : true
}

function checkScenarioOption(scenario: unknown): ScenarioInput | undefined {
  if (scenario === undefined || typeof scenario === 'string' || (typeof scenario === 'object' && scenario !== null && !Array.isArray(scenario))) {
    return scenario as ScenarioInput | undefined
  }
  throw new TypeError(`Failed to create the mock: scenario "${JSON.stringify(scenario)}" is neither a name, a path nor an object. Please pass e.g. 'flaky-status'.`)
}

function makeClock(clock: MockOptions['clock'], start: MockOptions['startTime']): Clock {
  if (clock === undefined || clock === 'system') return new SystemClock()
  if (clock === 'manual') return new ManualClock(start)
  if (typeof clock === 'object' && typeof clock.now === 'function' && typeof clock.setTimeout === 'function') return clock
  throw new TypeError(`Failed to create the mock: clock "${typeof clock === 'string' ? clock : typeof clock}" is unknown. Please pass 'system', 'manual' or a Clock.`)
}

/** Defaults ← fixture `settings.downloads` ← options, field by field. */
export function mergeDownloadSettings(...layers: (DownloadOptions | undefined)[]): DownloadSettings {
  let out: DownloadSettings = { ...DEFAULT_DOWNLOAD_SETTINGS, cleaner: { ...DEFAULT_DOWNLOAD_SETTINGS.cleaner } }
  for (const layer of layers) {
    if (!layer) continue
    const { cleaner, ...rest } = layer
    out = { ...out, ...definedOnly(rest), cleaner: { ...out.cleaner, ...definedOnly(cleaner ?? {}) } }
  }
  return out
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}

export { DEFAULT_TICKET_LIFETIME_MS }
