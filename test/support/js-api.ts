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
