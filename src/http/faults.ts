import type { Context, MiddlewareHandler, Next } from 'hono'
import { STATUS_CODES } from 'node:http'
import { waitOn, type Clock } from '../clock.js'
import { errors } from '../errors.js'
import type { ScenarioEngine } from '../scenarios/engine.js'
import { corruptZip, looksLikeZip, truncatedLength } from '../scenarios/faults.js'
import { segments } from '../scenarios/routes.js'
import type { FaultAction, RespondAction } from '../scenarios/types.js'
import { authenticate, readCredentials } from './auth.js'
import { requestHeader } from './headers.js'
import { cut } from './journal-bounds.js'
import type { AppDeps, Env } from './context.js'
import { apiRelative } from './journal.js'

/** The header that puts one request (and the downloads it creates) under a named scenario. */
export const SCENARIO_HEADER = 'x-mock-scenario'

type Ctx = Context<Env>
type Deps = Pick<AppDeps, 'clock' | 'auth' | 'scenarios'>

/**
 * Applies scenarios to API requests: picks the scenario (the X-Mock-Scenario header's, else the
 * active one), asks its engine for a fault, and applies it. Runs before authentication, as a
 * proxy or a dying server would answer; a rule that matches on `user` still sees who is calling.
 */
export function applyScenarios(deps: Deps): MiddlewareHandler<Env> {
  return async (c, next) => {
    const engine = scenarioFor(deps, requestHeader(c, SCENARIO_HEADER))
    c.set('scenario', engine)
    c.set('fault', undefined)
    if (!engine) return next()
    const hit = engine.pick({
      method: c.req.method,
      path: apiRelative(c.req.path) ?? c.req.path,
      header: (name) => requestHeader(c, name.toLowerCase()),
      user: () => whoIsCalling(deps, c),
    })
    if (!hit) return next()
    c.set('fault', hit)
    return applyFault(deps.clock, c, next, hit.action)
  }
}

function scenarioFor(deps: Deps, header: string | undefined): ScenarioEngine | undefined {
  if (header === undefined || header.trim() === '') return deps.scenarios.active
  const engine = deps.scenarios.named(header.trim())
  if (engine) return engine
  const name = cut(header.trim(), 200)
  const known = [...new Set([...deps.scenarios.registeredNames(), ...deps.scenarios.packagedNames()])]
  throw errors.invalidArgument(
    `Failed to apply the scenario of the X-Mock-Scenario header: there is no scenario named "${name}". ` +
      `Please register it first (mock.registerScenario or PUT /__mock/scenarios/${name}) ` +
      `or use one of ${known.join(', ')}.`,
  )
}

/** The caller's user id, resolved only when a rule asks; kept on the context for the journal. */
function whoIsCalling(deps: Deps, c: Ctx): string | undefined {
  const who = authenticate(deps, readCredentials(requestHeader(c, 'authorization'), (k) => c.req.query(k)))
  if (who) c.set('user', who.user)
  return who?.user.id
}

async function applyFault(clock: Clock, c: Ctx, next: Next, action: FaultAction): Promise<Response | void> {
  switch (action.kind) {
    case 'respond':
      await waitOn(clock, action.delayMs ?? 0)
      return respond(c, action)
    case 'delay':
      await waitOn(clock, action.ms)
      return next()
    case 'connection-reset':
    case 'empty-response':
      return dropConnection(c, action.kind)
    case 'truncate': {
      await next()
      const body = new Uint8Array(await c.res.arrayBuffer())
      c.res = truncate(c, body, truncatedLength(body.length, action))
      return
    }
    case 'corrupt-zip': {
      await next()
      const body = new Uint8Array(await c.res.arrayBuffer())
      const damaged = looksLikeZip(body) ? corruptZip(body) : undefined
      c.res = new Response(damaged ?? body, c.res)
      return
    }
    case 'dribble': {
      await next()
      const body = new Uint8Array(await c.res.arrayBuffer())
      c.res = new Response(dribble(clock, body, action.chunkBytes, action.everyMs), c.res)
      return
    }
  }
}

/** An ACS error body through the app's error path, or the scenario's own body as it is. */
function respond(c: Ctx, action: RespondAction): Response {
  const retryAfter = action.retryAfter ?? (action.status === 429 ? 1 : undefined)
  const headers = { ...(retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {}), ...action.headers }
  if (action.body === undefined) {
    const relative = segments(apiRelative(c.req.path) ?? c.req.path)
    throw errors.injected(action.status, {
      method: c.req.method,
      id: relative[1] ?? relative[0] ?? '',
      reason: STATUS_CODES[action.status] ?? 'Error',
      errorKey: action.errorKey,
      message: action.message,
      headers,
    })
  }
  const json = typeof action.body !== 'string'
  return new Response(json ? JSON.stringify(action.body) : action.body, {
    status: action.status,
    headers: { 'Content-Type': json ? 'application/json;charset=UTF-8' : 'text/plain;charset=UTF-8', ...headers },
  })
}

/**
 * Over a socket: a TCP reset (the client sees ECONNRESET) or a close with nothing written.
 * In-process there is no socket, so the answer is a marker that `settleInProcess` turns into the
 * rejection fetch would give.
 */
function dropConnection(c: Ctx, kind: 'connection-reset' | 'empty-response'): Response {
  const socket = c.env?.incoming?.socket
  if (!socket) return networkFailure(kind)
  if (kind === 'connection-reset') socket.resetAndDestroy()
  else socket.destroy()
  return alreadySent(0)
}

/** The headers with the full Content-Length, then only `keep` bytes of the body, then the end. */
function truncate(c: Ctx, body: Uint8Array, keep: number): Response {
  const res = c.res
  const outgoing = c.env?.outgoing
  if (outgoing) {
    const headers: Record<string, string> = Object.fromEntries(res.headers)
    outgoing.writeHead(res.status, { ...headers, 'content-length': String(body.length) })
    outgoing.write(body.subarray(0, keep), () => outgoing.socket?.destroy())
    return alreadySent(res.status)
  }
  const headers = new Headers(res.headers)
  headers.set('content-length', String(body.length))
  let sent = keep === 0
  const stream = new ReadableStream<Uint8Array>({
    // error() drops what is queued, so the part goes out on one pull and the error on the next.
    pull(controller) {
      if (!sent) {
        sent = true
        controller.enqueue(body.subarray(0, keep))
        return
      }
      // What undici reports when the other side closes in the middle of a body.
      controller.error(new TypeError('terminated', { cause: new Error('other side closed') }))
    },
  })
  return new Response(stream, { status: res.status, statusText: res.statusText, headers })
}

/** The body in chunks, each released `everyMs` after the previous one on the mock's clock. */
function dribble(clock: Clock, body: Uint8Array, chunkBytes: number, everyMs: number): ReadableStream<Uint8Array> {
  let cancelTimer = (): void => undefined
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // Each chunk schedules the next, so one ManualClock.advance releases all that are due.
      const release = (offset: number): void => {
        cancelTimer = clock.setTimeout(() => {
          controller.enqueue(body.subarray(offset, offset + chunkBytes))
          if (offset + chunkBytes < body.length) release(offset + chunkBytes)
          else controller.close()
        }, everyMs)
      }
      if (body.length === 0) controller.close()
      else release(0)
    },
    cancel() {
      cancelTimer()
    },
  })
}

const NODE_ALREADY_SENT = 'x-hono-already-sent'
const NETWORK_FAULT = 'x-alfresco-mock-network-fault'

/** Tells @hono/node-server that the answer was written (or withheld) on the socket already. */
function alreadySent(status: number): Response {
  return new Response(null, { status: status >= 200 ? status : 200, headers: { [NODE_ALREADY_SENT]: 'true' } })
}

// Marked responses, so settleInProcess needs no header read: reading a response's headers builds
// a full fetch Response under @hono/node-server, a cost every request would pay.
const networkFailures = new WeakMap<Response, 'connection-reset' | 'empty-response'>()

function networkFailure(kind: 'connection-reset' | 'empty-response'): Response {
  const response = new Response(null, { status: 200, headers: { [NETWORK_FAULT]: kind } })
  networkFailures.set(response, kind)
  return response
}

/**
 * For in-process fetch: turns a dropped-connection marker into the rejection global fetch gives,
 * `TypeError: fetch failed` with the reason as its cause. Other responses pass through.
 */
export function settleInProcess(response: Response): Response {
  const kind = networkFailures.get(response)
  if (!kind) return response
  const cause =
    kind === 'connection-reset'
      ? Object.assign(new Error('read ECONNRESET (connection reset by alfresco-mock scenario)'), { code: 'ECONNRESET' })
      : Object.assign(new Error('other side closed (empty response from alfresco-mock scenario)'), { code: 'UND_ERR_SOCKET' })
  throw new TypeError('fetch failed', { cause })
}
