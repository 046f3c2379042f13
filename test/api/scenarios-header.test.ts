/**
 * One server shared by tests that need different scenarios at the same time, each choosing its
 * own with the X-Mock-Scenario header: downloads keep the scenario they were created under, and
 * each scenario's counters see only the requests that named it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAlfrescoMock, type ManualStartedAlfrescoMock } from '../../src/index.js'
import { ADMIN } from '../support/http.js'

const FILES = ['7279b5c5-da55-4e98-8b12-72d33b90c810', '1cf35d69-f85f-4446-94cd-f31ccf16c2e3']

let mock: ManualStartedAlfrescoMock
beforeAll(async () => {
  mock = await startAlfrescoMock({ port: 0, clock: 'manual', downloads: { cleaner: { enabled: false } } })
})
afterAll(() => mock.close())

/** A client of the shared server that sends its scenario on every request. */
function client(scenario: string) {
  const headers = { authorization: ADMIN, 'content-type': 'application/json', 'X-Mock-Scenario': scenario }
  return {
    async create(): Promise<string> {
      const r = await fetch(`${mock.apiUrl}/downloads`, { method: 'POST', headers, body: JSON.stringify({ nodeIds: FILES }) })
      expect(r.status).toBe(202)
      return ((await r.json()) as { entry: { id: string } }).entry.id
    },
    /** The status, or the HTTP status when the poll failed. */
    async poll(id: string): Promise<string | number> {
      const r = await fetch(`${mock.apiUrl}/downloads/${id}`, { headers })
      return r.ok ? ((await r.json()) as { entry: { status: string } }).entry.status : r.status
    },
  }
}

describe.concurrent('two tests sharing one server with different scenarios', () => {
  it('keeps the downloads of a stuck-in-progress client stuck however far the clock goes', async () => {
    const stuck = client('stuck-in-progress')
    const ids = [await stuck.create(), await stuck.create()]
    const seen: (string | number)[] = []
    for (let i = 0; i < 6; i++) {
      for (const id of ids) seen.push(await stuck.poll(id))
      mock.clock.advance(60_000)
    }
    expect(seen.slice(0, 2)).toEqual(['PENDING', 'PENDING'])
    expect(new Set(seen.slice(2))).toEqual(new Set(['IN_PROGRESS']))
  })

  it("lets a flaky-status client's downloads finish, with 503s on its own 2nd and 4th polls only", async () => {
    const flaky = client('flaky-status')
    const id = await flaky.create()
    const seen: (string | number)[] = []
    for (let i = 0; i < 6; i++) {
      seen.push(await flaky.poll(id))
      mock.clock.advance(60_000)
    }
    expect(seen[1]).toBe(503)
    expect(seen[3]).toBe(503)
    expect(seen.filter((s) => s !== 503).at(-1)).toBe('DONE')
  })
})

describe('interleaved requests of two scenarios on one server', () => {
  it('count separately: each download follows its own script and each fault rule sees only its requests', async () => {
    mock.reset()
    const stuck = client('stuck-pending')
    const cancelled = client('cancelled-by-server')
    const a = await stuck.create()
    const b = await cancelled.create()
    const seen: [string | number, string | number][] = []
    for (let i = 0; i < 4; i++) seen.push([await stuck.poll(a), await cancelled.poll(b)])
    expect(seen).toEqual([
      ['PENDING', 'PENDING'],
      ['PENDING', 'IN_PROGRESS'],
      ['PENDING', 'CANCELLED'],
      ['PENDING', 'CANCELLED'],
    ])
    // A request without the header is under no scenario: its download follows the policy.
    const plain = await fetch(`${mock.apiUrl}/downloads`, {
      method: 'POST',
      headers: { authorization: ADMIN, 'content-type': 'application/json' },
      body: JSON.stringify({ nodeIds: FILES }),
    })
    const plainId = ((await plain.json()) as { entry: { id: string } }).entry.id
    mock.clock.advance(1_000)
    expect(await cancelled.poll(plainId)).toBe('DONE')
    expect(await stuck.poll(b)).toBe('CANCELLED')
    const byDownload = Object.fromEntries(
      ((await (await fetch(`${mock.url}/__mock/downloads`)).json()) as { downloads: { id: string; scenario: string | null }[] }).downloads.map((d) => [d.id, d.scenario]),
    )
    expect(byDownload).toEqual({ [a]: 'stuck-pending', [b]: 'cancelled-by-server', [plainId]: null })
    const journaled = mock.requests.filter((e) => e.method === 'GET').map((e) => e.scenario)
    expect(journaled.slice(0, 8)).toEqual(Array.from({ length: 4 }, () => ['stuck-pending', 'cancelled-by-server']).flat())
  })
})
