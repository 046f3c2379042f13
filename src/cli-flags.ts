/**
 * The command line as data: every flag, its environment variable, and the tokenizer that reads
 * argv. Kept free of everything else, so `--help` and bad flags answer without loading the server.
 */

export type FlagKind = 'string' | 'boolean' | 'optional'

export interface Flag {
  readonly name: string
  readonly short?: string
  /** `string` takes a value; `boolean` none; `optional` may have one (`--validate`, `--validate=strict`). */
  readonly kind: FlagKind
  /** The value of an `optional` flag given alone. */
  readonly bare?: string
  /** No environment variable (help, version). */
  readonly noEnv?: true
}

export const FLAGS: readonly Flag[] = [
  { name: 'port', short: 'p', kind: 'string' },
  { name: 'host', short: 'H', kind: 'string' },
  { name: 'fixtures', short: 'f', kind: 'string' },
  { name: 'scenario', short: 's', kind: 'string' },
  { name: 'clock', kind: 'string' },
  { name: 'log-level', kind: 'string' },
  { name: 'json', kind: 'boolean' },
  { name: 'validate', kind: 'optional', bare: 'report' },
  { name: 'cors', kind: 'optional', bare: '*' },
  { name: 'ticket-lifetime', kind: 'string' },
  { name: 'journal-max-bytes', kind: 'string' },
  { name: 'no-exit-with-parent', kind: 'boolean' },
  { name: 'progression', kind: 'string' },
  { name: 'pending', kind: 'string' },
  { name: 'rate', kind: 'string' },
  { name: 'pending-polls', kind: 'string' },
  { name: 'in-progress-polls', kind: 'string' },
  { name: 'max-content-size', kind: 'string' },
  { name: 'compression', kind: 'string' },
  { name: 'cleaner-start-delay', kind: 'string' },
  { name: 'cleaner-interval', kind: 'string' },
  { name: 'cleaner-max-age', kind: 'string' },
  { name: 'no-cleaner', kind: 'boolean' },
  { name: 'help', short: 'h', kind: 'boolean', noEnv: true },
  { name: 'version', short: 'v', kind: 'boolean', noEnv: true },
]

export const ENV_PREFIX = 'ALFRESCO_MOCK_'
/** Variables of that prefix that are not flags: set by the globalSetup helpers for the tests. */
const NOT_FLAGS = new Set([`${ENV_PREFIX}URL`])

/** `--log-level` ↔ `ALFRESCO_MOCK_LOG_LEVEL`. */
export const envName = (flag: string): string => ENV_PREFIX + flag.toUpperCase().replace(/-/g, '_')

/** A value and where it came from, for messages: `--port` or `ALFRESCO_MOCK_PORT`. */
export interface Given {
  value: string | true
  source: string
}

export interface Tokens {
  given: Map<string, Given>
  problems: string[]
}

const byLong = new Map(FLAGS.map((f) => [f.name, f]))
const byShort = new Map(FLAGS.filter((f) => f.short).map((f) => [f.short!, f]))

/**
 * Reads argv into flag values, collecting every problem rather than stopping at the first (an
 * unknown flag, a stray argument, a missing value). A string flag takes the next argument even when
 * it starts with one dash, so `--pending-polls -1` is reported as a bad count, not a missing value.
 */
export function tokenize(argv: readonly string[]): Tokens {
  const given = new Map<string, Given>()
  const problems: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const long = /^--([^=]+)(?:=([\s\S]*))?$/.exec(arg)
    const short = long ? undefined : /^-([^-])([\s\S]*)$/.exec(arg)
    const flag = long ? byLong.get(long[1]!) : short ? byShort.get(short[1]!) : undefined
    if (!long && !short) {
      problems.push(`Unexpected argument '${arg}'. This command does not take positional arguments.`)
      continue
    }
    const label = long ? `--${long[1]}` : `-${short![1]}`
    if (!flag) {
      problems.push(`Unknown option '${label}'.`)
      continue
    }
    const inline = long ? long[2] : short![2] === '' ? undefined : short![2]!.replace(/^=/, '')
    const next = argv[i + 1]
    let value: string | true | undefined
    if (flag.kind === 'boolean') {
      if (inline !== undefined) problems.push(`--${flag.name}: takes no value (got "${inline}").`)
      value = true
    } else if (inline !== undefined) value = inline
    else if (flag.kind === 'optional') value = next !== undefined && !next.startsWith('-') ? argv[++i]! : flag.bare!
    else if (next !== undefined && !next.startsWith('--')) value = argv[++i]!
    else {
      problems.push(`--${flag.name}: needs a value.`)
      continue
    }
    given.set(flag.name, { value, source: `--${flag.name}` })
  }
  return { given, problems }
}

/** The flags not given on the command line, from `ALFRESCO_MOCK_*`; empty variables count as unset. */
export function fromEnvironment(env: Readonly<Record<string, string | undefined>>, given: Map<string, Given>, problems: string[]): string[] {
  const warnings: string[] = []
  const known = new Map(FLAGS.filter((f) => !f.noEnv).map((f) => [envName(f.name), f]))
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || raw === undefined || raw.trim() === '' || NOT_FLAGS.has(name)) continue
    const flag = known.get(name)
    if (!flag) {
      const near = [...known.keys()].find((k) => closeTo(k, name))
      warnings.push(`alfresco-mock-server: ignoring ${name}: no such setting.${near ? ` Did you mean ${near}?` : ''}`)
      continue
    }
    if (given.has(flag.name)) continue // the flag wins
    const value = flag.kind === 'boolean' ? envBoolean(raw, name, problems) : flag.kind === 'optional' ? envOptional(flag, raw) : raw
    if (value !== undefined) given.set(flag.name, { value, source: name })
  }
  return warnings
}

const TRUE = ['1', 'true', 'yes', 'on']
const FALSE = ['0', 'false', 'no', 'off']

function envBoolean(raw: string, name: string, problems: string[]): true | undefined {
  const v = raw.trim().toLowerCase()
  if (TRUE.includes(v)) return true
  if (!FALSE.includes(v)) problems.push(`${name}: "${raw}" is not one of ${[...TRUE, ...FALSE].join(', ')}.`)
  return undefined
}

/** `ALFRESCO_MOCK_VALIDATE=1` is `--validate`, `=0` leaves it off; other values are the flag's value. */
function envOptional(flag: Flag, raw: string): string | undefined {
  const v = raw.trim()
  if (TRUE.includes(v.toLowerCase())) return flag.bare
  if (FALSE.includes(v.toLowerCase())) return flag.name === 'validate' ? 'off' : undefined
  return v
}

/** One edit apart (a letter changed, added, dropped or two swapped): a typo, for "did you mean". */
function closeTo(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a]
  return longer.slice(i + 1) === shorter.slice(i)
}
