import type { Context } from 'hono'
import type { Env } from './context.js'

/**
 * A request header, read from Node's IncomingMessage when the request came over a socket.
 * @hono/node-server's Request is lazy: touching `request.headers` builds a full fetch Request, which
 * costs more than everything else the mock does to answer a status poll (test/bench/downloads.mjs).
 * `name` must be lower case. In-process (no socket) it falls back to the Request's headers.
 */
export function requestHeader(c: Context<Env>, name: string): string | undefined {
  const raw = c.env?.incoming?.headers
  if (!raw) return c.req.header(name)
  const value = Object.hasOwn(raw, name) ? raw[name] : undefined
  return Array.isArray(value) ? value.join(', ') : value
}

/** The header reader the auth and scenario code take: the request's method, headers and query. */
export function requestView(c: Context<Env>): { method: string; header(name: string): string | undefined; query(name: string): string | undefined } {
  const hasQuery = c.req.url.includes('?') // most API calls have none: skip parsing the URL for alf_ticket
  return {
    method: c.req.method,
    header: (name) => requestHeader(c, name.toLowerCase()),
    query: (k) => (hasQuery ? c.req.query(k) : undefined),
  }
}
