import { Hono, type Context } from 'hono'
import { errors } from '../errors.js'
import { requireCaller, type AuthRequest, type RequestCredentials } from '../http/auth.js'
import { readJson } from '../http/body.js'
import type { AppDeps, Env } from '../http/context.js'
import { entry } from '../http/envelope.js'
import { emptyResponse, jsonResponse } from '../http/respond.js'

/** The authentication API: POST /tickets (login), GET/DELETE /tickets/-me- (validate, logout). */
export function ticketRoutes(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()

  // @WebApiNoAuth: the Authorization header js-api sends along with the login is ignored.
  app.post('/tickets', async (c) => {
    const login = readLogin(await readJson(c, deps.maxBodyBytes))
    const user = deps.auth.checkPassword(login.userId, login.password)
    // PermissionDeniedException("Login failed"): the literal is the errorKey.
    if (!user) throw errors.invalidLiteral('Login failed', 403)
    const ticket = deps.auth.issue(user.id, deps.clock.now())
    c.set('user', user) // for the request log and journal
    return jsonResponse(entry({ id: ticket.id, userId: user.id }), 201)
  })

  app.get('/tickets/:ticketId', (c) => {
    const ticket = ticketOfRequest(deps, c, c.req.param('ticketId'))
    return jsonResponse(entry({ id: ticket }), 200)
  })

  app.delete('/tickets/:ticketId', (c) => {
    const ticket = ticketOfRequest(deps, c, c.req.param('ticketId'))
    deps.auth.invalidate(ticket)
    return emptyResponse(204)
  })

  // The tickets resource implements only Create, ReadById and Delete; the framework answers the
  // rest with 405 UnsupportedResourceOperation once the caller is authenticated.
  const unsupported = (c: { req: AuthRequest }): never => {
    requireCaller(deps, c.req)
    throw errors.unsupportedOperation()
  }
  app.on(['GET', 'PUT', 'DELETE'], '/tickets', unsupported)
  app.on(['POST', 'PUT'], '/tickets/:ticketId', unsupported)

  return app
}

const LOGIN_FIELDS = ['userId', 'password'] as const

/**
 * The body as Jackson reads `List<LoginTicket>` (ACCEPT_SINGLE_VALUE_AS_ARRAY), then the checks
 * of AuthenticationTicketsEntityResource.create and AuthenticationsImpl.validateLoginRequest.
 */
function readLogin(body: unknown): { userId: string; password: string } {
  const list = body === undefined ? [{}] : Array.isArray(body) ? body : [body]
  if (list.length !== 1 || list[0] === null) {
    throw errors.invalidLiteral('Please specify one login request only.')
  }
  const login: unknown = list[0]
  if (typeof login !== 'object' || login === null || Array.isArray(login)) {
    throw errors.unreadableBody(`Cannot construct instance of LoginTicket from ${String(login)}`)
  }
  const record = login as Record<string, unknown>
  const unknown = Object.keys(record).find((k) => !(LOGIN_FIELDS as readonly string[]).includes(k))
  if (unknown !== undefined) {
    throw errors.unreadableBody(
      `Unrecognized field "${unknown}" (class org.alfresco.rest.api.model.LoginTicket), not marked as ignorable`,
    )
  }
  const userId = loginString(record.userId)
  const password = loginString(record.password)
  if (userId === undefined || password === undefined) {
    throw errors.invalidLiteral('Invalid login details.')
  }
  return { userId, password }
}

/** A String property as Jackson fills it: scalars coerced, "" as null (RestApiStringDeserializer). */
function loginString(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  throw errors.unreadableBody(
    'Cannot deserialize value of type `java.lang.String` from an Object or Array value',
  )
}

/**
 * AuthenticationsImpl.validateTicket / deleteTicket, after the framework has authenticated the
 * caller (these two operations are not @WebApiNoAuth, so an unauthenticated call is a 401 first).
 */
function ticketOfRequest(deps: AppDeps, c: Context<Env>, pathId: string): string {
  const { caller, creds } = requireCaller(deps, c.req)
  c.set('user', caller.user)
  if (pathId !== '-me-') throw errors.invalidLiteral(`Invalid parameter: ${pathId}`)
  const ticket = offeredTicket(creds)
  const t = deps.auth.validate(ticket, deps.clock.now())
  // A dead ticket, or another user's: NotFoundException("<ticket> was not found").
  if (!t || t.userId !== caller.user.id) throw errors.notFound(ticket)
  return t.id
}

/** AuthenticationsImpl.getTicket: `alf_ticket` first, else the ticket of a Basic header. */
function offeredTicket(creds: RequestCredentials): string {
  if (creds.queryTicket) return creds.queryTicket
  const h = creds.header
  if (!h) throw errors.invalidLiteral('Authorization header is required.')
  if (h.kind === 'ticket') return h.ticket
  if (h.kind === 'scheme') {
    throw errors.invalidLiteral(`Authorization '${h.scheme}' not supported.`)
  }
  throw errors.invalidLiteral('Ticket base authentication required.')
}
