// Request validation on hostile sizes (issue 8 item 2), measuring dist/ as users get it.
// POST /nodes/-root-/children with a 1 MB `name` (and a 2 MB one) through a mock with
// `validate: 'strict'`, against the same request through a mock without validation, in the same
// run: the difference is what validation costs. Goal: a 1 MB field validated in well under 50 ms,
// and twice the input about twice the cost (linear). For scale, the ECMAScript regexp of ACS's spec
// on a 40,000-character name (it is quadratic: 160,000 characters held the event loop for 9.5 s).
// Prints PASS/MISS, never fails on a miss.
//
//   npm run bench                       (builds first; runs every benchmark)
//   node test/bench/validate.mjs        (after `npx tsup`)
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const { createAlfrescoMock, CORE_BASE } = await import(process.env.BENCH_DIST ?? `${root}dist/index.js`)
const AUTH = `Basic ${Buffer.from('admin:admin').toString('base64')}`
const ROUNDS = 9

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const verdict = (ok) => (ok ? 'PASS' : 'MISS')

/** ms for one create with a valid name of `chars` characters (the input that makes the regexp backtrack). */
async function once(mock, chars) {
  mock.reset()
  const body = JSON.stringify({ name: 'a'.repeat(chars), nodeType: 'cm:content' })
  const request = new Request(`http://mock${CORE_BASE}/nodes/-root-/children`, {
    method: 'POST',
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    body,
  })
  const started = performance.now()
  const res = await mock.fetch(request)
  await res.arrayBuffer()
  return performance.now() - started
}

const plain = createAlfrescoMock({ clock: 'manual', validate: false, logLevel: 'silent' })
const strict = createAlfrescoMock({ clock: 'manual', validate: 'strict', logLevel: 'silent' })
await once(strict, 10) // builds the validator (ajv, the spec) outside the measurement
const rows = []
for (const chars of [1_000_000, 2_000_000]) {
  const base = []
  const validated = []
  for (let i = 0; i < ROUNDS; i++) {
    base.push(await once(plain, chars))
    validated.push(await once(strict, chars))
  }
  rows.push({ chars, base: median(base), validated: median(validated) })
}
const cost = rows.map((r) => Math.max(0, r.validated - r.base))
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
for (const [i, r] of rows.entries()) {
  console.log(`name of ${r.chars.toLocaleString('en-US')} chars: ${r.base.toFixed(1)} ms without validation, ${r.validated.toFixed(1)} ms strict; validation ${cost[i].toFixed(1)} ms`)
}
console.log(`1 MB field validated in ${cost[0].toFixed(1)} ms (goal < 50 ms): ${verdict(cost[0] < 50)}`)
console.log(`2 MB / 1 MB validation cost: ${(cost[1] / Math.max(cost[0], 0.01)).toFixed(2)}x (linear ≈ 2x)`)

const native = new RegExp('^(?!(.*[\\"\\*\\\\\\>\\<\\?\\/\\:\\|]+.*)|(.*[\\.]?.*[\\.]+$)|(.*[ ]+$))')
const started = performance.now()
native.test('a'.repeat(40_000))
console.log(`for scale: the spec's ECMAScript regexp on a 40,000-char name took ${(performance.now() - started).toFixed(0)} ms`)
