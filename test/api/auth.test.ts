import { afterEach, describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { basic, call, expectAlfrescoError, get, post, ticketAuth, type CallResult } from '../support/http.js'

const SEED_TICKET = 'TICKET_08eb7e2e2c17964ca51f0f33186cc2fc9d56d593'
const STACK = 'For security reasons the stack trace is no longer displayed, but the property is kept for previous versions'
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64')

/** ACS's 401, exactly (alfresco-behaviour.md §9.2). */
function expect401(r: CallResult, method = 'get'): void {
  const e = expectAlfrescoError(r, 401, 'framework.exception.ApiDefault')
  expect(Object.keys(r.json.error).sort()).toEqual(['briefSummary', 'descriptionURL', 'errorKey', 'logId', 'stackTrace', 'statusCode'])
  expect(e.statusCode).toBe(401)
  expect(e.briefSummary).toMatch(new RegExp(`^\\d{8} Authentication failed for Web Script org/alfresco/api/ResourceWebScript\\.${method}$`))
  expect(e.stackTrace).toBe(STACK)
  expect(e.descriptionURL).toBe('https://api-explorer.alfresco.com')
  expect(r.headers.get('www-authenticate')).toBe('Basic realm="Alfresco -default- tenant"')
  expect(r.headers.get('content-type')).toBe('application/json;charset=UTF-8')
  expect(r.headers.get('cache-control')).toBe('no-cache')
}

const root = (auth: string | null, query = '') => get(mock, `/nodes/-root-${query}`, { auth })
const mock = createAlfrescoMock({ clock: 'manual' })

async function loginTicket(user = 'admin'): Promise<string> {
  const r = await post(mock, '/tickets', { userId: user, password: user }, { base: 'auth', auth: null })
  return r.json.entry.id as string
}

describe('authenticating API calls', () => {
  afterEach(() => mock.reset())

  it('accepts Basic user:password', async () => {
    expect((await root(basic('admin', 'admin'))).status).toBe(200)
    expect((await root(basic('alice', 'alice'))).status).toBe(200)
  })

  it('answers ACS 401 with WWW-Authenticate for no credentials, a wrong password or an unknown user', async () => {
    expect401(await root(null))
    expect401(await root(basic('admin', 'wrong')))
    expect401(await root(basic('mallory', 'admin')))
    expect401(await root(basic('admin', '')))
  })

  it('accepts a ticket as Basic base64(ticket), base64(":ticket") and base64("ROLE_TICKET:ticket") in any case', async () => {
    const t = await loginTicket()
    for (const value of [t, `:${t}`, `ROLE_TICKET:${t}`, `role_ticket:${t}`, `Role_Ticket:${t}`]) {
      expect((await root(`Basic ${b64(value)}`)).status, value).toBe(200)
    }
  })

  it('matches the Basic scheme case-insensitively and tolerates extra spaces', async () => {
    const t = await loginTicket()
    for (const scheme of ['basic', 'BASIC', 'bAsIc']) expect((await root(`${scheme} ${b64(`ROLE_TICKET:${t}`)}`)).status).toBe(200)
    expect((await root(`  Basic   ${b64('admin:admin')}  `)).status).toBe(200)
  })

  it('accepts the pre-issued ticket of the default fixtures for admin', async () => {
    expect((await root(`Basic ${b64(SEED_TICKET)}`)).status).toBe(200)
    expect((await root(null, `?alf_ticket=${SEED_TICKET}`)).status).toBe(200)
  })

  it('accepts alf_ticket with no Authorization header (browser download links)', async () => {
    const t = await loginTicket()
    expect((await root(null, `?alf_ticket=${t}`)).status).toBe(200)
    // js-api's withCredentials form
    expect((await root(null, `?ticket=${t}`)).status).toBe(200)
  })

  it('checks alf_ticket first: a valid one wins over a wrong header', async () => {
    const t = await loginTicket()
    expect((await root(basic('admin', 'wrong'), `?alf_ticket=${t}`)).status).toBe(200)
    expect((await root('Bearer abc', `?alf_ticket=${t}`)).status).toBe(200)
  })

  it('falls through to the header when alf_ticket is invalid or empty', async () => {
    expect((await root(basic('admin', 'admin'), '?alf_ticket=TICKET_dead')).status).toBe(200)
    expect((await root(basic('admin', 'admin'), '?alf_ticket=')).status).toBe(200)
    expect401(await root(null, '?alf_ticket=TICKET_dead'))
    expect401(await root(basic('admin', 'wrong'), '?alf_ticket=TICKET_dead'))
  })

  it('refuses an unknown or dead ticket in the header', async () => {
    expect401(await root(ticketAuth('TICKET_0123456789abcdef0123456789abcdef01234567')))
    expect401(await root(ticketAuth('TICKET_0123456789abcdef0123456789abcdef01234567', 'bare')))
  })

  it('answers 401 naming the scheme for Bearer and other schemes (no Identity Service)', async () => {
    const t = await loginTicket()
    for (const [header, scheme] of [
      [`Bearer ${b64(t)}`, 'Bearer'],
      [`bearer ${b64(`ROLE_TICKET:${t}`)}`, 'bearer'],
      [`junk ${b64(t)}`, 'junk'],
      [t, t],
    ] as const) {
      const r = await root(header)
      const e = expectAlfrescoError(r, 401, 'framework.exception.ApiDefault')
      expect(e.briefSummary).toBe(`${e.briefSummary.slice(0, 8)} Authorization '${scheme}' not supported.`)
      expect(r.headers.get('www-authenticate')).toBe('Basic realm="Alfresco -default- tenant"')
    }
  })

  it('names the web script of the method in the 401: .get, .post, .put, .delete', async () => {
    expect401(await call(mock, 'GET', '/nodes/-root-', { auth: null }), 'get')
    expect401(await call(mock, 'POST', '/downloads', { auth: null, body: { nodeIds: ['x'] } }), 'post')
    expect401(await call(mock, 'PUT', '/nodes/x/content', { auth: null, body: 'text' }), 'put')
    expect401(await call(mock, 'DELETE', '/nodes/x', { auth: null }), 'delete')
  })

  it('never crashes on garbage: bad base64, binary bytes, an empty Basic, a huge header', async () => {
    const garbage = [
      'Basic',
      'Basic ',
      'Basic !!!not*base64***',
      `Basic ${b64(Buffer.from([0xff, 0xfe, 0x00, 0x3a, 0xc3]))}`,
      `Basic ${b64(':')}`,
      `Basic ${b64('ROLE_TICKET:')}`,
      `Basic ${'A'.repeat(200_000)}`,
      `Basic ${b64(`admin:${'x'.repeat(100_000)}`)}`,
    ]
    for (const header of garbage) expect401(await root(header))
    expect((await root(basic('admin', 'admin'))).status).toBe(200)
  })

  it('keeps a colon inside the password (only the first colon splits)', async () => {
    expect401(await root(`Basic ${b64('admin:admin:extra')}`))
  })

  it('refreshes a ticket on every use, so a busy ticket never expires', async () => {
    const t = await loginTicket()
    for (let i = 0; i < 5; i++) {
      mock.clock.advance(50 * 60 * 1000)
      expect((await root(ticketAuth(t))).status).toBe(200)
    }
    mock.clock.advance(60 * 60 * 1000)
    expect401(await root(ticketAuth(t)))
  })

  it('leaves the control API open', async () => {
    expect((await call(mock, 'GET', '/__mock/health', { base: 'none', auth: null })).status).toBe(200)
  })
})
