/** ACS writes dates as `yyyy-MM-dd'T'HH:mm:ss.SSSZ` in UTC: `2019-09-09T09:58:51.492+0000`. */
export function alfrescoDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000')
}

/** RFC 7231 date for Last-Modified. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString()
}

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8'

/** ResponseWriter.CACHE_NEVER as surf writes it. */
export const NEVER_CACHE: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-cache',
  Pragma: 'no-cache',
  Expires: 'Thu, 01 Jan 1970 00:00:00 GMT',
}
