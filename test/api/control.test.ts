import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { call, expectAlfrescoError, get, post, ticketAuth } from '../support/http.js'

const SEED_TICKET = 'TICKET_08eb7e2e2c17964ca51f0f33186cc2fc9d56d593'
const START = Date.UTC(2024, 0, 15, 9, 0, 0)
const SYSTEM_CLOCK_MESSAGE =
  "Failed to advance the clock: the mock runs on the system clock. Please start it with --clock manual (or { clock: 'manual' })."
const badMs = (got: string) =>
  `Failed to advance the clock: "ms" must be a duration such as 1500 or "2s", not ${got}. Please send {"ms": 1000} or {"ms": "1s"}.`

const control = (method: string, path: string, body?: unknown) =>
  call(mock, method, `/__mock${path}`, { base: 'none', auth: null, body })

const mock = createAlfrescoMock({ clock: 'manual' })
afterEach(() => mock.reset())
afterAll(() => mock.dispose())

describe('GET /__mock/health', () => {
  it('answers 200 UP without credentials, with the clock kind and the node count, as ACS-style JSON', async () => {
    const r = await control('GET', '/health')
    expect(r.status).toBe(200)
    expect(r.json).toEqual({ status: 'UP', clock: 'manual', nodes: mock.store.size })
    expect(r.json.nodes).toBeGreaterThan(0)
    expect(r.headers.get('content-type')).toBe('application/json;charset=UTF-8')
  })
})

describe('POST /__mock/reset', () => {
  it('drops a folder created since the start', async () => {
    const nodesBefore = mock.store.size
    const created = await post(mock, '/nodes/-root-/children', { name: 'made-in-test', nodeType: 'cm:folder' })
    expect(created.status).toBe(201)
    const id = created.json.entry.id as string
    expect(mock.store.size).toBe(nodesBefore + 1)

    const r = await control('POST', '/reset')
    expect(r.status).toBe(200)
    expect(r.json).toEqual({ reset: true })
    expectAlfrescoError(await get(mock, `/nodes/${id}`), 404, 'framework.exception.EntityNotFound')
    expect((await control('GET', '/health')).json.nodes).toBe(nodesBefore)
  })

  it('kills a ticket issued since the start and keeps the seeded ticket working', async () => {
    // alice: POST /tickets for admin would answer the seeded ticket, which is still valid.
    const issued = await post(mock, '/tickets', { userId: 'alice', password: 'alice' }, { base: 'auth', auth: null })
    expect(issued.status).toBe(201)
    const ticket = issued.json.entry.id as string
    expect(ticket).not.toBe(SEED_TICKET)
    expect((await get(mock, '/tickets/-me-', { base: 'auth', auth: ticketAuth(ticket) })).status).toBe(200)

    await control('POST', '/reset')

    expectAlfrescoError(await get(mock, '/tickets/-me-', { base: 'auth', auth: ticketAuth(ticket) }), 401)
    expect((await get(mock, '/nodes/-root-', { auth: ticketAuth(SEED_TICKET, 'bare') })).status).toBe(200)
    expect((await get(mock, '/nodes/-root-', { auth: ticketAuth(SEED_TICKET) })).status).toBe(200)
  })
})

describe('GET /__mock/clock', () => {
  it("shows the manual clock's kind and time, in ms and as ACS writes dates", async () => {
    const r = await control('GET', '/clock')
    expect(r.status).toBe(200)
    expect(r.json).toEqual({ kind: 'manual', now: START, iso: '2024-01-15T09:00:00.000+0000' })
  })

  it('shows a system clock as such', async () => {
    const system = createAlfrescoMock({ clock: 'system' })
    try {
      const before = Date.now()
      const r = await call(system, 'GET', '/__mock/clock', { base: 'none', auth: null })
      expect(r.json.kind).toBe('system')
      expect(r.json.now).toBeGreaterThanOrEqual(before)
      expect(r.json.now).toBeLessThanOrEqual(Date.now())
    } finally {
      system.dispose()
    }
  })
})

describe('POST /__mock/clock/advance', () => {
  it('moves a manual clock by ms and answers the new time', async () => {
    const at = mock.clock.now()
    const r = await control('POST', '/clock/advance', { ms: 1_500 })
    expect(r.status).toBe(200)
    expect(r.json).toEqual({ kind: 'manual', now: at + 1_500, iso: new Date(at + 1_500).toISOString().replace('Z', '+0000') })
    expect(mock.clock.now()).toBe(at + 1_500)
    expect((await control('GET', '/clock')).json.now).toBe(at + 1_500)
  })

  it('accepts 0 and leaves time where it is', async () => {
    const at = mock.clock.now()
    expect((await control('POST', '/clock/advance', { ms: 0 })).json.now).toBe(at)
  })

  it('answers 400 with the clear message when the mock runs on the system clock', async () => {
    const system = createAlfrescoMock({ clock: 'system' })
    try {
      const r = await call(system, 'POST', '/__mock/clock/advance', { base: 'none', auth: null, body: { ms: 1_000 } })
      const e = expectAlfrescoError(r, 400, 'framework.exception.InvalidArgument')
      expect(e.briefSummary).toMatch(/^\d{8} /)
      expect(e.briefSummary.slice(9)).toBe(SYSTEM_CLOCK_MESSAGE)
    } finally {
      system.dispose()
    }
  })

  it.each([
    ['a negative ms', { ms: -1 }, '-1'],
    ['a string that is no duration', { ms: 'soon' }, '"soon"'],
    ['a negative duration', { ms: '-2s' }, '"-2s"'],
    ['no ms', { seconds: 1 }, 'missing'],
    ['a JSON array', [1_000], 'missing'],
    ['no body at all', undefined, 'missing'],
  ])('answers 400 and leaves time alone for %s', async (_label, body, got) => {
    const at = mock.clock.now()
    const e = expectAlfrescoError(await control('POST', '/clock/advance', body), 400, 'framework.exception.InvalidArgument')
    expect(e.briefSummary.slice(9)).toBe(badMs(got))
    expect(mock.clock.now()).toBe(at)
  })

  it('takes durations as the CLI does: "1500", "2s", "5m" as well as a number of ms', async () => {
    const at = mock.clock.now()
    for (const [ms, total] of [['1500', 1_500], ['2s', 3_500], ['5m', 303_500], [250, 303_750]] as const) {
      const r = await control('POST', '/clock/advance', { ms })
      expect(r.status, String(ms)).toBe(200)
      expect(r.json.now).toBe(at + total)
    }
  })

  it('answers 400 and leaves time alone for an ms that would take the clock past the last JavaScript date', async () => {
    // Without the cleaner, so that the time-ordered run of its hourly timers cannot hide a failure.
    const quiet = createAlfrescoMock({ clock: 'manual', downloads: { cleaner: { enabled: false } } })
    try {
      const at = quiet.clock.now()
      const r = await call(quiet, 'POST', '/__mock/clock/advance', { base: 'none', auth: null, body: { ms: 1e300 } })
      const e = expectAlfrescoError(r, 400, 'framework.exception.InvalidArgument')
      expect(e.briefSummary.slice(9)).toBe(
        'Failed to advance the clock: 1e+300 ms would take it past the last date JavaScript can hold (+275760-09-13). Please advance it by less.',
      )
      expect(quiet.clock.now()).toBe(at)
      expect((await call(quiet, 'GET', '/__mock/clock', { base: 'none', auth: null })).status).toBe(200)
    } finally {
      quiet.dispose()
    }
  })

  it('answers 400 in the ACS shape for a body that is not JSON', async () => {
    const r = await call(mock, 'POST', '/__mock/clock/advance', {
      base: 'none',
      auth: null,
      body: '{"ms": ',
      headers: { 'content-type': 'application/json' },
    })
    const e = expectAlfrescoError(r, 400)
    expect(e.errorKey).toMatch(/^Could not read content from HTTP request body: /)
  })
})

describe('the rest of /__mock', () => {
  it('answers 501 naming an unknown control path', async () => {
    const e = expectAlfrescoError(await control('GET', '/nope'), 501, 'mock.NotImplemented')
    expect(e.briefSummary).toContain('GET /__mock/nope')
  })
})
