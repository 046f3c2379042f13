/**
 * The packaged scenarios that script downloads, each proved step by step through the public API,
 * in-process, on a manual clock: the statuses and counters a polling client sees, the content and
 * the download node. The test files are the two of ACS's "Download multiple files" page (28 B each).
 */
import { describe, expect, it } from 'vitest'
import { createAlfrescoMock, type ManualAlfrescoMock } from '../../src/index.js'
import type { MockOptions } from '../../src/options.js'
import { CORE_BASE } from '../../src/http/context.js'
import { ADMIN, del, expectAlfrescoError, get, post } from '../support/http.js'
import { entryNames } from '../support/unzip.js'

const FILES = ['7279b5c5-da55-4e98-8b12-72d33b90c810', '1cf35d69-f85f-4446-94cd-f31ccf16c2e3']
const DAY = 86_400_000
const LIMIT = 2_152_852_358
const NOT_FOUND = 'framework.exception.EntityNotFound'
const PART = 256 * 1024
/** Five 256 KiB synthetic files in one folder: a download big enough to show progress and chunks. */
const DEMO = {
  users: [{ id: 'admin', password: 'admin', admin: true }],
  nodes: [{ name: 'Demo', id: 'demo', children: [1, 2, 3, 4, 5].map((n) => ({ name: `part-${n}.bin`, size: '256KiB' })) }],
}
/** The counters a client reads: status, bytesAdded, totalBytes, filesAdded, totalFiles. */
type Counters = [string, number, number, number, number]

const mockWith = (scenario: string, options: MockOptions = {}): ManualAlfrescoMock =>
  createAlfrescoMock({ ...options, clock: 'manual', scenario })
const noCleaner: MockOptions = { downloads: { cleaner: { enabled: false } } }

async function create(mock: ManualAlfrescoMock, nodeIds = FILES): Promise<string> {
  const r = await post(mock, '/downloads', { nodeIds })
  expect(r.status).toBe(202)
  expect(r.json.entry.status).toBe('PENDING')
  return r.json.entry.id as string
}

async function poll(mock: ManualAlfrescoMock, id: string): Promise<Counters> {
  const r = await get(mock, `/downloads/${id}`)
  expect(r.status).toBe(200)
  const e = r.json.entry
  return [e.status, e.bytesAdded, e.totalBytes, e.filesAdded, e.totalFiles]
}

async function polls(mock: ManualAlfrescoMock, id: string, n: number, advanceMs = 0): Promise<Counters[]> {
  const seen: Counters[] = []
  for (let i = 0; i < n; i++) {
    seen.push(await poll(mock, id))
    mock.clock.advance(advanceMs)
  }
  return seen
}

const expectNoContent = async (mock: ManualAlfrescoMock, id: string) =>
  expectAlfrescoError(await get(mock, `/nodes/${id}/content`), 404, 'framework.exception.ApiDefault')

describe('stuck-pending', () => {
  it('stays PENDING with zero counters however many polls and however far the clock goes', async () => {
    const mock = mockWith('stuck-pending', noCleaner)
    const id = await create(mock)
    const seen = await polls(mock, id, 10, 30 * DAY)
    expect(new Set(seen.map((c) => JSON.stringify(c)))).toEqual(new Set([JSON.stringify(['PENDING', 0, 0, 0, 0])]))
    await expectNoContent(mock, id)
    expect((await get(mock, `/nodes/${id}`)).json.entry.content).toBeUndefined()
  })

  it("is deleted by ACS's cleaner like any download an hour or two after its last change", async () => {
    const mock = mockWith('stuck-pending')
    const id = await create(mock)
    mock.clock.advance(DAY)
    expectAlfrescoError(await get(mock, `/downloads/${id}`), 404, NOT_FOUND)
  })
})

describe('stuck-in-progress', () => {
  it('answers one PENDING read, then IN_PROGRESS at the 40 % progress point for ever, with no content', async () => {
    const mock = mockWith('stuck-in-progress', noCleaner)
    const id = await create(mock)
    const seen = await polls(mock, id, 6, 7 * DAY)
    // 40 % of 56 bytes falls in the first file: ACS's first update counts its whole 28-byte chunk.
    expect(seen).toEqual([['PENDING', 0, 0, 0, 0], ...Array<Counters>(5).fill(['IN_PROGRESS', 28, 56, 0, 2])])
    await expectNoContent(mock, id)
  })
})

describe('cancelled-by-server', () => {
  it('goes PENDING, IN_PROGRESS at 30 %, then CANCELLED at those counters for good, with no content', async () => {
    const mock = mockWith('cancelled-by-server', noCleaner)
    const id = await create(mock)
    expect(await polls(mock, id, 5, DAY)).toEqual([
      ['PENDING', 0, 0, 0, 0],
      ['IN_PROGRESS', 28, 56, 0, 2],
      ['CANCELLED', 28, 56, 0, 2],
      ['CANCELLED', 28, 56, 0, 2],
      ['CANCELLED', 28, 56, 0, 2],
    ])
    await expectNoContent(mock, id)
    const node = (await get(mock, `/nodes/${id}`)).json.entry
    expect(node).toMatchObject({ id, nodeType: 'download:download', name: 'archive.zip' })
  })
})

describe('max-content-size-exceeded', () => {
  it("ends MAX_CONTENT_SIZE_EXCEEDED after one PENDING read, with ACS's counters for a 56-byte estimate", async () => {
    const mock = mockWith('max-content-size-exceeded')
    const id = await create(mock)
    expect(await polls(mock, id, 3)).toEqual([
      ['PENDING', 0, 0, 0, 0],
      ['MAX_CONTENT_SIZE_EXCEEDED', LIMIT, 56, 0, 2],
      ['MAX_CONTENT_SIZE_EXCEEDED', LIMIT, 56, 0, 2],
    ])
    await expectNoContent(mock, id)
  })

  it('reports the configured limit as bytesAdded', async () => {
    const mock = mockWith('max-content-size-exceeded', { downloads: { maxContentSize: 1_000 } })
    const id = await create(mock)
    expect((await polls(mock, id, 2))[1]).toEqual(['MAX_CONTENT_SIZE_EXCEEDED', 1_000, 56, 0, 2])
  })
})

describe('cleaned-while-polling', () => {
  it('goes PENDING, IN_PROGRESS at 50 %, then 404 everywhere from then on, as after the cleaner', async () => {
    const mock = mockWith('cleaned-while-polling')
    const id = await create(mock)
    expect(await polls(mock, id, 2)).toEqual([
      ['PENDING', 0, 0, 0, 0],
      ['IN_PROGRESS', 56, 56, 1, 2],
    ])
    expectAlfrescoError(await get(mock, `/downloads/${id}`), 404, NOT_FOUND)
    expectAlfrescoError(await get(mock, `/downloads/${id}`), 404, NOT_FOUND)
    expectAlfrescoError(await get(mock, `/nodes/${id}`), 404, NOT_FOUND)
    expectAlfrescoError(await get(mock, `/nodes/${id}/content`), 404, NOT_FOUND)
    expectAlfrescoError(await del(mock, `/downloads/${id}`), 404, NOT_FOUND)
    expect((await get(mock, '/__mock/downloads', { base: 'none' })).json.downloads).toEqual([])
  })
})

describe('slow-zip', () => {
  it('is PENDING for 1.5 s, climbs through IN_PROGRESS over 7 s and is DONE at 8.5 s', async () => {
    const mock = mockWith('slow-zip', { fixtures: DEMO })
    const start = mock.clock.now()
    const id = await create(mock, ['demo'])
    const at = async (ms: number) => {
      mock.clock.set(start + ms)
      return poll(mock, id)
    }
    // ACS updates at each file's first chunk: five 256 KiB files give five progress points.
    const point = (k: number): Counters => ['IN_PROGRESS', k * PART + 20_480, 5 * PART, k, 5]
    expect(await at(1_499)).toEqual(['PENDING', 0, 0, 0, 0])
    expect(await at(1_500)).toEqual(point(0))
    expect(await at(3_499)).toEqual(point(0))
    expect(await at(3_500)).toEqual(point(1))
    expect(await at(5_500)).toEqual(point(3))
    expect(await at(7_500)).toEqual(point(4))
    expect(await at(8_499)).toEqual(point(4))
    expect(await at(8_500)).toEqual(['DONE', 5 * PART, 5 * PART, 5, 5])
  })

  it('sends the ZIP in 64 KiB chunks released every 50 ms of the mock clock', async () => {
    const mock = mockWith('slow-zip', { fixtures: DEMO })
    const id = await create(mock, ['demo'])
    mock.clock.advance(8_500)
    expect((await poll(mock, id))[0]).toBe('DONE')
    const size = (await get(mock, `/nodes/${id}`)).json.entry.content.sizeInBytes as number
    const res = await mock.fetch(new Request(`http://mock.test${CORE_BASE}/nodes/${id}/content`, { headers: { authorization: ADMIN } }))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-length')).toBe(String(size))
    const reader = res.body!.getReader()
    const chunks: number[] = []
    for (let received = 0; received < size; ) {
      mock.clock.advance(50)
      const { value } = await reader.read()
      chunks.push(value!.length)
      received += value!.length
    }
    expect(chunks.length).toBe(Math.ceil(size / 65_536))
    expect(chunks.slice(0, -1).every((n) => n === 65_536)).toBe(true)
    expect((await reader.read()).done).toBe(true)
  })
})

describe('a download keeps the scenario it was created under', () => {
  it('stays stuck after the active scenario is cleared or replaced, while new downloads follow the new one', async () => {
    const mock = mockWith('stuck-in-progress', noCleaner)
    const stuck = await create(mock)
    mock.useScenario(undefined)
    const free = await create(mock)
    mock.useScenario('cancelled-by-server')
    const cancelled = await create(mock)
    mock.clock.advance(DAY)
    const [s, f, c] = await Promise.all([polls(mock, stuck, 3), polls(mock, free, 1), polls(mock, cancelled, 3)])
    expect(s.map((x) => x[0])).toEqual(['PENDING', 'IN_PROGRESS', 'IN_PROGRESS'])
    expect(f[0]![0]).toBe('DONE')
    expect(c.map((x) => x[0])).toEqual(['PENDING', 'IN_PROGRESS', 'CANCELLED'])
    expect(await entryNames((await get(mock, `/nodes/${free}/content`)).bytes)).toEqual(['test-file-1.txt', 'test-file-2.txt'])
  })

  it('lists each download with its scenario and policy in GET /__mock/downloads', async () => {
    const mock = mockWith('stuck-pending')
    await create(mock)
    await post(mock, '/downloads', { nodeIds: FILES }, { headers: { 'X-Mock-Scenario': 'cancelled-by-server' } })
    mock.useScenario(undefined)
    await create(mock)
    const rows = (await get(mock, '/__mock/downloads', { base: 'none' })).json.downloads
    expect(rows.map(({ scenario, policy, step }: Record<string, unknown>) => ({ scenario, policy, step }))).toEqual([
      { scenario: 'stuck-pending', policy: 'script', step: 0 },
      { scenario: 'cancelled-by-server', policy: 'script', step: 0 },
      { scenario: null, policy: 'time', step: null },
    ])
  })

  it('does not count a rejected POST as a download created under the scenario', async () => {
    const mock = mockWith('stuck-pending', noCleaner)
    mock.useScenario({ name: 'second-only', downloads: [{ match: { nth: 2 }, steps: [{ status: 'PENDING' }] }] })
    expectAlfrescoError(await post(mock, '/downloads', { nodeIds: ['no-such-node'] }), 404, NOT_FOUND)
    const first = await create(mock)
    const second = await create(mock)
    mock.clock.advance(DAY)
    expect((await poll(mock, first))[0]).toBe('DONE')
    expect((await poll(mock, second))[0]).toBe('PENDING')
  })
})
