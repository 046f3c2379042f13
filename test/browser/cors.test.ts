/**
 * CORS from a real browser (Debian's chromium): a page served from its own origin, as an ADF app on
 * its dev server is, calls the mock with fetch. Chromium sends the preflights and enforces the
 * answers; the test only reads what the page could do. test/api/cors.test.ts has the wire details.
 */
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAlfrescoMock, type MockOptions, type StartedAlfrescoMock } from '../../src/index.js'
import { launchBrowser, type TestBrowser } from '../support/browser.js'

const ADMIN = `Basic ${Buffer.from('admin:admin').toString('base64')}`
const SEED_FILE = '7279b5c5-da55-4e98-8b12-72d33b90c810'

let browser: TestBrowser
const servers: Server[] = []
const mocks: StartedAlfrescoMock[] = []

/** A page of an app on its own origin (http://localhost:PORT): an empty document to run fetch in. */
async function appOrigin(): Promise<string> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title>'))
  servers.push(server)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return `http://localhost:${(server.address() as AddressInfo).port}`
}

async function mockWith(cors: MockOptions['cors']): Promise<StartedAlfrescoMock> {
  const mock = await startAlfrescoMock({ port: 0, cors })
  mocks.push(mock)
  return mock
}

async function pageAt(origin: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await page.goto(origin)
  return page
}

type Outcome = { ok: true; status: number; body: unknown } | { ok: false; error: string }

/** fetch() in the page; a CORS refusal is the TypeError the page sees, nothing more. */
function pageFetch(page: Page, url: string, init: RequestInit = {}): Promise<Outcome> {
  return page.evaluate(
    async ({ url, init }) => {
      try {
        const res = await fetch(url, init)
        const text = await res.text()
        return { ok: true as const, status: res.status, body: text ? (JSON.parse(text) as unknown) : null }
      } catch (err) {
        return { ok: false as const, error: String(err) }
      }
    },
    { url, init },
  )
}

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await Promise.all(mocks.map((m) => m.close()))
  for (const s of servers) s.close()
})

describe('a page on another origin, with --cors=<its origin>', () => {
  it('reads nodes with an Authorization header (preflighted), and the preflight never reached the API', async () => {
    const app = await appOrigin()
    const mock = await mockWith([app])
    const page = await pageAt(app)
    const res = await pageFetch(page, `${mock.apiUrl}/nodes/-root-/children`, { headers: { Authorization: ADMIN } })
    expect(res).toMatchObject({ ok: true, status: 200, body: { list: { pagination: { count: expect.any(Number) } } } })
    expect(mock.requests.map((r) => `${r.method} ${r.status} ${r.user ?? '-'}`)).toEqual(['OPTIONS 200 -', 'GET 200 admin'])
  })

  it('logs in with a JSON POST and reads content with credentials: include and ?alf_ticket=', async () => {
    const app = await appOrigin()
    const mock = await mockWith([app])
    const page = await pageAt(app)
    const login = await pageFetch(page, `${mock.authUrl}/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 'admin', password: 'admin' }),
    })
    expect(login).toMatchObject({ ok: true, status: 201 })
    const ticket = ((login as { body: { entry: { id: string } } }).body).entry.id
    const content = await page.evaluate(
      async (url) => (await fetch(url, { credentials: 'include' })).text(),
      `${mock.apiUrl}/nodes/${SEED_FILE}/content?alf_ticket=${ticket}`,
    )
    expect(content).toBe('This is test file number 1.\n')
  })

  it('sees errors as errors (a 401, a 404 with its body), not as CORS failures', async () => {
    const app = await appOrigin()
    const mock = await mockWith([app])
    const page = await pageAt(app)
    expect(await pageFetch(page, `${mock.apiUrl}/nodes/-root-`)).toMatchObject({ ok: true, status: 401 })
    expect(await pageFetch(page, `${mock.apiUrl}/nodes/no-such-node`, { headers: { Authorization: ADMIN } })).toMatchObject({
      ok: true,
      status: 404,
      body: { error: { errorKey: 'framework.exception.EntityNotFound' } },
    })
  })

  it('is refused to a page of an origin not listed', async () => {
    const listed = await appOrigin()
    const other = await appOrigin()
    const mock = await mockWith([listed])
    const res = await pageFetch(await pageAt(other), `${mock.apiUrl}/nodes/-root-`, { headers: { Authorization: ADMIN } })
    expect(res).toEqual({ ok: false, error: 'TypeError: Failed to fetch' })
    expect(mock.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['OPTIONS 403'])
  })
})

describe('--cors alone (any origin)', () => {
  it('lets a page send Authorization, but not credentials: ACS allows "*" only without them', async () => {
    const app = await appOrigin()
    const mock = await mockWith(true)
    const page = await pageAt(app)
    expect(await pageFetch(page, `${mock.apiUrl}/nodes/-root-`, { headers: { Authorization: ADMIN } })).toMatchObject({ ok: true, status: 200 })
    expect(await pageFetch(page, `${mock.apiUrl}/nodes/-root-?alf_ticket=TICKET_08eb7e2e2c17964ca51f0f33186cc2fc9d56d593`, { credentials: 'include' })).toEqual({
      ok: false,
      error: 'TypeError: Failed to fetch',
    })
  })
})

describe('without --cors (the default, as ACS)', () => {
  it('a page of another origin cannot read the API', async () => {
    const app = await appOrigin()
    const mock = await mockWith(undefined)
    expect(await pageFetch(await pageAt(app), `${mock.apiUrl}/nodes/-root-`, { headers: { Authorization: ADMIN } })).toEqual({
      ok: false,
      error: 'TypeError: Failed to fetch',
    })
  })
})
