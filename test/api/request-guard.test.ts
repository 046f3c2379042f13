import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostnameOf, isLoopback } from '../../src/http/request-guard.js'
import { createAlfrescoMock, startAlfrescoMock, type ManualStartedAlfrescoMock } from '../../src/index.js'

// Issue 8 item 7: DNS rebinding (Host) and cross-site requests to the control API (Origin), over a
// real socket with node:http, which sends the Host header it is given (fetch would not).
const ADMIN = `Basic ${Buffer.from('admin:admin').toString('base64')}`

interface Answer {
  status: number
  json: { error?: { errorKey: string; briefSummary: string } } & Record<string, unknown>
}

function send(port: number, method: string, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (b: Buffer) => parts.push(b))
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8')
        resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as Answer['json']) : {} })
      })
    })
    req.on('error', reject)
    req.end()
  })
}

describe('a mock bound to 127.0.0.1', () => {
  let mock: ManualStartedAlfrescoMock
  beforeAll(async () => {
    mock = await startAlfrescoMock({ port: 0, clock: 'manual' })
  })
  afterAll(() => mock.close())
  const node = (host: string) => send(mock.port, 'GET', '/alfresco/api/-default-/public/alfresco/versions/1/nodes/-root-', { host, authorization: ADMIN })

  it('answers loopback names and the bound address, with and without a port', async () => {
    for (const host of ['localhost', `localhost:${mock.port}`, '127.0.0.1', `127.0.0.1:${mock.port}`, '127.0.0.2:1', '[::1]', `[::1]:${mock.port}`, 'app.localhost', 'LOCALHOST.']) {
      expect([host, (await node(host)).status]).toEqual([host, 200])
    }
  })

  it('refuses any other Host with 403 in ACS shape, before the request is journaled', async () => {
    const before = mock.requests.length
    for (const host of ['attacker.example', `attacker.example:${mock.port}`, 'localhost.attacker.example', '127.0.0.1.nip.io', '[::2]', '10.0.0.1']) {
      const r = await node(host)
      expect([host, r.status, r.json.error?.errorKey]).toEqual([host, 403, 'framework.exception.PermissionDenied'])
    }
    const r = await node('attacker.example')
    expect(r.json.error?.briefSummary).toMatch(
      /^\d{8} Failed to accept the request: Host "attacker\.example" is not a name of this mock, which listens on 127\.0\.0\.1\. Please call it as localhost, 127\.0\.0\.1 or \[::1\]/,
    )
    expect(mock.requests.length).toBe(before)
  })

  it('refuses control-API requests from a foreign Origin (a cross-site form POST to /__mock/reset), and changes nothing', async () => {
    mock.clock.advance(5_000)
    const now = mock.clock.now()
    for (const origin of ['https://attacker.example', 'null', 'http://localhost.attacker.example:8080', 'garbage']) {
      const r = await send(mock.port, 'POST', '/__mock/clock/advance', { host: `127.0.0.1:${mock.port}`, origin, 'content-type': 'text/plain' })
      expect([origin, r.status, r.json.error?.errorKey]).toEqual([origin, 403, 'framework.exception.PermissionDenied'])
    }
    const reset = await send(mock.port, 'POST', '/__mock/reset', { host: 'localhost', origin: 'https://attacker.example' })
    expect(reset.json.error?.briefSummary).toMatch(/Failed to accept the request: the control API does not answer pages of other origins \(Origin "https:\/\/attacker\.example"\)/)
    expect(mock.clock.now()).toBe(now)
  })

  it('answers the control API from loopback origins, from its own origin and without one', async () => {
    for (const origin of [undefined, `http://127.0.0.1:${mock.port}`, 'http://localhost:3000', 'http://[::1]:5173']) {
      const r = await send(mock.port, 'GET', '/__mock/health', { host: `127.0.0.1:${mock.port}`, ...(origin ? { origin } : {}) })
      expect([origin, r.status]).toEqual([origin, 200])
    }
  })
})

describe('a mock bound to every interface', () => {
  it('accepts any Host (it is meant to be reached by other names), and still refuses foreign origins on /__mock', async () => {
    const mock = await startAlfrescoMock({ port: 0, host: '0.0.0.0', clock: 'manual' })
    try {
      expect((await send(mock.port, 'GET', '/__mock/health', { host: `build-agent.internal:${mock.port}` })).status).toBe(200)
      const own = await send(mock.port, 'GET', '/__mock/health', { host: `build-agent.internal:${mock.port}`, origin: `http://build-agent.internal:${mock.port}` })
      expect(own.status).toBe(200)
      expect((await send(mock.port, 'POST', '/__mock/reset', { host: `build-agent.internal:${mock.port}`, origin: 'https://attacker.example' })).status).toBe(403)
    } finally {
      await mock.close()
    }
  })
})

describe('in-process requests', () => {
  it('are no network requests: any URL host and any Origin are answered', async () => {
    const mock = createAlfrescoMock({ clock: 'manual' })
    const r = await mock.fetch(new Request('http://attacker.example/__mock/reset', { method: 'POST', headers: { origin: 'https://attacker.example' } }))
    expect(r.status).toBe(200)
  })
})

describe('the host names the guard reads', () => {
  it('parses Host headers and bind addresses', () => {
    expect(['localhost:8080', '[::1]:80', '[::1]', '::1', 'Example.COM.', '127.0.0.1', '[::1]x', 'a:b:c'].map(hostnameOf)).toEqual([
      'localhost',
      '::1',
      '::1',
      '::1',
      'example.com',
      '127.0.0.1',
      undefined,
      'a:b:c',
    ])
    expect(['localhost', 'a.localhost', '127.255.0.1', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true)
    expect(['localhostx', '128.0.0.1', '127.0.0.256', '127.0.0', '::2', 'example.com'].some(isLoopback)).toBe(false)
  })
})
