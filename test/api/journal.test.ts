import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { CORE_BASE } from '../../src/http/context.js'
import { RequestJournal, type JournalEntry } from '../../src/http/journal.js'
import { basic, call, get, post } from '../support/http.js'

const mock = createAlfrescoMock({ clock: 'manual' })
afterEach(() => {
  mock.useScenario(undefined)
  mock.reset()
})
afterAll(() => mock.dispose())

const control = (method: string, path: string) => call(mock, method, `/__mock${path}`, { base: 'none', auth: null })

describe('the request journal', () => {
  it('records method, path, query, route template, status, user, times and scenario of every API request', async () => {
    mock.clock.advance(1_000)
    await get(mock, '/nodes/-root-/children?maxItems=2&skipCount=1', { auth: basic('alice', 'alice') })
    await post(mock, '/tickets', { userId: 'admin', password: 'admin' }, { base: 'auth', auth: null })
    const [children, login] = mock.requests
    expect(children).toEqual({
      seq: expect.any(Number),
      method: 'GET',
      path: `${CORE_BASE}/nodes/-root-/children`,
      query: { maxItems: '2', skipCount: '1' },
      template: '/nodes/{id}/children',
      status: 200,
      user: 'alice',
      startedAt: Date.UTC(2024, 0, 15, 9, 0, 1),
      durationMs: expect.any(Number),
      scenario: undefined,
      rule: undefined,
      fault: undefined,
    })
    expect(children!.durationMs).toBeGreaterThanOrEqual(0)
    expect(login).toMatchObject({ method: 'POST', template: '/tickets', status: 201, seq: children!.seq + 1 })
  })

  it('names the scenario, the rule and the fault that applied', async () => {
    mock.useScenario({ name: 'two-faults', faults: [{ match: { path: '/tickets' }, respond: { status: 400 } }, { match: { path: '/nodes/{id}' }, respond: { status: 503 } }] })
    await get(mock, '/nodes/-root-')
    expect(mock.requests[0]).toMatchObject({ scenario: 'two-faults', rule: 1, fault: 'respond', status: 503 })
  })

  it('leaves out the /__mock control API, and gives unknown paths no template', async () => {
    await control('GET', '/health')
    await get(mock, '/people/-me-', { validate: false })
    expect(mock.requests).toHaveLength(1)
    expect(mock.requests[0]).toMatchObject({ template: undefined, status: 501 })
  })

  it('is served by GET /__mock/requests and emptied by DELETE /__mock/requests', async () => {
    await get(mock, '/nodes/-root-')
    const listed = await control('GET', '/requests')
    expect(listed.status).toBe(200)
    expect(listed.json.requests).toHaveLength(1)
    expect(listed.json.requests[0]).toMatchObject({ method: 'GET', template: '/nodes/{id}', status: 200 })
    expect((await control('DELETE', '/requests')).status).toBe(204)
    expect(mock.requests).toEqual([])
  })

  it('is emptied by reset() and hands out copies', async () => {
    await get(mock, '/nodes/-root-')
    const copy = mock.requests
    copy.pop()
    expect(mock.requests).toHaveLength(1)
    mock.reset()
    expect(mock.requests).toEqual([])
  })

  it('keeps only the newest entries beyond its limit', () => {
    const journal = new RequestJournal(3)
    const entry = (i: number): Omit<JournalEntry, 'seq'> => ({
      method: 'GET', path: `/p${i}`, query: {}, template: undefined, status: 200, user: undefined,
      startedAt: 0, durationMs: 0, scenario: undefined, rule: undefined, fault: undefined,
    })
    for (let i = 1; i <= 1_010; i++) journal.record(entry(i))
    expect(journal.entries().map((e) => e.seq)).toEqual([1_008, 1_009, 1_010])
  })
})

describe('waitForRequest', () => {
  it('resolves with a matching request already journaled, by template or concrete path', async () => {
    await get(mock, '/nodes/-root-')
    await expect(mock.waitForRequest({ method: 'GET', path: '/nodes/{nodeId}' })).resolves.toMatchObject({ status: 200 })
    await expect(mock.waitForRequest({ path: '/nodes/-root-', status: 200 })).resolves.toMatchObject({ template: '/nodes/{id}' })
    await expect(mock.waitForRequest({ path: `${CORE_BASE}/nodes/-root-` })).resolves.toBeDefined()
  })

  it('with { past: false }, resolves only when a later request completes, as soon as it does', async () => {
    await get(mock, '/nodes/-root-')
    let resolved: JournalEntry | undefined
    const waiting = mock.waitForRequest({ method: 'GET', user: 'admin' }, { past: false }).then((e) => (resolved = e))
    await new Promise((r) => setImmediate(r))
    expect(resolved).toBeUndefined()
    await get(mock, '/nodes/-root-/children')
    await waiting
    expect(resolved).toMatchObject({ template: '/nodes/{id}/children' })
  })

  it('accepts a predicate', async () => {
    const waiting = mock.waitForRequest((e) => e.status === 401)
    await get(mock, '/nodes/-root-', { auth: null })
    await expect(waiting).resolves.toMatchObject({ status: 401, user: undefined })
  })

  it('rejects after the timeout with a message listing what did arrive', async () => {
    await get(mock, '/nodes/-root-')
    await post(mock, '/tickets', { userId: 'admin', password: 'admin' }, { base: 'auth', auth: null })
    const err = (await mock.waitForRequest({ method: 'DELETE', path: '/downloads/{id}' }, { timeout: 10 }).catch((e: unknown) => e)) as Error
    expect(err.message).toBe(
      'Failed to wait for a request matching {"method":"DELETE","path":"/downloads/{id}"}: none arrived within 10 ms. ' +
        'Requests that arrived (2):\n' +
        '  GET /nodes/-root- (/nodes/{id}) → 200 admin\n' +
        '  POST /tickets → 201 admin\n' +
        'Please check the matcher, or raise { timeout }.',
    )
  })

  it('says so when nothing arrived at all', async () => {
    const err = (await mock.waitForRequest({ status: 500 }, { timeout: 5 }).catch((e: unknown) => e)) as Error
    expect(err.message).toContain('none arrived within 5 ms. No request arrived.')
  })
})
