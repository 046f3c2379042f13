import { request } from 'node:http'
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { startAlfrescoMock } from '../../src/index.js'
import { expectIntactState, learn, MAX_REQUEST_MS, problemOf, type Answer } from './check.js'
import { FUZZ_FIXTURES } from './fixtures.js'
import { describeRequest, nextRequest, routesOf, type FuzzRequest, type Known } from './generate.js'
import { fuzzSeed, long, oddString, Random } from './random.js'

// The socket share of issue 8's fuzz suite: what only a real connection can carry — hostile
// headers (huge, duplicated, non-ASCII, Host), malformed HTTP — through node:http (which, unlike
// fetch, sends what it is given) and raw TCP. FUZZ_SEED=n replays a run.
const SEED = fuzzSeed()
const REQUESTS = Number(process.env.FUZZ_SOCKET_REQUESTS ?? 600)
console.log(`fuzz (socket): seed ${SEED}, ${REQUESTS} requests; replay with FUZZ_SEED=${SEED}`)

/** Headers only a socket carries, added to a fuzzed request. */
function hostile(r: Random, port: number): Record<string, string> {
  switch (r.int(8)) {
    case 0:
      return { 'x-huge': 'x'.repeat(r.pick([8_000, 20_000])) }
    case 1:
      return { host: r.pick(['attacker.example', `localhost:${port}`, '127.0.0.1', '[::1]', `${oddString(r).replace(/[^\x21-\x7e]/g, '')}:1`]) }
    case 2:
      return { 'content-length': r.pick(['-1', 'abc', '99999999999', '0']) }
    case 3:
      return { 'x-latin1': 'é\u00ff', accept: oddString(r).replace(/[^\x20-\x7e]/g, '') }
    case 4:
      return Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`x-h${i}`, 'v']))
    case 5:
      return { origin: r.pick(['https://attacker.example', 'null', `http://localhost:${port}`]) }
    default:
      return {}
  }
}

function send(port: number, req: FuzzRequest, extra: Record<string, string>): Promise<Answer> {
  const started = performance.now()
  return new Promise((resolve) => {
    const body = typeof req.body?.body === 'string' ? req.body.body : req.body?.body instanceof Uint8Array ? Buffer.from(req.body.body) : undefined
    const headers = { ...req.headers, ...extra }
    // Node refuses to send some fuzzed values (bad header characters, a path with spaces, a
    // Content-Length it cannot keep): no request, so no answer to check.
    const refused = (err: Error) => resolve({ status: -2, contentType: '', text: err.message, ms: performance.now() - started })
    let r: ReturnType<typeof request>
    try {
      // agent: false — a connection per request, so a lying Content-Length cannot spill into the next one.
      r = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers, setHost: !('host' in extra), timeout: MAX_REQUEST_MS * 2, agent: false }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (b: Buffer) => parts.push(b))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(parts).toString('utf8'), ms: performance.now() - started }))
      res.on('error', () => resolve({ status: -1, contentType: '', text: 'response aborted', ms: performance.now() - started }))
    })
    } catch (err) {
      refused(err as Error)
      return
    }
    r.on('timeout', () => r.destroy(new Error('timeout')))
    r.on('error', refused)
    try {
      if (body !== undefined && !('content-length' in extra)) r.end(body)
      else r.end()
    } catch (err) {
      refused(err as Error)
    }
  })
}

/** Raw bytes on a connection; resolves with the answer's first line and body once the server ends it. */
function raw(port: number, bytes: string): Promise<{ text: string; ms: number }> {
  const started = performance.now()
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes))
    const parts: Buffer[] = []
    socket.on('data', (b: Buffer) => parts.push(b))
    socket.on('close', () => resolve({ text: Buffer.concat(parts).toString('latin1'), ms: performance.now() - started }))
    socket.on('error', () => undefined)
    socket.setTimeout(MAX_REQUEST_MS * 2, () => socket.destroy())
  })
}

const MALFORMED_HTTP = [
  'GARBAGE\r\n\r\n',
  'GET / HTTP/9.9\r\nHost: localhost\r\n\r\n',
  'GET /__mock/health HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello',
  'POST /__mock/reset HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
  `GET /${'a'.repeat(70_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
  `GET /__mock/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
  'GET /__mock/health HTTP/1.1\r\nHost: local host\r\n\r\n',
  'GET /__mock/health HTTP/1.0\r\n\r\n',
  'GET http://attacker.example/__mock/health HTTP/1.1\r\nHost: attacker.example\r\n\r\n',
  'GET /alfresco/api/-default-/public/alfresco/versions/1/nodes/-root- HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic \u00ff\u00fe\r\n\r\n',
  'GET /__mock/health HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n',
  'GET /\u0000 HTTP/1.1\r\nHost: localhost\r\n\r\n',
]

describe(`fuzzing every route over a socket (seed ${SEED})`, () => {
  it(`answers ${REQUESTS} requests with hostile headers and malformed HTTP without a 5xx, with ACS's error body on every 4xx`, async () => {
    const logged: string[] = []
    const mock = await startAlfrescoMock({ port: 0, clock: 'manual', fixtures: FUZZ_FIXTURES, logLevel: 'error', logger: (l) => logged.push(l) })
    try {
      const routes = routesOf(mock.app.routes)
      const known: Known = { nodeIds: [...mock.store.all()].map((n) => n.id), downloadIds: [], tickets: [] }
      const r = new Random(SEED)
      const failures: string[] = []
      for (let i = 0; i < REQUESTS && failures.length < 10; i++) {
        const req = nextRequest(r, routes, known)
        if (req.body?.body instanceof FormData) delete req.body // multipart is fuzzed in-process
        const extra = hostile(r, mock.port)
        logged.length = 0
        const answer = await send(mock.port, req, extra)
        const problem = answer.status < 0 ? (answer.ms > MAX_REQUEST_MS ? `no answer within ${answer.ms.toFixed(0)} ms` : undefined) : problemOf(req, answer, logged)
        learn(known, req, answer)
        if (problem) failures.push(`seed ${SEED} request #${i}: ${describeRequest(req)} extra=${JSON.stringify(extra).slice(0, 200)}\n  → ${problem}`)
        if (r.chance(0.02)) mock.clock.advance(r.pick([250, 60_000]))
      }
      for (const bytes of [...MALFORMED_HTTP, `GET /${encodeURIComponent(long(r))} HTTP/1.1\r\nHost: localhost\r\n\r\n`]) {
        const { text, ms } = await raw(mock.port, bytes)
        const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0)
        const body = text.slice(text.indexOf('\r\n\r\n') + 4)
        const what = `seed ${SEED} raw ${JSON.stringify(bytes.slice(0, 120))}`
        if (ms > MAX_REQUEST_MS) failures.push(`${what} → took ${ms.toFixed(0)} ms`)
        else if (status >= 500 && status !== 501) failures.push(`${what} → ${text.slice(0, 200)}`)
        else if (status >= 400 && !/"errorKey"/.test(body)) failures.push(`${what} → ${status} without ACS's error body: ${JSON.stringify(text.slice(0, 200))}`)
      }
      expect(failures, `replay with FUZZ_SEED=${SEED}`).toEqual([])
      await expectIntactState(mock, (ms) => mock.clock.advance(ms))
    } finally {
      await mock.close()
    }
  }, 120_000)
})
