import { afterEach, describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { basic, call, del, expectAlfrescoError, get, post, ticketAuth, type Fetcher } from '../support/http.js'

const SEED_TICKET = 'TICKET_08eb7e2e2c17964ca51f0f33186cc2fc9d56d593'
const HOUR = 60 * 60 * 1000

const login = (m: Fetcher, body: unknown, auth: string | null = null) => post(m, '/tickets', body, { base: 'auth', auth })
const me = (m: Fetcher, auth: string | null, query = '') => get(m, `/tickets/-me-${query}`, { base: 'auth', auth })
const logout = (m: Fetcher, auth: string | null, query = '') => del(m, `/tickets/-me-${query}`, { base: 'auth', auth })

async function ticketOf(m: Fetcher, user = 'admin', password = user): Promise<string> {
  const r = await login(m, { userId: user, password })
  expect(r.status).toBe(201)
  return r.json.entry.id as string
}

describe('POST /tickets (login)', () => {
  const mock = createAlfrescoMock({ clock: 'manual' })
  afterEach(() => mock.reset())

  it('answers 201 with only the ticket id and the user id, never the password', async () => {
    const r = await login(mock, { userId: 'admin', password: 'admin' })
    expect(r.status).toBe(201)
    expect(Object.keys(r.json.entry).sort()).toEqual(['id', 'userId'])
    expect(r.json.entry.userId).toBe('admin')
    expect(r.json.entry.id).toMatch(/^TICKET_[0-9a-f]{40}$/)
    expect(r.text).not.toContain('password')
    expect(r.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    expect(r.headers.get('cache-control')).toBe('no-cache')
  })

  it('returns the same ticket while it is valid, one per user', async () => {
    const first = await ticketOf(mock)
    mock.clock.advance(30 * 60 * 1000)
    expect(await ticketOf(mock)).toBe(first)
    expect(await ticketOf(mock, 'alice')).not.toBe(first)
  })

  it('issues a new ticket after logout', async () => {
    const first = await ticketOf(mock)
    expect((await logout(mock, ticketAuth(first))).status).toBe(204)
    expect(await ticketOf(mock)).not.toBe(first)
  })

  it('ignores the Authorization header js-api sends with the login (the call needs no authentication)', async () => {
    const r = await login(mock, { userId: 'alice', password: 'alice' }, basic('admin', 'wrong'))
    expect(r.status).toBe(201)
    expect(r.json.entry.userId).toBe('alice')
  })

  it.each([
    ['no userId', { password: 'admin' }],
    ['no password', { userId: 'admin' }],
    ['an empty object', {}],
    ['an empty userId', { userId: '', password: 'admin' }],
    ['a null password', { userId: 'admin', password: null }],
    ['an array of one empty login', [{}]],
  ])('answers 400 "Invalid login details." for %s', async (_, body) => {
    const e = expectAlfrescoError(await login(mock, body), 400, 'Invalid login details.')
    expect(e.briefSummary).toMatch(/^\d{8} Invalid login details\.$/)
  })

  it('answers 400 "Invalid login details." for an empty body', async () => {
    const r = await post(mock, '/tickets', '', { base: 'auth', auth: null, headers: { 'content-type': 'application/json' } })
    expectAlfrescoError(r, 400, 'Invalid login details.')
  })

  it.each([
    ['wrong password', { userId: 'admin', password: 'nope' }],
    ['unknown user', { userId: 'mallory', password: 'mallory' }],
    ["another user's password", { userId: 'alice', password: 'bob' }],
  ])('answers 403 "Login failed" for a %s', async (_, body) => {
    const e = expectAlfrescoError(await login(mock, body), 403, 'Login failed')
    expect(e.briefSummary).toMatch(/^\d{8} Login failed$/)
    expect(e.statusCode).toBe(403)
  })

  it('answers 400 "Please specify one login request only." for more than one login, or none, in an array', async () => {
    const two = [
      { userId: 'admin', password: 'admin' },
      { userId: 'alice', password: 'alice' },
    ]
    expectAlfrescoError(await login(mock, two), 400, 'Please specify one login request only.')
    expectAlfrescoError(await login(mock, []), 400, 'Please specify one login request only.')
    expectAlfrescoError(await login(mock, null), 400, 'Please specify one login request only.')
  })

  it('accepts an array holding exactly one login, as Jackson does', async () => {
    // Outside ACS's spec (TicketBody is an object), accepted by ACS: not a request-validation failure.
    const r = await post(mock, '/tickets', [{ userId: 'admin', password: 'admin' }], { base: 'auth', auth: null, invalidRequest: true })
    expect(r.status).toBe(201)
  })

  it('answers 400 for an unknown property or malformed JSON, as Jackson does', async () => {
    const unknown = expectAlfrescoError(await login(mock, { userId: 'admin', password: 'admin', tenant: 'x' }), 400)
    expect(unknown.briefSummary).toContain('Could not read content from HTTP request body: Unrecognized field "tenant"')
    const broken = await post(mock, '/tickets', '{"userId":', { base: 'auth', auth: null, headers: { 'content-type': 'application/json' } })
    expect(expectAlfrescoError(broken, 400).briefSummary).toContain('Could not read content from HTTP request body')
  })

  it('answers 405 for operations the tickets resource does not have, once authenticated', async () => {
    expectAlfrescoError(await call(mock, 'GET', '/tickets', { base: 'auth' }), 405, 'framework.exception.UnsupportedResourceOperation')
    expectAlfrescoError(await call(mock, 'PUT', '/tickets/-me-', { base: 'auth', body: {} }), 405)
    expectAlfrescoError(await call(mock, 'PUT', '/tickets/-me-', { base: 'auth', auth: null, body: {} }), 401)
  })
})

describe('GET /tickets/-me- (validate)', () => {
  const mock = createAlfrescoMock({ clock: 'manual' })
  afterEach(() => mock.reset())

  it('answers 200 with only the id, for each way of sending the ticket', async () => {
    const t = await ticketOf(mock)
    for (const r of [await me(mock, ticketAuth(t)), await me(mock, ticketAuth(t, 'bare')), await me(mock, null, `?alf_ticket=${t}`)]) {
      expect(r.status).toBe(200)
      expect(r.json).toEqual({ entry: { id: t } })
    }
  })

  it('accepts the pre-issued ticket of the default fixtures for admin', async () => {
    const r = await me(mock, ticketAuth(SEED_TICKET, 'bare'))
    expect(r.json).toEqual({ entry: { id: SEED_TICKET } })
  })

  it('answers 401 when nothing authenticates the call', async () => {
    const r = await me(mock, null)
    const e = expectAlfrescoError(r, 401, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toMatch(/^\d{8} Authentication failed for Web Script org\/alfresco\/api\/ResourceWebScript\.get$/)
    expect(r.headers.get('www-authenticate')).toBe('Basic realm="Alfresco -default- tenant"')
    expectAlfrescoError(await me(mock, null, '?alf_ticket=TICKET_0000'), 401)
    expectAlfrescoError(await me(mock, ticketAuth('TICKET_0000')), 401)
    expectAlfrescoError(await me(mock, basic('admin', 'wrong')), 401)
  })

  it('answers 401 for a ticket sent with the Bearer scheme (AuthenticationsTest)', async () => {
    const t = await ticketOf(mock)
    const r = await me(mock, `Bearer ${Buffer.from(t).toString('base64')}`)
    expect(expectAlfrescoError(r, 401).briefSummary).toMatch(/^\d{8} Authorization 'Bearer' not supported\.$/)
    expect(r.headers.get('www-authenticate')).toBe('Basic realm="Alfresco -default- tenant"')
  })

  it('answers 400 "Invalid parameter: <id>" for an id other than -me-', async () => {
    const t = await ticketOf(mock)
    const r = await get(mock, `/tickets/${t}`, { base: 'auth', auth: ticketAuth(t) })
    expectAlfrescoError(r, 400, `Invalid parameter: ${t}`)
  })

  it('answers 400 "Ticket base authentication required." for Basic user:password', async () => {
    expectAlfrescoError(await me(mock, basic('admin', 'admin')), 400, 'Ticket base authentication required.')
  })

  it('answers 404 for an invalid alf_ticket when the header authenticates the caller', async () => {
    const t = await ticketOf(mock)
    const e = expectAlfrescoError(await me(mock, ticketAuth(t), '?alf_ticket=TICKET_dead'), 404, 'framework.exception.NotFound')
    expect(e.briefSummary).toMatch(/^\d{8} TICKET_dead was not found$/)
    expectAlfrescoError(await me(mock, basic('admin', 'admin'), '?alf_ticket=TICKET_dead'), 404)
  })

  it("validates the alf_ticket's own user, not the user of the header", async () => {
    const alice = await ticketOf(mock, 'alice')
    const r = await me(mock, basic('admin', 'admin'), `?alf_ticket=${alice}`)
    expect(r.json).toEqual({ entry: { id: alice } })
  })
})

describe('DELETE /tickets/-me- (logout)', () => {
  const mock = createAlfrescoMock({ clock: 'manual' })
  afterEach(() => mock.reset())

  it('answers 204 with no body and kills the ticket', async () => {
    const t = await ticketOf(mock)
    const r = await logout(mock, ticketAuth(t))
    expect(r.status).toBe(204)
    expect(r.text).toBe('')
    expectAlfrescoError(await me(mock, ticketAuth(t)), 401)
    expectAlfrescoError(await get(mock, '/nodes/-root-', { auth: ticketAuth(t) }), 401)
    expectAlfrescoError(await get(mock, `/nodes/-root-?alf_ticket=${t}`, { auth: null }), 401)
  })

  it('logs out through alf_ticket too, and then answers 404 for it while the caller is otherwise authenticated', async () => {
    const t = await ticketOf(mock)
    expect((await logout(mock, null, `?alf_ticket=${t}`)).status).toBe(204)
    expectAlfrescoError(await logout(mock, basic('admin', 'admin'), `?alf_ticket=${t}`), 404, 'framework.exception.NotFound')
    expectAlfrescoError(await logout(mock, null, `?alf_ticket=${t}`), 401)
  })

  it('answers the errors of GET: 401 (.delete), 400 for another id, 400 for user:password', async () => {
    const r = await logout(mock, null)
    expect(expectAlfrescoError(r, 401).briefSummary).toMatch(/ResourceWebScript\.delete$/)
    const t = await ticketOf(mock)
    expectAlfrescoError(await del(mock, '/tickets/other', { base: 'auth', auth: ticketAuth(t) }), 400, 'Invalid parameter: other')
    expectAlfrescoError(await logout(mock, basic('admin', 'admin')), 400, 'Ticket base authentication required.')
    expect((await me(mock, ticketAuth(t))).status).toBe(200)
  })

  it('brings the pre-issued ticket back on reset()', async () => {
    expect((await logout(mock, ticketAuth(SEED_TICKET))).status).toBe(204)
    expectAlfrescoError(await me(mock, ticketAuth(SEED_TICKET)), 401)
    mock.reset()
    expect((await me(mock, ticketAuth(SEED_TICKET))).status).toBe(200)
  })
})

describe('ticket expiry', () => {
  it('expires a ticket after one hour without use, on the mock clock (ACS: AFTER_INACTIVITY, PT1H)', async () => {
    const mock = createAlfrescoMock({ clock: 'manual' })
    const t = await ticketOf(mock)
    mock.clock.advance(HOUR - 1)
    expect((await me(mock, ticketAuth(t))).status).toBe(200)
    // that use started the hour again
    mock.clock.advance(HOUR - 1)
    expect((await get(mock, `/nodes/-root-?alf_ticket=${t}`, { auth: null })).status).toBe(200)
    mock.clock.advance(HOUR)
    expectAlfrescoError(await me(mock, ticketAuth(t)), 401)
    expect(await ticketOf(mock)).not.toBe(t)
  })

  it('takes the lifetime from the ticketLifetimeMs option', async () => {
    const mock = createAlfrescoMock({ clock: 'manual', ticketLifetimeMs: 1_000 })
    const t = await ticketOf(mock)
    mock.clock.advance(999)
    expect((await me(mock, ticketAuth(t))).status).toBe(200)
    mock.clock.advance(1_000)
    expectAlfrescoError(await get(mock, '/nodes/-root-', { auth: ticketAuth(t) }), 401)
  })

  it('never expires tickets when ticketLifetimeMs is 0', async () => {
    const mock = createAlfrescoMock({ clock: 'manual', ticketLifetimeMs: 0 })
    const t = await ticketOf(mock)
    mock.clock.advance(30 * 24 * HOUR)
    expect((await me(mock, ticketAuth(t))).status).toBe(200)
  })

  it('expires the pre-issued ticket like any other', async () => {
    const mock = createAlfrescoMock({ clock: 'manual' })
    mock.clock.advance(HOUR)
    expectAlfrescoError(await me(mock, ticketAuth(SEED_TICKET)), 401)
  })
})
