import { Hono } from 'hono'
import type { AppDeps, Env } from '../http/context.js'

/** POST /downloads, GET and DELETE /downloads/{id}. (Being written.) */
export function downloadRoutes(_deps: AppDeps): Hono<Env> {
  return new Hono<Env>()
}
