import { fromEnvironment, tokenize } from './cli-flags.js'
import { PROGRESSIONS, type Progression } from './downloads/types.js'
import { parseDuration, parseSize } from './fixtures/units.js'
import { resolveCorsPolicy } from './http/cors-policy.js'
import { LOG_LEVELS } from './log.js'
import type { DownloadOptions, MockOptions } from './options.js'

export { HELP } from './cli-help.js'

// Kept free of hono, yaml and the fixture loader, so `--help` and bad flags answer without loading them.

type RunOptions = MockOptions & { port: number; clock: 'system' | 'manual' }

/** What the command line (and the environment) asks for. */
export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'run'
      json: boolean
      /** Exit when the parent process goes away or a piped stdin closes (not with --no-exit-with-parent). */
      exitWithParent: boolean
      /** ALFRESCO_MOCK_* variables that name no setting, to print before starting. */
      warnings: string[]
      options: RunOptions
    }

/** Bad flags or variables: the CLI prints the message and exits 2. */
export class CliUsageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`alfresco-mock-server: ${problems.join('\n  ')}\nRun alfresco-mock-server --help for the options.`)
    this.name = 'CliUsageError'
  }
}



/** Defaults of the flags that have one (the others fall back to the fixture's settings, then ACS's). */
const DEFAULTS: Readonly<Record<string, string>> = { port: '8080', host: '127.0.0.1', fixtures: 'default', clock: 'system', 'log-level': 'info' }

/**
 * Parses argv (without node and the script) and the environment's `ALFRESCO_MOCK_*` variables;
 * a flag wins over its variable. Throws CliUsageError listing every bad flag and variable at once.
 */
export function parseCliArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): CliCommand {
  const { given, problems } = tokenize(argv)
  if (given.has('help')) return { kind: 'help' }
  if (given.has('version')) return { kind: 'version' }
  const warnings = fromEnvironment(env, given, problems)

  const check = <T>(flag: string, parse: (s: string) => T): T | undefined => {
    const g = given.get(flag)
    const raw = g ? g.value : DEFAULTS[flag]
    if (raw === undefined || raw === true) return undefined
    try {
      return parse(raw)
    } catch (err) {
      problems.push(`${g?.source ?? `--${flag}`}: ${(err as Error).message}`)
      return undefined
    }
  }
  const options = runOptions(check)
  if (problems.length > 0) throw new CliUsageError(problems)
  return { kind: 'run', json: given.has('json'), exitWithParent: !given.has('no-exit-with-parent'), warnings, options: { ...options, ...(given.has('no-cleaner') ? withoutCleaner(options.downloads) : {}) } }
}

type Check = <T>(flag: string, parse: (s: string) => T) => T | undefined

function runOptions(check: Check): RunOptions {
  const options: RunOptions = {
    port: check('port', parsePort)!,
    host: check('host', nonEmpty('an interface address such as 127.0.0.1 or 0.0.0.0'))!,
    fixtures: check('fixtures', nonEmpty('a packaged fixture name or a path'))!,
    clock: check('clock', oneOf(['system', 'manual'] as const))!,
    logLevel: check('log-level', oneOf(LOG_LEVELS))!,
  }
  const scenario = check('scenario', nonEmpty('a packaged scenario name or a path'))
  const validate = check('validate', parseValidate)
  const cors = check('cors', parseCors)
  const ticketLifetimeMs = check('ticket-lifetime', parseDuration)
  const journalMaxBytes = check('journal-max-bytes', positive(parseSize))
  const downloads = definedOnly({
    progression: check('progression', oneOf<Progression>(PROGRESSIONS)),
    pendingMs: check('pending', parseDuration),
    bytesPerSecond: check('rate', positive(parseSize)),
    pendingPolls: check('pending-polls', parseCount),
    inProgressPolls: check('in-progress-polls', parseCount),
    maxContentSize: check('max-content-size', parseSize),
    compression: check('compression', (s) => oneOf(['deflate', 'store'] as const)(s.toLowerCase()).toUpperCase() as 'DEFLATE' | 'STORE'),
  }) as DownloadOptions
  const cleaner = definedOnly({
    startDelayMs: check('cleaner-start-delay', parseDuration),
    intervalMs: check('cleaner-interval', positive(parseDuration)),
    maxAgeMs: check('cleaner-max-age', parseDuration),
  })
  if (Object.keys(cleaner).length > 0) downloads.cleaner = cleaner
  if (Object.keys(downloads).length > 0) options.downloads = downloads
  if (ticketLifetimeMs !== undefined) options.ticketLifetimeMs = ticketLifetimeMs
  if (journalMaxBytes !== undefined) options.journalMaxBytes = journalMaxBytes
  if (scenario !== undefined) options.scenario = scenario
  if (validate !== undefined) options.validate = validate
  if (cors !== undefined) options.cors = cors
  return options
}

function withoutCleaner(downloads: DownloadOptions | undefined): { downloads: DownloadOptions } {
  return { downloads: { ...downloads, cleaner: { ...downloads?.cleaner, enabled: false } } }
}

// The value parsers throw an Error whose message follows the flag: `--rate: "0" is not …`.

const VALIDATE_MODES = ['report', 'strict', 'off'] as const

function parseValidate(s: string): boolean | 'strict' {
  const mode = oneOf(VALIDATE_MODES)(s.toLowerCase())
  return mode === 'strict' ? 'strict' : mode === 'report'
}

/** `*` (the flag alone) is any origin; else a comma-separated list, checked as the option is. */
function parseCors(s: string): true | string {
  if (s.trim() === '*') return true
  try {
    resolveCorsPolicy(s)
  } catch (err) {
    throw new RangeError((err as Error).message.replace(/^Failed to create the mock: cors /, ''))
  }
  return s
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

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
