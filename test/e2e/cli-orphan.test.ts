/**
 * A CLI whose starter goes away closes and frees its port (issue 14, item 3): killed parents, with
 * stdin a pipe and without, and a piped stdin closed. No waiting on time: each test waits for the
 * CLI's own output to end, which happens only when it has exited.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { portIsFree } from '../support/net.js'
import { assertBuilt, CLI, spawnCli, type CliProcess } from './spawn.js'

beforeAll(assertBuilt)

const children: ChildProcess[] = []
const tracked: CliProcess[] = []
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL')
  for (const p of tracked.splice(0)) p.kill()
})

// A parent that starts the CLI with the given stdin and its own stdout and stderr, then waits until killed.
const PARENT = `
const { spawn } = require('node:child_process')
const [cli, stdin, ...args] = process.argv.slice(1)
spawn(process.execPath, [cli, ...args], { stdio: [stdin, 'inherit', 'inherit'] })
process.stdin.resume()
`

/** The parent, and the CLI's stdout lines as they come; `ended` resolves when no process writes there any more. */
function viaParent(stdin: 'pipe' | 'ignore', args: string[] = []) {
  const parent = spawn(process.execPath, ['-e', PARENT, CLI, stdin, '--port', '0', '--json', '--log-level', 'silent', ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  children.push(parent)
  const lines: string[] = []
  const rl = createInterface({ input: parent.stdout })
  const first = new Promise<string>((resolve) => rl.once('line', resolve))
  rl.on('line', (l) => lines.push(l))
  const ended = once(rl, 'close')
  return { parent, lines, first, ended }
}


describe('the CLI closes when what started it goes away', () => {
  it('over a pipe: the parent is killed (SIGKILL), stdin ends, the CLI closes and the port is free', async () => {
    const { parent, lines, first, ended } = viaParent('pipe')
    const ready = JSON.parse(await first) as { url: string; port: number }
    expect((await fetch(`${ready.url}/__mock/health`)).status).toBe(200)
    parent.kill('SIGKILL')
    await ended
    expect(lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ event: 'ready' }), { event: 'closing', reason: 'stdin-closed' }])
    expect(await portIsFree(ready.port)).toBe(true)
  })

  it('without a pipe (stdin ignored, as under npm start): the parent is killed, the CLI sees its new parent and closes', async () => {
    const { parent, lines, first, ended } = viaParent('ignore')
    const ready = JSON.parse(await first) as { url: string; port: number }
    expect((await fetch(`${ready.url}/__mock/health`)).status).toBe(200)
    parent.kill('SIGKILL')
    await ended
    expect(lines.map((l) => JSON.parse(l)).at(-1)).toEqual({ event: 'closing', reason: 'parent-exited' })
    expect(await portIsFree(ready.port)).toBe(true)
  })

  it('a piped stdin closed by a living parent closes the CLI with exit code 0', async () => {
    const proc = spawnPiped()
    const ready = JSON.parse(await proc.nextLine()) as { port: number }
    proc.child.stdin!.end()
    expect(await proc.exited()).toEqual({ code: 0, signal: null })
    expect(JSON.parse(proc.stdout.at(-1)!)).toEqual({ event: 'closing', reason: 'stdin-closed' })
    expect(await portIsFree(ready.port)).toBe(true)
  })

  it('--no-exit-with-parent keeps serving after stdin closes, until a signal', async () => {
    const proc = spawnPiped(['--no-exit-with-parent'])
    const ready = JSON.parse(await proc.nextLine()) as { url: string }
    proc.child.stdin!.end()
    expect((await fetch(`${ready.url}/__mock/health`)).status).toBe(200)
    proc.child.kill('SIGTERM')
    expect(await proc.exited()).toEqual({ code: 0, signal: null })
    expect(JSON.parse(proc.stdout.at(-1)!)).toEqual({ event: 'closing', signal: 'SIGTERM' })
  })
})

/** The CLI as a direct child with stdin a pipe (spawnCli ignores stdin), collected by spawnCli's helpers. */
function spawnPiped(args: string[] = []) {
  const proc = spawnCli(['--port', '0', '--json', '--log-level', 'silent', ...args], {}, 'pipe')
  tracked.push(proc)
  return proc
}
