import type { Context, MiddlewareHandler } from 'hono'
import { errors } from '../errors.js'
import { authenticate, readCredentials } from './auth.js'
import { AUTH_BASE, type AppDeps, type Env } from './context.js'
import { RequestValidator, type RequestFacts, type RequestReport } from '../validate/validator.js'

/** The response header that carries a short summary of a request's violations. */
export const VALIDATION_HEADER = 'X-Mock-Validation'
/** `report`: header and journal only; `strict`: ACS's 400 instead of the answer. */
export type ValidationMode = 'report' | 'strict'

const HEADER_LIMIT = 1_000

let shared: RequestValidator | undefined

/**
 * The validator, built on first use: ajv (required lazily inside it) and the spec (~80 KB of
 * JSON) cost start-up time only users of `validate` should pay. One per process: the spec is
 * fixed. Synchronous, so a request reaches the scenario layer in the same tick as without
 * validation (tests advance a manual clock right after sending).
 */
export function requestValidator(): RequestValidator {
  shared ??= new RequestValidator()
  return shared
}

type Deps = Pick<AppDeps, 'auth' | 'clock' | 'maxBodyBytes'>

/**
 * Checks every API request against ACS's spec before anything else handles it (faults included),
 * keeps the violations on the context for the journal, and adds {@link VALIDATION_HEADER} to the
 * answer. In strict mode a request with parameter or body violations gets ACS's 400
 * InvalidArgument instead — after authentication, as ACS checks credentials before parameters.
 * An operation the spec lacks is only reported: the mock's own answer (ACS's 404/405, or 501) stands.
 */
export function validateRequests(deps: Deps, mode: ValidationMode): MiddlewareHandler<Env> {
  return async (c, next) => {
    const validator = requestValidator()
    const facts = requestFacts(c)
    const declared = Number(c.req.header('content-length') ?? NaN)
    // A JSON body is read from a clone. Report mode reads it while the route runs, so nothing
    // before the route waits; strict mode must know before it lets the request through.
    const body = validator.wantsBody(facts) && !(declared > deps.maxBodyBytes) ? readClone(c.req.raw, deps.maxBodyBytes) : undefined
    if (mode === 'strict') {
      facts.body = await body
      const report = record(c, validator.check(facts))
      if (report.violations.length > 0 && !report.unknownOperation && mayReject(deps, c)) {
        throw errors.invalidRequest(strictMessage(report), { [VALIDATION_HEADER]: summary(report.violations) })
      }
      await next()
      if (report.violations.length > 0) setHeader(c, VALIDATION_HEADER, summary(report.violations))
      return
    }
    if (!body) record(c, validator.check(facts))
    await next()
    if (body) {
      facts.body = await body
      record(c, validator.check(facts))
    }
    const violations = c.get('validation')
    if (violations && violations.length > 0) setHeader(c, VALIDATION_HEADER, summary(violations))
  }
}

/** Keeps the violations for the journal (left out when there are none). */
function record(c: Context<Env>, report: RequestReport): RequestReport {
  c.set('validation', report.violations.length > 0 ? report.violations : undefined)
  return report
}

function requestFacts(c: Context<Env>): RequestFacts {
  const declared = Number(c.req.header('content-length') ?? NaN)
  return {
    method: c.req.method,
    path: c.req.path,
    query: new URL(c.req.url).searchParams,
    contentType: c.req.header('content-type'),
    body: undefined,
    hasBody: (Number.isFinite(declared) && declared > 0) || c.req.header('transfer-encoding') !== undefined,
  }
}

/** The body from a clone, so the route still reads the original; undefined past the limit (413 follows). */
async function readClone(request: Request, limit: number): Promise<Uint8Array | undefined> {
  const stream = request.clone().body as ReadableStream<Uint8Array> | null
  if (!stream) return new Uint8Array()
  const reader = stream.getReader()
  const parts: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return Buffer.concat(parts)
    total += value.byteLength
    if (total > limit) {
      // Not awaited: a tee branch's cancel settles only once the route cancels the other one.
      reader.cancel().catch(() => undefined)
      return undefined
    }
    parts.push(value)
  }
}

/** POST /tickets needs no credentials; every other API call gets ACS's 401 before any 400. */
function mayReject(deps: Deps, c: Context<Env>): boolean {
  if (c.req.method === 'POST' && c.req.path === `${AUTH_BASE}/tickets`) return true
  return authenticate(deps, readCredentials(c.req.header('authorization'), (k) => c.req.query(k))) !== undefined
}

function strictMessage(report: RequestReport): string {
  return (
    `The request does not conform to ACS's API (${report.operationId ?? 'unknown operation'}): ` +
    `${report.violations.join('; ')}. Please fix the request, or start the mock without strict validation.`
  )
}

/** `2 violations: query maxItems: …; body /nodeIds: …`, in printable ASCII, at most 1,000 characters. */
export function summary(violations: readonly string[]): string {
  const n = violations.length
  const text = `${n} violation${n === 1 ? '' : 's'}: ${violations.join('; ')}`
  const ascii = text.replace(/[^\x20-\x7e]/g, '?')
  return ascii.length > HEADER_LIMIT ? `${ascii.slice(0, HEADER_LIMIT - 3)}...` : ascii
}

function setHeader(c: Context<Env>, name: string, value: string): void {
  try {
    c.res.headers.set(name, value)
  } catch {
    // Headers of a response from elsewhere can be immutable: copy it.
    const res = new Response(c.res.body, c.res)
    res.headers.set(name, value)
    c.res = res
  }
}
