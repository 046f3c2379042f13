import { afterAll, describe, expect, it } from 'vitest'
import { createAlfrescoMock, startAlfrescoMock } from '../../src/index.js'
import { call, expectAlfrescoError, get, post, requestViolation } from '../support/http.js'

const seed = '7279b5c5-da55-4e98-8b12-72d33b90c810'

describe('validate: true (report)', () => {
  const mock = createAlfrescoMock({ clock: 'manual', validate: true })

  it('answers as without validation, and names the violations in X-Mock-Validation', async () => {
    const r = await get(mock, '/nodes/-root-/children?maxItems=0')
    expectAlfrescoError(r, 400, 'Only positive values supported for maxItems.')
    expect(r.headers.get('x-mock-validation')).toBe('1 violation: query maxItems: must be >= 1, got "0"')
  })

  it('adds no header to a request that conforms, and leaves the journal entry without a validation field', async () => {
    mock.clearRequests()
    const r = await post(mock, '/downloads', { nodeIds: [seed] })
    expect(r.status).toBe(202)
    expect(r.headers.get('x-mock-validation')).toBeNull()
    expect(mock.requests[0]!.validation).toBeUndefined()
  })

  it('records the violations in the journal entry, also for a request it lets through', async () => {
    mock.clearRequests()
    const r = await post(mock, '/downloads', { nodeIds: seed }, { invalidRequest: true })
    expect(r.status).toBe(202)
    expect(r.headers.get('x-mock-validation')).toBe(`1 violation: body /nodeIds: must be array, got "${seed}"`)
    expect(mock.requests[0]).toMatchObject({ method: 'POST', status: 202, validation: [`body /nodeIds: must be array, got "${seed}"`] })
  })

  it('reports an operation ACS does not have, and keeps the answer ACS gives there', async () => {
    const r = await get(mock, '/downloads')
    expectAlfrescoError(r, 405, 'framework.exception.UnsupportedResourceOperation')
    expect(r.headers.get('x-mock-validation')).toBe("1 violation: GET /downloads: ACS's alfresco-core.yaml has only POST there")
  })

  it('checks nothing under /__mock', async () => {
    const r = await call(mock, 'GET', '/__mock/health?maxItems=0', { base: 'none' })
    expect(r.headers.get('x-mock-validation')).toBeNull()
  })

  it('still answers 413 for an over-long body it does not read', async () => {
    const small = createAlfrescoMock({ clock: 'manual', validate: true, maxBodyBytes: 64 })
    const r = await post(small, '/nodes/-shared-/children', { name: 'x'.repeat(100), nodeType: 'cm:folder' })
    expectAlfrescoError(r, 413)
  })
})

describe("validate: 'strict'", () => {
  const mock = createAlfrescoMock({ clock: 'manual', validate: 'strict' })

  it("answers ACS's 400 InvalidArgument listing the violations instead of the mock's answer", async () => {
    const r = await post(mock, '/downloads', { nodeIds: seed })
    const e = expectAlfrescoError(r, 400, 'framework.exception.InvalidArgument')
    expect(e.briefSummary).toMatch(
      /^\d{8} The request does not conform to ACS's API \(createDownload\): body \/nodeIds: must be array, got ".+"\. Please fix the request, or start the mock without strict validation\.$/,
    )
    expect(r.headers.get('x-mock-validation')).toContain('body /nodeIds')
    expect(mock.downloads.overview()).toEqual([])
  })

  it('checks credentials first, as ACS does: an unauthenticated bad request gets 401', async () => {
    expectAlfrescoError(await get(mock, '/nodes/-root-/children?maxItems=x', { auth: null }), 401)
  })

  it('rejects a bad login body without credentials, since POST /tickets needs none', async () => {
    const r = await post(mock, '/tickets', { userId: ['admin'], password: 'admin' }, { base: 'auth', auth: null })
    expect(expectAlfrescoError(r, 400, 'framework.exception.InvalidArgument').briefSummary).toContain('(createTicket): body /userId: must be string')
  })

  it("keeps ACS's own answer for an operation the spec lacks", async () => {
    expectAlfrescoError(await get(mock, '/downloads'), 405)
    expectAlfrescoError(await get(mock, '/people/-me-/sites'), 501, 'mock.NotImplemented')
  })

  it('lets a conforming request through untouched', async () => {
    expect((await post(mock, '/downloads', { nodeIds: [seed] })).status).toBe(202)
  })
})

describe("the suite's rule for test requests (test/support/validate-setup.ts)", () => {
  const mock = createAlfrescoMock({ clock: 'manual', validate: true })

  it('fails a call whose request breaks the spec yet succeeds, unless marked invalidRequest', async () => {
    await expect(post(mock, '/downloads', { nodeIds: seed })).rejects.toThrow(
      /^Request POST \/alfresco\/api\/-default-\/public\/alfresco\/versions\/1\/downloads violates ACS's OpenAPI spec, yet the mock answered 202: 1 violation: body \/nodeIds: must be array/,
    )
    expect((await post(mock, '/downloads', { nodeIds: seed }, { invalidRequest: true })).status).toBe(202)
  })

  it('only reports a request that breaks the spec and gets an error, as tests of error handling send on purpose', async () => {
    const r = await get(mock, '/nodes/-root-/children?skipCount=-1')
    expectAlfrescoError(r, 400)
    expect(requestViolation('GET', 'http://mock.test/x', r.response)).toBeUndefined()
    expect(r.headers.get('x-mock-validation')).toBe('1 violation: query skipCount: must be >= 0, got "-1"')
  })
})

describe('turning validation on and off', () => {
  it('takes its default from ALFRESCO_MOCK_VALIDATE, which the test suite sets', async () => {
    expect(process.env.ALFRESCO_MOCK_VALIDATE).toBe('1')
    const r = await get(createAlfrescoMock({ clock: 'manual' }), '/nodes/-root-/children?maxItems=0')
    expect(r.headers.get('x-mock-validation')).not.toBeNull()
  })

  it('is off with validate: false, whatever the environment says', async () => {
    const r = await get(createAlfrescoMock({ clock: 'manual', validate: false }), '/nodes/-root-/children?maxItems=0')
    expect(r.headers.get('x-mock-validation')).toBeNull()
  })

  it('refuses an unknown mode with a message saying what to pass', () => {
    expect(() => createAlfrescoMock({ validate: 'loud' as never })).toThrow(
      `Failed to create the mock: validate "loud" is unknown. Please pass true, false or 'strict'.`,
    )
  })
})

describe('validation over a socket', () => {
  const started = startAlfrescoMock({ clock: 'manual', validate: 'strict' })
  afterAll(async () => (await started).close())

  it('reads the JSON body from a clone, so the route still gets it', async () => {
    const mock = await started
    const headers = { authorization: `Basic ${btoa('admin:admin')}`, 'content-type': 'application/json' }
    const ok = await fetch(`${mock.apiUrl}/downloads`, { method: 'POST', headers, body: JSON.stringify({ nodeIds: [seed] }) })
    expect(ok.status).toBe(202)
    const bad = await fetch(`${mock.apiUrl}/downloads`, { method: 'POST', headers, body: JSON.stringify({ nodeIds: [1] }) })
    expect(bad.status).toBe(400)
    expect(bad.headers.get('x-mock-validation')).toBe('1 violation: body /nodeIds/0: must be string, got 1')
  })
})
