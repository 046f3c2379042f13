import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, spawnCli, startCli, type CliProcess, type Exit } from './spawn.js'

// The seed example's own request (reference/seed-download-multiple-files.md), byte for byte.
const SEED_AUTH = 'Basic VElDS0VUXzA4ZWI3ZTJlMmMxNzk2NGNhNTFmMGYzMzE4NmNjMmZjOWQ1NmQ1OTM='
const SEED_FILE = '7279b5c5-da55-4e98-8b12-72d33b90c810'

const running: CliProcess[] = []
const track = (p: CliProcess): CliProcess => (running.push(p), p)
afterEach(() => {
  for (const p of running.splice(0)) p.kill()
})

/** The exit of a CLI expected not to start; fails at once if it prints its ready line instead. */
async function failsToStart(proc: CliProcess): Promise<Exit> {
  const started = proc.nextLine().then(
    (line) => Promise.reject(new Error(`The CLI started instead of failing: ${line}\n${proc.stderr.join('\n')}`)),
    () => new Promise<never>(() => undefined), // no line before exit: the exit decides
  )
  return Promise.race([proc.exited(), started])
}

let dir: string
beforeAll(() => {
  assertBuilt()
  dir = mkdtempSync(join(tmpdir(), 'alfresco-mock-cli-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('alfresco-mock --port 0 --json', () => {
  it("prints the ready event first, serves the seed's file to the seed's ticket, logs the request and exits 0 on SIGTERM", async () => {
    const { proc, ready } = await startCli()
    track(proc)
    expect(ready).toMatchObject({ event: 'ready', clock: 'system' })
    expect(ready.port).toBeGreaterThan(0)
    expect(ready.url).toBe(`http://127.0.0.1:${ready.port}`)
    expect(ready.apiUrl).toBe(`${ready.url}/alfresco/api/-default-/public/alfresco/versions/1`)

    const res = await fetch(`${ready.apiUrl}/nodes/${SEED_FILE}/content`, {
      headers: { Accept: 'application/octet-stream', Authorization: SEED_AUTH },
    })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('This is test file number 1.\n')
    // --log-level defaults to info: one line per request, on stderr.
    await proc.stderrLine(new RegExp(`GET /alfresco/api/.*/nodes/${SEED_FILE}/content 200 .* admin`))

    proc.child.kill('SIGTERM')
    expect(await proc.exited()).toEqual({ code: 0, signal: null })
    expect(proc.stdout.map((l) => JSON.parse(l).event)).toEqual(['ready', 'closing'])
  })

  it('exits 0 on SIGINT too, and the port is free afterwards', async () => {
    const { proc, ready } = await startCli(['--log-level', 'silent'])
    track(proc)
    expect((await fetch(`${ready.url}/__mock/health`)).status).toBe(200)
    proc.child.kill('SIGINT')
    expect(await proc.exited()).toEqual({ code: 0, signal: null })
    expect(proc.stderr).toEqual([])
    await expect(fetch(`${ready.url}/__mock/health`)).rejects.toThrow()
  })

  it('closes promptly on SIGTERM while a client holds a keep-alive connection', async () => {
    const { proc, ready } = await startCli(['--log-level', 'silent'])
    track(proc)
    // undici's fetch keeps the connection alive in its pool after the answer.
    await (await fetch(`${ready.url}/__mock/health`)).arrayBuffer()
    proc.child.kill('SIGTERM')
    expect((await proc.exited()).code).toBe(0)
  })
})

describe('the manual clock over the socket', () => {
  it('moves by POST /__mock/clock/advance with --clock manual', async () => {
    const { proc, ready } = await startCli(['--clock', 'manual', '--log-level', 'silent'])
    track(proc)
    expect(ready.clock).toBe('manual')
    const before = (await (await fetch(`${ready.url}/__mock/clock`)).json()) as { now: number }
    const res = await fetch(`${ready.url}/__mock/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: 90_000 }),
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ kind: 'manual', now: before.now + 90_000 })
    proc.child.kill('SIGTERM')
    expect((await proc.exited()).code).toBe(0)
  })

  it('gives the clear error for an advance on the system clock', async () => {
    const { proc, ready } = await startCli(['--log-level', 'silent'])
    track(proc)
    const res = await fetch(`${ready.url}/__mock/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"ms": 1000}',
    })
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: { errorKey: string; briefSummary: string } }
    expect(error.errorKey).toBe('framework.exception.InvalidArgument')
    expect(error.briefSummary).toContain(
      "Failed to advance the clock: the mock runs on the system clock. Please start it with --clock manual (or { clock: 'manual' }).",
    )
    proc.child.kill('SIGTERM')
    expect((await proc.exited()).code).toBe(0)
  })
})

describe('start-up failures', () => {
  let blocker: Server
  afterEach(async () => {
    if (blocker?.listening) await new Promise<void>((resolve) => blocker.close(() => resolve()))
  })

  it('exits 1 with one clear line when the port is in use', async () => {
    blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as AddressInfo
    const proc = track(spawnCli(['--port', String(port), '--json']))
    expect(await proc.exited()).toEqual({ code: 1, signal: null })
    expect(proc.stdout).toEqual([])
    expect(proc.stderr).toEqual([
      `Failed to start alfresco-mock-server: port ${port} on 127.0.0.1 is already in use. Please stop what uses it or pass --port 0 for a free port.`,
    ])
  })

  it('exits 2 and lists every problem of a fixture file with mistakes in several places', async () => {
    const file = join(dir, 'broken.yaml')
    writeFileSync(
      file,
      [
        'users:',
        '  - { id: admin, password: admin, admin: yes-please }   # not a boolean',
        'tickets:',
        '  - { id: TICKET_08eb7e2e2c17964ca51f0f33186cc2fc9d56d593, user: nobody }   # no such user',
        'nodes:',
        '  - name: Shared',
        '    colour: blue                                        # no such field',
        '    children:',
        '      - { name: gone.bin, contentFile: ./does-not-exist.bin }   # no such file',
        '      - { name: twice.txt, content: a }',
        '      - { name: twice.txt, content: b }                  # the same name twice in a folder',
        '',
      ].join('\n'),
    )
    const proc = track(spawnCli(['--port', '0', '--json', '--fixtures', file]))
    expect(await failsToStart(proc)).toEqual({ code: 2, signal: null })
    expect(proc.stdout).toEqual([])
    const text = proc.stderr.join('\n')
    expect(proc.stderr[0]).toMatch(new RegExp(`^Failed to load fixtures ".*broken\\.yaml": \\d+ problems:$`))
    const problems = proc.stderr.filter((l) => l.startsWith('  - '))
    expect(problems.length).toBeGreaterThanOrEqual(5)
    expect(proc.stderr).toHaveLength(problems.length + 2)
    expect(Number(/(\d+) problems/.exec(text)?.[1])).toBe(problems.length)
    // Each mistake is named with its line and its path inside the file.
    expect(text).toMatch(/broken\.yaml:2 at users\[0\]\.admin: .*yes-please/)
    expect(text).toMatch(/broken\.yaml:4 at tickets\[0\]\.user: .*"nobody"/)
    expect(text).toMatch(/broken\.yaml:7 at nodes\[0\]\.colour: /)
    expect(text).toMatch(/broken\.yaml:9 at nodes\[0\]\.children\[0\]\.contentFile: .*does-not-exist\.bin/)
    expect(text).toMatch(/broken\.yaml:11 at nodes\[0\]\.children\[2\]\.name: .*"twice\.txt"/)
    expect(proc.stderr.at(-1)).toBe('Please fix them and start again.')
  })

  it('exits 2 naming the file of a fixture document too deep, an alias bomb, or a size past Number.MAX_SAFE_INTEGER', async () => {
    const deep = join(dir, 'deep.yaml')
    writeFileSync(deep, `nodes:\n  - ${'- '.repeat(1_000)}x\n`)
    const bomb = join(dir, 'bomb.yaml')
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (const n of 'bcdefgh') lines.push(`${n}: &${n} [${Array.from({ length: 10 }, () => `*${String.fromCharCode(n.charCodeAt(0) - 1)}`).join(', ')}]`)
    writeFileSync(bomb, `${lines.join('\n')}\n`)
    const huge = join(dir, 'huge.yaml')
    writeFileSync(huge, 'users: [{ id: admin, password: admin }]\nnodes:\n  - { name: big.bin, size: 9007199254740993 }\n')
    const expected: [string, string][] = [
      [deep, `  - ${deep}:2: the document nests deeper than 256 levels. Please flatten it: fixture and scenario files may nest 256 levels at most.`],
      [bomb, `  - ${bomb}: its aliases expand to more than 1000 copies (Excessive alias count indicates a resource exhaustion attack). Please use fewer aliases.`],
      [huge, `  - ${huge}:3 at nodes[0].size: 9007199254740992 is more than 9007199254740991, the largest amount the mock counts exactly. Please use a smaller one.`],
    ]
    for (const [file, problem] of expected) {
      const proc = track(spawnCli(['--port', '0', '--json', '--fixtures', file]))
      expect(await failsToStart(proc)).toEqual({ code: 2, signal: null })
      expect(proc.stderr).toEqual([`Failed to load fixtures "${file}": 1 problem:`, problem, 'Please fix it and start again.'])
    }
  })

  it('warns at start when the fixtures let nobody log in', async () => {
    const empty = join(dir, 'empty.yaml')
    writeFileSync(empty, '')
    const proc = track(spawnCli(['--port', '0', '--json', '--fixtures', empty]))
    const warning = await proc.stderrLine(/WARN/)
    expect(warning).toBe(
      `[alfresco-mock] WARN The fixtures "${empty}" define no users: nobody can log in, so every API request will answer 401. Please add one, such as users: [{ id: admin, password: admin, admin: true }].`,
    )
    const ready = JSON.parse(await proc.nextLine())
    expect(ready).toMatchObject({ event: 'ready' })
    expect((await fetch(`${ready.url}/__mock/health`)).status).toBe(200)
    proc.child.kill('SIGTERM')
    expect(await proc.exited()).toEqual({ code: 0, signal: null })
  })

  it('exits 2 naming a fixtures path that does not exist', async () => {
    const proc = track(spawnCli(['--port', '0', '--json', '--fixtures', join(dir, 'nowhere.yaml')]))
    expect((await failsToStart(proc)).code).toBe(2)
    expect(proc.stderr[0]).toMatch(/^Failed to load fixtures ".*nowhere\.yaml": 1 problem:$/)
    expect(proc.stderr.join('\n')).toContain('the file does not exist')
  })

  it('exits 2 naming the packaged scenarios when asked for one that does not exist', async () => {
    const proc = track(spawnCli(['--port', '0', '--json', '--scenario', 'no-such-scenario']))
    expect((await failsToStart(proc)).code).toBe(2)
    expect(proc.stderr[0]).toBe('Failed to load scenario "no-such-scenario": 1 problem:')
    expect(proc.stderr.join('\n')).toContain('flaky-status')
  })

  it('exits 2 and lists every problem of a scenario file with mistakes in several places', async () => {
    const file = join(dir, 'broken-scenario.yaml')
    writeFileSync(
      file,
      [
        'name: broken',
        'downloads:',
        '  - match: {}',
        '    steps:',
        '      - { status: WAITING, polls: 1 }                  # no such status',
        'faults:',
        "  - match: { method: FETCH, path: '/downloads/{id}' }  # no such method",
        '    respond: { status: 503 }',
        '  - match: { method: GET, path: /no/such/route }       # matches no route of the mock',
        '    fault: explode                                    # no such fault',
        '',
      ].join('\n'),
    )
    const proc = track(spawnCli(['--port', '0', '--json', '--scenario', file]))
    expect(await failsToStart(proc)).toEqual({ code: 2, signal: null })
    expect(proc.stdout).toEqual([])
    const text = proc.stderr.join('\n')
    expect(proc.stderr[0]).toMatch(/^Failed to load scenario ".*broken-scenario\.yaml": \d+ problems:$/)
    expect(text).toMatch(/downloads\[0\]\.steps\[0\]\.status/)
    expect(text).toMatch(/faults\[0\]\.match\.method/)
    expect(text).toMatch(/faults\[1\]\.match\.path/)
    expect(text).toMatch(/faults\[1\]\.fault/)
  })

  it('exits 2 on an unknown flag, pointing to --help', async () => {
    const proc = track(spawnCli(['--port', '0', '--colour', 'blue']))
    expect(await proc.exited()).toEqual({ code: 2, signal: null })
    expect(proc.stdout).toEqual([])
    expect(proc.stderr[0]).toMatch(/^alfresco-mock-server: Unknown option '--colour'/)
    expect(proc.stderr.at(-1)).toBe('Run alfresco-mock-server --help for the options.')
  })

  it('exits 2 listing every bad value at once', async () => {
    const proc = track(spawnCli(['--port', 'eighty', '--clock', 'sundial', '--rate', 'fast', '--pending', 'soon']))
    expect((await proc.exited()).code).toBe(2)
    const text = proc.stderr.join('\n')
    expect(text).toContain('--port: "eighty" is not a port number.')
    expect(text).toContain('--clock: "sundial" is not one of system, manual.')
    expect(text).toContain('--rate: "fast" is not a size.')
    expect(text).toContain('--pending: "soon" is not a duration.')
  })
})

describe('--help', () => {
  it('documents every flag with its default and exits 0', async () => {
    const proc = track(spawnCli(['--help']))
    expect(await proc.exited()).toEqual({ code: 0, signal: null })
    const help = proc.stdout.join('\n')
    const flags = [
      'port', 'host', 'fixtures', 'scenario', 'clock', 'log-level', 'json', 'ticket-lifetime', 'progression', 'pending', 'rate',
      'pending-polls', 'in-progress-polls', 'max-content-size', 'compression', 'cleaner-start-delay',
      'cleaner-interval', 'cleaner-max-age', 'no-cleaner', 'help', 'version',
    ]
    for (const flag of flags) expect(help).toMatch(new RegExp(`--${flag}\\b`))
    expect(help).toContain('(default 8080)')
    expect(help).toContain('(default 127.0.0.1)')
    expect(help).toContain('(default 250ms)')
    expect(help).toContain('(default 20MiB)')
  })
})
