import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { CORE_BASE } from '../../src/http/context.js'
import { ADMIN, basic, call, expectAlfrescoError, get, post } from '../support/http.js'
import { inspectZip, unzip } from '../support/unzip.js'

const mock = createAlfrescoMock({ clock: 'manual', downloads: { progression: 'instant' } })
afterEach(() => {
  mock.useScenario(undefined)
  mock.reset()
})
afterAll(() => mock.dispose())

interface ListOfNodes {
  list: { entries: { entry: { id: string; isFile: boolean; content?: { sizeInBytes: number } } }[] }
}

/** A plain file of the default fixtures with some content. */
async function someFile(): Promise<{ id: string; size: number }> {
  const r = await get(mock, '/nodes/-shared-/children')
  const entries = (r.json as ListOfNodes).list.entries.map((e) => e.entry)
  const file = entries.find((e) => e.isFile && (e.content?.sizeInBytes ?? 0) > 0)!
  return { id: file.id, size: file.content!.sizeInBytes }
}

const request = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://mock.test${CORE_BASE}${path}`, { headers: { authorization: ADMIN, ...headers } })

/** Lets pending promise callbacks run, to show that something is still waiting (no timers involved). */
const settle = () => new Promise((resolve) => setImmediate(resolve))

/** Tracks whether a promise has settled. */
function track<T>(p: Promise<T>): { readonly done: boolean; promise: Promise<T> } {
  const state = { done: false, promise: p }
  p.then(
    () => (state.done = true),
    () => (state.done = true),
  )
  return state
}

describe('respond faults', () => {
  it('answers an ACS error body on the polls a rule names, and the real answer on the others (flaky-status)', async () => {
    mock.useScenario('flaky-status')
    const file = await someFile()
    const id = (await post(mock, '/downloads', { nodeIds: [file.id] })).json.entry.id
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await get(mock, `/downloads/${id}`)).status)
    expect(statuses).toEqual([200, 503, 200, 503, 200])
  })

  it('writes the 503 as ACS writes errors: ApiDefault, numbered briefSummary, never-cache headers', async () => {
    mock.useScenario({ faults: [{ match: { path: '/nodes/{id}' }, respond: { status: 503 } }] })
    const r = await get(mock, '/nodes/-root-')
    const e = expectAlfrescoError(r, 503, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toMatch(/^\d{8} Service Unavailable$/)
    expect(r.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    expect(r.headers.get('cache-control')).toBe('no-cache')
  })

  it('sends 401 exactly as ACS: WWW-Authenticate, ApiDefault and the web script sentence', async () => {
    mock.useScenario({ faults: [{ match: { method: 'DELETE', path: '/downloads/{id}' }, respond: { status: 401 } }] })
    const r = await call(mock, 'DELETE', '/downloads/whatever')
    const e = expectAlfrescoError(r, 401, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toMatch(/^\d{8} Authentication failed for Web Script org\/alfresco\/api\/ResourceWebScript\.delete$/)
    expect(r.headers.get('www-authenticate')).toBe('Basic realm="Alfresco -default- tenant"')
  })

  it('adds Retry-After to 429, names the id in a 404, and sends 403 as PermissionDenied', async () => {
    mock.useScenario({
      faults: [
        { match: { path: '/nodes/{id}' }, respond: { status: 429 } },
        { match: { path: '/downloads/{id}' }, respond: { status: 404 } },
        { match: { path: '/nodes/{id}/children' }, respond: { status: 403 } },
      ],
    })
    const tooMany = await get(mock, '/nodes/-root-')
    expectAlfrescoError(tooMany, 429, 'framework.exception.ApiDefault')
    expect(tooMany.headers.get('retry-after')).toBe('1')
    const missing = expectAlfrescoError(await get(mock, '/downloads/abc'), 404, 'framework.exception.EntityNotFound')
    expect(missing.briefSummary).toMatch(/^\d{8} The entity with id: abc was not found$/)
    expect(expectAlfrescoError(await get(mock, '/nodes/x/children'), 403, 'framework.exception.PermissionDenied').briefSummary).toMatch(
      /Permission was denied$/,
    )
  })

  it('uses the errorKey, message, headers or raw body a rule gives', async () => {
    mock.useScenario({
      faults: [
        { match: { path: '/nodes/{id}' }, times: 1, respond: { status: 500, errorKey: 'custom.Key', message: 'Boom', headers: { 'X-Why': 'test' } } },
        { match: { path: '/nodes/{id}' }, respond: { status: 502, body: '<html>Bad gateway</html>' } },
      ],
    })
    const first = await get(mock, '/nodes/-root-')
    expect(expectAlfrescoError(first, 500, 'custom.Key').briefSummary).toMatch(/^\d{8} Boom$/)
    expect(first.headers.get('x-why')).toBe('test')
    const second = await get(mock, '/nodes/-root-', { validate: false })
    expect(second.status).toBe(502)
    expect(second.text).toBe('<html>Bad gateway</html>')
  })

  it("waits on the mock's clock before an error with `delay`, and fires before authentication", async () => {
    mock.useScenario({ faults: [{ match: { path: '/nodes/{id}' }, respond: { status: 503, delay: '2s' } }] })
    const pending = track(mock.fetch(new Request(`http://mock.test${CORE_BASE}/nodes/-root-`)))
    await settle()
    expect(pending.done).toBe(false)
    mock.clock.advance(2_000)
    expect((await pending.promise).status).toBe(503)
  })
})

describe('delay faults', () => {
  it("hold the real answer until the mock's clock has advanced by the delay, with no real waiting", async () => {
    mock.useScenario({ faults: [{ match: { method: 'GET', path: '/nodes/{id}' }, fault: { type: 'delay', duration: '5s' } }] })
    const pending = track(mock.fetch(request('/nodes/-root-')))
    mock.clock.advance(4_999)
    await settle()
    expect(pending.done).toBe(false)
    mock.clock.advance(1)
    const r = await pending.promise
    expect(r.status).toBe(200)
    expect(((await r.json()) as { entry: { name: string } }).entry.name).toBe('Company Home')
  })
})

describe('connection faults in-process', () => {
  it('reject like fetch on a reset connection, and let the next request through after `times: 1`', async () => {
    mock.useScenario('content-connection-reset')
    const file = await someFile()
    const err = await mock.fetch(request(`/nodes/${file.id}/content`)).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TypeError)
    expect((err as TypeError).message).toBe('fetch failed')
    expect((err as TypeError & { cause: { code: string; message: string } }).cause).toMatchObject({ code: 'ECONNRESET' })
    expect((await mock.fetch(request(`/nodes/${file.id}/content`))).status).toBe(200)
  })

  it('reject like fetch when the server closes without answering (empty-response)', async () => {
    mock.useScenario({ faults: [{ match: { path: '/nodes/{id}' }, fault: 'empty-response' }] })
    const err = await mock.fetch(request('/nodes/-root-')).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TypeError)
    expect((err as TypeError & { cause: { code: string } }).cause.code).toBe('UND_ERR_SOCKET')
  })
})

describe('body faults in-process', () => {
  it('truncate: the full Content-Length, then part of the body, then an error while reading', async () => {
    mock.useScenario({ faults: [{ match: { path: '/nodes/{id}/content' }, fault: { type: 'truncate', bytes: 100 } }] })
    const file = await someFile()
    const r = await mock.fetch(request(`/nodes/${file.id}/content`))
    expect(r.status).toBe(200)
    expect(r.headers.get('content-length')).toBe(String(file.size))
    const reader = r.body!.getReader()
    const first = await reader.read()
    expect(first.value?.length).toBe(100)
    await expect(reader.read()).rejects.toThrow('terminated')
  })

  it('corrupt-zip: a download ZIP fails its CRC check but still opens; other content is untouched', async () => {
    const file = await someFile()
    const plain = (await get(mock, `/nodes/${file.id}/content`)).bytes
    const id = (await post(mock, '/downloads', { nodeIds: [file.id] })).json.entry.id
    expect((await get(mock, `/downloads/${id}`)).json.entry.status).toBe('DONE')
    mock.useScenario('corrupt-zip')

    const zip = await get(mock, `/nodes/${id}/content`)
    expect(zip.status).toBe(200)
    const listed = await inspectZip(zip.bytes)
    expect(listed).toHaveLength(1)
    expect(listed[0]!.crcOk).toBe(false)
    await expect(unzip(zip.bytes)).rejects.toThrow(/CRC mismatch/)
    expect((await get(mock, `/nodes/${file.id}/content`)).bytes).toEqual(plain)
  })

  it("dribble: releases the body in chunks, one per interval of the mock's clock", async () => {
    mock.useScenario({ faults: [{ match: { path: '/nodes/{id}/content' }, fault: { type: 'dribble', chunk: 100, every: '1s' } }] })
    const file = await someFile()
    const r = await mock.fetch(request(`/nodes/${file.id}/content`))
    expect(r.headers.get('content-length')).toBe(String(file.size))
    const reader = r.body!.getReader()
    const next = track(reader.read())
    await settle()
    expect(next.done).toBe(false)
    mock.clock.advance(1_000)
    expect((await next.promise).value?.length).toBe(100)
    mock.clock.advance(60_000)
    let rest = 0
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += chunk.value.length
    expect(100 + rest).toBe(file.size)
  })
})

describe('X-Mock-Scenario', () => {
  it('applies a named scenario to that request only, with its own counters', async () => {
    const failOnce = (status: number) => ({ faults: [{ match: { path: '/nodes/{id}' }, on: [1], respond: { status } }] })
    mock.registerScenario(failOnce(500), 'fail-500')
    mock.registerScenario(failOnce(503), 'fail-503')
    const [a, b, plain] = await Promise.all([
      mock.fetch(request('/nodes/-root-', { 'X-Mock-Scenario': 'fail-500' })),
      mock.fetch(request('/nodes/-root-', { 'X-Mock-Scenario': 'fail-503' })),
      mock.fetch(request('/nodes/-root-')),
    ])
    expect([a.status, b.status, plain.status]).toEqual([500, 503, 200])
    expect((await mock.fetch(request('/nodes/-root-', { 'X-Mock-Scenario': 'fail-500' }))).status).toBe(200)
    expect(mock.requests.map((e) => e.scenario)).toEqual(['fail-500', 'fail-503', undefined, 'fail-500'])
  })

  it('takes precedence over the active scenario and can name a packaged one', async () => {
    mock.useScenario({ faults: [{ match: { path: '/nodes/{id}' }, respond: { status: 500 } }] })
    expect((await mock.fetch(request('/nodes/-root-'))).status).toBe(500)
    expect((await mock.fetch(request('/nodes/-root-', { 'x-mock-scenario': 'stuck-pending' }))).status).toBe(200)
  })

  it('answers 400 naming an unknown scenario', async () => {
    const r = await get(mock, '/nodes/-root-', { headers: { 'X-Mock-Scenario': 'nope' } })
    const e = expectAlfrescoError(r, 400, 'framework.exception.InvalidArgument')
    expect(e.briefSummary).toContain('there is no scenario named "nope"')
  })
})

describe('matching on the caller', () => {
  it('fires a rule for one user only', async () => {
    mock.useScenario({ faults: [{ match: { user: 'alice' }, respond: { status: 503 } }] })
    expect((await get(mock, '/nodes/-root-', { auth: basic('alice', 'alice') })).status).toBe(503)
    expect((await get(mock, '/nodes/-root-')).status).toBe(200)
    expect(mock.requests[0]).toMatchObject({ user: 'alice', status: 503, rule: 0, fault: 'respond' })
  })
})
