import { getRequestListener } from '@hono/node-server'
import { randomUUID } from 'node:crypto'
import { createServer, STATUS_CODES, type Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { errors, toErrorBody } from './errors.js'
import { JSON_CONTENT_TYPE, NEVER_CACHE } from './http/format.js'
import type { AddressInfo } from 'node:net'
import { AUTH_BASE, CORE_BASE, type NodeBindings } from './http/context.js'
import { buildMock, type AlfrescoMock } from './mock.js'
import { resolveOptions, type MockOptions } from './options.js'
import type { ManualClock } from './clock.js'

/** A mock Alfresco listening on a socket. */
export interface StartedAlfrescoMock extends AlfrescoMock {
  /** `http://127.0.0.1:PORT` — what `@alfresco/js-api` calls `hostEcm`. */
  readonly url: string
  /** `${url}/alfresco/api/-default-/public/alfresco/versions/1` */
  readonly apiUrl: string
  /** `${url}/alfresco/api/-default-/public/authentication/versions/1` */
  readonly authUrl: string
  readonly port: number
  /** Closes the socket and open connections; idempotent. */
  close(): Promise<void>
  [Symbol.asyncDispose](): Promise<void>
}

export type ManualStartedAlfrescoMock = StartedAlfrescoMock & { readonly clock: ManualClock }

/** The port is taken: the message the CLI prints as one line before exiting 1. */
export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`Failed to start alfresco-mock-server: port ${port} on ${host} is already in use. Please stop what uses it or pass --port 0 for a free port.`)
    this.name = 'PortInUseError'
  }
}

/**
 * Starts a mock Alfresco on a socket (port 0 by default: a free one).
 *
 * @example
 * await using mock = await startAlfrescoMock({ clock: 'manual' })
 * const api = new AlfrescoApi({ hostEcm: mock.url })
 */
export async function startAlfrescoMock(options: MockOptions & { clock: 'manual' }): Promise<ManualStartedAlfrescoMock>
export async function startAlfrescoMock(options?: MockOptions, internal?: { ownsProcess?: boolean }): Promise<StartedAlfrescoMock>
export async function startAlfrescoMock(
  options: MockOptions = {},
  /** @internal The CLI owns its process and lets @hono/node-server swap in its lighter Request/Response. */
  internal: { ownsProcess?: boolean } = {},
): Promise<StartedAlfrescoMock> {
  const resolved = resolveOptions(options)
  const mock = buildMock(resolved)
  const listener = getRequestListener(
    // The second argument carries the socket, which the connection faults of scenarios act on
    // (an HTTP/1 server, so these are IncomingMessage and ServerResponse).
    (request: Request, env: unknown) => mock.fetch(request, env as NodeBindings),
    {
      // A library must not replace its host's global Request/Response; the CLI may (it starts faster).
      overrideGlobalObjects: internal.ownsProcess === true,
      // A request without Host (HTTP/1.0) is served; one whose Host or URL cannot make a URL gets
      // ACS's 400 rather than the adapter's empty one.
      hostname: 'localhost',
      errorHandler: (err) => unreadable(mock, 400, err instanceof Error ? err.message : String(err)),
    },
  )
  const server = createServer({ requireHostHeader: false }, (req, res) => void listener(req, res))
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => answerClientError(mock, err, socket))
  try {
    await listen(server, resolved.port, resolved.host)
  } catch (err) {
    mock.dispose()
    throw err
  }
  const port = (server.address() as AddressInfo).port
  const url = `http://${hostForUrl(resolved.host)}:${port}`
  let closing: Promise<void> | undefined
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      mock.dispose()
      server.close(() => resolve())
      server.closeAllConnections()
    }))
  return Object.assign(mock, {
    url,
    apiUrl: url + CORE_BASE,
    authUrl: url + AUTH_BASE,
    port,
    close,
    [Symbol.asyncDispose]: close,
  })
}

/**
 * A request Node's HTTP parser cannot read (a malformed request line, headers past 16 KiB, a bad
 * Content-Length) never reaches the app; Node would answer a bare 400 or 431. It gets ACS's error
 * body instead, like every other 4xx of the mock, and the connection is closed.
 */
function answerClientError(mock: AlfrescoMock, err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
  const body = errorBody(mock, status, err.message || 'malformed HTTP')
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`, `Content-Type: ${JSON_CONTENT_TYPE}`, `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close']
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`)
}

function errorBody(mock: AlfrescoMock, status: number, reason: string): string {
  const e = errors.apiDefault(status, `Failed to read the request: ${reason.slice(0, 200)}. Please send well-formed HTTP/1.1.`)
  return JSON.stringify(toErrorBody(e, { now: mock.clock.now(), counter: 0, logId: randomUUID() }))
}

function unreadable(mock: AlfrescoMock, status: number, reason: string): Response {
  return new Response(errorBody(mock, status, reason), { status, headers: { 'Content-Type': JSON_CONTENT_TYPE, ...NEVER_CACHE } })
}

/** A URL a client can call: the wildcard addresses are reached through loopback. */
function hostForUrl(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::' || host === '[::]') return '[::1]'
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening)
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(host, port) : err)
    }
    const onListening = () => {
      server.off('error', onError)
      resolve()
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, host)
  })
}
