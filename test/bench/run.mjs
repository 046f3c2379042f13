// Runs every benchmark in this folder (each *.mjs but this one), one process each, in name order.
// `npm run bench` builds first; the benchmarks measure dist/, as users get it.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const dir = fileURLToPath(new URL('.', import.meta.url))
const only = process.argv.slice(2)
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs')
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()

let failed = 0
for (const file of benches) {
  console.log(`\n=== ${file} ===`)
  const r = spawnSync(process.execPath, ['--expose-gc', `${dir}${file}`], { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
// A missed goal prints MISS but does not fail; only a benchmark that crashes does.
process.exitCode = failed ? 1 : 0
