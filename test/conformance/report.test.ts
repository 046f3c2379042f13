/**
 * The conformance report: every case of cases.ts against one mock with request validation on.
 * For each, the request is checked by the mock's runtime validator (its X-Mock-Validation header:
 * none for a conforming request, present for one marked `invalid`) and the response by
 * test/support/spec.ts; the status must be the one expected. It prints, per operation, how many
 * requests and responses conform, then one line `N passed, N failed`, and fails if any failed.
 */
import { describe, expect, it } from 'vitest'
import { AUTH_BASE, CORE_BASE } from '../../src/http/context.js'
import { createAlfrescoMock, type ManualAlfrescoMock } from '../../src/index.js'
import { requestValidator } from '../../src/http/validate.js'
import { validateFetchResponse } from '../support/spec.js'
import { matrixRows } from '../tools/endpoint-matrix.js'
import { CASES, type Case, type Ctx } from './cases.js'

interface Outcome {
  operation: string
  case: Case
  requestOk: boolean
  responseOk: boolean
  problems: string[]
}

const basic = (creds: string) => `Basic ${Buffer.from(creds).toString('base64')}`

function authHeader(c: Case, ctx: Ctx): string | undefined {
  if (c.auth === null) return undefined
  if (c.auth === 'ticket') return basic(`ROLE_TICKET:${ctx.ticket ?? ''}`)
  return basic(c.auth ?? 'admin:admin')
}

async function runCase(mock: ManualAlfrescoMock, c: Case, ctx: Ctx): Promise<Outcome> {
  if (c.advance) mock.clock.advance(c.advance)
  const path = typeof c.path === 'function' ? c.path(ctx) : c.path
  const url = `http://mock.test${c.base === 'auth' ? AUTH_BASE : CORE_BASE}${path}`
  const headers = new Headers(c.headers)
  const auth = authHeader(c, ctx)
  if (auth) headers.set('authorization', auth)
  const json = c.body !== undefined && typeof c.body !== 'string' && !(c.body instanceof FormData)
  const body = json ? JSON.stringify(c.body) : (c.body as string | FormData | undefined)
  if (json && !headers.has('content-type')) headers.set('content-type', 'application/json')
  const response = await mock.fetch(new Request(url, { method: c.method, headers, body }))
  const flagged = response.headers.get('x-mock-validation')
  const responseProblems = await validateFetchResponse(c.method, url, response)
  const problems = [...responseProblems]
  if (response.status !== c.status) problems.push(`status ${response.status}, expected ${c.status}: ${(await response.clone().text()).slice(0, 200)}`)
  const requestOk = c.invalid ? flagged !== null : flagged === null
  if (!requestOk) problems.push(c.invalid ? 'request outside the spec, but not flagged' : `request flagged: ${flagged ?? ''}`)
  if (c.keep && response.headers.get('content-type')?.includes('json')) c.keep((await response.json()) as { entry?: { id?: string } }, ctx)
  const operation = opOf(c) ?? `${c.method} ${path.split('?')[0]} (not in the spec)`
  return { operation, case: c, requestOk, responseOk: responseProblems.length === 0, problems }
}

/** The operationId a case's request lands on (path functions get placeholder ids). */
function opOf(c: Case): string | undefined {
  const path = typeof c.path === 'function' ? c.path({ downloadId: 'd', ticket: 't', fileId: 'f', folderId: 'f', zipId: 'z' }) : c.path
  const full = `${c.base === 'auth' ? AUTH_BASE : CORE_BASE}${path.split('?')[0]}`
  return requestValidator().check({ method: c.method, path: full, query: new URLSearchParams(), contentType: undefined, body: undefined, hasBody: false }).operationId
}

function report(outcomes: Outcome[]): string[] {
  const byOp = new Map<string, Outcome[]>()
  for (const o of outcomes) byOp.set(o.operation, [...(byOp.get(o.operation) ?? []), o])
  const width = Math.max(...[...byOp.keys()].map((k) => k.length))
  const lines = [...byOp].map(([op, list]) => {
    const req = list.filter((o) => o.requestOk).length
    const res = list.filter((o) => o.responseOk).length
    const onPurpose = list.filter((o) => o.case.invalid).length
    const note = onPurpose ? ` (${onPurpose} outside the spec on purpose, flagged)` : ''
    const mark = list.every((o) => o.problems.length === 0) ? 'ok  ' : 'FAIL'
    return `${mark} ${op.padEnd(width)}  requests ${req}/${list.length} as expected${note}; responses ${res}/${list.length} conform`
  })
  const failures = outcomes.filter((o) => o.problems.length > 0).map((o) => `  ✗ ${o.operation}: ${o.case.name}: ${o.problems.join('; ')}`)
  return [...lines, ...failures]
}

describe('conformance report', () => {
  it("holds every request and response of every implemented endpoint to ACS's spec", async () => {
    const mock = createAlfrescoMock({ clock: 'manual', validate: true })
    const ctx: Ctx = {}
    const outcomes: Outcome[] = []
    for (const c of CASES) outcomes.push(await runCase(mock, c, ctx))
    const failed = outcomes.filter((o) => o.problems.length > 0).length
    for (const line of report(outcomes)) console.log(line)
    console.log(`${outcomes.length - failed} passed, ${failed} failed`)
    expect(failed).toBe(0)
  })

  it('covers every operation the mock implements (the README matrix)', async () => {
    const { rows } = await matrixRows()
    const covered = new Set(CASES.map((c) => `${c.method} ${c.base ?? 'core'}`))
    const implemented = rows.filter((r) => r.operationId)
    expect(implemented.length).toBeGreaterThan(0)
    // The model API is served on the core base.
    for (const r of implemented) expect(covered, `${r.operationId} has no case`).toContain(`${r.method} ${r.api === 'model' ? 'core' : r.api}`)
    const ops = new Set(CASES.map((c) => opOf(c)))
    for (const r of implemented) expect(ops, `${r.operationId} has no case`).toContain(r.operationId)
  })
})
