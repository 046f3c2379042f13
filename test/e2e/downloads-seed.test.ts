/**
 * Alfresco's "Download multiple files" page, replayed over a real socket with the page's own
 * requests: the same headers, ticket and body string, byte for byte. Every answer is checked
 * against ACS's OpenAPI spec (conformingFetch), and the ZIP is opened with yauzl, not jszip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAlfrescoMock, type ManualStartedAlfrescoMock } from '../../src/index.js'
import { conformingFetch } from '../support/spec.js'
import { unzip } from '../support/unzip.js'

const FILE_1 = '7279b5c5-da55-4e98-8b12-72d33b90c810'
const FILE_2 = '1cf35d69-f85f-4446-94cd-f31ccf16c2e3'
/** `Authorization: Basic base64(TICKET_08eb…)`, as the page sends it. */
const SEED_AUTH = 'Basic VElDS0VUXzA4ZWI3ZTJlMmMxNzk2NGNhNTFmMGYzMzE4NmNjMmZjOWQ1NmQ1OTM='
/** The page's `-d` argument, unchanged. */
const SEED_BODY = '{"nodeIds":["7279b5c5-da55-4e98-8b12-72d33b90c810","1cf35d69-f85f-4446-94cd-f31ccf16c2e3"]}'

let mock: ManualStartedAlfrescoMock

beforeAll(async () => {
  mock = await startAlfrescoMock({ port: 0, clock: 'manual' })
})

afterAll(async () => {
  await mock?.close()
})

/** `curl -X GET -H 'Accept: …' -H 'Authorization: …' <url>` */
const curlGet = (path: string, accept: string) =>
  conformingFetch(`${mock.apiUrl}${path}`, { headers: { Accept: accept, Authorization: SEED_AUTH } })

describe("the seed example of Alfresco's download documentation, over a socket", () => {
  it('answers the POST with 202 PENDING and exactly six zero-counter fields', async () => {
    const res = await conformingFetch(`${mock.apiUrl}/downloads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: SEED_AUTH },
      body: SEED_BODY,
    })
    expect(res.status).toBe(202)
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    const { entry } = (await res.json()) as { entry: Record<string, unknown> }
    expect(Object.keys(entry).sort()).toEqual(['bytesAdded', 'filesAdded', 'id', 'status', 'totalBytes', 'totalFiles'])
    expect(entry).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      status: 'PENDING',
      filesAdded: 0,
      bytesAdded: 0,
      totalBytes: 0,
      totalFiles: 0,
    })
  })

  it('reports DONE 2/56/56/2 once the clock has moved, and serves a ZIP of the two files with their exact bytes', async () => {
    const created = await conformingFetch(`${mock.apiUrl}/downloads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: SEED_AUTH },
      body: SEED_BODY,
    })
    const { id } = ((await created.json()) as { entry: { id: string } }).entry

    // Before the clock moves the zipper has not started: no ZIP yet (ACS's 404 for missing content).
    const pending = await curlGet(`/downloads/${id}`, 'application/json')
    expect(await pending.json()).toMatchObject({ entry: { status: 'PENDING' } })
    expect((await curlGet(`/nodes/${id}/content`, 'application/octet-stream')).status).toBe(404)

    mock.clock.advance(1_000)
    const status = await curlGet(`/downloads/${id}`, 'application/json')
    expect(status.status).toBe(200)
    expect(await status.json()).toEqual({
      entry: { id, status: 'DONE', filesAdded: 2, bytesAdded: 56, totalBytes: 56, totalFiles: 2 },
    })

    const content = await curlGet(`/nodes/${id}/content`, 'application/octet-stream')
    expect(content.status).toBe(200)
    expect(content.headers.get('content-type')).toBe('application/octet-stream;charset=UTF-8')
    expect(content.headers.get('content-disposition')).toBe(`attachment; filename="archive.zip"; filename*=UTF-8''archive.zip`)
    const zip = Buffer.from(await content.arrayBuffer())
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04')
    expect(Number(content.headers.get('content-length'))).toBe(zip.byteLength)

    // The bytes each file has on its own, as the same API serves them.
    const original = async (fileId: string) =>
      Buffer.from(await (await curlGet(`/nodes/${fileId}/content`, 'application/octet-stream')).arrayBuffer())
    const [one, two] = [await original(FILE_1), await original(FILE_2)]
    expect(one.byteLength + two.byteLength).toBe(56)

    const entries = await unzip(zip)
    expect(entries.map((e) => e.name)).toEqual(['test-file-1.txt', 'test-file-2.txt'])
    expect(entries[0]!.bytes.equals(one)).toBe(true)
    expect(entries[1]!.bytes.equals(two)).toBe(true)
    expect(entries.every((e) => e.method === 8)).toBe(true)
  })
})
