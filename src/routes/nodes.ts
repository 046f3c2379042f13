import { Hono } from 'hono'
import type { AppDeps, Env } from '../http/context.js'

/** The nodes API. (Being written.) */
export function nodeRoutes(_deps: AppDeps): Hono<Env> {
  return new Hono<Env>()
}
