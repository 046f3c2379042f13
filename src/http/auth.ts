import type { MiddlewareHandler } from 'hono'
import { errors, type AlfrescoError } from '../errors.js'
import type { MockUser } from '../store/types.js'
import type { AppDeps, Env } from './context.js'
import { requestView } from './headers.js'

/** What an `Authorization` header offers, decoded as ACS's `Authorization.java` does. */
export type HeaderCredentials =
  /** Basic base64(ticket), base64(":ticket") or base64("ROLE_TICKET:ticket"). */
  | { kind: 'ticket'; ticket: string }
  /** Basic base64(user:password). */
  | { kind: 'password'; user: string; password: string }
  /** Any other scheme (Bearer, junk): ACS refuses it without the Identity Service. */
  | { kind: 'scheme'; scheme: string }
  /** `Basic` with nothing usable after it. */
  | { kind: 'empty' }

export interface RequestCredentials {
  /** `alf_ticket` (ACS), or `ticket` (js-api with `withCredentials`). Empty counts as absent. */
  queryTicket: string | undefined
  header: HeaderCredentials | undefined
}

/** The ticket user of Authorization.java, matched case-insensitively there. */
const TICKET_USER = 'role_ticket'

/** Reads what a request offers, as ACS's authenticator factories do. Never throws. */
export function readCredentials(
  header: string | undefined,
  query: (k: string) => string | undefined,
): RequestCredentials {
  const queryTicket = query('alf_ticket') || query('ticket') || undefined
  const value = header?.trim()
  if (!value) return { queryTicket, header: undefined }
  const space = value.search(/\s/)
  const scheme = space < 0 ? value : value.slice(0, space)
  if (scheme.toLowerCase() !== 'basic') return { queryTicket, header: { kind: 'scheme', scheme } }
  return { queryTicket, header: decodeBasic(space < 0 ? '' : value.slice(space + 1).trim()) }
}

// Clients send the same Authorization header on every call: decode each once (a few hundred at most).
const decodedHeaders = new Map<string, Readonly<HeaderCredentials>>()

function decodeBasic(encoded: string): HeaderCredentials {
  let found = decodedHeaders.get(encoded)
  if (!found) {
    if (decodedHeaders.size >= 256) decodedHeaders.clear()
    found = Object.freeze(decodeBasicOnce(encoded))
    decodedHeaders.set(encoded, found)
  }
  return found
}

function decodeBasicOnce(encoded: string): HeaderCredentials {
  // Buffer ignores characters outside the base64 alphabet instead of throwing, so garbage is safe.
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  if (decoded === '') return { kind: 'empty' }
  const colon = decoded.indexOf(':')
  if (colon < 0) return { kind: 'ticket', ticket: decoded }
  const user = decoded.slice(0, colon)
  const password = decoded.slice(colon + 1)
  if (user === '' || user.toLowerCase() === TICKET_USER) return { kind: 'ticket', ticket: password }
  return { kind: 'password', user, password }
}

export interface Caller {
  user: MockUser
  /** The ticket the request authenticated with; undefined for Basic user:password. */
  ticket: string | undefined
}

/**
 * Resolves the caller as BasicHttpAuthenticator does: a valid `alf_ticket` first, then the
 * Authorization header (an invalid `alf_ticket` falls through to it). Undefined if nobody.
 */
export function authenticate(
  deps: Pick<AppDeps, 'auth' | 'clock'>,
  creds: RequestCredentials,
): Caller | undefined {
  const now = deps.clock.now()
  const byTicket = (id: string): Caller | undefined => {
    const t = deps.auth.validate(id, now)
    const user = t ? deps.auth.users.get(t.userId) : undefined
    return t && user?.enabled ? { user, ticket: t.id } : undefined
  }
  const fromQuery = creds.queryTicket ? byTicket(creds.queryTicket) : undefined
  if (fromQuery) return fromQuery
  const h = creds.header
  if (h?.kind === 'ticket') return byTicket(h.ticket)
  if (h?.kind === 'password') {
    const user = deps.auth.checkPassword(h.user, h.password)
    return user ? { user, ticket: undefined } : undefined
  }
  return undefined
}

/**
 * ACS's 401. A header with a scheme other than Basic makes BasicHttpAuthenticator throw
 * `WebScriptException(401, "Authorization '<scheme>' not supported.")` (derived from the source);
 * every other failure is RepositoryContainer's "Authentication failed for Web Script …".
 */
export function authFailure(method: string, creds: RequestCredentials): AlfrescoError {
  const h = creds.header
  if (h?.kind === 'scheme') return errors.authorizationNotSupported(h.scheme)
  return errors.unauthorized(method)
}

/** The parts of a request authentication reads (Hono's `c.req` fits). */
export interface AuthRequest {
  method: string
  header(name: string): string | undefined
  query(name: string): string | undefined
}

/** Resolves the caller of a request or throws ACS's 401. */
export function requireCaller(
  deps: Pick<AppDeps, 'auth' | 'clock'>,
  req: AuthRequest,
): { caller: Caller; creds: RequestCredentials } {
  const creds = readCredentials(req.header('authorization'), (k) => req.query(k))
  const caller = authenticate(deps, creds)
  if (!caller) throw authFailure(req.method, creds)
  return { caller, creds }
}

/** Every API call but POST /tickets needs a user; anything else gets ACS's 401. */
export function requireAuth(deps: AppDeps): MiddlewareHandler<Env> {
  return async (c, next) => {
    const { caller } = requireCaller(deps, requestView(c))
    c.set('user', caller.user)
    c.set('ticket', caller.ticket)
    await next()
  }
}
