import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startAlfrescoMock, type ManualStartedAlfrescoMock } from '../../src/index.js'
import { ADMIN } from '../support/http.js'

interface ListOfNodes {
  list: { entries: { entry: { id: string; isFile: boolean; content?: { sizeInBytes: number } } }[] }
}
type FetchFailure = TypeError & { cause?: { code?: string } }

let mock: ManualStartedAlfrescoMock
let file: { id: string; size: number }
beforeAll(async () => {
  mock = await startAlfrescoMock({ port: 0, clock: 'manual' })
  const r = await fetch(`${mock.apiUrl}/nodes/-shared-/children`, { headers: { authorization: ADMIN } })
  const entries = ((await r.json()) as ListOfNodes).list.entries.map((e) => e.entry)
  const found = entries.find((e) => e.isFile && (e.content?.sizeInBytes ?? 0) > 0)!
  file = { id: found.id, size: found.content!.sizeInBytes }
  mock.clearRequests()
})
afterEach(() => {
  mock.useScenario(undefined)
  mock.reset()
})
afterAll(() => mock.close())

const content = () => fetch(`${mock.apiUrl}/nodes/${file.id}/content`, { headers: { authorization: ADMIN } })
const failure = async (p: Promise<unknown>) => (await p.then(() => undefined, (e: unknown) => e)) as FetchFailure

describe('connection faults over a real socket', () => {
  it('connection-reset: the client sees "fetch failed" caused by ECONNRESET, and the retry succeeds', async () => {
    mock.useScenario('content-connection-reset')
    const err = await failure(content())
    expect(err).toBeInstanceOf(TypeError)
    expect(err.message).toBe('fetch failed')
    expect(err.cause?.code).toBe('ECONNRESET')
    const retry = await content()
    expect(retry.status).toBe(200)
    expect((await retry.arrayBuffer()).byteLength).toBe(file.size)
    expect(mock.requests.map((e) => e.status)).toEqual([0, 200])
  })

  it('empty-response: the socket closes with nothing written, and fetch fails', async () => {
    mock.useScenario({ faults: [{ match: { path: '/nodes/{id}/content' }, times: 1, fault: 'empty-response' }] })
    const err = await failure(content())
    expect(err).toBeInstanceOf(TypeError)
    expect(err.message).toBe('fetch failed')
    expect(err.cause?.code).toBe('UND_ERR_SOCKET')
    expect(mock.requests[0]).toMatchObject({ status: 0, fault: 'empty-response', rule: 0 })
  })

  it('truncate: the headers promise the whole body, part of it arrives, then the connection ends', async () => {
    mock.useScenario({ faults: [{ match: { path: '/nodes/{id}/content' }, fault: { type: 'truncate', bytes: 50 } }] })
    const r = await content()
    expect(r.status).toBe(200)
    expect(r.headers.get('content-length')).toBe(String(file.size))
    let received = 0
    const reader = r.body!.getReader()
    const err = await failure(
      (async () => {
        for (let c = await reader.read(); !c.done; c = await reader.read()) received += c.value.length
      })(),
    )
    expect(err).toBeInstanceOf(TypeError)
    expect(received).toBe(50)
    expect(mock.requests[0]).toMatchObject({ status: 200, fault: 'truncate' })
  })

  it("dribble: chunks cross the socket as the mock's clock advances", async () => {
    mock.useScenario({ faults: [{ match: { path: '/nodes/{id}/content' }, fault: { type: 'dribble', chunk: 64, every: '1s' } }] })
    const r = await content()
    expect(r.headers.get('content-length')).toBe(String(file.size))
    mock.clock.advance(Math.ceil(file.size / 64) * 1_000)
    expect((await r.arrayBuffer()).byteLength).toBe(file.size)
  })
})
