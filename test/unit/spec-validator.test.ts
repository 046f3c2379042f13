import { describe, expect, it } from 'vitest'
import { AUTH_BASE, CORE_BASE } from '../../src/http/context.js'
import { call } from '../support/http.js'
import { assertConforms, NOT_JSON, validateFetchResponse, validateResponse } from '../support/spec.js'

const core = (path: string) => `http://mock.test${CORE_BASE}${path}`
const auth = (path: string) => `http://mock.test${AUTH_BASE}${path}`

const download = { id: 'd1', status: 'PENDING', bytesAdded: 0, totalBytes: 0, filesAdded: 0, totalFiles: 0 }
const error = {
  error: {
    errorKey: 'framework.exception.EntityNotFound',
    statusCode: 404,
    briefSummary: '00150000 The entity with id: x was not found',
    stackTrace: 'For security reasons the stack trace is no longer displayed, but the property is kept for previous versions',
    descriptionURL: 'https://api-explorer.alfresco.com',
    logId: '5b8e1f5e-3d5c-4a8e-9a53-0d7b1a9a1c11',
  },
}
const node = {
  id: 'n1',
  name: 'a.txt',
  nodeType: 'cm:content',
  isFolder: false,
  isFile: true,
  modifiedAt: '2024-01-15T09:00:00.000+0000',
  modifiedByUser: { id: 'admin', displayName: 'Administrator' },
  createdAt: '2024-01-15T09:00:00.000+0000',
  createdByUser: { id: 'admin', displayName: 'Administrator' },
  parentId: 'p1',
}

describe('the OpenAPI response validator', () => {
  it('passes a correct body for the operation and status it answers', () => {
    expect(validateResponse('GET', core('/downloads/d1'), 200, { entry: download })).toEqual([])
    expect(validateResponse('GET', core('/nodes/n1?include=path'), 200, { entry: node })).toEqual([])
    expect(validateResponse('POST', auth('/tickets'), 201, { entry: { id: 'TICKET_x', userId: 'admin' } })).toEqual([])
  })

  it('catches a value outside an enum and names the allowed values and the value sent', () => {
    const v = validateResponse('GET', core('/downloads/d1'), 200, { entry: { ...download, status: 'RUNNING' } })
    expect(v).toHaveLength(1)
    expect(v[0]).toContain('getDownload (GET /downloads/{downloadId}) 200: /entry/status must be equal to one of the allowed values')
    expect(v[0]).toContain('MAX_CONTENT_SIZE_EXCEEDED')
    expect(v[0]).toContain('got "RUNNING"')
  })

  it('catches a missing required field', () => {
    const { nodeType: _, ...withoutType } = node
    expect(validateResponse('GET', core('/nodes/n1'), 200, { entry: withoutType })).toEqual([
      "getNode (GET /nodes/{nodeId}) 200: /entry must have required property 'nodeType'",
    ])
    expect(validateResponse('GET', core('/nodes/n1'), 200, {})).toEqual([
      "getNode (GET /nodes/{nodeId}) 200: / must have required property 'entry'",
    ])
  })

  it('catches a value of the wrong type', () => {
    expect(validateResponse('GET', core('/downloads/d1'), 200, { entry: { ...download, filesAdded: '1' } })).toEqual([
      'getDownload (GET /downloads/{downloadId}) 200: /entry/filesAdded must be integer, got "1"',
    ])
  })

  it('catches a date that is not a date-time but accepts the +0000 form ACS writes', () => {
    expect(validateResponse('GET', core('/nodes/n1'), 200, { entry: { ...node, createdAt: 'yesterday' } })).toEqual([
      'getNode (GET /nodes/{nodeId}) 200: /entry/createdAt must match format "date-time", got "yesterday"',
    ])
  })

  it('checks an undeclared status against the default Error schema', () => {
    // ACS answers 404 for an unknown download although the spec does not list it.
    expect(validateResponse('GET', core('/downloads/zzz'), 404, error)).toEqual([])
    const v = validateResponse('GET', core('/downloads/zzz'), 404, { error: { statusCode: 404 } })
    expect(v).toEqual([
      "getDownload (GET /downloads/{downloadId}) 404: /error must have required property 'briefSummary'",
      "getDownload (GET /downloads/{downloadId}) 404: /error must have required property 'stackTrace'",
      "getDownload (GET /downloads/{downloadId}) 404: /error must have required property 'descriptionURL'",
    ])
  })

  it('checks an error status declared without a schema against Error', () => {
    expect(validateResponse('GET', auth('/tickets/-me-'), 401, error)).toEqual([])
    expect(validateResponse('GET', auth('/tickets/-me-'), 401, undefined)).toEqual([
      'validateTicket (GET /tickets/-me-) 401: expected a JSON body, got none',
    ])
  })

  it('checks an unimplemented path or method only for an error status with an Error body', () => {
    expect(validateResponse('GET', core('/no-such-thing'), 501, error)).toEqual([])
    expect(validateResponse('PUT', core('/downloads/d1'), 405, error)).toEqual([])
    expect(validateResponse('GET', core('/no-such-thing'), 200, {})).toEqual([
      'GET /no-such-thing (not in alfresco-core.yaml) 200: only an error status fits a path or method the spec lacks',
    ])
    expect(validateResponse('GET', core('/no-such-thing'), 501, { oops: true })[0]).toContain("must have required property 'error'")
  })

  it('reports a status an operation without a default does not declare', () => {
    expect(validateResponse('POST', core('/people/bob/reset-password'), 500, error)[0]).toMatch(
      /^resetPassword \(POST \/people\/\{personId\}\/reset-password\): status 500 is not declared \(declared: /,
    )
  })

  it('checks only the status of binary content answers', () => {
    expect(validateResponse('GET', core('/nodes/n1/content?attachment=true'), 200, NOT_JSON)).toEqual([])
    expect(validateResponse('GET', core('/nodes/n1/content'), 404, NOT_JSON)).toEqual([
      'getNodeContent (GET /nodes/{nodeId}/content) 404: expected a JSON body, got another content type',
    ])
  })

  it('follows ACS where it leaves its own spec: fields=, a content 206, an empty 416', () => {
    const { nodeType: _, createdAt: __, ...trimmed } = node
    expect(validateResponse('GET', core('/nodes/n1?fields=id,name'), 200, { entry: trimmed })).toEqual([])
    expect(validateResponse('GET', core('/nodes/n1?fields=id'), 200, { entry: { ...trimmed, isFile: 'yes' } })).toEqual([
      'getNode (GET /nodes/{nodeId}) 200: /entry/isFile must be boolean, got "yes"',
    ])
    expect(validateResponse('GET', core('/nodes/n1?fields=id'), 200, {})[0]).toContain("must have required property 'entry'")
    expect(validateResponse('GET', core('/nodes/n1/content'), 206, NOT_JSON)).toEqual([])
    expect(validateResponse('GET', core('/nodes/n1/content'), 416, undefined)).toEqual([])
    expect(validateResponse('GET', core('/nodes/n1/content'), 416, { error: {} })).toHaveLength(4)
  })

  it('wants no body where the spec declares none', () => {
    expect(validateResponse('DELETE', core('/downloads/d1'), 202, undefined)).toEqual([])
    expect(validateResponse('DELETE', auth('/tickets/-me-'), 204, { x: 1 })).toEqual([
      'deleteTicket (DELETE /tickets/-me-) 204: the spec declares no body, but one was sent',
    ])
  })

  it('leaves answers outside the two API bases alone', () => {
    expect(validateResponse('GET', 'http://mock.test/__mock/health', 200, { anything: true })).toEqual([])
    expect(validateResponse('GET', '/alfresco/service/api/login', 200, NOT_JSON)).toEqual([])
  })

  it('validates a fetch Response without consuming it', async () => {
    const res = new Response(JSON.stringify({ entry: { ...download, status: 'RUNNING' } }), {
      status: 200,
      headers: { 'content-type': 'application/json;charset=UTF-8' },
    })
    const v = await validateFetchResponse('GET', core('/downloads/d1'), res)
    expect(v[0]).toContain('/entry/status must be equal to one of the allowed values')
    expect(((await res.json()) as { entry: { id: string } }).entry.id).toBe('d1')
  })

  it('throws one readable error listing every violation', () => {
    expect(() => assertConforms('get', core('/downloads/d1?x=1'), ['a is wrong', 'b is wrong'], '{"entry":{}}')).toThrow(
      `Response to GET ${CORE_BASE}/downloads/d1 violates ACS's OpenAPI spec:\n  - a is wrong\n  - b is wrong\nbody: {"entry":{}}`,
    )
  })

  it('fails a call() whose answer breaks the spec, unless validation is turned off for it', async () => {
    const liar = { fetch: () => Promise.resolve(Response.json({ entry: { ...download, status: 'DONE!' } })) }
    await expect(call(liar, 'GET', '/downloads/d1')).rejects.toThrow(
      /violates ACS's OpenAPI spec:\n {2}- getDownload .*\/entry\/status/,
    )
    expect((await call(liar, 'GET', '/downloads/d1', { validate: false })).status).toBe(200)
    expect((await call(liar, 'GET', '/__mock/health', { base: 'none' })).status).toBe(200)
  })
})
