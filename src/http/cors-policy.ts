/**
 * ACS's CORS filter without HTTP: which answer a request gets. ACS adds Tomcat's own
 * `org.apache.catalina.filters.CorsFilter` for every path when `cors.enabled=true`
 * (remote-api CORSContextListener.java), configured from repository.properties; this module follows
 * Tomcat's CorsFilter (checkRequestType, handleSimpleCORS, handlePreflightCORS, addStandardHeaders)
 * and its RequestUtil.isValidOrigin / isSameOrigin. The TAS test
 * packaging/tests/tas-restapi/.../rest/misc/CORSTest.java checks the same answers against ACS.
 */

/** How the mock answers browsers of other origins (the `cors` option, `--cors[=origins]`). */
export interface CorsOptions {
  /** `'*'` (any origin) or the allowed origins, such as `http://localhost:4200` (a list or comma-separated). ACS: none. */
  origins?: string | readonly string[]
  /** cors.allowed.methods. Default ACS's: GET, POST, HEAD, OPTIONS, PUT, DELETE. */
  methods?: readonly string[]
  /** cors.allowed.headers (compared ignoring case). Default ACS's nine, Authorization among them. */
  headers?: readonly string[]
  /** cors.exposed.headers. Default ACS's: Access-Control-Allow-Origin, Access-Control-Allow-Credentials. */
  exposedHeaders?: readonly string[]
  /** cors.support.credentials. Default true for a list of origins, false for `'*'` (Tomcat refuses both). */
  credentials?: boolean
  /** cors.preflight.maxage in seconds; 0 sends none. Default 10. */
  maxAge?: number
}

/** repository.properties (alfresco-community-repo), the values ACS ships. */
export const ACS_CORS_DEFAULTS = Object.freeze({
  methods: ['GET', 'POST', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'],
  headers: ['Authorization', 'Content-Type', 'Cache-Control', 'X-Requested-With', 'accept', 'Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers', 'X-CSRF-Token'],
  exposedHeaders: ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials'],
  maxAge: 10,
})

export interface CorsPolicy {
  anyOrigin: boolean
  origins: ReadonlySet<string>
  methods: ReadonlySet<string>
  /** Lower case, as Tomcat stores them. */
  headers: ReadonlySet<string>
  credentials: boolean
  /** The headers every CORS answer carries besides Access-Control-Allow-Origin, and those any OPTIONS adds. */
  standard: Readonly<Record<string, string>>
  preflight: Readonly<Record<string, string>>
}

/** What the request carries that the filter reads. */
export interface CorsRequest {
  method: string
  origin: string | undefined
  /** `http://host[:port]` as the request addressed the server (its Host header). */
  self: { scheme: string; hostname: string; port: number }
  requestMethod: string | undefined
  requestHeaders: string | undefined
}

export type CorsDecision =
  /** Not a CORS request: on to the API, with `Vary: Origin` unless any origin is allowed. */
  | { kind: 'not-cors' }
  /** A simple or actual request from an allowed origin: on to the API, then these headers. */
  | { kind: 'pass'; origin: string }
  /** A preflight from an allowed origin: 200 with these headers, the API never sees it. */
  | { kind: 'preflight'; origin: string }
  /** Tomcat's handleInvalidCORS: 403, text/plain, no body. */
  | { kind: 'invalid' }

/** Checks and normalises the option; throws a TypeError in the mock's "Failed to …" form. */
export function resolveCorsPolicy(input: boolean | string | readonly string[] | CorsOptions): CorsPolicy {
  const options: CorsOptions = input === true ? { origins: '*' } : typeof input === 'string' || Array.isArray(input) ? { origins: input as string | string[] } : (input as CorsOptions)
  const origins = originList(options.origins)
  const anyOrigin = origins.length === 1 && origins[0] === '*'
  const credentials = options.credentials ?? !anyOrigin
  // Tomcat's parseAndStore: "It is not allowed to configure supportsCredentials=[true] when allowedOrigins=[*]".
  if (credentials && anyOrigin) {
    throw new TypeError("Failed to create the mock: cors allows any origin with credentials, which ACS's CORS filter (Tomcat's) refuses to start with. Please list the origins, or set credentials: false.")
  }
  if (!anyOrigin) origins.forEach(checkOrigin)
  const maxAge = options.maxAge ?? ACS_CORS_DEFAULTS.maxAge
  if (!Number.isInteger(maxAge) || maxAge < 0) {
    throw new TypeError(`Failed to create the mock: cors maxAge ${JSON.stringify(maxAge)} is not a number of seconds. Please pass a whole number such as 10.`)
  }
  const methods = tokens(options.methods ?? ACS_CORS_DEFAULTS.methods, 'methods')
  // Tomcat lower-cases the headers from the first set into a second one, so both sets' orders count.
  const headers = javaHashSetOrder(javaHashSetOrder(tokens(options.headers ?? ACS_CORS_DEFAULTS.headers, 'headers')).map((h) => h.toLowerCase()))
  const exposed = tokens(options.exposedHeaders ?? ACS_CORS_DEFAULTS.exposedHeaders, 'exposedHeaders')
  const standard: Record<string, string> = {}
  if (credentials) standard['Access-Control-Allow-Credentials'] = 'true'
  // Tomcat keeps each list in a java.util.HashSet and joins it in that set's order.
  if (exposed.length > 0) standard['Access-Control-Expose-Headers'] = javaHashSetOrder(exposed).join(',')
  const preflight: Record<string, string> = {}
  if (maxAge > 0) preflight['Access-Control-Max-Age'] = String(maxAge)
  if (methods.length > 0) preflight['Access-Control-Allow-Methods'] = javaHashSetOrder(methods).join(',')
  if (headers.length > 0) preflight['Access-Control-Allow-Headers'] = headers.join(',')
  return { anyOrigin, origins: new Set(anyOrigin ? [] : origins), methods: new Set(methods), headers: new Set(headers), credentials, standard, preflight }
}

/** Tomcat's CorsFilter.doFilter: the request's type, then the checks of that type's handler. */
export function decideCors(policy: CorsPolicy, req: CorsRequest): CorsDecision {
  const { origin } = req
  if (origin === undefined) return { kind: 'not-cors' }
  if (origin === '' || !isValidOrigin(origin)) return { kind: 'invalid' }
  if (isSameOrigin(req.self, origin)) return { kind: 'not-cors' }
  const allowed = policy.anyOrigin || policy.origins.has(origin)
  if (req.method === 'OPTIONS' && req.requestMethod !== undefined) {
    if (req.requestMethod === '' || !allowed) return { kind: 'invalid' }
    if (!policy.methods.has(req.requestMethod.trim())) return { kind: 'invalid' }
    const asked = req.requestHeaders?.trim() ? req.requestHeaders.trim().split(',').map((h) => h.trim().toLowerCase()) : []
    return asked.every((h) => policy.headers.has(h)) ? { kind: 'preflight', origin } : { kind: 'invalid' }
  }
  // SIMPLE (GET, HEAD, a POST of a form type) and ACTUAL requests get the same checks (handleSimpleCORS).
  return allowed && policy.methods.has(req.method) ? { kind: 'pass', origin } : { kind: 'invalid' }
}

/**
 * The headers of an answer: for a CORS request (`origin` given) those of addStandardHeaders, for
 * another only handleNonCORS's `Vary: Origin`. Vary comes first, as Tomcat adds it before the API runs.
 */
export function corsHeaders(policy: CorsPolicy, method: string, origin: string | undefined): [string, string][] {
  const vary = policy.anyOrigin ? [] : ['Origin']
  if (origin === undefined) return vary.length > 0 ? [['Vary', 'Origin']] : []
  if (method === 'OPTIONS') vary.push('Access-Control-Request-Method', 'Access-Control-Request-Headers')
  const out: [string, string][] = vary.length > 0 ? [['Vary', vary.join(',')]] : []
  out.push(['Access-Control-Allow-Origin', policy.anyOrigin ? '*' : origin])
  out.push(...Object.entries(policy.standard))
  if (method === 'OPTIONS') out.push(...Object.entries(policy.preflight))
  return out
}

/** RequestUtil.isValidOrigin: no `%` (CRLF injection), `null` and file:// allowed, else a URI with a scheme. */
function isValidOrigin(origin: string): boolean {
  if (origin.includes('%')) return false
  if (origin === 'null' || origin.startsWith('file://')) return true
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(origin) && !/[\s<>"{}|\\^`]/.test(origin)
}

/** RequestUtil.isSameOrigin: the request's own scheme://host, with its port unless it is the default. */
function isSameOrigin(self: CorsRequest['self'], origin: string): boolean {
  const base = `${self.scheme}://${self.hostname}`
  const defaultPort = self.scheme === 'https' || self.scheme === 'wss' ? 443 : 80
  if (origin.length === base.length) return self.port === defaultPort && origin === base
  return origin === `${base}:${self.port}`
}

function originList(origins: CorsOptions['origins']): string[] {
  if (origins === undefined) return []
  const list: unknown = typeof origins === 'string' ? origins.split(',') : origins
  if (!isStringList(list)) {
    throw new TypeError(`Failed to create the mock: cors origins ${JSON.stringify(origins)} are neither '*' nor a list of origins. Please pass e.g. ['http://localhost:4200'].`)
  }
  const trimmed = list.map((o) => o.trim()).filter((o) => o !== '')
  return trimmed.includes('*') ? ['*'] : trimmed
}

/** A browser's Origin is scheme://host[:port] exactly; an origin with a path or a slash would never match. */
function checkOrigin(origin: string): void {
  if (origin === 'null' || /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+$/i.test(origin)) return
  throw new TypeError(`Failed to create the mock: cors origin "${origin}" is not an origin as browsers send it. Please write scheme://host[:port] with nothing after it, such as http://localhost:4200.`)
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}

function tokens(list: unknown, what: string): string[] {
  if (!isStringList(list) || list.some((t) => !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(t.trim()))) {
    throw new TypeError(`Failed to create the mock: cors ${what} ${JSON.stringify(list)} must be a list of header or method names. Please pass e.g. ['GET', 'POST'].`)
  }
  return [...new Set(list.map((t) => t.trim()))]
}

/**
 * The iteration order of a java.util.HashSet of these strings, filled in this order: buckets by
 * (String.hashCode spread as HashMap.hash does) in a table of 16 doubled while more than 3/4 full,
 * insertion order within a bucket (resizes keep it). Tomcat joins its lists in this order.
 */
export function javaHashSetOrder(values: readonly string[]): string[] {
  const unique = [...new Set(values)]
  let capacity = 16
  while (unique.length > capacity * 0.75) capacity *= 2
  const bucket = (s: string): number => {
    let h = 0
    for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0
    return (h ^ (h >>> 16)) & (capacity - 1)
  }
  return unique
    .map((value, index) => ({ value, index, bucket: bucket(value) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((e) => e.value)
}
