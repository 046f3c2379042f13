/**
 * The CLI configured from the environment, through the real bin: the documented precedence
 * (flag, environment, fixture settings, default), durations in the control API, and --no-cleaner.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, spawnCli, type CliProcess, type ReadyEvent } from './spawn.js'

const ADMIN = { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`, 'content-type': 'application/json' }
const HELLO = '5a1e0000-0000-4000-8000-000000000002'

let dir: string
const running: CliProcess[] = []
beforeAll(() => {
  assertBuilt()
  dir = mkdtempSync(join(tmpdir(), 'alfresco-mock-env-'))
})
afterEach(() => running.splice(0).forEach((p) => p.kill()))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function start(args: string[], env: Record<string, string>): Promise<{ proc: CliProcess; ready: ReadyEvent }> {
  // No --port and no --json: they come from the environment too.
  const proc = spawnCli(args, { ALFRESCO_MOCK_PORT: '0', ALFRESCO_MOCK_JSON: '1', ALFRESCO_MOCK_LOG_LEVEL: 'silent', ...env })
  running.push(proc)
  return { proc, ready: JSON.parse(await proc.nextLine()) as ReadyEvent }
}

const statuses = async (ready: ReadyEvent, id: string, polls: number): Promise<string[]> => {
  const out: string[] = []
  for (let i = 0; i < polls; i++) {
    out.push(((await (await fetch(`${ready.apiUrl}/downloads/${id}`, { headers: ADMIN })).json()) as { entry: { status: string } }).entry.status)
  }
  return out
}
const createDownload = async (ready: ReadyEvent): Promise<string> =>
  ((await (await fetch(`${ready.apiUrl}/downloads`, { method: 'POST', headers: ADMIN, body: JSON.stringify({ nodeIds: [HELLO] }) })).json()) as { entry: { id: string } }).entry.id

describe('ALFRESCO_MOCK_* through the bin', () => {
  it('a flag wins over the environment, the environment over the fixture settings, those over the defaults', async () => {
    const fixtures = join(dir, 'polls.yaml')
    writeFileSync(
      fixtures,
      [
        'users: [{ id: admin, password: admin, admin: true }]',
        'nodes:',
        '  - { name: Shared, alias: -shared-, children: [{ name: hello.txt, id: 5a1e0000-0000-4000-8000-000000000002, content: hi }] }',
        'settings:',
        '  downloads: { progression: polls, pendingPolls: 3, inProgressPolls: 3 }',
        '',
      ].join('\n'),
    )
    // pendingPolls: 3 in the fixture, 1 from the environment; inProgressPolls: 3, 2, and 0 from the flag.
    const { ready } = await start(['--in-progress-polls', '0'], {
      ALFRESCO_MOCK_FIXTURES: fixtures,
      ALFRESCO_MOCK_PENDING_POLLS: '1',
      ALFRESCO_MOCK_IN_PROGRESS_POLLS: '2',
      ALFRESCO_MOCK_CLOCK: 'manual',
    })
    expect(ready.clock).toBe('manual')
    expect(await statuses(ready, await createDownload(ready), 3)).toEqual(['PENDING', 'DONE', 'DONE'])
  })

  it('stops with exit 2 listing every bad variable and flag at once', async () => {
    const proc = spawnCli(['--pending-polls', '-1', '--port', '0'], { ALFRESCO_MOCK_CLOCK: 'sundial', ALFRESCO_MOCK_RATE: 'fast' })
    running.push(proc)
    expect(await proc.exited()).toEqual({ code: 2, signal: null })
    expect(proc.stdout).toEqual([])
    expect(proc.stderr).toEqual([
      'alfresco-mock-server: ALFRESCO_MOCK_CLOCK: "sundial" is not one of system, manual.',
      '  ALFRESCO_MOCK_RATE: "fast" is not a size. Please use a number of bytes or a number with one of B, kB, MB, GB, TB, KiB, MiB, GiB, TiB, such as "50MiB".',
      '  --pending-polls: "-1" is not a count. Please use a whole number such as 0 or 3.',
      'Run alfresco-mock-server --help for the options.',
    ])
  })
})

describe('the control API over the socket', () => {
  it('advances a manual clock by a duration, as the CLI reads them', async () => {
    const { ready } = await start(['--clock', 'manual'], {})
    const before = ((await (await fetch(`${ready.url}/__mock/clock`)).json()) as { now: number }).now
    const res = await fetch(`${ready.url}/__mock/clock/advance`, { method: 'POST', headers: ADMIN, body: '{"ms":"1s"}' })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { now: number }).now).toBe(before + 1_000)
  })

  it('--no-cleaner (ALFRESCO_MOCK_NO_CLEANER=1): no scheduled runs, and POST /__mock/cleaner/run still cleans', async () => {
    const { ready } = await start([], { ALFRESCO_MOCK_CLOCK: 'manual', ALFRESCO_MOCK_NO_CLEANER: '1', ALFRESCO_MOCK_FIXTURES: 'minimal' })
    const id = await createDownload(ready)
    // Three hours: the scheduled cleaner (first run after 1 h, max age 1 h) would have deleted it twice over.
    await fetch(`${ready.url}/__mock/clock/advance`, { method: 'POST', headers: ADMIN, body: '{"ms":"3h"}' })
    expect((await fetch(`${ready.apiUrl}/downloads/${id}`, { headers: ADMIN })).status).toBe(200)
    const run = await fetch(`${ready.url}/__mock/cleaner/run`, { method: 'POST' })
    expect(await run.json()).toEqual({ deleted: [id] })
    expect((await fetch(`${ready.apiUrl}/downloads/${id}`, { headers: ADMIN })).status).toBe(404)
  })
})
