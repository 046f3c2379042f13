import type { MiddlewareHandler } from 'hono'
import { errors } from '../errors.js'
import type { MockUser } from '../store/types.js'
import type { AppDeps, Env } from './context.js'

export interface Credentials {
  /** A ticket from `alf_ticket`/`ticket` or from a Basic header without a real user. */
  ticket?: string
  /** Basic user:password. */
  user?: string
  password?: string
  /** What the Authorization header said, when it was not Basic. */
  scheme?: string
}

/** Reads what a request offers, as ACS's authenticator factories do. */
export function readCredentials(header: string | undefined, query: (k: string) => string | undefined): {
  queryTicket: string | undefined
  header: Credentials | undefined
} {
  const queryTicket = query('alf_ticket') ?? query('ticket')
  if (!header) return { queryTicket, header: undefined }
  const [scheme = '', value = ''] = header.trim().split(/\s+/, 2)
  if (scheme.toLowerCase() !== 'basic') return { queryTicket, header: { scheme } }
  const decoded = Buffer.from(value, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return { queryTicket, header: { ticket: decoded } }
  const user = decoded.slice(0, colon)
  const password = decoded.slice(colon + 1)
  // base64(":TICKET_x") and base64("ROLE_TICKET:TICKET_x") both carry a ticket (Authorization.java).
  if (user === '' || user === 'ROLE_TICKET') return { queryTicket, header: { ticket: password } }
  return { queryTicket, header: { user, password } }
}

/** Resolves the caller: `alf_ticket` first, then the Authorization header; else undefined. */
export function authenticate(
  deps: Pick<AppDeps, 'auth' | 'clock'>,
  header: string | undefined,
  query: (k: string) => string | undefined,
): { user: MockUser; ticket: string | undefined } | undefined {
  const now = deps.clock.now()
  const creds = readCredentials(header, query)
  if (creds.queryTicket) {
    const t = deps.auth.validate(creds.queryTicket, now)
    const user = t && deps.auth.users.get(t.userId)
    if (user) return { user, ticket: t.id }
  }
  const h = creds.header
  if (h?.ticket) {
    const t = deps.auth.validate(h.ticket, now)
    const user = t && deps.auth.users.get(t.userId)
    if (user) return { user, ticket: t.id }
  }
  if (h?.user !== undefined && h.password !== undefined) {
    const user = deps.auth.checkPassword(h.user, h.password)
    if (user) return { user, ticket: undefined }
  }
  return undefined
}

/** Every API call but POST /tickets needs a user; anything else gets ACS's 401. */
export function requireAuth(deps: AppDeps): MiddlewareHandler<Env> {
  return async (c, next) => {
    const who = authenticate(deps, c.req.header('authorization'), (k) => c.req.query(k))
    if (!who) throw errors.unauthorized(c.req.method)
    c.set('user', who.user)
    c.set('ticket', who.ticket)
    await next()
  }
}
