/**
 * The packaged scenarios that inject faults (and ticket-expires), each proved through the public
 * API in-process on a manual clock. Downloads here follow the default `time` policy; the faults
 * act on the requests around them.
 */
import { describe, expect, it } from 'vitest'
import { createAlfrescoMock, type ManualAlfrescoMock } from '../../src/index.js'
import { CORE_BASE } from '../../src/http/context.js'
import { ADMIN, expectAlfrescoError, get, post, ticketAuth } from '../support/http.js'
import { entryNames, unzip } from '../support/unzip.js'

const FILES = ['7279b5c5-da55-4e98-8b12-72d33b90c810', '1cf35d69-f85f-4446-94cd-f31ccf16c2e3']
type FetchFailure = TypeError & { cause?: { code?: string } }

const mockWith = (scenario: string): ManualAlfrescoMock => createAlfrescoMock({ clock: 'manual', scenario })

/** A download of the two test files, polled to DONE without faults in the way. */
async function doneDownload(mock: ManualAlfrescoMock): Promise<string> {
  const id = (await post(mock, '/downloads', { nodeIds: FILES })).json.entry.id as string
  mock.clock.advance(1_000)
  return id
}

const content = (mock: ManualAlfrescoMock, id: string) =>
  mock.fetch(new Request(`http://mock.test${CORE_BASE}/nodes/${id}/content`, { headers: { authorization: ADMIN } }))

describe('flaky-status', () => {
  it('answers 503 with an ACS error body on the 2nd and 4th status polls, and the download still finishes', async () => {
    // The `polls` policy: a 503 never reaches the download, so it is no status read either.
    const mock = createAlfrescoMock({ clock: 'manual', scenario: 'flaky-status', downloads: { progression: 'polls' } })
    const id = (await post(mock, '/downloads', { nodeIds: FILES })).json.entry.id as string
    const answers: (number | string)[] = []
    for (let i = 0; i < 6; i++) {
      const r = await get(mock, `/downloads/${id}`, { validate: false })
      if (r.status === 503) expectAlfrescoError(r, 503, 'framework.exception.ApiDefault')
      answers.push(r.status === 200 ? (r.json.entry.status as string) : r.status)
    }
    expect(answers).toEqual(['PENDING', 503, 'IN_PROGRESS', 503, 'IN_PROGRESS', 'DONE'])
    const journaled = mock.requests.filter((e) => e.template === '/downloads/{id}')
    expect(journaled.map((e) => [e.status, e.scenario, e.fault])).toEqual([
      [200, 'flaky-status', undefined],
      [503, 'flaky-status', 'respond'],
      [200, 'flaky-status', undefined],
      [503, 'flaky-status', 'respond'],
      [200, 'flaky-status', undefined],
      [200, 'flaky-status', undefined],
    ])
  })
})

describe('content-connection-reset', () => {
  it('fails the first content read as fetch does on ECONNRESET, then serves the ZIP', async () => {
    const mock = mockWith('content-connection-reset')
    const id = await doneDownload(mock)
    expect((await get(mock, `/downloads/${id}`)).json.entry.status).toBe('DONE')
    const err = (await content(mock, id).then(() => undefined, (e: unknown) => e)) as FetchFailure
    expect(err).toBeInstanceOf(TypeError)
    expect(err.message).toBe('fetch failed')
    expect(err.cause?.code).toBe('ECONNRESET')
    const retry = await content(mock, id)
    expect(retry.status).toBe(200)
    expect(await entryNames(new Uint8Array(await retry.arrayBuffer()))).toEqual(['test-file-1.txt', 'test-file-2.txt'])
  })
})

describe('corrupt-zip', () => {
  it('damages every ZIP so that its first file fails the CRC check, and leaves other content alone', async () => {
    const mock = mockWith('corrupt-zip')
    const id = await doneDownload(mock)
    const r = await get(mock, `/nodes/${id}/content`)
    expect(r.status).toBe(200)
    expect(r.bytes.subarray(0, 4).toString('hex')).toBe('504b0304')
    await expect(unzip(r.bytes)).rejects.toThrow(/^CRC mismatch in test-file-1\.txt/)
    await expect(unzip((await get(mock, `/nodes/${id}/content`)).bytes)).rejects.toThrow(/CRC mismatch/)
    expect((await get(mock, `/nodes/${FILES[0]}/content`)).text).toBe('This is test file number 1.\n')
  })
})

describe('truncated-zip', () => {
  it('promises the whole ZIP in Content-Length, sends half of it, then ends the body with an error', async () => {
    const mock = mockWith('truncated-zip')
    const id = await doneDownload(mock)
    const size = (await get(mock, `/nodes/${id}`)).json.entry.content.sizeInBytes as number
    const r = await content(mock, id)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-length')).toBe(String(size))
    let received = 0
    const reader = r.body!.getReader()
    const failure = await (async () => {
      for (let c = await reader.read(); !c.done; c = await reader.read()) received += c.value.length
    })().then(() => undefined, (e: unknown) => e)
    expect(failure).toBeInstanceOf(TypeError)
    expect(received).toBe(Math.floor(size / 2))
  })
})

describe('ticket-expires', () => {
  it("expires a ticket after one minute without use: the next call gets ACS's 401", async () => {
    const mock = mockWith('ticket-expires')
    const ticket = (await post(mock, '/tickets', { userId: 'admin', password: 'admin' }, { base: 'auth', auth: null })).json.entry.id as string
    const auth = ticketAuth(ticket)
    expect((await get(mock, '/nodes/-root-', { auth })).status).toBe(200)
    mock.clock.advance(59_999)
    expect((await get(mock, '/nodes/-root-', { auth })).status).toBe(200)
    mock.clock.advance(60_000)
    const r = await get(mock, '/nodes/-root-', { auth })
    const e = expectAlfrescoError(r, 401, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toMatch(/^\d{8} Authentication failed for Web Script org\/alfresco\/api\/ResourceWebScript\.get$/)
    expect(r.headers.get('www-authenticate')).toBe('Basic realm="Alfresco -default- tenant"')
    expect((await get(mock, '/nodes/-root-')).status).toBe(200)
  })

  it("keeps ACS's hour once the scenario is cleared", async () => {
    const mock = mockWith('ticket-expires')
    mock.useScenario(undefined)
    const ticket = (await post(mock, '/tickets', { userId: 'admin', password: 'admin' }, { base: 'auth', auth: null })).json.entry.id as string
    mock.clock.advance(59 * 60_000)
    expect((await get(mock, '/nodes/-root-', { auth: ticketAuth(ticket) })).status).toBe(200)
  })
})
