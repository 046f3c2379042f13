import { AlfrescoApi } from '@alfresco/js-api'
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest'
import { startAlfrescoMock, type ManualStartedAlfrescoMock } from '../../src/index.js'
import { validateFetchResponse } from './spec.js'

/** One request as @alfresco/js-api sent it through global fetch. */
export interface SentRequest {
  method: string
  url: string
  headers: Headers
  body: unknown
}

/**
 * A global fetch for @alfresco/js-api (v10 sends everything through it) that records each request
 * and checks each answer against ACS's OpenAPI spec. Install it with `vi.stubGlobal('fetch', …)`.
 */
export function recordingFetch(): { fetch: typeof fetch; sent: SentRequest[]; violations: string[] } {
  const realFetch = globalThis.fetch
  const sent: SentRequest[] = []
  const violations: string[] = []
  const recording: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    sent.push({ method: request.method, url: request.url, headers: request.headers, body: init?.body })
    const response = await realFetch(request)
    violations.push(...(await validateFetchResponse(request.method, request.url, response)))
    return response
  }
  return { fetch: recording, sent, violations }
}

/**
 * One mock on a socket for a js-api suite, with the recording fetch installed for the whole file:
 * each test gets a logged-in AlfrescoApi, and after each the mock is reset and every answer js-api
 * received must have met ACS's spec. Call at the top of a test file.
 */
export function jsApiSuite(): { readonly mock: ManualStartedAlfrescoMock; readonly api: AlfrescoApi; sent: SentRequest[] } {
  const { fetch, sent, violations } = recordingFetch()
  let mock: ManualStartedAlfrescoMock | undefined
  let api: AlfrescoApi | undefined
  beforeAll(async () => {
    mock = await startAlfrescoMock({ port: 0, clock: 'manual' })
    vi.stubGlobal('fetch', fetch)
  })
  afterAll(async () => {
    vi.unstubAllGlobals()
    await mock?.close()
  })
  beforeEach(async () => {
    api = new AlfrescoApi({ hostEcm: mock!.url, provider: 'ECM', authType: 'BASIC' })
    await api.login('admin', 'admin')
  })
  afterEach(async () => {
    if (api?.isLoggedIn()) await api.logout()
    const found = violations.splice(0)
    sent.length = 0
    mock?.reset()
    expect(found, "answers received by js-api that break ACS's OpenAPI spec").toEqual([])
  })
  return {
    get mock() {
      return mock!
    },
    get api() {
      return api!
    },
    sent,
  }
}

/** A js-api call's outcome: 'resolved', or the HTTP status it was rejected with. */
export const statusOf = (p: Promise<unknown>): Promise<number | string | undefined> =>
  p.then(
    () => 'resolved',
    (e: { status?: number }) => e.status,
  )
