import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../paths.js'
import type { ApiSpec, OperationSpec, RequestSpec } from './types.js'

/**
 * The generated request spec ships in the package (package.json `files`) and is read from disk
 * relative to the package root, so the ESM, CommonJS and CLI bundles share one copy and none of
 * them parses it unless validation is on.
 */
export const REQUEST_SPEC_PATH = join(PACKAGE_ROOT, 'src', 'openapi', 'request-spec.json')

export function readRequestSpec(path = REQUEST_SPEC_PATH): RequestSpec {
  return JSON.parse(readFileSync(path, 'utf8')) as RequestSpec
}

interface Route {
  template: string
  pattern: RegExp
  names: string[]
  literal: number
  ops: Map<string, OperationSpec>
}

/** Where a request lands in the spec. */
export type Located =
  | { kind: 'outside' }
  | { kind: 'unknown-path'; api: ApiSpec; relative: string }
  | { kind: 'unknown-method'; api: ApiSpec; relative: string; template: string; methods: string[] }
  | { kind: 'operation'; api: ApiSpec; op: OperationSpec; pathParams: Record<string, string> }

/** Finds operations by base path, path template and method, preferring literal templates. */
export class OperationIndex {
  readonly #apis: { api: ApiSpec; routes: Route[] }[]

  constructor(spec: RequestSpec) {
    this.#apis = spec.apis.map((api) => ({ api, routes: routesOf(api) }))
  }

  get apis(): ApiSpec[] {
    return this.#apis.map((a) => a.api)
  }

  locate(method: string, path: string): Located {
    // Several files share a base (core and model): the one with a route for the path answers.
    const bases = this.#apis.filter(({ api }) => path === api.basePath || path.startsWith(`${api.basePath}/`))
    const found = bases.find(({ api, routes }) => routes.some((r) => r.pattern.test(path.slice(api.basePath.length) || '/'))) ?? bases[0]
    if (!found) return { kind: 'outside' }
    const relative = path.slice(found.api.basePath.length) || '/'
    const matching = found.routes.filter((r) => r.pattern.test(relative))
    if (matching.length === 0) return { kind: 'unknown-path', api: found.api, relative }
    // HEAD is GET without the body (HTTP); the spec declares only GET.
    const m = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase()
    const route = matching.find((r) => r.ops.has(m))
    if (!route) {
      const methods = [...new Set(matching.flatMap((r) => [...r.ops.keys()]))].map((x) => x.toUpperCase())
      return { kind: 'unknown-method', api: found.api, relative, template: matching[0]!.template, methods }
    }
    const values = route.pattern.exec(relative)!.slice(1)
    const pathParams = Object.fromEntries(route.names.map((n, i) => [n, safeDecode(values[i] ?? '')]))
    return { kind: 'operation', api: found.api, op: route.ops.get(m)!, pathParams }
  }
}

function routesOf(api: ApiSpec): Route[] {
  const byTemplate = new Map<string, Route>()
  for (const op of api.operations) {
    let route = byTemplate.get(op.path)
    if (!route) {
      const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)
      const literal = op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      const pattern = new RegExp(`^${literal.replace(/\{[^}]+\}/g, '([^/]+)')}$`)
      route = { template: op.path, pattern, names, literal: -names.length, ops: new Map() }
      byTemplate.set(op.path, route)
    }
    route.ops.set(op.method, op)
  }
  // `/tickets/-me-` before `/tickets/{id}`, `/nodes/{id}/children` before deeper wildcards.
  return [...byTemplate.values()].sort((a, b) => b.literal - a.literal)
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
