import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'

/** The built bin, as `npx alfresco-mock` runs it (`npm test` builds first; by hand: `npx tsup`). */
export const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url))

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing. Please build first: npx tsup (npm test does it).`)
}

export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
}

/** A spawned CLI with its output collected line by line. */
export interface CliProcess {
  child: ChildProcessByStdio<Writable | null, Readable, Readable>
  /** Every stdout line so far. */
  stdout: string[]
  /** Every stderr line so far. */
  stderr: string[]
  /** Resolves with the next stdout line (or the first one not yet taken). */
  nextLine(): Promise<string>
  /** Resolves once some stderr line matches. */
  stderrLine(pattern: RegExp): Promise<string>
  /** Resolves when the process has exited and its output is read. */
  exited(): Promise<Exit>
  /** Kills the process if still running (cleanup for failed tests). */
  kill(): void
}

// Only a guard against hangs: every wait resolves on an event long before this.
const HANG_GUARD_MS = 15_000

function guard<T>(what: string, p: Promise<T>, proc: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}.\n${proc()}`)), HANG_GUARD_MS)
  })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

/**
 * The CLI with `args`; `env` is added to this process's environment (undefined removes a
 * variable); stdin is ignored unless `stdin` is 'pipe' (the CLI then closes when it ends).
 */
export function spawnCli(args: readonly string[], env: Record<string, string | undefined> = {}, stdin: 'ignore' | 'pipe' = 'ignore'): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: [stdin, 'pipe', 'pipe'], env: { ...process.env, ...env } }) as CliProcess['child']
  const stdout: string[] = []
  const stderr: string[] = []
  let taken = 0
  const waiters: (() => void)[] = []
  const wake = () => waiters.splice(0).forEach((w) => w())

  const out = createInterface({ input: child.stdout })
  const err = createInterface({ input: child.stderr })
  out.on('line', (l) => (stdout.push(l), wake()))
  err.on('line', (l) => (stderr.push(l), wake()))
  const closed = (rl: ReturnType<typeof createInterface>) => new Promise<void>((r) => rl.once('close', r))
  const exitEvent = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const outputDone = Promise.all([closed(out), closed(err)]).then(wake)
  let done = false
  const exitedRaw = Promise.all([exitEvent, outputDone]).then(([exit]) => {
    done = true
    wake()
    return exit
  })
  const describe = () => `stdout:\n${stdout.join('\n')}\nstderr:\n${stderr.join('\n')}`

  const until = <T>(what: string, test: () => T | undefined): Promise<T> =>
    guard(
      what,
      new Promise<T>((resolve, reject) => {
        const check = () => {
          const v = test()
          if (v !== undefined) return resolve(v)
          if (done) return reject(new Error(`The CLI exited before ${what}.\n${describe()}`))
          waiters.push(check)
        }
        check()
      }),
      describe,
    )

  return {
    child,
    stdout,
    stderr,
    nextLine: () => until('a stdout line', () => (taken < stdout.length ? stdout[taken++] : undefined)),
    stderrLine: (pattern) => until(`stderr ${pattern}`, () => stderr.find((l) => pattern.test(l))),
    exited: () => guard('the CLI to exit', exitedRaw, describe),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    },
  }
}

export interface ReadyEvent {
  event: 'ready'
  url: string
  apiUrl: string
  authUrl: string
  port: number
  clock: 'system' | 'manual'
}

/** Spawns the CLI with `--port 0 --json` and returns once its first stdout line, the ready event, is read. */
export async function startCli(args: readonly string[] = []): Promise<{ proc: CliProcess; ready: ReadyEvent }> {
  const proc = spawnCli(['--port', '0', '--json', ...args])
  const line = await proc.nextLine()
  return { proc, ready: JSON.parse(line) as ReadyEvent }
}
