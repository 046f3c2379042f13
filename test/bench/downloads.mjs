// Downloads benchmark (issue 3), measuring dist/ as users get it. Two parts, each against a
// baseline measured in the same run:
//  (a) status polls: GET /downloads/{id} with Basic auth over a socket (autocannon), against a bare
//      Hono app on @hono/node-server that answers a fixed JSON of the same shape. Goal ≥ 0.8×.
//  (b) ZIP builds of 100 MiB of mixed content (many small texts, some medium, a few large
//      synthetic files), STORE and DEFLATE, against node:zlib on the same bytes (deflateRawSync per
//      file; a plain concatenation for STORE). Each case runs in its own process, so its peak RSS
//      (process.resourceUsage().maxRSS) is its own; heapUsed is sampled while it runs.
// Prints PASS/MISS, never fails on a miss.
//
//   npm run bench                                   (builds first; runs every benchmark)
//   node test/bench/downloads.mjs [poll|zip] [s]    (after `npx tsup`; s = seconds per poll round)
import { spawn } from 'node:child_process'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'

const root = fileURLToPath(new URL('../../', import.meta.url))
const dist = process.env.BENCH_DIST ?? `${root}dist/index.js`
const CORE = '/alfresco/api/-default-/public/alfresco/versions/1'
const AUTH = `Basic ${Buffer.from('admin:admin').toString('base64')}`
const MiB = 1024 * 1024
const verdict = (ok) => (ok ? 'PASS' : 'MISS')
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })

// ---------------------------------------------------------------- child processes (--role …)

/** The mock with one DONE download (its ZIP built) whose status the load generator polls. */
async function serveMock() {
  const { startAlfrescoMock } = await import(dist)
  const mock = await startAlfrescoMock({ port: 0, clock: 'manual' })
  const headers = { authorization: AUTH, 'content-type': 'application/json' }
  const nodeIds = ['7279b5c5-da55-4e98-8b12-72d33b90c810', '1cf35d69-f85f-4446-94cd-f31ccf16c2e3']
  const created = await fetch(`${mock.apiUrl}/downloads`, { method: 'POST', headers, body: JSON.stringify({ nodeIds }) })
  const { id } = (await created.json()).entry
  mock.clock.advance(1_000)
  const done = await (await fetch(`${mock.apiUrl}/downloads/${id}`, { headers })).json()
  if (done.entry.status !== 'DONE') throw new Error(`expected DONE, got ${JSON.stringify(done)}`)
  return { url: `${mock.apiUrl}/downloads/${id}`, body: done }
}

/** A bare Hono app with the node-server options of src/server.ts, answering a fixed DONE entry. */
async function serveBare() {
  const { Hono } = await import('hono')
  const { createAdaptorServer } = await import('@hono/node-server')
  const id = '3ea71d75-e2fa-4f23-9239-438c9b048574'
  const body = { entry: { filesAdded: 2, bytesAdded: 56, totalBytes: 56, id, totalFiles: 2, status: 'DONE' } }
  const app = new Hono()
  // ACS's exact answer: the same body and never-cache headers as the mock (src/http/respond.ts).
  const acsHeaders = {
    'Content-Type': 'application/json;charset=UTF-8',
    'Cache-Control': 'no-cache',
    Pragma: 'no-cache',
    Expires: 'Thu, 01 Jan 1970 00:00:00 GMT',
  }
  app.get(`${CORE}/downloads/:id`, (c) =>
    c.req.query('same') === undefined ? c.json(body) : new Response(JSON.stringify(body), { headers: acsHeaders }),
  )
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${server.address().port}${CORE}/downloads/${body.entry.id}`, body }
}

/** Deterministic words: the same text on every run. */
function text(seed, size) {
  const words = 'alfresco content node download archive zip folder report the of and status bytes mock quarterly budget plan design'.split(' ')
  let x = seed * 2654435761 + 1
  let out = ''
  while (out.length < size) {
    x = (x * 1103515245 + 12345) >>> 0
    out += words[x % words.length] + ((x >>> 8) % 11 === 0 ? '.\n' : ' ')
  }
  return out.slice(0, size)
}

/** 100 MiB: 5,120 small texts (10 MiB), 40 medium texts (20 MiB), 3 large synthetic files (70 MiB). */
function benchFixtures() {
  const small = Array.from({ length: 5_120 }, (_, i) => ({ name: `note-${i}.txt`, content: text(i, 2_048) }))
  const medium = Array.from({ length: 40 }, (_, i) => ({ name: `report-${i}.csv`, content: text(10_000 + i, 512 * 1024) }))
  const large = [
    { name: 'video-1.mp4', size: 25 * MiB },
    { name: 'video-2.mp4', size: 25 * MiB },
    { name: 'disk.img', size: 20 * MiB },
  ]
  return {
    users: [{ id: 'admin', password: 'admin', admin: true }],
    nodes: [
      {
        name: 'Bench',
        id: 'bench-root',
        children: [
          { name: 'small', children: small },
          { name: 'medium', children: medium },
          { name: 'large', children: large },
        ],
      },
    ],
  }
}

/** Samples heapUsed while `work` runs; returns its time, its result and the peaks. */
async function measure(work) {
  globalThis.gc?.()
  const before = process.memoryUsage()
  let heapPeak = before.heapUsed
  const timer = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 5)
  const t0 = performance.now()
  const result = await work()
  const ms = performance.now() - t0
  clearInterval(timer)
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)
  return { ms, result, rssBefore: before.rss, heapPeak, maxRss: process.resourceUsage().maxRSS * 1024 }
}

/** One ZIP case: `mock:DEFLATE`, `mock:STORE`, `zlib:DEFLATE` or `concat:STORE`. */
async function zipCase(name) {
  const [kind, compression] = name.split(':')
  const { createAlfrescoMock } = await import(dist)
  const mock = createAlfrescoMock({ clock: 'manual', fixtures: benchFixtures(), downloads: { progression: 'instant', compression } })
  const call = async (method, path, body) => {
    const init = { method, headers: { authorization: AUTH, 'content-type': 'application/json' }, body: body && JSON.stringify(body) }
    const res = await mock.fetch(new Request(`http://bench.test${CORE}${path}`, init))
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return res
  }
  const { id } = (await (await call('POST', '/downloads', { nodeIds: ['bench-root'] })).json()).entry
  if (kind === 'mock') {
    // The status read that first sees DONE builds the ZIP; the content read serves it.
    const m = await measure(async () => {
      const { entry } = await (await call('GET', `/downloads/${id}`)).json()
      const zip = await (await call('GET', `/nodes/${id}/content`)).arrayBuffer()
      return { inBytes: entry.totalBytes, outBytes: zip.byteLength, files: entry.totalFiles }
    })
    return { ...m, ...m.result }
  }
  // The same bytes, read through the mock before the clock starts (in the order of the ZIP).
  const files = []
  for (const folder of ['small', 'medium', 'large']) {
    const list = await (await call('GET', `/nodes/-root-/children?relativePath=Bench/${folder}&maxItems=100000`)).json()
    for (const { entry } of list.list.entries) {
      files.push(Buffer.from(await (await call('GET', `/nodes/${entry.id}/content`)).arrayBuffer()))
    }
  }
  const m = await measure(async () => {
    if (kind === 'concat') return Buffer.concat(files).byteLength
    let out = 0
    for (const f of files) out += zlib.deflateRawSync(f, { level: 6 }).byteLength
    return out
  })
  return { ...m, inBytes: files.reduce((n, f) => n + f.byteLength, 0), outBytes: m.result, files: files.length }
}

// ---------------------------------------------------------------- the parent

/** Runs this file with `--role role`; resolves to its first stdout line (JSON) and the child. */
function child(role) {
  return new Promise((resolve, reject) => {
    const args = ['--expose-gc', fileURLToPath(import.meta.url), '--role', role]
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    proc.stdout.on('data', (d) => {
      out += d
      const nl = out.indexOf('\n')
      if (nl >= 0) resolve({ proc, value: JSON.parse(out.slice(0, nl)) })
    })
    proc.once('exit', (code) => reject(new Error(`${role} exited ${code} before answering`)))
  })
}

async function pollRound(autocannon, url, seconds, connections) {
  const r = await autocannon({ url, connections, duration: seconds, headers: { authorization: AUTH } })
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`)
  return r.requests.total / (r.duration || seconds)
}

async function pollBench(seconds) {
  const { default: autocannon } = await import('autocannon')
  const connections = 10
  const mock = await child('serve-mock')
  const bare = await child('serve-bare')
  try {
    // Same shape: the same six fields, in the mock's order.
    const shape = (b) => Object.keys(b.entry).sort().join()
    if (shape(mock.value.body) !== shape(bare.value.body)) throw new Error('the two answers differ in shape')
    await pollRound(autocannon, mock.value.url, 1, connections)
    await pollRound(autocannon, bare.value.url, 1, connections)
    const urls = { mock: mock.value.url, bare: bare.value.url, same: `${bare.value.url}?same` }
    const rates = { mock: [], bare: [], same: [] }
    // Interleaved rounds, rotating who goes first, so drift in machine load hits all alike.
    for (let i = 0; i < 4; i++) {
      const order = [['mock', 'bare', 'same'], ['bare', 'same', 'mock'], ['same', 'mock', 'bare']][i % 3]
      for (const who of order) rates[who].push(await pollRound(autocannon, urls[who], seconds, connections))
    }
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length
    const [m, b, s] = [mean(rates.mock), mean(rates.bare), mean(rates.same)]
    console.log(`(a) status polls, autocannon ${connections} connections, 4 interleaved rounds of ${seconds} s each, mean req/s:`)
    console.log(`  bare Hono, fixed JSON (c.json)         ${fmt(b).padStart(8)} req/s`)
    console.log(`  bare Hono, the mock's exact answer     ${fmt(s).padStart(8)} req/s  (ACS's 3 never-cache headers too)`)
    console.log(`  mock GET /downloads/{id}, Basic auth   ${fmt(m).padStart(8)} req/s`)
    console.log(`  ratio ${(m / b).toFixed(2)}× of c.json (goal ≥ 0.8×)  ${verdict(m / b >= 0.8)};  ${(m / s).toFixed(2)}× of the same answer`)
  } finally {
    mock.proc.kill()
    bare.proc.kill()
  }
}

async function zipBench() {
  const cases = ['mock:STORE', 'concat:STORE', 'mock:DEFLATE', 'zlib:DEFLATE']
  const results = {}
  for (const name of cases) {
    const { proc, value } = await child(`zip:${name}`)
    proc.kill()
    results[name] = value
  }
  console.log('(b) ZIP build of 100 MiB of mixed content, one process per case:')
  console.log('  case           files    in MiB  out MiB      time      MB/s  peak RSS  (before)  peak heap')
  for (const name of cases) {
    const r = results[name]
    const mbps = r.inBytes / 1e6 / (r.ms / 1000)
    const cols = [
      name.padEnd(13),
      fmt(r.files).padStart(6),
      fmt(r.inBytes / MiB, 1).padStart(9),
      fmt(r.outBytes / MiB, 1).padStart(8),
      `${fmt(r.ms).padStart(7)} ms`,
      fmt(mbps, 1).padStart(9),
      `${fmt(r.maxRss / MiB).padStart(6)} MiB`,
      `${fmt(r.rssBefore / MiB).padStart(5)} MiB`,
      `${fmt(r.heapPeak / MiB).padStart(6)} MiB`,
    ]
    console.log(`  ${cols.join(' ')}`)
  }
  const ratio = (a, b) => (results[b].ms / results[a].ms).toFixed(2)
  console.log(`  STORE:   mock at ${ratio('mock:STORE', 'concat:STORE')}× the speed of a plain concatenation`)
  console.log(`  DEFLATE: mock at ${ratio('mock:DEFLATE', 'zlib:DEFLATE')}× the speed of zlib.deflateRawSync (level 6)`)
}

async function main() {
  const [only, seconds = '3'] = process.argv.slice(2)
  console.log(`node ${process.version}, load average ${loadavg()[0].toFixed(1)}`)
  if (!only || only === 'poll') await pollBench(Number(seconds))
  if (!only || only === 'zip') await zipBench()
}

const roleAt = process.argv.indexOf('--role')
if (roleAt < 0) await main()
else {
  const role = process.argv[roleAt + 1]
  const run = role === 'serve-mock' ? serveMock : role === 'serve-bare' ? serveBare : () => zipCase(role.slice(4))
  process.stdout.write(`${JSON.stringify(await run())}\n`)
  // Servers stay up until the parent kills them; a ZIP case is done.
  if (role.startsWith('zip:')) process.exit(0)
}
