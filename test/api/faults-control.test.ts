import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { ConfigFileError, createAlfrescoMock } from '../../src/index.js'
import { KNOWN_TEMPLATES } from '../../src/scenarios/routes.js'
import { call, expectAlfrescoError, get, post, ticketAuth } from '../support/http.js'

const mock = createAlfrescoMock({ clock: 'manual', scenario: 'flaky-status', downloads: { progression: 'instant' } })
afterEach(() => mock.reset())
afterAll(() => mock.dispose())

const control = (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
  call(mock, method, `/__mock${path}`, { base: 'none', auth: null, body, headers })
const failingRoot = (status: number) => `faults:\n  - match: { path: '/nodes/{id}' }\n    respond: { status: ${status} }\n`

describe('the scenario given at start', () => {
  it('applies from the first request and comes back, counters at zero, with reset()', async () => {
    expect(mock.scenario?.name).toBe('flaky-status')
    const entries = (await get(mock, '/nodes/-shared-/children')).json.list.entries as { entry: { id: string; isFile: boolean } }[]
    const file = entries.find((e) => e.entry.isFile)!.entry
    const id = (await post(mock, '/downloads', { nodeIds: [file.id] })).json.entry.id
    const poll = async () => (await get(mock, `/downloads/${id}`)).status
    expect([await poll(), await poll()]).toEqual([200, 503])
    mock.useScenario(undefined)
    expect(mock.scenario).toBeUndefined()
    mock.reset()
    expect(mock.scenario?.name).toBe('flaky-status')
    const again = (await post(mock, '/downloads', { nodeIds: [file.id] })).json.entry.id
    expect((await get(mock, `/downloads/${again}`)).status).toBe(200)
    expect((await get(mock, `/downloads/${again}`)).status).toBe(503)
  })

  it('fails to start with every problem of a broken scenario named', () => {
    const start = () => createAlfrescoMock({ scenario: { faults: [{ match: { method: 'YEET' }, fault: 'warp' }] } })
    expect(start).toThrow(ConfigFileError)
    expect(start).toThrow('2 problems:\n  - <object> at faults[0].match.method: expected one of GET, POST, PUT, DELETE, HEAD, PATCH, OPTIONS, got "YEET".\n  - <object> at faults[0].fault: "warp" is not a fault.')
  })

  it('refuses a scenario option that is neither a name, a path nor an object', () => {
    expect(() => createAlfrescoMock({ scenario: 42 as never })).toThrow(
      'Failed to create the mock: scenario "42" is neither a name, a path nor an object. Please pass e.g. \'flaky-status\'.',
    )
  })
})

describe('/__mock/scenario', () => {
  it('GET shows the active scenario with its hit counters, and the names it knows', async () => {
    const r = await control('GET', '/scenario')
    expect(r.status).toBe(200)
    expect(r.json.scenario).toMatchObject({ name: 'flaky-status', hits: [0], faults: [{ firing: { kind: 'on', matches: [2, 4] } }] })
    expect(r.json.packaged).toEqual(expect.arrayContaining(['flaky-status', 'slow-zip']))
  })

  it('PUT activates a YAML body, DELETE clears it', async () => {
    const put = await control('PUT', '/scenario', `name: root-down\n${failingRoot(500)}`, { 'content-type': 'application/yaml' })
    expect(put.status).toBe(200)
    expect(put.json.scenario.name).toBe('root-down')
    expectAlfrescoError(await get(mock, '/nodes/-root-'), 500)
    expect((await control('DELETE', '/scenario')).status).toBe(204)
    expect((await get(mock, '/nodes/-root-')).status).toBe(200)
    expect((await control('GET', '/scenario')).json.scenario).toBeNull()
  })

  it('PUT takes JSON, or the bare name of a packaged scenario', async () => {
    const json = JSON.stringify({ name: 'as-json', faults: [{ match: { path: '/nodes/{id}' }, respond: { status: 502 } }] })
    expect((await control('PUT', '/scenario', json, { 'content-type': 'application/json' })).json.scenario.name).toBe('as-json')
    expectAlfrescoError(await get(mock, '/nodes/-root-'), 502)
    expect((await control('PUT', '/scenario', 'ticket-expires')).json.scenario.name).toBe('ticket-expires')
  })

  it('PUT answers 400 naming every problem of a broken body', async () => {
    const r = await control('PUT', '/scenario', "faults:\n  - match: { path: '/folders/{id}', method: GET }\n    on: [0]\n")
    const e = expectAlfrescoError(r, 400, 'framework.exception.InvalidArgument')
    expect(e.briefSummary).toBe(
      '00150000 Failed to load scenario "<request body>": 3 problems:\n' +
        `  - <request body>:2 at faults[0].match.path: "/folders/{id}" matches no route the mock serves. Please use one of ${KNOWN_TEMPLATES.join(', ')}.\n` +
        '  - <request body>:2 at faults[0]: a rule needs `respond` or `fault`. Please add one.\n' +
        '  - <request body>:3 at faults[0].on[0]: must be more than 0, got number 0.\n' +
        'Please fix them and start again.',
    )
    expect(mock.scenario?.name).toBe('flaky-status')
  })

  it('PUT answers 400 for an empty body or an unknown name', async () => {
    expect(expectAlfrescoError(await control('PUT', '/scenario', ''), 400).briefSummary).toContain('the request body is empty')
    expect(expectAlfrescoError(await control('PUT', '/scenario', 'no-such-thing'), 400).briefSummary).toContain(
      'there is no scenario named "no-such-thing". Please use one of',
    )
  })

  it('PUT /__mock/scenarios/NAME registers one for X-Mock-Scenario without activating it', async () => {
    expect((await control('PUT', '/scenarios/teapot', failingRoot(418))).status).toBe(200)
    expect(mock.scenario?.name).toBe('flaky-status')
    expectAlfrescoError(await get(mock, '/nodes/-root-', { headers: { 'X-Mock-Scenario': 'teapot' }, validate: false }), 418)
    expect((await get(mock, '/nodes/-root-')).status).toBe(200)
    expect((await control('GET', '/scenario')).json.registered).toContain('teapot')
  })
})

describe('ticket-expires', () => {
  it('shortens the ticket lifetime to a minute while active, and restores ACS’s hour when cleared', async () => {
    mock.useScenario('ticket-expires')
    const ticket = (await post(mock, '/tickets', { userId: 'admin', password: 'admin' }, { base: 'auth', auth: null })).json.entry.id
    mock.clock.advance(59_999)
    expect((await get(mock, '/nodes/-root-', { auth: ticketAuth(ticket) })).status).toBe(200)
    mock.clock.advance(60_000)
    const e = expectAlfrescoError(await get(mock, '/nodes/-root-', { auth: ticketAuth(ticket) }), 401)
    expect(e.briefSummary).toContain('Authentication failed for Web Script')

    mock.useScenario(undefined)
    const fresh = (await post(mock, '/tickets', { userId: 'admin', password: 'admin' }, { base: 'auth', auth: null })).json.entry.id
    mock.clock.advance(30 * 60_000)
    expect((await get(mock, '/nodes/-root-', { auth: ticketAuth(fresh) })).status).toBe(200)
  })
})
