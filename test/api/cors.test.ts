/**
 * ACS's CORS filter (Tomcat's CorsFilter with repository.properties' cors.* values), in-process.
 * The first test is ACS's own check, TAS CORSTest.assertCORSisEnabledAndWorking
 * (packaging/tests/tas-restapi/src/test/java/org/alfresco/rest/misc/CORSTest.java), step by step.
 * test/browser/cors.test.ts runs the same through a real browser.
 */
import { describe, expect, it } from 'vitest'
import { createAlfrescoMock, type AlfrescoMock } from '../../src/index.js'
import { ACS_CORS_DEFAULTS, javaHashSetOrder, resolveCorsPolicy } from '../../src/http/cors-policy.js'
import { ADMIN, call, type CallOptions } from '../support/http.js'

const APP = 'http://localhost:4200'
const withCors = (cors: NonNullable<Parameters<typeof createAlfrescoMock>[0]>['cors'] = [APP]): AlfrescoMock =>
  createAlfrescoMock({ clock: 'manual', cors })
const send = (mock: AlfrescoMock, method: string, path: string, headers: Record<string, string>, options: CallOptions = {}) =>
  call(mock, method, path, { auth: null, validate: false, ...options, headers })

// Java 17's HashSet order of ACS's lists, as Tomcat joins them (printed by a JVM, see javaHashSetOrder).
const ACS_ALLOW_METHODS = 'HEAD,DELETE,POST,GET,OPTIONS,PUT'
const ACS_ALLOW_HEADERS = 'authorization,origin,x-requested-with,access-control-request-headers,x-csrf-token,content-type,cache-control,access-control-request-method,accept'
const ACS_EXPOSE_HEADERS = 'Access-Control-Allow-Origin,Access-Control-Allow-Credentials'

describe("ACS's CORS check (CORSTest.assertCORSisEnabledAndWorking)", () => {
  const mock = withCors()
  const options = (headers: Record<string, string>) => send(mock, 'OPTIONS', '/tickets', headers, { base: 'auth' })

  it('passes an OPTIONS without Access-Control-Request-Method on to the API, as an actual request', async () => {
    // ACS's API then answers 401 (no credentials); the mock's answers OPTIONS with its 501 for
    // operations it lacks. Either way it is the API's answer, not the filter's, with the filter's headers.
    const res = await options({ origin: APP })
    expect(res.status).toBe((await send(withCors(false), 'OPTIONS', '/tickets', {}, { base: 'auth' })).status)
    expect(res.status).not.toBe(403)
    expect(res.json.error.statusCode).toBe(res.status)
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    expect(res.headers.get('access-control-max-age')).toBe('10')
  })

  it('refuses a preflight for a method not allowed, an invalid method, and other origins with a bare 403', async () => {
    for (const headers of [
      { origin: APP, 'access-control-request-method': 'PATCH' },
      { origin: APP, 'access-control-request-method': 'invalid' },
      { origin: 'http://localhost:4201', 'access-control-request-method': 'POST' },
      { origin: 'http://example.com', 'access-control-request-method': 'POST' },
    ]) {
      const res = await options(headers)
      expect(res.status, JSON.stringify(headers)).toBe(403)
      expect(res.headers.get('content-type')).toBe('text/plain')
      expect(res.text).toBe('')
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
    }
  })

  it('answers a preflight from the allowed origin 200 with its origin, credentials, max age and methods', async () => {
    const res = await options({ origin: APP, 'access-control-request-method': 'POST' })
    expect(res.status).toBe(200)
    expect(res.text).toBe('')
    expect(Object.fromEntries([...res.headers].filter(([k]) => k.startsWith('access-control-') || k === 'vary'))).toEqual({
      'access-control-allow-origin': APP,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': ACS_EXPOSE_HEADERS,
      'access-control-max-age': '10',
      'access-control-allow-methods': ACS_ALLOW_METHODS,
      'access-control-allow-headers': ACS_ALLOW_HEADERS,
      vary: 'Origin,Access-Control-Request-Method,Access-Control-Request-Headers',
    })
    // The filter answers it: the tickets API never runs, so nothing was authenticated.
    expect(mock.requests.at(-1)).toMatchObject({ method: 'OPTIONS', status: 200, user: undefined })
  })
})

describe('requests from an allowed origin', () => {
  const mock = withCors()

  it('carry the origin, credentials and exposed headers on the answer (CORSTest…ForDiscovery)', async () => {
    const res = await send(mock, 'GET', '/nodes/-root-', { origin: APP, authorization: ADMIN })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect(res.headers.get('access-control-expose-headers')).toBe(ACS_EXPOSE_HEADERS)
    expect(res.headers.get('vary')).toBe('Origin')
    // Preflight-only headers are not on an actual request.
    expect(res.headers.get('access-control-allow-methods')).toBeNull()
  })

  it('carry them on errors too, so the page can read a 401 or 404', async () => {
    const unauthenticated = await send(mock, 'GET', '/nodes/-root-', { origin: APP })
    expect(unauthenticated.status).toBe(401)
    expect(unauthenticated.headers.get('access-control-allow-origin')).toBe(APP)
    const missing = await send(mock, 'GET', '/nodes/no-such-node', { origin: APP, authorization: ADMIN })
    expect(missing.status).toBe(404)
    expect(missing.json.error.errorKey).toBe('framework.exception.EntityNotFound')
    expect(missing.headers.get('access-control-allow-credentials')).toBe('true')
  })

  it('are refused with 403 when the method is not allowed (PATCH), from another origin, or with an invalid Origin', async () => {
    for (const [method, origin] of [['PATCH', APP], ['GET', 'http://localhost:4201'], ['GET', 'localhost:4200'], ['GET', 'http://a%0d%0ab']] as const) {
      const res = await send(mock, method, '/nodes/-root-', { origin, authorization: ADMIN })
      expect(res.status, `${method} ${origin}`).toBe(403)
      expect(res.text).toBe('')
    }
  })

  it('from the same origin are no CORS requests: answered as usual, Vary: Origin only', async () => {
    const res = await send(mock, 'GET', 'http://mock.test:8080/alfresco/api/-default-/public/alfresco/versions/1/nodes/-root-', {
      origin: 'http://mock.test:8080',
      authorization: ADMIN,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('vary')).toBe('Origin')
  })

  it('without an Origin (Node, curl) get only Vary: Origin', async () => {
    const res = await send(mock, 'GET', '/nodes/-root-', { authorization: ADMIN })
    expect(res.status).toBe(200)
    expect(res.headers.get('vary')).toBe('Origin')
    expect([...res.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([])
  })

  it('leave the control API alone: it is the mock’s own, not ACS’s', async () => {
    const res = await send(mock, 'GET', '/__mock/health', { origin: APP }, { base: 'none' })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('vary')).toBeNull()
  })
})

describe('cors: true (any origin)', () => {
  const mock = withCors(true)

  it('allows every origin with "*", without credentials and without Vary (Tomcat refuses "*" with credentials)', async () => {
    const res = await send(mock, 'OPTIONS', '/nodes/-root-', { origin: 'http://anywhere.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'Authorization, Content-Type' })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    expect(res.headers.get('vary')).toBe('Access-Control-Request-Method,Access-Control-Request-Headers')
    const get = await send(mock, 'GET', '/nodes/-root-', { origin: 'null', authorization: ADMIN })
    expect(get.headers.get('access-control-allow-origin')).toBe('*')
    expect(get.headers.get('vary')).toBeNull()
  })

  it('still refuses a preflight asking for a header ACS does not allow', async () => {
    const res = await send(mock, 'OPTIONS', '/nodes/-root-', { origin: APP, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-mock-scenario' })
    expect(res.status).toBe(403)
  })
})

describe('without cors (the default, as ACS: cors.enabled=false)', () => {
  it('sends no CORS headers and no Vary', async () => {
    const res = await send(createAlfrescoMock({ clock: 'manual' }), 'GET', '/nodes/-root-', { origin: APP, authorization: ADMIN })
    expect(res.status).toBe(200)
    expect([...res.headers.keys()].filter((k) => k.startsWith('access-control-') || k === 'vary')).toEqual([])
  })
})

describe('the cors option', () => {
  it('takes a comma-separated string, a list, or every setting', () => {
    expect([...resolveCorsPolicy('http://a.test, http://b.test:8080').origins]).toEqual(['http://a.test', 'http://b.test:8080'])
    const own = resolveCorsPolicy({ origins: [APP], methods: ['GET'], headers: ['Authorization', 'X-Mock-Scenario'], exposedHeaders: [], credentials: false, maxAge: 0 })
    expect(own).toMatchObject({ credentials: false, standard: {}, preflight: { 'Access-Control-Allow-Methods': 'GET' } })
    expect([...own.headers].sort()).toEqual(['authorization', 'x-mock-scenario'])
  })

  it('refuses what Tomcat refuses, and origins a browser never sends, word for word', () => {
    expect(() => createAlfrescoMock({ cors: { origins: '*', credentials: true } })).toThrow(
      "Failed to create the mock: cors allows any origin with credentials, which ACS's CORS filter (Tomcat's) refuses to start with. Please list the origins, or set credentials: false.",
    )
    expect(() => createAlfrescoMock({ cors: 'http://localhost:4200/' })).toThrow(
      'Failed to create the mock: cors origin "http://localhost:4200/" is not an origin as browsers send it. Please write scheme://host[:port] with nothing after it, such as http://localhost:4200.',
    )
    expect(() => createAlfrescoMock({ cors: { origins: [APP], maxAge: -1 } })).toThrow('cors maxAge -1 is not a number of seconds')
    expect(() => createAlfrescoMock({ cors: { origins: [APP], methods: ['GET POST'] } })).toThrow('cors methods ["GET POST"] must be a list of header or method names')
  })
})

describe('javaHashSetOrder', () => {
  it("gives java.util.HashSet's iteration order, through resizes (expected values printed by Java 17)", () => {
    expect(javaHashSetOrder(ACS_CORS_DEFAULTS.methods).join(',')).toBe(ACS_ALLOW_METHODS)
    const forty = Array.from({ length: 40 }, (_, i) => `X-H${i}-${i * 7919}`)
    expect(javaHashSetOrder(forty).join(',')).toBe(JAVA_FORTY)
  })
})

// new HashSet<>() filled with "X-H" + i + "-" + (i * 7919) for i in 0..39, joined with ",".
const JAVA_FORTY =
  'X-H33-261327,X-H39-308841,X-H2-15838,X-H25-197975,X-H18-142542,X-H6-47514,X-H37-293003,X-H19-150461,X-H23-182137,X-H30-237570,X-H20-158380,X-H38-300922,X-H36-285084,X-H28-221732,X-H31-245489,X-H21-166299,X-H24-190056,X-H5-39595,X-H17-134623,X-H12-95028,X-H29-229651,X-H26-205894,X-H27-213813,X-H4-31676,X-H0-0,X-H11-87109,X-H9-71271,X-H35-277165,X-H16-126704,X-H3-23757,X-H32-253408,X-H34-269246,X-H13-102947,X-H1-7919,X-H7-55433,X-H15-118785,X-H8-63352,X-H22-174218,X-H10-79190,X-H14-110866'
