import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  ALFRESCO_MOCK_URL_ENV,
  connectAlfrescoMock,
  MockControlError,
  startAlfrescoMock,
  type ManualStartedAlfrescoMock,
} from '../../src/index.js'
import { ADMIN } from '../support/http.js'

// The client talks to a real socket, as it does to a mock in another process.
let mock: ManualStartedAlfrescoMock
let dir: string
beforeAll(async () => {
  mock = await startAlfrescoMock({ port: 0, clock: 'manual', downloads: { progression: 'manual' } })
  dir = mkdtempSync(join(tmpdir(), 'alfresco-mock-client-'))
})
afterEach(() => mock.reset())
afterAll(async () => {
  await mock.close()
  rmSync(dir, { recursive: true, force: true })
})

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${mock.apiUrl}${path}`, { ...init, headers: { authorization: ADMIN, ...(init.headers as Record<string, string>) } })
const REPORT = '7279b5c5-da55-4e98-8b12-72d33b90c810'
const createDownload = async (): Promise<string> => {
  const res = await api('/downloads', { method: 'POST', body: JSON.stringify({ nodeIds: [REPORT] }), headers: { 'content-type': 'application/json' } })
  expect(res.status).toBe(202)
  return ((await res.json()) as { entry: { id: string } }).entry.id
}

describe('connectAlfrescoMock(url)', () => {
  it('has the url, apiUrl and authUrl of the mock, whether given its url, its apiUrl or a trailing slash', () => {
    for (const given of [mock.url, `${mock.url}/`, mock.apiUrl, mock.authUrl]) {
      const client = connectAlfrescoMock(given)
      expect([client.url, client.apiUrl, client.authUrl]).toEqual([mock.url, mock.apiUrl, mock.authUrl])
    }
  })

  it(`reads ${ALFRESCO_MOCK_URL_ENV} when no URL is given, and says how to fix a missing one`, () => {
    const saved = process.env[ALFRESCO_MOCK_URL_ENV]
    try {
      process.env[ALFRESCO_MOCK_URL_ENV] = mock.url
      expect(connectAlfrescoMock().url).toBe(mock.url)
      delete process.env[ALFRESCO_MOCK_URL_ENV]
      expect(() => connectAlfrescoMock()).toThrow(
        'Failed to connect to the mock: no URL given and ALFRESCO_MOCK_URL is not set. Please pass the URL the mock printed, or start it in a globalSetup (alfresco-mock-server/vitest or /jest).',
      )
      expect(() => connectAlfrescoMock('localhost')).toThrow('Failed to connect to the mock: "localhost" is not a URL.')
    } finally {
      if (saved === undefined) delete process.env[ALFRESCO_MOCK_URL_ENV]
      else process.env[ALFRESCO_MOCK_URL_ENV] = saved
    }
  })

  it('reports a mock that is not running with its URL and the reason', async () => {
    const gone = await startAlfrescoMock({ port: 0 })
    await gone.close()
    await expect(connectAlfrescoMock(gone.url).health()).rejects.toThrow(
      new RegExp(`^Failed to reach the mock at ${gone.url} \\(GET /__mock/health\\): .*Please check that it is running`),
    )
  })
})

describe('the client of a running mock', () => {
  const client = () => connectAlfrescoMock(mock.url)

  it('reads health and the clock, and advances a manual clock', async () => {
    expect(await client().health()).toMatchObject({ status: 'UP', clock: 'manual' })
    const start = mock.clock.now()
    expect(await client().clock.now()).toBe(start)
    expect(await client().clock.advance(1_500)).toBe(start + 1_500)
    expect(mock.clock.now()).toBe(start + 1_500)
    expect(await client().clock.advance('2s')).toBe(start + 3_500)
    expect(await client().clock.get()).toEqual({ kind: 'manual', now: start + 3_500, iso: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })
  })

  it("throws the server's message, status and errorKey when the control API refuses", async () => {
    const error = await client().clock.advance(-1).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MockControlError)
    expect(error).toMatchObject({
      message: 'Failed to advance the clock: "ms" must be a duration such as 1500 or "2s", not -1. Please send {"ms": 1000} or {"ms": "1s"}.',
      status: 400,
      errorKey: 'framework.exception.InvalidArgument',
    })
  })

  it('lists downloads, moves a manual one on step by step and to the end, and runs the cleaner', async () => {
    const id = await createDownload()
    const [info] = await client().downloads.overview()
    expect(info).toMatchObject({ id, status: 'PENDING', progression: 'manual', nodeIds: [REPORT], createdAtIso: expect.any(String) })
    expect((await client().downloads.advance(id)).status).toBe('IN_PROGRESS')
    expect(await client().downloads.advance(id, 'done')).toMatchObject({ id, status: 'DONE', filesAdded: 1 })
    expect(await client().downloads.runCleaner()).toEqual([])
    await expect(client().downloads.advance('no-such-download')).rejects.toMatchObject({ status: 404 })
  })

  it('resets the mock', async () => {
    await createDownload()
    await client().reset()
    expect(mock.downloads.overview()).toEqual([])
    expect(await client().requests()).toEqual([])
  })
})

describe('the journal through the client', () => {
  const client = () => connectAlfrescoMock(mock.url)

  it('lists and clears the requests', async () => {
    await api('/nodes/-root-')
    const [entry] = await client().requests()
    expect(entry).toMatchObject({ method: 'GET', template: '/nodes/{id}', status: 200, user: 'admin' })
    await client().clearRequests()
    expect(mock.requests).toEqual([])
  })

  it('waitForRequest finds a request already journaled, by route template', async () => {
    const id = await createDownload()
    await api(`/downloads/${id}`, { method: 'DELETE' })
    const entry = await client().waitForRequest({ method: 'DELETE', path: '/downloads/{id}' })
    expect(entry.path).toBe(`${new URL(mock.apiUrl).pathname}/downloads/${id}`)
  })

  it('waitForRequest with { past: false } resolves on a request that arrives after the call', async () => {
    await api('/nodes/-root-')
    // What was journaled when the client first read the journal is "past": wait for that read.
    const realFetch = globalThis.fetch
    let firstRead!: () => void
    const read = new Promise<void>((resolve) => (firstRead = resolve))
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const res = await realFetch(input, init)
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      if (url.endsWith('/__mock/requests')) firstRead()
      return res
    })
    try {
      const waiting = client().waitForRequest((e) => e.template === '/nodes/{id}', { past: false, timeout: 5_000 })
      await read
      await api('/nodes/-my-')
      expect((await waiting).path).toMatch(/\/nodes\/-my-$/)
    } finally {
      spy.mockRestore()
    }
  })

  it('waitForRequest rejects after its timeout, listing what did arrive', async () => {
    await api('/nodes/-root-')
    await expect(client().waitForRequest({ method: 'DELETE' }, { timeout: 50 })).rejects.toThrow(
      'Failed to wait for a request matching {"method":"DELETE"}: none arrived within 50 ms. Requests that arrived (1):\n  GET /nodes/-root- (/nodes/{id}) → 200 admin\nPlease check the matcher, or raise { timeout }.',
    )
  })
})

describe('scenarios through the client', () => {
  const client = () => connectAlfrescoMock(mock.url)

  it('activates a packaged scenario by name, shows it and clears it', async () => {
    expect((await client().useScenario('flaky-status'))?.name).toBe('flaky-status')
    const state = await client().getScenario()
    expect(state.scenario).toMatchObject({ name: 'flaky-status', hits: [0] })
    expect(state.packaged).toContain('stuck-pending')
    expect(await client().useScenario(undefined)).toBeUndefined()
    expect(mock.scenario).toBeUndefined()
  })

  it('sends an object as JSON, YAML text as it is, and a file path as the file’s text', async () => {
    const rootDown = { name: 'root-down', faults: [{ match: { path: '/nodes/{id}' }, respond: { status: 500 } }] }
    await client().useScenario(rootDown)
    expect((await api('/nodes/-root-')).status).toBe(500)
    await client().useScenario("faults:\n  - match: { path: '/nodes/{id}' }\n    respond: { status: 503 }\n")
    expect((await api('/nodes/-root-')).status).toBe(503)
    const file = join(dir, 'root-forbidden.yaml')
    writeFileSync(file, "faults:\n  - match: { path: '/nodes/{id}' }\n    respond: { status: 403 }\n")
    await client().useScenario(file)
    expect((await api('/nodes/-root-')).status).toBe(403)
  })

  it('registers a scenario for X-Mock-Scenario under its own name or the file’s', async () => {
    const file = join(dir, 'root-missing.yaml')
    writeFileSync(file, "faults:\n  - match: { path: '/nodes/{id}' }\n    respond: { status: 404 }\n")
    expect((await client().registerScenario(file)).name).toBe('root-missing')
    expect((await api('/nodes/-root-', { headers: { 'x-mock-scenario': 'root-missing' } })).status).toBe(404)
    expect((await api('/nodes/-root-')).status).toBe(200)
    await expect(client().registerScenario({ faults: [] })).rejects.toThrow('Failed to register the scenario: it has no name.')
  })

  it("rejects a broken scenario with the server's message naming every problem", async () => {
    const error = (await client()
      .useScenario({ faults: [{ match: { method: 'YEET' }, fault: 'warp' }] })
      .catch((e: unknown) => e)) as MockControlError
    expect(error).toBeInstanceOf(MockControlError)
    expect(error.status).toBe(400)
    expect(error.message).toContain('2 problems:\n  - <request body>:1 at faults[0].match.method: expected one of GET, POST, PUT, DELETE, HEAD, PATCH, OPTIONS, got "YEET".\n  - <request body>:1 at faults[0].fault: "warp" is not a fault.')
    await expect(client().useScenario('no-such-scenario')).rejects.toThrow(/no-such-scenario/)
  })
})
