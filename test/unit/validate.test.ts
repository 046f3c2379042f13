import { describe, expect, it } from 'vitest'
import { AUTH_BASE, CORE_BASE } from '../../src/http/context.js'
import { RequestValidator, type RequestFacts } from '../../src/validate/validator.js'

const validator = new RequestValidator()

function facts(method: string, url: string, body?: unknown, contentType = 'application/json'): RequestFacts {
  const u = new URL(url, 'http://mock.test')
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  return {
    method,
    path: u.pathname,
    query: u.searchParams,
    contentType: text === undefined ? undefined : contentType,
    body: text === undefined ? undefined : new TextEncoder().encode(text),
    hasBody: text !== undefined && text !== '',
  }
}
const check = (method: string, url: string, body?: unknown, contentType?: string) =>
  validator.check(facts(method, url, body, contentType))
const core = (path: string) => `${CORE_BASE}${path}`

describe('the request validator: bodies', () => {
  it('passes a correct body', () => {
    expect(check('POST', core('/downloads'), { nodeIds: ['a', 'b'] })).toEqual({ operationId: 'createDownload', unknownOperation: false, violations: [] })
    expect(check('POST', core('/nodes/-root-/children'), { name: 'Reports', nodeType: 'cm:folder', properties: { 'cm:title': 'x' } }).violations).toEqual([])
    expect(check('POST', `${AUTH_BASE}/tickets`, { userId: 'admin', password: 'admin' }).violations).toEqual([])
  })

  it('catches a value outside an enum and names the allowed values and the value sent', () => {
    const body = { name: 'a', nodeType: 'cm:folder', permissions: { locallySet: [{ authorityId: 'bob', name: 'Read', accessStatus: 'MAYBE' }] } }
    expect(check('POST', core('/nodes/-root-/children'), body).violations).toEqual([
      'body /permissions/locallySet/0/accessStatus: must be equal to one of the allowed values (ALLOWED, DENIED), got "MAYBE"',
    ])
  })

  it('catches a missing required field', () => {
    expect(check('POST', core('/downloads'), {}).violations).toEqual(["body /: must have required property 'nodeIds'"])
    expect(check('POST', core('/nodes/-root-/children'), { name: 'a' }).violations).toEqual(["body /: must have required property 'nodeType'"])
  })

  it('catches a wrong type, naming the value sent', () => {
    expect(check('POST', core('/downloads'), { nodeIds: 'abc' }).violations).toEqual(['body /nodeIds: must be array, got "abc"'])
    expect(check('POST', core('/downloads'), { nodeIds: [1] }).violations).toEqual(['body /nodeIds/0: must be string, got 1'])
  })

  it("checks the name against ACS's pattern, which is only valid without the u flag", () => {
    expect(check('POST', core('/nodes/-root-/children'), { name: 'a:b', nodeType: 'cm:content' }).violations[0]).toMatch(/^body \/name: must match pattern/)
  })

  it('reports a missing required body, malformed JSON, and a body sent where none is taken', () => {
    expect(check('POST', core('/downloads')).violations).toEqual(['body: required (DownloadBodyCreate), but none was sent'])
    expect(check('POST', core('/downloads'), '{"nodeIds":').violations).toEqual(['body: not valid JSON (DownloadBodyCreate expected)'])
    expect(check('DELETE', core('/downloads/d1'), { x: 1 }).violations).toEqual(['body: the operation takes no body, but one was sent'])
  })

  it('leaves bodies the spec does not describe as JSON alone: multipart uploads and binary content', () => {
    expect(check('POST', core('/nodes/-root-/children'), '--x--', 'multipart/form-data; boundary=x').violations).toEqual([])
    expect(check('PUT', core('/nodes/n1/content'), 'any bytes', 'text/plain').violations).toEqual([])
  })
})

describe('the request validator: operations and parameters', () => {
  it('finds the operation by path and method, preferring literal templates', () => {
    expect(check('GET', `${AUTH_BASE}/tickets/-me-`).operationId).toBe('validateTicket')
    expect(check('GET', core('/nodes/-my-/children')).operationId).toBe('listNodeChildren')
    expect(check('HEAD', core('/nodes/n1/content')).operationId).toBe('getNodeContent')
  })

  it('reports an operation the spec lacks, by path or by method', () => {
    expect(check('GET', core('/downloads'))).toEqual({
      operationId: undefined,
      unknownOperation: true,
      violations: ["GET /downloads: ACS's alfresco-core.yaml has only POST there"],
    })
    expect(check('GET', core('/nothing/here')).violations).toEqual(["GET /nothing/here: no such path in ACS's alfresco-core.yaml"])
    expect(check('GET', `${AUTH_BASE}/tickets/someone`).unknownOperation).toBe(true)
  })

  it('checks declared query parameters: integers, minimums, booleans and patterns', () => {
    expect(check('GET', core('/nodes/-root-/children?skipCount=1&maxItems=10&include=path,properties&orderBy=name%20DESC')).violations).toEqual([])
    expect(check('GET', core('/nodes/-root-/children?skipCount=-1&maxItems=0')).violations).toEqual([
      'query skipCount: must be >= 0, got "-1"',
      'query maxItems: must be >= 1, got "0"',
    ])
    expect(check('GET', core('/nodes/-root-/children?maxItems=ten')).violations).toEqual(['query maxItems: must be an integer, got "ten"'])
    expect(check('GET', core('/nodes/n1/content?attachment=yes')).violations).toEqual(['query attachment: must be true or false, got "yes"'])
    expect(check('PUT', core('/nodes/n1/content?name=a%3Fb'), 'x', 'text/plain').violations[0]).toMatch(/^query name: must match the pattern/)
  })

  it('ignores query parameters the spec does not declare, as ACS does', () => {
    expect(check('GET', core('/nodes/n1/content?alf_ticket=TICKET_x&_=123')).violations).toEqual([])
  })

  it('checks nothing outside the two API bases', () => {
    expect(check('GET', '/__mock/health')).toEqual({ operationId: undefined, unknownOperation: false, violations: [] })
  })
})
