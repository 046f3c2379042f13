import { afterEach, describe, expect, it } from 'vitest'
import { CORE_BASE, createAlfrescoMock } from '../../src/index.js'
import { MAX_REGISTERED_SCENARIOS } from '../../src/scenarios/registry.js'
import { call, expectAlfrescoError, get, post } from '../support/http.js'

// Regression tests of issue 8, items 6 (credentials in the journal and the log), 9 (the journal's
// memory) and 10 (registered scenarios): each asserts the exact answer.
const lines: string[] = []
const mock = createAlfrescoMock({ clock: 'manual', logLevel: 'info', logger: (l) => lines.push(l), journalMaxBytes: 200_000 })
afterEach(() => {
  mock.reset()
  lines.length = 0
})
const control = (method: string, path: string, body?: string) => call(mock, method, `/__mock${path}`, { base: 'none', body, auth: null })

describe('credentials in the journal and the log (item 6)', () => {
  it('redacts alf_ticket and ticket values: the request works, GET /__mock/requests and the log never show them', async () => {
    const ticket = (await post(mock, '/tickets', { userId: 'alice', password: 'alice' }, { base: 'auth', auth: null })).json.entry.id as string
    expect((await get(mock, `/nodes/-my-?alf_ticket=${ticket}&include=path`, { auth: null })).status).toBe(200)
    expect((await get(mock, `/nodes/-my-?ticket=${ticket}`, { auth: null })).status).toBe(200)
    const journal = await control('GET', '/requests')
    expect(journal.text).not.toContain(ticket)
    expect(journal.json.requests.slice(-2).map((r: { query: unknown; user: string }) => [r.query, r.user])).toEqual([
      [{ alf_ticket: '[redacted]', include: 'path' }, 'alice'],
      [{ ticket: '[redacted]' }, 'alice'],
    ])
    expect(mock.requests.at(-1)!.query).toEqual({ ticket: '[redacted]' })
    expect(lines.join('\n')).not.toContain(ticket)
  })

  it('redacts a ticket sent in the path of the tickets API, keeps -me-', async () => {
    const ticket = (await post(mock, '/tickets', { userId: 'admin', password: 'admin' }, { base: 'auth', auth: null })).json.entry.id as string
    await get(mock, `/tickets/${ticket}`, { base: 'auth' })
    await get(mock, '/tickets/-me-', { base: 'auth' })
    expect(mock.requests.slice(-2).map((r) => r.path)).toEqual([
      '/alfresco/api/-default-/public/authentication/versions/1/tickets/[redacted]',
      '/alfresco/api/-default-/public/authentication/versions/1/tickets/-me-',
    ])
    expect(lines.join('\n')).not.toContain(ticket)
  })

  it('never shows a password in a validation message of the journal', async () => {
    await post(mock, '/tickets', { userId: 'admin', password: 123456 }, { base: 'auth', auth: null, invalidRequest: true })
    const validation = mock.requests.at(-1)!.validation ?? []
    expect(validation).toEqual(['body /password: must be string'])
  })
})

describe("the journal's memory (item 9)", () => {
  it('cuts long paths and query values, keeps 50 query parameters, and stays within journalMaxBytes', async () => {
    const long = 'x'.repeat(15_000)
    for (let i = 0; i < 100; i++) await get(mock, `/nodes/${long}${i}?v=${long}`, { validate: false })
    const last = mock.requests.at(-1)!
    const sent = `${CORE_BASE}/nodes/${long}99`
    expect(last.path).toBe(`${sent.slice(0, 2_048)}… (${sent.length} characters)`)
    expect(last.query).toEqual({ v: `${'x'.repeat(1_024)}… (15000 characters)` })
    const json = (await control('GET', '/requests')).text
    expect(json.length).toBeLessThan(200_000)
    expect(mock.requests.length).toBeGreaterThan(30)
    expect(mock.requests.length).toBeLessThan(100)

    const many = Array.from({ length: 80 }, (_, i) => `p${i}=1`).join('&')
    await get(mock, `/nodes/-root-?${many}`)
    const query = mock.requests.at(-1)!.query
    expect(Object.keys(query)).toHaveLength(51)
    expect(query['…']).toBe('30 more parameters')
  })

  it('checks the journalMaxBytes option', () => {
    expect(() => createAlfrescoMock({ journalMaxBytes: -1 })).toThrow(
      'Failed to create the mock: journalMaxBytes -1 is not a number of bytes. Please pass a whole number above 0, such as 16777216.',
    )
  })
})

describe('registered scenarios (item 10)', () => {
  const scenario = (name: string) => `name: ${name}\nfaults:\n  - match: { path: '/nodes/{id}' }\n    respond: { status: 418 }\n`

  it(`keeps at most ${MAX_REGISTERED_SCENARIOS}, dropping the one used least recently, never the active one`, async () => {
    const fresh = createAlfrescoMock({ clock: 'manual' })
    fresh.registerScenario({ faults: [] }, 'kept-active')
    fresh.useScenario('kept-active')
    for (let i = 0; i < 150; i++) fresh.registerScenario({ faults: [] }, `s${i}`)
    const names = fresh.registerScenario({ faults: [] }, 'last') && (await call(fresh, 'GET', '/__mock/scenario', { base: 'none', auth: null })).json.registered
    expect(names).toHaveLength(MAX_REGISTERED_SCENARIOS)
    expect(names).toContain('kept-active')
    expect(names).toContain('last')
    expect(names).not.toContain('s0')
    const dropped = await get(fresh, '/nodes/-root-', { headers: { 'x-mock-scenario': 's0' } })
    expect(expectAlfrescoError(dropped, 400, 'framework.exception.InvalidArgument').briefSummary).toContain('there is no scenario named "s0"')
    fresh.dispose()
  })

  it('registrations survive reset(), and a scenario text over 1 MiB gets 413', async () => {
    expect((await control('PUT', '/scenarios/teapot', scenario('teapot'))).status).toBe(200)
    mock.reset()
    expect((await get(mock, '/nodes/-root-', { headers: { 'x-mock-scenario': 'teapot' } })).status).toBe(418)
    const big = `${scenario('big')}description: ${'x'.repeat(1024 * 1024)}\n`
    expectAlfrescoError(await control('PUT', '/scenarios/big', big), 413, 'framework.exception.ApiDefault')
  })
})
