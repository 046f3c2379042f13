import { JSON_CONTENT_TYPE, NEVER_CACHE } from './format.js'

// Built once: Response copies its init headers, so one shared object serves every answer.
const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'Content-Type': JSON_CONTENT_TYPE, ...NEVER_CACHE })

/** A JSON answer as ACS writes it: `application/json;charset=UTF-8` and the never-cache headers. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS })
}

/** A bodiless answer (202 cancel, 204 delete) with the never-cache headers. */
export function emptyResponse(status: number): Response {
  return new Response(null, { status, headers: { ...NEVER_CACHE } })
}
