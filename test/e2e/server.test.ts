import { createServer, request as httpRequest, type Agent } from 'node:http'
import { Agent as KeepAliveAgent } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { PortInUseError, startAlfrescoMock } from '../../src/index.js'
import { ADMIN } from '../support/http.js'

const CORE = '/alfresco/api/-default-/public/alfresco/versions/1'
const AUTH = '/alfresco/api/-default-/public/authentication/versions/1'

/** A GET over a given agent, so a test can hold a keep-alive connection open. */
function getVia(agent: Agent, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent, headers: { authorization: ADMIN } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('startAlfrescoMock', () => {
  const started: { close(): Promise<void> }[] = []
  afterAll(async () => {
    await Promise.all(started.map((m) => m.close()))
  })

  it('listens on a free port with port 0 and serves the API and the control API over the socket', async () => {
    const mock = await startAlfrescoMock({ port: 0 })
    started.push(mock)
    expect(mock.port).toBeGreaterThan(0)
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`)
    expect(mock.apiUrl).toBe(`${mock.url}${CORE}`)
    expect(mock.authUrl).toBe(`${mock.url}${AUTH}`)

    const health = await fetch(`${mock.url}/__mock/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'UP', clock: 'system' })

    const root = await fetch(`${mock.apiUrl}/nodes/-root-`, { headers: { authorization: ADMIN } })
    expect(root.status).toBe(200)
    expect(root.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    expect(((await root.json()) as { entry: { name: string } }).entry.name).toBe('Company Home')

    const anonymous = await fetch(`${mock.apiUrl}/nodes/-root-`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="Alfresco -default- tenant"')
  })

  it('gives two mocks started on port 0 two different ports and separate state', async () => {
    const a = await startAlfrescoMock({ clock: 'manual' })
    const b = await startAlfrescoMock({ clock: 'manual' })
    started.push(a, b)
    expect(a.port).not.toBe(b.port)
    a.clock.advance(60_000)
    expect(a.clock.now() - b.clock.now()).toBe(60_000)
  })

  it('closes idempotently: a second close resolves too, and the port stops answering', async () => {
    const mock = await startAlfrescoMock()
    const first = mock.close()
    const second = mock.close()
    expect(second).toBe(first)
    await first
    await mock.close()
    await expect(fetch(`${mock.url}/__mock/health`)).rejects.toThrow()
  })

  it('closes even while a client holds a keep-alive connection open', async () => {
    const mock = await startAlfrescoMock()
    const agent = new KeepAliveAgent({ keepAlive: true })
    try {
      const r = await getVia(agent, `${mock.url}/__mock/health`)
      expect(r.status).toBe(200)
      // The socket is idle in the agent's pool now; close() must not wait for keepAliveTimeout.
      expect(Object.keys(agent.freeSockets)).toHaveLength(1)
      await mock.close()
      await expect(fetch(`${mock.url}/__mock/health`)).rejects.toThrow()
    } finally {
      agent.destroy()
    }
  })

  it('closes at the end of the block with `await using`', async () => {
    let url = ''
    {
      await using mock = await startAlfrescoMock()
      url = mock.url
      expect((await fetch(`${url}/__mock/health`)).status).toBe(200)
    }
    await expect(fetch(`${url}/__mock/health`)).rejects.toThrow()
  })

  it('rejects with PortInUseError when the port is taken, and the process carries on serving', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as AddressInfo
    try {
      const attempt = startAlfrescoMock({ port })
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError)
      await expect(attempt).rejects.toThrow(
        `Failed to start alfresco-mock-server: port ${port} on 127.0.0.1 is already in use. Please stop what uses it or pass --port 0 for a free port.`,
      )
      const err = (await attempt.catch((e: unknown) => e)) as PortInUseError
      expect(err.port).toBe(port)
      expect(err.host).toBe('127.0.0.1')
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()))
    }
    // Nothing was left half-started: the same port can now be used.
    await using mock = await startAlfrescoMock({ port })
    expect(mock.port).toBe(port)
    expect((await fetch(`${mock.url}/__mock/health`)).status).toBe(200)
  })

  it('rejects bad options before touching the network', async () => {
    await expect(startAlfrescoMock({ port: 70_000 })).rejects.toThrow(
      'Failed to create the mock: port "70000" is not a port number. Please pass 0–65535 (0 picks a free port).',
    )
  })

  it('registers no signal handlers: those belong to the CLI', async () => {
    const before = { int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM') }
    await using _mock = await startAlfrescoMock()
    expect(process.listenerCount('SIGINT')).toBe(before.int)
    expect(process.listenerCount('SIGTERM')).toBe(before.term)
  })
})
