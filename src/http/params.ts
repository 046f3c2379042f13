import type { Context, MiddlewareHandler } from 'hono'
import { NO_PARAMS, readRecognizedParams, type RecognizedParams } from '../rest/params.js'
import type { Env } from './context.js'

/**
 * ACS's REST framework reads paging, orderBy, where, include and fields of every request before the
 * resource runs (src/rest/params.ts): this middleware does that, after authentication, and keeps the
 * result for the routes (`paramsOf`). A request without a query string skips the work (status polls).
 */
export function recognizeParams(): MiddlewareHandler<Env> {
  return async (c, next) => {
    // c.req.query(name) is the first value of a repeated parameter, as the servlet API's getParameter.
    c.set('params', c.req.url.includes('?') ? readRecognizedParams((name) => c.req.query(name)) : NO_PARAMS)
    await next()
  }
}

/** The request's recognized parameters (none for a route outside the framework's middleware). */
export function paramsOf(c: Context<Env>): RecognizedParams {
  return c.get('params') ?? NO_PARAMS
}

/** ACS parses booleans with Boolean.valueOf: only "true" (any case) is true. */
export function parseBool(raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback
  return raw.toLowerCase() === 'true'
}
