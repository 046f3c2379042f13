import { createRequire } from 'node:module'
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv'
import { DepthError, MAX_JSON_DEPTH, parseJsonText } from '../safe-parse.js'
import { checkParams, shown, SHOWN_VALUE_CHARS } from './params.js'
import { specRegExp } from './patterns.js'
import { OperationIndex, readRequestSpec } from './spec.js'
import type { ApiSpec, JsonSchema, OperationSpec, RequestSpec } from './types.js'

/**
 * ISO 8601 as ACS's ISO8601DateFormat reads it (`…T09:00:00.000+0000` too). The request bodies
 * use no other checked format, so ajv-formats is not needed at run time.
 */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/** One request as validation sees it. `body` is undefined when none was sent or it was not read. */
export interface RequestFacts {
  method: string
  /** The URL path, e.g. `/alfresco/api/-default-/public/alfresco/versions/1/downloads`. */
  path: string
  query: URLSearchParams
  contentType: string | undefined
  body: Uint8Array | undefined
  /** A body was sent (Content-Length > 0 or chunked), even if it was not read. */
  hasBody: boolean
}

/** What validation found: the operation (if the spec has one) and every violation, as readable lines. */
export interface RequestReport {
  operationId: string | undefined
  /** True when the spec has no such path or method (ACS answers 404/405 there itself). */
  unknownOperation: boolean
  violations: string[]
}

const MAX_ERRORS = 10

/** Checks requests against ACS's spec: operation, path and query parameters, JSON body. */
export class RequestValidator {
  readonly index: OperationIndex
  readonly #ajv = new Map<string, Ajv>()
  readonly #compiled = new Map<string, ValidateFunction>()

  constructor(spec: RequestSpec = readRequestSpec()) {
    this.index = new OperationIndex(spec)
  }

  /** Where the body of `op` must be read from the request (a JSON schema), else false. */
  wantsBody(facts: Pick<RequestFacts, 'method' | 'path' | 'contentType'>): boolean {
    const at = this.index.locate(facts.method, facts.path)
    return at.kind === 'operation' && jsonBodySchema(at.op, facts.contentType) !== undefined
  }

  check(facts: RequestFacts): RequestReport {
    const at = this.index.locate(facts.method, facts.path)
    switch (at.kind) {
      case 'outside':
        return { operationId: undefined, unknownOperation: false, violations: [] }
      case 'unknown-path':
        return unknown(`${facts.method} ${at.relative}: no such path in ACS's ${at.api.file}`)
      case 'unknown-method':
        return unknown(`${facts.method} ${at.template}: ACS's ${at.api.file} has only ${at.methods.join(', ')} there`)
      case 'operation': {
        const violations = [...checkParams(at.op, at.pathParams, facts.query), ...this.#checkBody(at.api, at.op, facts)]
        return { operationId: at.op.operationId, unknownOperation: false, violations }
      }
    }
  }

  #checkBody(api: ApiSpec, op: OperationSpec, facts: RequestFacts): string[] {
    if (!op.body) return facts.hasBody ? ['body: the operation takes no body, but one was sent'] : []
    const schema = jsonBodySchema(op, facts.contentType)
    if (!schema) return []
    const text = facts.body === undefined ? '' : new TextDecoder().decode(facts.body)
    if (text.trim() === '') return op.body.required ? [`body: required (${schemaName(op)}), but none was sent`] : []
    let value: unknown
    try {
      value = parseJsonText(text, MAX_JSON_DEPTH)
    } catch (err) {
      if (err instanceof DepthError) return [`body: nested deeper than ${err.limit} levels, as ACS's JSON reader refuses`]
      return [`body: not valid JSON (${schemaName(op)} expected)`]
    }
    const fn = this.#compile(api, op, schema)
    if (fn(value)) return []
    return (fn.errors ?? []).slice(0, MAX_ERRORS).map((e) => `body ${describe(e, value)}`)
  }

  #compile(api: ApiSpec, op: OperationSpec, schema: JsonSchema): ValidateFunction {
    const key = `${api.file}:${op.operationId}`
    const cached = this.#compiled.get(key)
    if (cached) return cached
    const json = JSON.stringify(schema).replaceAll('"#/definitions/', `"${api.file}#/definitions/`)
    const fn = this.#ajvFor(api).compile(JSON.parse(json) as JsonSchema)
    this.#compiled.set(key, fn)
    return fn
  }

  /** The options of real-client.md §C: Swagger 2 definitions are JSON Schema draft-4 as ajv reads it. */
  #ajvFor(api: ApiSpec): Ajv {
    let ajv = this.#ajv.get(api.file)
    if (!ajv) {
      // unicodeRegExp: false: the Node `name` pattern has escapes that are invalid under /u.
      // code.regExp: every `pattern` runs in linear time (src/validate/patterns.ts), never backtracking.
      ajv = new (loadAjv())({ strict: false, allErrors: true, unicodeRegExp: false, code: { regExp: specRegExp } })
      ajv.addFormat('date-time', DATE_TIME)
      for (const f of ['int32', 'int64', 'bytes', 'binary', 'password']) ajv.addFormat(f, true)
      ajv.addSchema({ $id: api.file, definitions: api.definitions })
      this.#ajv.set(api.file, ajv)
    }
    return ajv
  }
}

/** ajv is CommonJS: required on first use, so loading the package never loads it. */
function loadAjv(): typeof Ajv {
  return (createRequire(import.meta.url)('ajv') as typeof import('ajv')).Ajv
}

function unknown(message: string): RequestReport {
  return { operationId: undefined, unknownOperation: true, violations: [message] }
}

/** The body schema to check with ajv, unless the request sends a non-JSON form the operation accepts. */
function jsonBodySchema(op: OperationSpec, contentType: string | undefined): JsonSchema | undefined {
  const schema = op.body?.schema
  if (!schema || schema.type === 'string' || schema.format === 'binary') return undefined
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== '' && op.consumes?.includes(type)) return undefined
  return schema
}

function schemaName(op: OperationSpec): string {
  const ref = op.body?.schema.$ref
  return typeof ref === 'string' ? ref.replace('#/definitions/', '') : op.body?.name ?? 'a body'
}

/** Body fields whose value never appears in a message (the journal is readable without credentials). */
const SECRET_FIELDS = new Set(['password', 'oldPassword'])

function describe(e: ErrorObject, body: unknown): string {
  const path = e.instancePath || '/'
  const at = path.length > SHOWN_VALUE_CHARS ? `${path.slice(0, SHOWN_VALUE_CHARS)}…` : path
  const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues
  const detail = allowed ? ` (${allowed.join(', ')})` : ''
  if (e.keyword === 'required') return `${at}: ${e.message ?? 'required'}`
  if (SECRET_FIELDS.has(path.slice(path.lastIndexOf('/') + 1))) return `${at}: ${e.message ?? e.keyword}${detail}`
  const v = valueAt(body, e.instancePath)
  // Cut before serialising: the value can be a megabyte string or a deep object.
  const value = typeof v === 'string' ? shown(v) : typeof v === 'object' && v !== null ? (Array.isArray(v) ? 'a list' : 'an object') : String(v)
  return `${at}: ${e.message ?? e.keyword}${detail}, got ${value}`
}

/** The value at a JSON pointer (ajv's instancePath) of `body`, for messages. */
export function valueAt(body: unknown, pointer: string): unknown {
  let v = body
  for (const raw of pointer.split('/').slice(1)) {
    const k = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    v = typeof v === 'object' && v !== null && Object.hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined
  }
  return v
}
