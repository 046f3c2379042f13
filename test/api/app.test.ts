import { describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { call, expectAlfrescoError } from '../support/http.js'

describe('the app', () => {
  const mock = createAlfrescoMock({ clock: 'manual' })

  it('answers 501 with an ACS-shaped error naming the method and path of an unimplemented API call', async () => {
    const r = await call(mock, 'GET', '/people/-me-/favorites')
    const e = expectAlfrescoError(r, 501, 'mock.NotImplemented')
    expect(e.briefSummary).toContain('GET /alfresco/api/-default-/public/alfresco/versions/1/people/-me-/favorites')
    expect(e.stackTrace).toBe('For security reasons the stack trace is no longer displayed, but the property is kept for previous versions')
    expect(e.descriptionURL).toBe('https://api-explorer.alfresco.com')
    expect(e.logId).toMatch(/^[0-9a-f-]{36}$/)
    expect(r.headers.get('content-type')).toBe('application/json;charset=UTF-8')
  })

  it('answers 401 with WWW-Authenticate before anything else when no credentials are sent', async () => {
    const r = await call(mock, 'GET', '/nodes/-root-', { auth: null })
    const e = expectAlfrescoError(r, 401, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toMatch(/^\d{8} Authentication failed for Web Script org\/alfresco\/api\/ResourceWebScript\.get$/)
    expect(r.headers.get('www-authenticate')).toBe('Basic realm="Alfresco -default- tenant"')
  })

  it('numbers briefSummary as ACS does: zero-based month, day, then a counter', async () => {
    mock.reset()
    const a = expectAlfrescoError(await call(mock, 'GET', '/nodes/x', { auth: null }), 401)
    const b = expectAlfrescoError(await call(mock, 'GET', '/nodes/x', { auth: null }), 401)
    // the manual clock starts at 2024-01-15: January is month 00
    expect(a.briefSummary.slice(0, 8)).toBe('00150000')
    expect(b.briefSummary.slice(0, 8)).toBe('00150001')
  })
})
