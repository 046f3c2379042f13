import type { MiddlewareHandler } from 'hono'
import { monotonicMs, SystemClock, type Clock } from '../clock.js'
import { matchesPattern, normalisePattern, segments, templateOf } from '../scenarios/routes.js'
import { AUTH_BASE, CORE_BASE, type Env } from './context.js'
import { DEFAULT_JOURNAL_MAX_BYTES, entryBytes, journalPath, journalQuery } from './journal-bounds.js'

/** One request as the mock saw it. */
export interface JournalEntry {
  /** 1, 2, 3, … for the life of the mock (not restarted by clear or reset). */
  seq: number
  method: string
  /** The request path as sent, e.g. `/alfresco/api/-default-/public/alfresco/versions/1/downloads/abc`. */
  path: string
  query: Record<string, string>
  /** The route it matched, relative to the API base, e.g. `/downloads/{id}`; undefined for unknown paths. */
  template: string | undefined
  /** The HTTP status; 0 when the connection was reset or closed without an answer. */
  status: number
  user: string | undefined
  /** When it arrived, on the mock's clock (ms since the epoch). */
  startedAt: number
  /** How long the mock took to answer (headers), in wall-clock milliseconds. */
  durationMs: number
  scenario: string | undefined
  /** The index of the fault rule that fired, if any. */
  rule: number | undefined
  /** What that rule did: `respond`, `connection-reset`, `truncate`, … */
  fault: string | undefined
  /** With `validate` on, how the request breaks ACS's OpenAPI spec; absent when it conforms or validation is off. */
  validation?: string[] | undefined
}

/** What `waitForRequest` looks for: every given field must match, or a predicate. */
export type RequestMatcher =
  | { method?: string; path?: string; status?: number; user?: string }
  | ((entry: JournalEntry) => boolean)

export interface WaitOptions {
  /** Wall-clock milliseconds before giving up. Default 5000. */
  timeout?: number
  /** Also accept a request journaled before the call (default true). */
  past?: boolean
}

export const DEFAULT_JOURNAL_LIMIT = 10_000
const LISTED_ON_TIMEOUT = 20

interface Waiter {
  matches: (e: JournalEntry) => boolean
  resolve: (e: JournalEntry) => void
}

/**
 * The request journal: the last `limit` entries within `maxBytes` (oldest dropped first), and
 * waiters woken as entries arrive.
 */
export class RequestJournal {
  #entries: JournalEntry[] = []
  /** entryBytes of each entry, in step with #entries, and their sum. */
  #sizes: number[] = []
  #bytes = 0
  #seq = 0
  readonly #waiters = new Set<Waiter>()
  // A wall clock even when the mock's is manual: the timeout guards the test, not the scenario.
  readonly #wall: Clock = new SystemClock()

  constructor(
    readonly limit = DEFAULT_JOURNAL_LIMIT,
    readonly maxBytes = DEFAULT_JOURNAL_MAX_BYTES,
  ) {}

  record(entry: Omit<JournalEntry, 'seq'> & { seq?: number }): JournalEntry {
    // Numbered in place rather than copied: this runs for every API request.
    const full = entry as JournalEntry
    full.seq = ++this.#seq
    const size = entryBytes(full)
    this.#entries.push(full)
    this.#sizes.push(size)
    this.#bytes += size
    // Drop in batches, so a long run costs one splice per thousand requests, not a shift per request.
    if (this.#entries.length > this.limit + 1_000) this.#drop(this.#entries.length - this.limit)
    if (this.#bytes > this.maxBytes) this.#dropBytes()
    for (const w of this.#waiters) if (w.matches(full)) w.resolve(full)
    return full
  }

  /** A copy, oldest first. */
  entries(): JournalEntry[] {
    return this.#entries.slice(-this.limit)
  }

  clear(): void {
    this.#entries = []
    this.#sizes = []
    this.#bytes = 0
  }

  /** Oldest first, down to 90 % of the budget: one splice for many requests, not one per request. */
  #dropBytes(): void {
    const target = this.maxBytes * 0.9
    let n = 0
    let bytes = this.#bytes
    while (n < this.#entries.length - 1 && bytes > target) bytes -= this.#sizes[n++]!
    this.#drop(n)
  }

  #drop(n: number): void {
    for (let i = 0; i < n; i++) this.#bytes -= this.#sizes[i]!
    this.#entries.splice(0, n)
    this.#sizes.splice(0, n)
  }

  /**
   * Resolves with the first entry matching `matcher`: one already journaled (unless `past: false`),
   * else the next to arrive. Rejects after `timeout` wall-clock ms, listing what did arrive.
   */
  waitFor(matcher: RequestMatcher, options: WaitOptions = {}): Promise<JournalEntry> {
    const matches = toPredicate(matcher)
    const since = this.#seq
    if (options.past !== false) {
      const found = this.entries().find(matches)
      if (found) return Promise.resolve(found)
    }
    const timeout = options.timeout ?? 5_000
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        matches,
        resolve: (e) => {
          this.#waiters.delete(waiter)
          cancel()
          resolve(e)
        },
      }
      const cancel = this.#wall.setTimeout(() => {
        this.#waiters.delete(waiter)
        reject(new Error(timeoutMessage(matcher, timeout, this.entries(), options.past === false ? since : 0)))
      }, timeout)
      this.#waiters.add(waiter)
    })
  }
}

/** The predicate of a matcher (shared with the control client, which polls the journal). */
export function toPredicate(matcher: RequestMatcher): (e: JournalEntry) => boolean {
  if (typeof matcher === 'function') return matcher
  const pattern = matcher.path === undefined ? undefined : segments(normalisePattern(matcher.path))
  return (e) =>
    (matcher.method === undefined || matcher.method.toUpperCase() === e.method) &&
    (matcher.status === undefined || matcher.status === e.status) &&
    (matcher.user === undefined || matcher.user === e.user) &&
    (matcher.path === undefined || matcher.path === e.path || (pattern !== undefined && pathMatches(pattern, e)))
}

/** `/downloads/{id}` or `/downloads/abc` against the path relative to its API base. */
function pathMatches(pattern: readonly string[], e: JournalEntry): boolean {
  const relative = apiRelative(e.path)
  return relative !== undefined && matchesPattern(pattern, segments(relative))
}

/** The rejection text of a wait that timed out: what was wanted and what did arrive after `since`. */
export function timeoutMessage(matcher: RequestMatcher, timeout: number, entries: JournalEntry[], since: number): string {
  const arrived = entries.filter((e) => e.seq > since)
  const shown = arrived.slice(-LISTED_ON_TIMEOUT).map((e) => `  ${describeEntry(e)}`)
  const earlier = arrived.length - shown.length
  const what = typeof matcher === 'function' ? 'the predicate' : JSON.stringify(matcher)
  const more = earlier > 0 ? `  … ${earlier} earlier\n` : ''
  const list =
    arrived.length === 0
      ? 'No request arrived.'
      : `Requests that arrived (${arrived.length}):\n${more}${shown.join('\n')}`
  return (
    `Failed to wait for a request matching ${what}: none arrived within ${timeout} ms. ${list}\n` +
    'Please check the matcher, or raise { timeout }.'
  )
}

/** `GET /downloads/abc (/downloads/{id}) → 503 alice [flaky-status rule 0: respond]` */
export function describeEntry(e: JournalEntry): string {
  const shown = apiRelative(e.path) ?? e.path
  const template = e.template && e.template !== shown ? ` (${e.template})` : ''
  const fault = e.rule !== undefined ? ` [${e.scenario ?? ''} rule ${e.rule}: ${e.fault ?? ''}]` : ''
  return `${e.method} ${shown}${template} → ${e.status}${e.user ? ` ${e.user}` : ''}${fault}`
}

/** The path relative to the core or authentication base, or undefined outside both. */
export function apiRelative(path: string): string | undefined {
  for (const base of [CORE_BASE, AUTH_BASE]) {
    if (path === base) return '/'
    if (path.startsWith(`${base}/`)) return path.slice(base.length)
  }
  return undefined
}

// Clients poll the same paths again and again: remember the last few hundred templates.
const templates = new Map<string, string | undefined>()
function cachedTemplateOf(relative: string): string | undefined {
  // Long paths are not kept as keys: 512 of them could hold megabytes.
  if (relative.length > 256) return templateOf(relative)
  if (templates.has(relative)) return templates.get(relative)
  if (templates.size >= 512) templates.clear()
  const template = templateOf(relative)
  templates.set(relative, template)
  return template
}

/** Journals every API request (not the /__mock control API, which would only add noise). */
export function journalRequests(deps: { clock: Clock; journal: RequestJournal }): MiddlewareHandler<Env> {
  return async (c, next) => {
    const startedAt = deps.clock.now()
    const started = monotonicMs()
    await next()
    const relative = apiRelative(c.req.path)
    const fault = c.get('fault')
    const lost = fault?.action.kind === 'connection-reset' || fault?.action.kind === 'empty-response'
    const url = c.req.url
    const q = url.indexOf('?')
    deps.journal.record({
      seq: 0,
      method: c.req.method,
      path: journalPath(c.req.path),
      // Credentials redacted, long values cut (src/http/journal-bounds.ts): the journal is unauthenticated.
      query: q < 0 ? {} : journalQuery(new URLSearchParams(url.slice(q + 1))),
      template: relative === undefined ? undefined : cachedTemplateOf(relative),
      status: lost ? 0 : c.res.status,
      user: c.get('user')?.id,
      startedAt,
      durationMs: monotonicMs() - started,
      scenario: c.get('scenario')?.name,
      rule: fault?.rule,
      fault: fault?.action.kind,
      validation: c.get('validation'),
    })
  }
}
