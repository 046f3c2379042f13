import { describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { expectIntactState, learn, problemOf } from './check.js'
import { FUZZ_FIXTURES } from './fixtures.js'
import { describeRequest, nextRequest, routesOf, type Known } from './generate.js'
import { fuzzSeed, Random } from './random.js'

// Issue 8's fuzz suite, in-process: seeded (FUZZ_SEED=n replays a run), bounded in count and time.
const SEED = fuzzSeed()
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 6_000)
console.log(`fuzz (in-process): seed ${SEED}, ${REQUESTS} requests; replay with FUZZ_SEED=${SEED}`)

describe(`fuzzing every route in-process (seed ${SEED})`, () => {
  it(`answers ${REQUESTS} hostile requests without a 5xx, with ACS's error body on every 4xx and no stall; the state stays intact`, async () => {
    const logged: string[] = []
    const mock = createAlfrescoMock({ clock: 'manual', fixtures: FUZZ_FIXTURES, logLevel: 'error', logger: (l) => logged.push(l), ids: 'sequential' })
    const routes = routesOf(mock.app.routes)
    const controlRoutes = routes.filter((r) => r.control).length
    expect(controlRoutes).toBeGreaterThanOrEqual(10)
    const known: Known = { nodeIds: [...mock.store.all()].map((n) => n.id), downloadIds: [], tickets: [] }
    const r = new Random(SEED)
    const failures: string[] = []
    const started = performance.now()
    const slow: [number, string][] = []
    for (let i = 0; i < REQUESTS && failures.length < 10; i++) {
      const req = nextRequest(r, routes, known)
      const t = performance.now()
      const logMark = logged.length
      let problem: string | undefined
      try {
        const res = await mock.fetch(
          new Request(`http://mock${req.url}`, { method: req.method, headers: req.headers, ...(req.body ? { body: req.body.body } : {}) }),
        )
        const text = req.method === 'HEAD' ? '' : await res.text()
        const answer = { status: res.status, contentType: res.headers.get('content-type') ?? '', text, ms: performance.now() - t }
        problem = problemOf(req, answer, logged.slice(logMark))
        if (process.env.FUZZ_PROFILE) slow.push([answer.ms, describeRequest(req).slice(0, 200)])
        learn(known, req, answer)
      } catch (err) {
        problem = `threw ${(err as Error).stack ?? String(err)}`
      }
      logged.length = 0
      if (problem) failures.push(`seed ${SEED} request #${i}: ${describeRequest(req)}\n  → ${problem}`)
      // Time moves as in a test: downloads progress, tickets age, the cleaner runs.
      if (r.chance(0.02)) mock.clock.advance(r.pick([1, 250, 60_000, 3_600_000]))
    }
    const seconds = (performance.now() - started) / 1000
    if (process.env.FUZZ_PROFILE) {
      slow.sort((a, b) => b[0] - a[0])
      const total = slow.reduce((t, [ms]) => t + ms, 0)
      const top = slow.slice(0, 100).reduce((t, [ms]) => t + ms, 0)
      console.log(`total ${total.toFixed(0)} ms in requests, the slowest 100: ${top.toFixed(0)} ms`)
      console.log(slow.slice(0, 15).map(([ms, d]) => `${ms.toFixed(0)} ms ${d}`).join('\n'))
    }
    console.log(`fuzz (in-process): seed ${SEED}: ${REQUESTS} requests over ${routes.length} routes in ${seconds.toFixed(1)} s`)
    expect(failures, `replay with FUZZ_SEED=${SEED}`).toEqual([])
    await expectIntactState(mock, (ms) => mock.clock.advance(ms))
    mock.reset()
    await expectIntactState(mock, (ms) => mock.clock.advance(ms))
    mock.dispose()
  }, 120_000)
})
