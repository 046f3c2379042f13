import { Hono } from 'hono'
import { errors } from '../errors.js'
import { authenticate, readCredentials } from '../http/auth.js'
import { readJson } from '../http/body.js'
import type { AppDeps, Env } from '../http/context.js'
import { entry } from '../http/envelope.js'
import { emptyResponse, jsonResponse } from '../http/respond.js'

/** The authentication API: POST /tickets (login), GET and DELETE /tickets/-me- (validate, logout). */
export function ticketRoutes(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()

  app.post('/tickets', async (c) => {
    const body = await readJson(c, deps.maxBodyBytes)
    if (Array.isArray(body)) throw errors.invalidLiteral('Please specify one login request only.')
    const login = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
    const userId = typeof login.userId === 'string' ? login.userId : ''
    const password = typeof login.password === 'string' ? login.password : ''
    if (userId === '' || password === '') throw errors.invalidLiteral('Invalid login details.')
    const user = deps.auth.checkPassword(userId, password)
    if (!user) throw errors.invalidLiteral('Login failed', 403)
    const ticket = deps.auth.issue(user.id, deps.clock.now())
    return jsonResponse(entry({ id: ticket.id, userId: user.id }), 201)
  })

  app.get('/tickets/:ticketId', (c) => {
    const ticket = ticketOfRequest(deps, c.req.method, c.req.param('ticketId'), c.req.header('authorization'), (k) => c.req.query(k))
    return jsonResponse(entry({ id: ticket }), 200)
  })

  app.delete('/tickets/:ticketId', (c) => {
    const ticket = ticketOfRequest(deps, c.req.method, c.req.param('ticketId'), c.req.header('authorization'), (k) => c.req.query(k))
    deps.auth.invalidate(ticket)
    return emptyResponse(204)
  })

  return app
}

/** The checks of AuthenticationsImpl.validateTicket / deleteTicket, in ACS's order. */
function ticketOfRequest(
  deps: AppDeps,
  method: string,
  pathId: string,
  header: string | undefined,
  query: (k: string) => string | undefined,
): string {
  if (pathId !== '-me-') throw errors.invalidLiteral(`Invalid parameter: ${pathId}`)
  const creds = readCredentials(header, query)
  if (!creds.queryTicket && !creds.header) throw errors.invalidLiteral('Authorization header is required.')
  const offered = creds.queryTicket ?? creds.header?.ticket
  if (!offered) throw errors.invalidLiteral('Ticket base authentication required.')
  if (deps.auth.validate(offered, deps.clock.now())) return offered
  // The offered ticket is dead: 404 if the caller is otherwise authenticated, else ACS's 401.
  if (authenticate(deps, header, query)) throw errors.notFound(offered)
  throw errors.unauthorized(method)
}
