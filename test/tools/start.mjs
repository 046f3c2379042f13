// `npm start`: the CLI of this clone, rebuilt first only when a source is newer than dist/cli.cjs,
// and then the CLI alone, quietly and without type declarations (about a second), so what the mock
// prints comes first: its banner, or with --json its ready line (`npm start --silent -- --json`
// also keeps npm's own "> alfresco-mock-server start" lines away).
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath, URL } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const cli = join(root, 'dist', 'cli.cjs')

/** The latest modification time of a file or of anything below a folder. */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))))
}

const built = statSync(cli, { throwIfNoEntry: false })?.mtimeMs ?? 0
const sources = Math.max(...['src', 'package.json', 'tsup.config.ts'].map((p) => newest(join(root, p))))
if (sources > built) {
  const tsup = join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js')
  // Build output, if any, goes to stderr: stdout belongs to the mock.
  const build = spawnSync(process.execPath, [tsup, '--silent'], { cwd: root, env: { ...process.env, TSUP_ONLY: 'cli' }, stdio: ['ignore', 2, 2] })
  if (build.status !== 0) {
    process.stderr.write(`npm start: building the CLI failed (exit ${build.status ?? build.signal}). Please run npm run build to see why.\n`)
    process.exit(1)
  }
}

// The CLI runs in this process, so signals, exit codes and the watch on the parent are its own.
process.argv.splice(1, 1, cli)
createRequire(import.meta.url)(cli)
