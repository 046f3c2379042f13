// Start-up benchmark (issue 2): how long until a spawned CLI answers its first GET /__mock/health,
// against a bare node:http server spawned and measured the same way, in the same run, interleaved;
// then createAlfrescoMock() and reset() in-process on the default fixtures.
// Goals: CLI ready within 1.5× the bare server; reset() under 1 ms. Prints PASS/MISS, never fails on a miss.
//
//   npm run bench                          (builds first)
//   node test/bench/startup.mjs [runs]     (after `npx tsup`)
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const cli = process.env.BENCH_CLI ?? join(root, 'dist/cli.cjs')
const RUNS = Number(process.argv[2] ?? 15)
const WARMUP = 2

const tmp = mkdtempSync(join(tmpdir(), 'alfresco-mock-bench-'))
const bare = join(tmp, 'bare-server.mjs')
writeFileSync(
  bare,
  `import { createServer } from 'node:http'
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end('{"status":"UP"}')
})
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address()
  process.stdout.write(JSON.stringify({ event: 'ready', url: 'http://127.0.0.1:' + port, port }) + '\\n')
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
`,
)

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(1)} ms`)
const verdict = (ok) => (ok ? 'PASS' : 'MISS')

/** Spawns `args`, waits for the ready line, then fetches /__mock/health until it answers 200. */
function timeToHealth(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    const guard = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`no ready line within 10 s from ${args.join(' ')}\n${err}`))
    }, 10_000)
    child.stderr.on('data', (d) => (err += d))
    child.once('exit', (code) => {
      clearTimeout(guard)
      if (!out.includes('\n')) reject(new Error(`exited ${code} before ready: ${err}`))
    })
    const onData = async (d) => {
      out += d
      if (!out.includes('\n')) return
      child.stdout.off('data', onData)
      const { url } = JSON.parse(out.slice(0, out.indexOf('\n')))
      for (;;) {
        const res = await fetch(`${url}/__mock/health`).catch(() => undefined)
        if (res?.status === 200) {
          await res.arrayBuffer()
          break
        }
      }
      const elapsed = performance.now() - started
      clearTimeout(guard)
      child.once('exit', () => resolve(elapsed))
      child.kill('SIGTERM')
    }
    child.stdout.on('data', onData)
  })
}

async function spawnComparison() {
  const mockArgs = [cli, '--port', '0', '--json']
  const bareArgs = [bare]
  for (let i = 0; i < WARMUP; i++) {
    await timeToHealth(mockArgs)
    await timeToHealth(bareArgs)
  }
  const mock = []
  const base = []
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, alternating who goes first, so drift in machine load hits both alike.
    if (i % 2) {
      base.push(await timeToHealth(bareArgs))
      mock.push(await timeToHealth(mockArgs))
    } else {
      mock.push(await timeToHealth(mockArgs))
      base.push(await timeToHealth(bareArgs))
    }
  }
  return { mock: median(mock), base: median(base), mockAll: mock, baseAll: base }
}

async function inProcess() {
  const t0 = performance.now()
  const { createAlfrescoMock } = await import(join(root, 'dist/index.js'))
  const importMs = performance.now() - t0

  const t1 = performance.now()
  const first = createAlfrescoMock()
  const firstMs = performance.now() - t1
  first.dispose()

  const creates = []
  for (let i = 0; i < 30; i++) {
    const t = performance.now()
    const m = createAlfrescoMock()
    creates.push(performance.now() - t)
    m.dispose()
  }

  const mock = createAlfrescoMock({ clock: 'manual' })
  for (let i = 0; i < 200; i++) mock.reset()
  globalThis.gc?.()
  const resets = []
  for (let i = 0; i < 2_000; i++) {
    const t = performance.now()
    mock.reset()
    resets.push(performance.now() - t)
  }
  mock.dispose()
  return { importMs, firstMs, create: median(creates), reset: median(resets), nodes: mock.store.size }
}

try {
  const spawned = await spawnComparison()
  const inproc = await inProcess()
  const ratio = spawned.mock / spawned.base
  const min = (xs) => fmt(Math.min(...xs))
  console.log(`node ${process.version}, load average ${loadavg()[0].toFixed(1)}, ${RUNS} interleaved runs each (after ${WARMUP} warm-up), medians (min):`)
  console.log(`  bare node:http server  spawn → first health answer  ${fmt(spawned.base)} (${min(spawned.baseAll)})`)
  console.log(`  alfresco-mock CLI      spawn → first health answer  ${fmt(spawned.mock)} (${min(spawned.mockAll)})`)
  console.log(`  ratio ${ratio.toFixed(2)}× (goal ≤ 1.5×)  ${verdict(ratio <= 1.5)}`)
  console.log(`  import dist/index.js (once, cold)                    ${fmt(inproc.importMs)}`)
  console.log(`  createAlfrescoMock() default fixtures, first         ${fmt(inproc.firstMs)}`)
  console.log(`  createAlfrescoMock() default fixtures, median of 30  ${fmt(inproc.create)}`)
  console.log(`  reset() (${inproc.nodes} nodes), median of 2000             ${fmt(inproc.reset)} (goal < 1 ms)  ${verdict(inproc.reset < 1)}`)
  if (process.env.BENCH_VERBOSE) console.log({ mock: spawned.mockAll, bare: spawned.baseAll })
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
