import { parseArgs } from 'node:util'
import { PROGRESSIONS, type Progression } from './downloads/types.js'
import { formatSize, parseDuration, parseSize } from './fixtures/units.js'
import { LOG_LEVELS } from './log.js'
import { DEFAULT_JOURNAL_MAX_BYTES } from './http/journal-bounds.js'
import { DEFAULT_DOWNLOAD_SETTINGS, DEFAULT_TICKET_LIFETIME_MS, type DownloadOptions, type MockOptions } from './options.js'

// Kept free of hono, yaml and the fixture loader, so `--help` and bad flags answer without loading them.

/** What the command line asks for. */
export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'run'; json: boolean; options: MockOptions & { port: number; clock: 'system' | 'manual' } }

/** A bad flag or value: the CLI prints the message and exits 2. */
export class CliUsageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`alfresco-mock: ${problems.join('\n  ')}\nRun alfresco-mock --help for the options.`)
    this.name = 'CliUsageError'
  }
}

const D = DEFAULT_DOWNLOAD_SETTINGS

export const HELP = `alfresco-mock — a mock of Alfresco Content Services' REST API for tests

Usage: alfresco-mock [options]

Server:
  -p, --port <n>               port to listen on; 0 picks a free one (default 8080)
  -H, --host <addr>            interface to bind (default 127.0.0.1)
  -f, --fixtures <name|path>   packaged fixture name or path to a YAML file (default "default")
  -s, --scenario <name|path>   scenario active from the start: a packaged name or a YAML file (default none)
      --clock <kind>           system | manual (default system); manual enables POST /__mock/clock/advance
      --log-level <level>      ${LOG_LEVELS.join(' | ')} (default info: one line per request, on stderr)
      --json                   machine-readable stdout; the first line is {"event":"ready","url",…}
      --validate[=strict]      check requests against ACS's OpenAPI spec: report violations in an
                               X-Mock-Validation header and the journal; strict answers 400 instead
      --ticket-lifetime <d>    ticket expiry after inactivity; 0 = never (default ${duration(DEFAULT_TICKET_LIFETIME_MS)})
      --journal-max-bytes <s>  the request journal's memory budget; the oldest entries go first (default ${formatSize(DEFAULT_JOURNAL_MAX_BYTES).replace(' ', '')})

Downloads (override the fixture's settings.downloads):
      --progression <kind>     ${PROGRESSIONS.join(' | ')} (default ${D.progression})
      --pending <d>            time: how long a download stays PENDING (default ${duration(D.pendingMs)})
      --rate <size>            time: bytes zipped per second of the clock (default ${formatSize(D.bytesPerSecond).replace(' ', '')})
      --pending-polls <n>      polls: status reads answering PENDING (default ${D.pendingPolls})
      --in-progress-polls <n>  polls: status reads answering IN_PROGRESS (default ${D.inProgressPolls})
      --max-content-size <s>   larger downloads end MAX_CONTENT_SIZE_EXCEEDED; 0 = no limit (default ${D.maxContentSize})
      --compression <kind>     deflate | store (default ${D.compression.toLowerCase()})
      --cleaner-start-delay <d>  first cleaner run after start (default ${duration(D.cleaner.startDelayMs)})
      --cleaner-interval <d>   time between cleaner runs (default ${duration(D.cleaner.intervalMs)})
      --cleaner-max-age <d>    the cleaner deletes downloads older than this (default ${duration(D.cleaner.maxAgeMs)})
      --no-cleaner             never delete old downloads

  -h, --help                   show this help
  -v, --version                show the version

Durations: 250ms, 2s, 5m, 1h (a bare number is milliseconds). Sizes: 512 (bytes), 64KiB, 20MiB, 2GiB, 10kB, 1.5MB.
Exit codes: 0 closed by SIGINT/SIGTERM; 1 could not start (e.g. port in use); 2 bad flags, fixtures or scenario.`

const str = { type: 'string' } as const
const OPTIONS = {
  port: { type: 'string', short: 'p', default: '8080' },
  host: { type: 'string', short: 'H', default: '127.0.0.1' },
  fixtures: { type: 'string', short: 'f', default: 'default' },
  scenario: { type: 'string', short: 's' },
  clock: { type: 'string', default: 'system' },
  'log-level': { type: 'string', default: 'info' },
  json: { type: 'boolean', default: false },
  validate: str,
  'ticket-lifetime': str,
  'journal-max-bytes': str,
  progression: str,
  pending: str,
  rate: str,
  'pending-polls': str,
  'in-progress-polls': str,
  'max-content-size': str,
  compression: str,
  'cleaner-start-delay': str,
  'cleaner-interval': str,
  'cleaner-max-age': str,
  'no-cleaner': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const

/** Parses argv (without node and the script); throws CliUsageError listing every bad flag at once. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values
  try {
    values = parseArgs({ args: bareValidate(argv), options: OPTIONS, strict: true, allowPositionals: false }).values
  } catch (err) {
    throw new CliUsageError([(err as Error).message])
  }
  if (values.help) return { kind: 'help' }
  if (values.version) return { kind: 'version' }

  const problems: string[] = []
  const check = <T>(flag: string, raw: string | undefined, parse: (s: string) => T): T | undefined => {
    if (raw === undefined) return undefined
    try {
      return parse(raw)
    } catch (err) {
      problems.push(`--${flag}: ${(err as Error).message}`)
      return undefined
    }
  }

  const port = check('port', values.port, parsePort)
  const clock = check('clock', values.clock, oneOf(['system', 'manual'] as const))
  const logLevel = check('log-level', values['log-level'], oneOf(LOG_LEVELS))
  const host = check('host', values.host, nonEmpty('an interface address such as 127.0.0.1 or 0.0.0.0'))
  const fixtures = check('fixtures', values.fixtures, nonEmpty('a packaged fixture name or a path'))
  const scenario = check('scenario', values.scenario, nonEmpty('a packaged scenario name or a path'))
  const ticketLifetimeMs = check('ticket-lifetime', values['ticket-lifetime'], parseDuration)
  const validate = check('validate', values.validate, parseValidate)
  const journalMaxBytes = check('journal-max-bytes', values['journal-max-bytes'], positive(parseSize))

  const downloads = definedOnly({
    progression: check('progression', values.progression, oneOf<Progression>(PROGRESSIONS)),
    pendingMs: check('pending', values.pending, parseDuration),
    bytesPerSecond: check('rate', values.rate, positive(parseSize)),
    pendingPolls: check('pending-polls', values['pending-polls'], parseCount),
    inProgressPolls: check('in-progress-polls', values['in-progress-polls'], parseCount),
    maxContentSize: check('max-content-size', values['max-content-size'], parseSize),
    compression: check('compression', values.compression, (s) => oneOf(['deflate', 'store'] as const)(s.toLowerCase()).toUpperCase() as 'DEFLATE' | 'STORE'),
  }) as DownloadOptions
  const cleaner = definedOnly({
    enabled: values['no-cleaner'] ? false : undefined,
    startDelayMs: check('cleaner-start-delay', values['cleaner-start-delay'], parseDuration),
    intervalMs: check('cleaner-interval', values['cleaner-interval'], positive(parseDuration)),
    maxAgeMs: check('cleaner-max-age', values['cleaner-max-age'], parseDuration),
  })
  if (Object.keys(cleaner).length > 0) downloads.cleaner = cleaner

  if (problems.length > 0) throw new CliUsageError(problems)
  const options: MockOptions & { port: number; clock: 'system' | 'manual' } = {
    port: port!,
    host: host!,
    fixtures: fixtures!,
    clock: clock!,
    logLevel: logLevel!,
  }
  if (Object.keys(downloads).length > 0) options.downloads = downloads
  if (ticketLifetimeMs !== undefined) options.ticketLifetimeMs = ticketLifetimeMs
  if (scenario !== undefined) options.scenario = scenario
  if (validate !== undefined) options.validate = validate
  if (journalMaxBytes !== undefined) options.journalMaxBytes = journalMaxBytes
  return { kind: 'run', json: values.json, options }
}

// The value parsers throw an Error whose message follows the flag: `--rate: "0" is not …`.

const VALIDATE_MODES = ['report', 'strict', 'off'] as const

/** `--validate` alone means report; `--validate strict` and `--validate=strict` name the mode. */
function bareValidate(argv: readonly string[]): string[] {
  return argv.flatMap((arg, i) => {
    if (arg !== '--validate') return [arg]
    const next = argv[i + 1]
    return next !== undefined && (VALIDATE_MODES as readonly string[]).includes(next) ? [arg] : ['--validate=report']
  })
}

function parseValidate(s: string): boolean | 'strict' {
  const mode = oneOf(VALIDATE_MODES)(s.toLowerCase())
  return mode === 'strict' ? 'strict' : mode === 'report'
}

function parsePort(s: string): number {
  if (/^\d{1,5}$/.test(s) && Number(s) <= 65535) return Number(s)
  throw new RangeError(`"${s}" is not a port number. Please use 0–65535 (0 picks a free port).`)
}

function parseCount(s: string): number {
  if (/^\d{1,9}$/.test(s)) return Number(s)
  throw new RangeError(`"${s}" is not a count. Please use a whole number such as 0 or 3.`)
}

function oneOf<T extends string>(list: readonly T[]): (s: string) => T {
  return (s) => {
    if ((list as readonly string[]).includes(s)) return s as T
    throw new RangeError(`"${s}" is not one of ${list.join(', ')}.`)
  }
}

function nonEmpty(what: string): (s: string) => string {
  return (s) => {
    if (s.trim() !== '') return s
    throw new RangeError(`the value is empty. Please give ${what}.`)
  }
}

function positive(parse: (s: string) => number): (s: string) => number {
  return (s) => {
    const n = parse(s)
    if (n > 0) return n
    throw new RangeError(`"${s}" must be more than 0.`)
  }
}

function duration(ms: number): string {
  for (const [unit, n] of [['h', 3_600_000], ['m', 60_000], ['s', 1_000]] as const) {
    if (ms >= n && ms % n === 0) return `${ms / n}${unit}`
  }
  return `${ms}ms`
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
