import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'

export interface RunResult {
  code: number | null
  signal: NodeJS.Signals | null
  /** stdout and stderr interleaved, for failure messages. */
  output: string
  stdout: string
}

// Only a guard against a hung child: every run ends on its own well before this.
const HANG_GUARD_MS = 90_000

/**
 * The environment of the child runners: without this run's own runner variables (a nested Vitest
 * must not think it is a worker) and without npm's script variables (a nested npm must not take
 * `npm test`'s prefix for its own), but with the user's npm cache and registry settings.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig'])
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(VITEST|JEST|npm_)/i.test(key) && !keep.has(key)) continue
    if (['NODE_OPTIONS', 'NODE_ENV', 'TEST', 'ALFRESCO_MOCK_URL'].includes(key)) continue
    env[key] = value
  }
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1', ...extra }
}

/** Runs a command to its end and collects its output (never throws on a non-zero exit). */
export function run(command: string, args: readonly string[], cwd: string, env = childEnv(), guardMs = HANG_GUARD_MS): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), (output += d.toString())))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), guardMs)
    child.once('error', reject)
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, output, stdout })
    })
  })
}

/** A long-running child (the CLI) in its own process group, read line by line. */
export interface Daemon {
  child: ChildProcessByStdio<null, Readable, Readable>
  lines: string[]
  stderr: string[]
  /** The first stdout line, or a rejection with the output if it exits first. */
  firstLine: Promise<string>
  /** Resolves once it has exited and its output is read. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Signals the whole group (npx runs the bin under npm and a shell). */
  signal(sig: NodeJS.Signals): void
}

export function startDaemon(command: string, args: readonly string[], cwd: string): Daemon {
  const child = spawn(command, args, { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  const lines: string[] = []
  const stderr: string[] = []
  createInterface({ input: child.stderr }).on('line', (l) => stderr.push(l))
  const out = createInterface({ input: child.stdout })
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  )
  const firstLine = new Promise<string>((resolve, reject) => {
    out.on('line', (l) => {
      lines.push(l)
      if (lines.length === 1) resolve(l)
    })
    void closed.then(() => reject(new Error(`${command} ${args.join(' ')} exited before printing a line:\n${stderr.join('\n')}`)))
  })
  return {
    child,
    lines,
    stderr,
    firstLine,
    closed,
    signal: (sig) => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, sig)
    },
  }
}
