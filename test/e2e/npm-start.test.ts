/**
 * `npm start` from a fresh clone: it builds the CLI alone, quietly, prints the ready line first
 * under --json, skips the build when nothing changed, and a SIGTERM to npm (not to its group, as
 * `kill` on the npm pid sends it) still frees the port (issue 14, items 3 and 4).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDaemon, type Daemon } from '../pack/run.js'
import { portIsFree } from '../support/net.js'

const ROOT = process.cwd()
let clone: string
const daemons: Daemon[] = []

beforeAll(() => {
  clone = join(mkdtempSync(join(tmpdir(), 'alfresco-mock-start-')), 'repo')
  // The committed tree, as a new contributor gets it; the dependencies are this checkout's.
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone])
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir')
})
afterAll(() => {
  for (const d of daemons) d.signal('SIGKILL')
  rmSync(join(clone, '..'), { recursive: true, force: true })
})

/** `npm start --silent -- …` in the clone; npm is the child, in a group of its own. */
function npmStart(): Daemon {
  const d = startDaemon('npm', ['start', '--silent', '--', '--port', '0', '--json', '--log-level', 'silent'], clone)
  daemons.push(d)
  return d
}


describe('npm start', () => {
  it('builds only the CLI, quietly, and prints the ready line first', async () => {
    expect(existsSync(join(clone, 'dist'))).toBe(false)
    const d = npmStart()
    const ready = JSON.parse(await d.firstLine) as { event: string; url: string; port: number }
    expect(ready.event).toBe('ready')
    expect(d.stderr).toEqual([])
    // No type declarations and no library build: the CLI alone.
    expect(readdirSync(join(clone, 'dist'))).toEqual(['cli.cjs'])
    expect((await fetch(`${ready.url}/__mock/health`)).status).toBe(200)

    // SIGTERM to npm alone: npm stops its script's shell, the CLI sees it has a new parent and closes.
    process.kill(d.child.pid!, 'SIGTERM')
    await d.closed
    expect(d.lines.map((l) => JSON.parse(l) as { event: string }).at(-1)).toEqual({ event: 'closing', reason: 'parent-exited' })
    expect(await portIsFree(ready.port)).toBe(true)
  })

  it('does not build again when no source has changed', async () => {
    const before = statSync(join(clone, 'dist', 'cli.cjs')).mtimeMs
    const d = npmStart()
    expect(JSON.parse(await d.firstLine)).toMatchObject({ event: 'ready' })
    d.signal('SIGTERM')
    await d.closed
    expect(statSync(join(clone, 'dist', 'cli.cjs')).mtimeMs).toBe(before)
  })
})
