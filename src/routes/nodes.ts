import { Hono } from 'hono'
import type { AppDeps, Env } from '../http/context.js'
import { registerNodeContent } from './nodes-content.js'
import { registerNodeOperations } from './nodes-ops.js'
import { registerNodeReads } from './nodes-read.js'
import { registerNodeWrites } from './nodes-write.js'

/**
 * The nodes API: GET, PUT and DELETE /nodes/{id}, GET and POST /nodes/{id}/children, GET and PUT
 * /nodes/{id}/content, copy, move, lock and unlock. Everything else under /nodes is left
 * unregistered, so it reaches the app's explicit 501.
 */
export function nodeRoutes(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()
  registerNodeReads(app, deps)
  registerNodeContent(app, deps)
  registerNodeWrites(app, deps)
  registerNodeOperations(app, deps)
  return app
}
