/**
 * The packaged scenarios as the official client, @alfresco/js-api v10, meets them over a real
 * socket, driven the way Alfresco's UI drives a download (ADF polls getDownload every second; the
 * test advances the mock's manual clock instead of waiting). No answer here is validated against
 * the spec: several are broken on purpose.
 */
import { AlfrescoApi, ContentApi, DownloadsApi, NodesApi } from '@alfresco/js-api'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startAlfrescoMock, type ManualStartedAlfrescoMock } from '../../src/index.js'
import { entryNames, unzip } from '../support/unzip.js'

const FILES = ['7279b5c5-da55-4e98-8b12-72d33b90c810', '1cf35d69-f85f-4446-94cd-f31ccf16c2e3']
const POLL_MS = 1_000
const HOUR = 3_600_000

let mock: ManualStartedAlfrescoMock
let api: AlfrescoApi
let downloads: DownloadsApi
let nodes: NodesApi

// The cleaner is off so that "stuck" can be shown over days of clock; it is tested elsewhere.
beforeAll(async () => {
  mock = await startAlfrescoMock({ port: 0, clock: 'manual', downloads: { cleaner: { enabled: false } } })
})
afterAll(() => mock?.close())

async function connect(url: string): Promise<void> {
  api = new AlfrescoApi({ hostEcm: url, provider: 'ECM', authType: 'BASIC' })
  downloads = new DownloadsApi(api)
  nodes = new NodesApi(api)
  await api.login('admin', 'admin')
}
beforeEach(() => connect(mock.url))
afterEach(() => mock.reset())

const contentOf = async (id: string) => (await nodes.getNodeContent(id)) as unknown as Buffer
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved' as const,
    (e: { status?: number }) => e.status ?? 'rejected',
  )
const create = async () => (await downloads.createDownload({ nodeIds: FILES })).entry.id!

/** ADF's loop: poll, and wait a second (advance the clock) until DONE. Statuses seen, in order. */
async function adfPolls(id: string, polls: number, waitMs = POLL_MS): Promise<string[]> {
  const seen: string[] = []
  for (let i = 0; i < polls; i++) {
    const status = (await downloads.getDownload(id)).entry.status!
    seen.push(status)
    if (status === 'DONE') break
    mock.clock.advance(waitMs)
  }
  return seen
}

describe('download scripts through @alfresco/js-api', () => {
  it.each(['stuck-pending', 'stuck-in-progress'])('%s: the download never finishes however far the clock advances', async (name) => {
    mock.useScenario(name)
    const id = await create()
    // 59 minutes between polls: a day and more of clock, and the ticket (1 h of inactivity) lives.
    const seen = await adfPolls(id, 30, HOUR - 60_000)
    expect(seen).toHaveLength(30)
    expect(seen).not.toContain('DONE')
    expect(seen.at(-1)).toBe(name === 'stuck-pending' ? 'PENDING' : 'IN_PROGRESS')
    expect(await outcome(contentOf(id))).toBe(404)
  })

  it('cancelled-by-server: ADF would poll for ever: CANCELLED holds and there is no content', async () => {
    mock.useScenario('cancelled-by-server')
    const id = await create()
    expect(await adfPolls(id, 5)).toEqual(['PENDING', 'IN_PROGRESS', 'CANCELLED', 'CANCELLED', 'CANCELLED'])
    expect(await outcome(contentOf(id))).toBe(404)
  })

  it('max-content-size-exceeded: the client reads bytesAdded = the limit and filesAdded 0', async () => {
    mock.useScenario('max-content-size-exceeded')
    const id = await create()
    await downloads.getDownload(id)
    const { entry } = await downloads.getDownload(id)
    expect(entry).toEqual({ id, status: 'MAX_CONTENT_SIZE_EXCEEDED', bytesAdded: 2_152_852_358, totalBytes: 56, filesAdded: 0, totalFiles: 2 })
  })

  it('cleaned-while-polling: getDownload rejects with 404 on the third poll, and so does getNode', async () => {
    mock.useScenario('cleaned-while-polling')
    const id = await create()
    expect(await adfPolls(id, 2)).toEqual(['PENDING', 'IN_PROGRESS'])
    expect(await outcome(downloads.getDownload(id))).toBe(404)
    expect(await outcome(nodes.getNode(id))).toBe(404)
  })
})

describe('faults through @alfresco/js-api', () => {
  it('flaky-status: getDownload rejects with status 503 on the 2nd poll and succeeds on the next', async () => {
    mock.useScenario('flaky-status')
    const id = await create()
    expect((await downloads.getDownload(id)).entry.status).toBe('PENDING')
    mock.clock.advance(POLL_MS)
    const failure = (await downloads.getDownload(id).then(() => undefined, (e: unknown) => e)) as { status?: number; message?: string }
    expect(failure.status).toBe(503)
    expect(JSON.parse(failure.message!).error).toMatchObject({ statusCode: 503, errorKey: 'framework.exception.ApiDefault' })
    expect((await downloads.getDownload(id)).entry.status).toBe('DONE')
  })

  it('content-connection-reset: getNodeContent fails once, then the retry gets the whole ZIP', async () => {
    mock.useScenario('content-connection-reset')
    const id = await create()
    expect(await adfPolls(id, 5)).toContain('DONE')
    expect(await outcome(contentOf(id))).toBe('rejected')
    expect(await entryNames(await contentOf(id))).toEqual(['test-file-1.txt', 'test-file-2.txt'])
    expect(mock.requests.filter((e) => e.template === '/nodes/{id}/content').map((e) => e.status)).toEqual([0, 200])
  })

  it('corrupt-zip: getNodeContent resolves with a ZIP whose first file fails the CRC check', async () => {
    mock.useScenario('corrupt-zip')
    const id = await create()
    await adfPolls(id, 5)
    const zip = await contentOf(id)
    await expect(unzip(zip)).rejects.toThrow(/CRC mismatch in test-file-1\.txt/)
  })

  it('truncated-zip: the body stops at half of the promised Content-Length', async () => {
    mock.useScenario('truncated-zip')
    const id = await create()
    await adfPolls(id, 5)
    expect(await outcome(contentOf(id))).toBe('rejected')
    // The link ADF puts into <a download>, read as a browser would: half the bytes, then an error.
    const res = await fetch(new ContentApi(api).getContentUrl(id, true))
    const promised = Number(res.headers.get('content-length'))
    let received = 0
    const reader = res.body!.getReader()
    const end = await (async () => {
      for (let c = await reader.read(); !c.done; c = await reader.read()) received += c.value.length
    })().then(() => 'complete', () => 'failed')
    expect(end).toBe('failed')
    expect(received).toBe(Math.floor(promised / 2))
  })

  it('ticket-expires: after a minute without use the next call is 401, and a new login works', async () => {
    mock.useScenario('ticket-expires')
    expect((await nodes.getNode('-root-')).entry.id).toBeDefined()
    mock.clock.advance(60_000)
    expect(await outcome(nodes.getNode('-root-'))).toBe(401)
    await api.login('admin', 'admin')
    expect((await nodes.getNode('-root-')).entry.id).toBeDefined()
  })
})

describe('slow-zip through @alfresco/js-api', () => {
  const PART = 256 * 1024
  let slow: ManualStartedAlfrescoMock
  beforeAll(async () => {
    const users = [{ id: 'admin', password: 'admin', admin: true }]
    const parts = [1, 2, 3, 4, 5].map((n) => ({ name: `part-${n}.bin`, size: '256KiB' }))
    slow = await startAlfrescoMock({ port: 0, clock: 'manual', scenario: 'slow-zip', fixtures: { users, nodes: [{ name: 'Demo', id: 'demo', children: parts }] } })
  })
  afterAll(() => slow?.close())

  it('finishes after its timings, and the ZIP arrives only as the clock releases 64 KiB chunks', async () => {
    await connect(slow.url)
    const id = (await downloads.createDownload({ nodeIds: ['demo'] })).entry.id!
    const seen: { status: string; percent: number }[] = []
    for (let i = 0; i < 12 && seen.at(-1)?.status !== 'DONE'; i++) {
      const { entry } = await downloads.getDownload(id)
      seen.push({ status: entry.status!, percent: entry.totalBytes ? Math.round((entry.bytesAdded! * 100) / entry.totalBytes) : 0 })
      slow.clock.advance(POLL_MS)
    }
    expect(seen.map((s) => s.status)).toEqual([...Array<string>(2).fill('PENDING'), ...Array<string>(7).fill('IN_PROGRESS'), 'DONE'])
    expect(seen.map((s) => s.percent)).toEqual([0, 0, 2, 2, 22, 22, 62, 62, 82, 100])

    let settled = false
    const pending = contentOf(id).finally(() => (settled = true))
    await slow.waitForRequest({ method: 'GET', path: '/nodes/{id}/content' })
    expect(settled).toBe(false)
    const size = (await nodes.getNode(id)).entry.content!.sizeInBytes
    slow.clock.advance(50 * Math.ceil(size / 65_536))
    const zip = await pending
    expect(zip.length).toBe(size)
    expect(await entryNames(zip)).toEqual(['Demo/', ...[1, 2, 3, 4, 5].map((n) => `Demo/part-${n}.bin`)])
    expect(size).toBeGreaterThan(5 * PART)
  })
})
