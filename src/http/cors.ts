import type { Context, MiddlewareHandler } from 'hono'
import type { Env } from './context.js'
import { corsHeaders, decideCors, type CorsPolicy, type CorsRequest } from './cors-policy.js'

/**
 * ACS's CORS filter (Tomcat's CorsFilter, see cors-policy.ts) in front of ACS's API: preflights
 * and refusals are answered here, as the filter answers them before the web scripts run; every
 * other request goes on and gets the filter's headers on whatever it is answered, errors included.
 */
export function corsFilter(policy: CorsPolicy): MiddlewareHandler<Env> {
  return async (c, next) => {
    const decision = decideCors(policy, corsRequest(c))
    if (decision.kind === 'invalid') return new Response(null, { status: 403, headers: { 'Content-Type': 'text/plain' } })
    const origin = decision.kind === 'not-cors' ? undefined : decision.origin
    const headers = corsHeaders(policy, c.req.method, origin)
    if (decision.kind === 'preflight') return new Response(null, { status: 200, headers })
    await next()
    addHeaders(c, headers)
  }
}

function corsRequest(c: Context<Env>): CorsRequest {
  const origin = c.req.header('origin')
  // The request's own origin is only needed when it sent one (node-server builds the URL from Host).
  const url = origin === undefined ? undefined : new URL(c.req.url)
  const scheme = url?.protocol.slice(0, -1) ?? 'http'
  return {
    method: c.req.method,
    origin,
    self: { scheme, hostname: url?.hostname ?? '', port: Number(url?.port || (scheme === 'https' ? 443 : 80)) },
    requestMethod: c.req.header('access-control-request-method'),
    requestHeaders: c.req.header('access-control-request-headers'),
  }
}

/** Sets the headers on the answer; Vary keeps any field names the answer already had, after the filter's. */
function addHeaders(c: Context<Env>, headers: [string, string][]): void {
  let res = c.res
  try {
    apply(res.headers, headers)
  } catch {
    // Immutable headers (a Response made by fetch): copy the answer once, then set them.
    res = new Response(res.body, res)
    apply(res.headers, headers)
    c.res = res
  }
}

function apply(target: Headers, headers: [string, string][]): void {
  for (const [name, value] of headers) {
    const existing = name === 'Vary' ? target.get('vary') : null
    target.set(name, existing ? mergeVary(value, existing) : value)
  }
}

function mergeVary(ours: string, theirs: string): string {
  const names = [...ours.split(','), ...theirs.split(',')].map((n) => n.trim()).filter(Boolean)
  return names.includes('*') ? '*' : [...new Set(names)].join(',')
}
