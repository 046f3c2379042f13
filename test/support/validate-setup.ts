/**
 * Runs before every test file (vitest.config.ts `setupFiles`). vitest.config.ts also sets
 * ALFRESCO_MOCK_VALIDATE=1, so every mock the suite creates — in-process, on a socket, and the
 * CLI processes it spawns — checks each request against ACS's OpenAPI spec and reports
 * violations in the X-Mock-Validation header.
 *
 * The rule the suite holds itself to: a request the mock ANSWERS SUCCESSFULLY (status < 400) must
 * conform to ACS's spec, because a test that passes with a request ACS's contract forbids proves
 * nothing about a real client. A violation on an error answer (bad paging, malformed JSON, 405,
 * 501…) is what a test of the mock's error handling sends on purpose: it is reported in the
 * header and the journal, never failed. `call()` (test/support/http.ts) throws at once; requests
 * through the global `fetch` (socket tests, @alfresco/js-api) are collected here and fail the
 * test in `afterEach`. A test that sends a spec-breaking request the mock accepts on purpose
 * (ACS tolerates it) passes `{ invalidRequest: true }` to `call()`.
 */
import { afterEach } from 'vitest'
import { requestViolation } from './http.js'

const seen: string[] = []
const marker = Symbol.for('alfresco-mock.validating-fetch')
const g = globalThis as typeof globalThis & { [marker]?: true }

if (!g[marker]) {
  g[marker] = true
  const original = globalThis.fetch
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const response = await original(input, init)
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
    const url = input instanceof Request ? input.url : String(input)
    const problem = requestViolation(method, url, response)
    if (problem) seen.push(problem)
    return response
  }
}

afterEach(() => {
  if (seen.length === 0) return
  const problems = seen.splice(0)
  throw new Error(problems.join('\n'))
})
