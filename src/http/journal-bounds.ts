/**
 * What the request journal keeps of a request, and what it may cost. The journal is readable
 * without credentials (GET /__mock/requests), so credentials are redacted before anything is
 * stored; it holds thousands of entries, so long values are cut and entries counted in bytes.
 */

/** The journal's default byte budget (option `journalMaxBytes`, flag `--journal-max-bytes`). */
export const DEFAULT_JOURNAL_MAX_BYTES = 16 * 1024 * 1024
/** Longest path kept; longer ones end in "…" and say how long they were. */
export const MAX_JOURNAL_PATH = 2_048
/** Longest query value kept, and how many query parameters are kept. */
export const MAX_JOURNAL_VALUE = 1_024
export const MAX_JOURNAL_PARAMS = 50
/** What stands for a credential in the journal and the log. */
export const REDACTED = '[redacted]'

/** The query parameters that carry a ticket: ACS's `alf_ticket`, and js-api's `ticket`. */
const CREDENTIAL_PARAMS = new Set(['alf_ticket', 'ticket'])

/** A value cut to `max` characters, saying how long it was. */
export function cut(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} characters)`
}

/**
 * The query as the journal keeps it: credentials redacted, values cut, at most
 * MAX_JOURNAL_PARAMS parameters. A null-prototype object, so `?__proto__=x` is kept as a key.
 */
export function journalQuery(search: URLSearchParams): Record<string, string> {
  const out = Object.create(null) as Record<string, string>
  let kept = 0
  for (const [key, value] of search) {
    if (Object.hasOwn(out, key)) continue // the first value, as Hono's c.req.query() gives it
    if (kept++ === MAX_JOURNAL_PARAMS) {
      out['…'] = `${[...search.keys()].length - MAX_JOURNAL_PARAMS} more parameters`
      break
    }
    out[cut(key, MAX_JOURNAL_VALUE)] = CREDENTIAL_PARAMS.has(key) ? REDACTED : cut(value, MAX_JOURNAL_VALUE)
  }
  return out
}

/**
 * The path as the journal and the log show it: cut when long, and a ticket sent in the path
 * (`/tickets/TICKET_…`, which ACS refuses: only `-me-` is valid) redacted.
 */
export function journalPath(path: string): string {
  // Every request comes through here: most paths are short and name no ticket.
  if (path.length <= MAX_JOURNAL_PATH && !path.includes('/tickets/')) return path
  const redacted = path.replace(/(\/authentication\/versions\/1\/tickets\/)(?!-me-(?:\/|$))[^/]+/, `$1${REDACTED}`)
  return cut(redacted, MAX_JOURNAL_PATH)
}

/** About what an entry costs in memory and in the JSON of GET /__mock/requests. */
export function entryBytes(entry: { path: string; query: Record<string, string>; validation?: string[] | undefined }): number {
  let bytes = 256 + entry.path.length
  for (const key in entry.query) bytes += key.length + (entry.query[key]?.length ?? 0) + 8
  for (const line of entry.validation ?? []) bytes += line.length + 4
  return bytes
}
