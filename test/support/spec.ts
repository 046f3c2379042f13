/**
 * Checks responses against ACS's own OpenAPI (Swagger 2.0) files in test/spec/, so every answer
 * the test suite provokes is held to the real API's contract (issue 5). Swagger 2 definitions are
 * plain JSON Schema (draft-4 subset), so ajv validates them directly, with no conversion step.
 */
import type { ErrorObject } from 'ajv'
import { compile, specs, type LoadedSpec, type Schema, type SwaggerOperation } from './spec-load.js'
import { valueAt } from '../../src/validate/validator.js'

/** Pass as `body` when the response had a body that is not JSON. */
export const NOT_JSON: unique symbol = Symbol('not JSON')

const ERROR_SCHEMA: Schema = { $ref: '#/definitions/Error' }

/** The path of `url` (absolute, or a path with a query) without query and fragment. */
function pathOf(url: string): string {
  return new URL(url, 'http://spec.invalid').pathname
}

/** Where a request lands: the spec of its API base, and the operation if the spec has one. */
function locate(
  method: string,
  url: string,
): { spec: LoadedSpec; op?: SwaggerOperation; label: string } | undefined {
  const path = pathOf(url)
  // Several files share a base (core and model): the one with a route for the path answers.
  const candidates = specs().filter((s) => path === s.basePath || path.startsWith(`${s.basePath}/`))
  const spec = candidates.find((s) => s.routes.some((r) => r.pattern.test(path.slice(s.basePath.length) || '/'))) ?? candidates[0]
  if (!spec) return undefined
  const rest = path.slice(spec.basePath.length) || '/'
  const m = method.toLowerCase()
  const routes = spec.routes.filter((r) => r.pattern.test(rest))
  const route = routes.find((r) => r.ops[m])
  const op = route?.ops[m]
  if (!route || !op) return { spec, label: `${method.toUpperCase()} ${rest} (not in ${spec.file})` }
  return { spec, op, label: `${op.operationId ?? '?'} (${method.toUpperCase()} ${route.template})` }
}

/** What the spec expects of one answer. */
type Expectation =
  | { kind: 'unchecked' }
  | { kind: 'file' }
  | { kind: 'violation'; messages: string[] }
  | { kind: 'no-body'; where: string }
  | {
      kind: 'schema'
      spec: LoadedSpec
      key: string
      schema: Schema
      where: string
      /** No body is fine too. */
      empty?: boolean
    }

function expectationFor(method: string, url: string, status: number): Expectation {
  const found = locate(method, url)
  if (!found) return { kind: 'unchecked' }
  const { spec, op, label } = found
  const where = `${label} ${status}`
  if (!op) {
    if (status >= 400) return { kind: 'schema', spec, key: 'Error', schema: ERROR_SCHEMA, where }
    const message = `${where}: only an error status fits a path or method the spec lacks`
    return { kind: 'violation', messages: [message] }
  }
  const declared = op.responses[String(status)]
  const response = declared ?? op.responses.default
  if (!response) {
    const codes = Object.keys(op.responses).join(', ')
    const message = `${label}: status ${status} is not declared (declared: ${codes})`
    return { kind: 'violation', messages: [message] }
  }
  const schema = response.schema
  // An error status declared with a description only still carries ACS's Error body, except
  // 416, which ACS's HttpRangeProcessor answers with no body (alfresco-behaviour.md §8.1).
  if (!schema && status >= 400) {
    const errorSchema = op.responses.default?.schema ?? ERROR_SCHEMA
    return { kind: 'schema', spec, key: 'Error', schema: errorSchema, where, empty: status === 416 }
  }
  // A content operation's 206 has no schema in the spec but carries the bytes of the range.
  if (!schema) return servesFile(op) && status < 300 ? { kind: 'file' } : { kind: 'no-body', where }
  if (schema.type === 'file') return { kind: 'file' }
  const key = `${op.operationId ?? label}:${declared ? status : 'default'}`
  return { kind: 'schema', spec, key, schema, where }
}

/**
 * The ways a response breaks ACS's spec; empty when it conforms or the URL is under no API base.
 * The operation is found by path template under its spec's basePath; an undeclared status falls
 * back to `default` (Error); binary (`type: file`) answers have only their status checked. A path
 * or method the spec lacks (ACS's 405, the mock's 501) must still answer with an Error body.
 * Where ACS itself leaves its spec, so does this: with `?fields=` an entry's required properties
 * may be missing, a content 206 carries bytes, and a 416 has no body.
 *
 * @param body the parsed JSON, `undefined` for no body, or `NOT_JSON`.
 */
export function validateResponse(
  method: string,
  url: string,
  status: number,
  body: unknown,
): string[] {
  const x = expectationFor(method, url, status)
  switch (x.kind) {
    case 'unchecked':
    case 'file':
      return []
    case 'violation':
      return x.messages
    case 'no-body':
      return body === undefined ? [] : [`${x.where}: the spec declares no body, but one was sent`]
    case 'schema':
      if (x.empty && body === undefined) return []
      return checkBody(x.spec, x.key, x.schema, body, x.where, hasFields(url))
  }
}

function servesFile(op: SwaggerOperation): boolean {
  return Object.values(op.responses).some((r) => r?.schema?.type === 'file')
}

/** `?fields=a,b`: ACS then leaves out every other property, required ones included. */
function hasFields(url: string): boolean {
  return new URL(url, 'http://spec.invalid').searchParams.has('fields')
}

function checkBody(
  spec: LoadedSpec,
  key: string,
  schema: Schema,
  body: unknown,
  where: string,
  trimmedByFields = false,
): string[] {
  if (body === undefined) return [`${where}: expected a JSON body, got none`]
  if (body === NOT_JSON) return [`${where}: expected a JSON body, got another content type`]
  const fn = compile(spec, key, schema)
  if (fn(body)) return []
  const trimmed = (e: ErrorObject) =>
    trimmedByFields && e.keyword === 'required' && e.instancePath.endsWith('/entry')
  return (fn.errors ?? []).filter((e) => !trimmed(e) && !acsDeparts(spec, e)).map((e) => `${where}: ${describe(e, body)}`)
}

/**
 * Where ACS itself leaves its spec, the mock follows ACS: a constraint's parameters are a Java
 * Map<String, Object> of strings, booleans and lists (NodeApiTest testRetrieveNodeDefinition reads
 * `expression` and `requiresMatch`), and a class without a title has none (NON_EMPTY), though the
 * model spec requires one.
 */
function acsDeparts(spec: LoadedSpec, e: ErrorObject): boolean {
  if (e.keyword === 'type' && /\/constraints\/\d+\/parameters\/[^/]+$/.test(e.instancePath)) return true
  return spec.file === 'alfresco-model.yaml' && e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === 'title'
}

function describe(e: ErrorObject, body: unknown): string {
  const at = e.instancePath || '/'
  const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues
  const detail = allowed ? ` (${allowed.join(', ')})` : ''
  const value = JSON.stringify(valueAt(body, e.instancePath)) ?? 'undefined'
  const got = e.keyword === 'required' ? '' : `, got ${value.slice(0, 80)}`
  return `${at} ${e.message ?? e.keyword}${detail}${got}`
}


/** Validates a fetch Response from a clone; binary answers are not read (status only). */
export async function validateFetchResponse(
  method: string,
  url: string,
  response: Response,
): Promise<string[]> {
  const { status } = response
  const x = expectationFor(method, url, status)
  if (x.kind === 'unchecked' || x.kind === 'file') return []
  const text = await response.clone().text()
  if (text === '') return validateResponse(method, url, status, undefined)
  const isJson = (response.headers.get('content-type') ?? '').includes('json')
  if (!isJson) return validateResponse(method, url, status, NOT_JSON)
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    const where = `${method.toUpperCase()} ${pathOf(url)} ${status}`
    return [`${where}: the body is not valid JSON: ${text.slice(0, 120)}`]
  }
  return validateResponse(method, url, status, body)
}

/** Throws one readable error listing the violations, if there are any. */
export function assertConforms(
  method: string,
  url: string,
  violations: string[],
  bodyText?: string,
): void {
  if (violations.length === 0) return
  const lines = violations.map((v) => `  - ${v}`).join('\n')
  const body = bodyText === undefined ? '' : `\nbody: ${bodyText.slice(0, 500)}`
  const request = `${method.toUpperCase()} ${pathOf(url)}`
  throw new Error(`Response to ${request} violates ACS's OpenAPI spec:\n${lines}${body}`)
}

/**
 * `fetch` for tests over a real socket: throws, like `call()`, when an answer under the API
 * bases breaks the spec. The response is returned unread.
 */
export async function conformingFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init)
  const response = await globalThis.fetch(request)
  const violations = await validateFetchResponse(request.method, request.url, response)
  assertConforms(request.method, request.url, violations)
  return response
}
