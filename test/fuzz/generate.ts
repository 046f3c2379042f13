import { readFileSync } from 'node:fs'
import type { RequestSpec } from '../../src/validate/types.js'
import { controlBody, fuzzBody, type FuzzBody } from './bodies.js'
import { long, oddString, type Random } from './random.js'

type Schema = Record<string, unknown>

/** One route to fuzz: a path template with `{param}`s, its method, and what the spec says of it. */
export interface Route {
  method: string
  /** Absolute, e.g. /alfresco/api/-default-/public/alfresco/versions/1/nodes/{nodeId}/children. */
  template: string
  params: { name: string; in: string; type?: string; items?: { type?: string } }[]
  schema?: Schema
  definitions: Record<string, Schema>
  control: boolean
}

/** One fuzzed request, with everything needed to replay it. */
export interface FuzzRequest {
  method: string
  url: string
  headers: Record<string, string>
  body?: FuzzBody
  route: Route
}

/** What the run has learnt: ids to aim at (fixture nodes, downloads, tickets it created). */
export interface Known {
  nodeIds: string[]
  downloadIds: string[]
  tickets: string[]
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS']

/**
 * Every route of ACS's spec (src/openapi/request-spec.json, implemented by the mock or not), every
 * route the app registers that the spec lacks (control endpoints, and routes other areas add), so
 * new routes are fuzzed without a change here.
 */
export function routesOf(appRoutes: readonly { method: string; path: string }[]): Route[] {
  const spec = JSON.parse(readFileSync('src/openapi/request-spec.json', 'utf8')) as RequestSpec
  const routes: Route[] = []
  const known = new Set<string>()
  for (const api of spec.apis) {
    for (const op of api.operations) {
      const template = api.basePath + op.path
      known.add(`${op.method.toUpperCase()} ${template.replace(/\{[^}]+\}/g, '{}')}`)
      routes.push({ method: op.method.toUpperCase(), template, params: op.parameters, definitions: api.definitions, control: false, ...(op.body ? { schema: op.body.schema } : {}) })
    }
  }
  for (const r of appRoutes) {
    const template = r.path.replace(/:([A-Za-z_]\w*)/g, '{$1}').replace(/\/\*$/, '/{*}')
    const key = `${r.method} ${template.replace(/\{[^}]+\}/g, '{}')}`
    if (known.has(key)) continue
    known.add(key)
    routes.push({ method: r.method, template, params: [], definitions: {}, control: template.startsWith('/__mock') })
  }
  return routes
}

function pathValue(r: Random, name: string, known: Known): string {
  if (name === '*') return Array.from({ length: 1 + r.int(3) }, () => encodeURIComponent(oddString(r)) || 'x').join('/')
  const roll = r.int(10)
  const pool = name.toLowerCase().includes('download') ? known.downloadIds : known.nodeIds
  if (roll < 5 && pool.length > 0) return r.pick(pool)
  if (roll < 7) return r.pick(['-root-', '-my-', '-shared-', '-me-', ...known.tickets])
  if (roll === 7) return long(r).slice(0, 5_000)
  return encodeURIComponent(oddString(r)).replace(/%25/g, r.chance(0.5) ? '%' : '%25')
}

const QUERY_VALUES = ['name ASC', '__proto__ ASC', 'constructor DESC, name', 'name SIDEWAYS', 'properties,path,permissions,__proto__', '(isFolder=true)', '(isFolder=true AND isFile=true)', `${'('.repeat(10_000)}isFolder=true${')'.repeat(10_000)}`, `(isFolder=true${' and isFile=false'.repeat(2_000)})`, `(nodeType='cm:content${' '.repeat(10_000)}x')`, `(isFolder${' '.repeat(50_000)}=x)`]

function queryValue(r: Random, type: string | undefined): string {
  if (r.chance(0.3)) return oddString(r)
  if (type === 'integer' || type === 'number') return r.pick(['0', '1', '-1', '2147483648', '1.5', ' 5', '+5', '05', '1e3', ''])
  if (type === 'boolean') return r.pick(['true', 'false', 'TRUE', 'yes', '1', ''])
  return r.pick(QUERY_VALUES)
}

function query(r: Random, route: Route, known: Known): string {
  const parts: string[] = []
  for (const p of route.params) {
    if (p.in === 'query' && r.chance(0.4)) parts.push(`${p.name}=${encodeURIComponent(queryValue(r, p.type === 'array' ? p.items?.type : p.type))}`)
  }
  if (r.chance(0.1)) parts.push(`alf_ticket=${encodeURIComponent(r.chance(0.5) && known.tickets.length ? r.pick(known.tickets) : oddString(r))}`)
  if (r.chance(0.05)) parts.push(`${encodeURIComponent(oddString(r))}=${encodeURIComponent(oddString(r))}`)
  if (r.chance(0.03)) parts.push(Array.from({ length: 500 }, (_, i) => `p${i}=${i}`).join('&'))
  return parts.length ? `?${parts.join('&')}` : ''
}

const AUTHS = ['admin:admin', 'alice:alice', 'bob:bob', 'admin:wrong', ':', 'ROLE_TICKET:TICKET_nope', '']

function headers(r: Random, known: Known, body: FuzzBody | undefined): Record<string, string> {
  const h: Record<string, string> = {}
  const auth = r.int(10)
  if (auth < 6) h.authorization = `Basic ${Buffer.from(r.pick(AUTHS)).toString('base64')}`
  else if (auth === 6 && known.tickets.length) h.authorization = `Basic ${Buffer.from(`ROLE_TICKET:${r.pick(known.tickets)}`).toString('base64')}`
  else if (auth === 7) h.authorization = r.pick(['Bearer x.y.z', 'Basic', 'Basic !!!', 'Negotiate abc', 'basic YWRtaW46YWRtaW4='])
  if (r.chance(0.1)) h.range = r.pick(['bytes=0-0', 'bytes=5-1', 'bytes=-', 'bytes=abc', 'bytes=0-1,2-3', 'bytes=-5', `bytes=0-${'9'.repeat(40)}`, 'items=0-1', 'bytes=99999999-'])
  if (r.chance(0.05)) h['if-modified-since'] = r.pick(['garbage', 'Mon, 01 Jan 1900 00:00:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT', 'Tue, 15 Jan 2024 09:00:00 +0000', ''])
  if (r.chance(0.03)) h['x-mock-scenario'] = r.pick(['no-such', '__proto__', 'constructor', long(r).slice(0, 2_000)])
  if (r.chance(0.03)) h['user-agent'] = r.pick(['MSIE 8.0', long(r).slice(0, 4_000)])
  if (body?.type !== undefined) h['content-type'] = body.type
  return h
}

/** The next request of the run. */
export function nextRequest(r: Random, routes: readonly Route[], known: Known): FuzzRequest {
  const route = r.pick(routes)
  const method = route.method === 'ALL' || r.chance(0.05) ? r.pick(METHODS) : route.method
  const path = route.template.replace(/\{([^}]+)\}/g, (_, name: string) => pathValue(r, name, known))
  const hasBody = method !== 'GET' && method !== 'HEAD' && (route.schema !== undefined || route.control || r.chance(0.3))
  const body = !hasBody ? undefined : route.control ? controlBody(r) : fuzzBody(r, route.schema, route.definitions)
  return { method, url: path + query(r, route, known), headers: headers(r, known, body), route, ...(body ? { body } : {}) }
}

/** The request as one line, to replay it. */
export function describeRequest(req: FuzzRequest): string {
  const url = req.url.length > 400 ? `${req.url.slice(0, 400)}… (${req.url.length} characters)` : req.url
  const hdrs = Object.entries(req.headers).map(([k, v]) => `${k}: ${v.length > 120 ? `${v.slice(0, 120)}…` : v}`)
  return `${req.method} ${url} [${hdrs.join('; ')}] body=${req.body?.preview ?? 'none'}`
}
