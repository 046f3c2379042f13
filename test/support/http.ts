import { AUTH_BASE, CORE_BASE } from '../../src/http/context.js'
import type { NodeStore } from '../../src/store/node-store.js'
import type { MockNode } from '../../src/store/types.js'
import { assertConforms, NOT_JSON, validateResponse } from './spec.js'

/** Anything with a fetch handler: createAlfrescoMock(), or a started mock. */
export interface Fetcher {
  fetch(request: Request): Promise<Response>
}

export const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
export const ticketAuth = (ticket: string, form: 'bare' | 'role' = 'role'): string =>
  `Basic ${Buffer.from(form === 'role' ? `ROLE_TICKET:${ticket}` : ticket).toString('base64')}`

export const ADMIN = basic('admin', 'admin')

export interface CallOptions {
  /** A JSON body (objects are stringified), a string, or raw bytes/FormData. */
  body?: unknown
  headers?: Record<string, string>
  /** The Authorization header; `null` sends none. Default admin:admin. */
  auth?: string | null
  /** Which API base: core (default), auth (tickets), or none (the path is absolute). */
  base?: 'core' | 'auth' | 'none'
  /**
   * Check the answer against ACS's OpenAPI spec (test/support/spec.ts) and throw on a violation.
   * Default true; only answers under the two API bases are checked (never /__mock). Turn it off
   * only for answers that are broken on purpose (fault injection).
   */
  validate?: boolean
  /**
   * The request breaks ACS's spec on purpose and the mock accepts it (as ACS does): do not fail on
   * its X-Mock-Validation header. Requests that get an error status never fail on it anyway.
   */
  invalidRequest?: boolean
}

export interface CallResult {
  status: number
  headers: Headers
  /** Parsed JSON when the answer is JSON, else undefined (any: tests read into it freely). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
  text: string
  bytes: Buffer
  response: Response
}

/** One request through a mock's fetch handler, with the body read once in every form tests need. */
export async function call(target: Fetcher, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const base = options.base === 'auth' ? AUTH_BASE : options.base === 'none' ? '' : CORE_BASE
  const url = path.startsWith('http') ? path : `http://mock.test${base}${path}`
  const headers = new Headers(options.headers)
  const auth = options.auth === undefined ? ADMIN : options.auth
  if (auth !== null && !headers.has('authorization')) headers.set('authorization', auth)
  let body: RequestInit['body']
  const b = options.body
  if (b instanceof FormData || typeof b === 'string' || b instanceof Uint8Array) body = b as RequestInit['body']
  else if (b !== undefined) {
    body = JSON.stringify(b)
    if (!headers.has('content-type')) headers.set('content-type', 'application/json')
  }
  const response = await target.fetch(new Request(url, { method, headers, body }))
  const bytes = Buffer.from(await response.clone().arrayBuffer())
  const text = bytes.toString('utf8')
  const isJson = (response.headers.get('content-type') ?? '').includes('json') && text !== ''
  const json: unknown = isJson ? JSON.parse(text) : undefined
  if (options.validate !== false && method.toUpperCase() !== 'HEAD') {
    const seen = isJson ? json : text === '' ? undefined : NOT_JSON
    assertConforms(method, url, validateResponse(method, url, response.status, seen), text)
  }
  const problem = options.invalidRequest ? undefined : requestViolation(method, url, response)
  if (problem) throw new Error(problem)
  return { status: response.status, headers: response.headers, json, text, bytes, response }
}

/**
 * The request-validation rule of the suite (test/support/validate-setup.ts): a request the mock
 * answered with a status below 400 must not carry an X-Mock-Validation header. Returns the
 * failure message, or undefined.
 */
export function requestViolation(method: string, url: string, response: Response): string | undefined {
  const header = response.headers.get('x-mock-validation')
  if (header === null || response.status >= 400) return undefined
  const path = new URL(url, 'http://mock.test').pathname
  return (
    `Request ${method.toUpperCase()} ${path} violates ACS's OpenAPI spec, yet the mock answered ${response.status}: ${header}. ` +
    'Please fix the request; if the test sends it on purpose, pass { invalidRequest: true } to call().'
  )
}

export const get = (t: Fetcher, path: string, o?: CallOptions) => call(t, 'GET', path, o)
export const post = (t: Fetcher, path: string, body?: unknown, o?: CallOptions) => call(t, 'POST', path, { ...o, body })
export const del = (t: Fetcher, path: string, o?: CallOptions) => call(t, 'DELETE', path, o)
export const put = (t: Fetcher, path: string, body?: unknown, o?: CallOptions) => call(t, 'PUT', path, { ...o, body })

/** Asserts ACS's error body shape and returns the error object. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function expectAlfrescoError(r: CallResult, status: number, errorKey?: string): any {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${r.text}`)
  const e = r.json?.error
  if (!e) throw new Error(`expected an ACS error body, got: ${r.text}`)
  if (errorKey !== undefined && e.errorKey !== errorKey) throw new Error(`expected errorKey ${errorKey}, got ${e.errorKey}`)
  return e
}

/** A node of the mock's fixtures by its path of names below Company Home; fails loudly if absent. */
export function fixtureNode(mock: { store: NodeStore }, path: string): MockNode {
  const found = mock.store.lookupPath(mock.store.rootId, path)
  if (!found) throw new Error(`no fixture node at ${path}`)
  return found
}
