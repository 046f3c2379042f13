import type { MiddlewareHandler } from 'hono'
import { errors } from '../errors.js'
import type { Env } from './context.js'
import { requestHeader } from './headers.js'

/**
 * Browser attacks on a mock that listens on loopback (README "Security"):
 * - DNS rebinding: a page of attacker.example makes its name resolve to 127.0.0.1 and then calls
 *   the mock as a same-origin site. Such a request carries `Host: attacker.example`, so when the
 *   mock is bound to a loopback address only loopback names and the bound address are accepted.
 * - Cross-site requests to the control API (a form POST to /__mock/reset): browsers send the
 *   page's Origin, and the control API refuses one that is neither loopback nor the mock itself.
 * Only requests that came over a socket are checked: in-process ones (`mock.fetch`, `app.request`)
 * are no network requests, and tests address them as http://mock/… .
 */
export function requestGuard(bindHost: string): MiddlewareHandler<Env> {
  const checkHost = isLoopback(hostnameOf(bindHost) ?? '')
  const bound = hostnameOf(bindHost)
  // A client sends the same Host on every request: decide once per distinct value (the hot path).
  let lastHost: string | undefined
  const accepted = (host: string): boolean => {
    if (host === lastHost) return true
    const name = hostnameOf(host)
    if (name === undefined || !(isLoopback(name) || name === bound)) return false
    lastHost = host
    return true
  }
  return async (c, next) => {
    if (!c.env?.incoming) return next()
    const host = requestHeader(c, 'host')
    if (checkHost && host !== undefined) {
      if (!accepted(host)) {
        throw errors.permissionDenied(
          `Failed to accept the request: Host ${JSON.stringify(host.slice(0, 100))} is not a name of this mock, which listens on ${bindHost}. ` +
            'Please call it as localhost, 127.0.0.1 or [::1] (other names are refused against DNS rebinding), or bind it to 0.0.0.0.',
        )
      }
    }
    if (c.req.path.startsWith('/__mock')) checkOrigin(requestHeader(c, 'origin'), host)
    return next()
  }
}

function checkOrigin(origin: string | undefined, host: string | undefined): void {
  if (origin === undefined) return
  let allowed = false
  try {
    const url = new URL(origin)
    allowed = isLoopback(url.hostname.replace(/^\[|\]$/g, '').toLowerCase()) || (host !== undefined && url.host === host.toLowerCase())
  } catch {
    allowed = false // "null" (a sandboxed page, a file), or garbage
  }
  if (!allowed) {
    throw errors.permissionDenied(
      `Failed to accept the request: the control API does not answer pages of other origins (Origin ${JSON.stringify(origin.slice(0, 100))}). ` +
        'Please call it from a test, a script or a page on localhost; it has no authentication, so cross-site requests are refused.',
    )
  }
}

/** The host name of a Host header or a bind address, lower case, without port, brackets or a final dot. */
export function hostnameOf(host: string): string | undefined {
  const h = host.trim().toLowerCase()
  if (h.startsWith('[')) {
    const end = h.indexOf(']')
    const rest = h.slice(end + 1)
    return end > 0 && (rest === '' || /^:\d{1,5}$/.test(rest)) ? h.slice(1, end) : undefined
  }
  // A bare IPv6 address (a bind address such as ::1) has several colons and no port.
  if ((h.match(/:/g)?.length ?? 0) > 1) return h
  const m = /^([^:]+?)\.?(?::\d{1,5})?$/.exec(h)
  return m?.[1]
}

/** localhost and its subdomains (RFC 6761), 127.0.0.0/8, ::1 and ::ffff:127.x. */
export function isLoopback(name: string): boolean {
  if (name === 'localhost' || name.endsWith('.localhost')) return true
  if (name === '::1' || /^(?:0{0,4}:){7}0{0,3}1$/.test(name)) return true
  const v4 = name.startsWith('::ffff:') ? name.slice(7) : name
  const parts = v4.split('.')
  return parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)
}
