import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import { ConfigFileError } from '../../src/errors.js'
import { PACKAGED_SCENARIOS_DIR } from '../../src/paths.js'
import { loadScenario, parseScenarioText } from '../../src/scenarios/load.js'

const dir = mkdtempSync(join(tmpdir(), 'alfresco-mock-scenarios-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const ctx = { packagedDir: PACKAGED_SCENARIOS_DIR, cwd: dir }
const write = (name: string, text: string): string => {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}
const failure = (load: () => unknown): ConfigFileError => {
  try {
    load()
  } catch (err) {
    if (err instanceof ConfigFileError) return err
    throw err
  }
  throw new Error('expected a ConfigFileError')
}

const BROKEN = `
name: broken
descripton: typo
downloads:
  - match: { nth: 0 }
    steps:
      - { status: IN_PROGRES }
      - { status: DONE, progress: 0.5 }
      - { status: PENDING, polls: 1 }
faults:
  - match: { method: GET, path: '/downloads/{id}' }
    on: [1]
    times: 2
    respond: { status: 503 }
  - match: { method: FETCH, path: '/folders/{id}' }
    fault: teleport
  - match: { path: '/nodes/{id}/content' }
    respond: { status: 200 }
    fault: connection-reset
    seed: 3
auth: { ticketLifetime: soon }
`

describe('loading scenarios', () => {
  it('names every problem of a broken file at once, each with the file and the path inside it', () => {
    const file = write('broken.yaml', BROKEN)
    const err = failure(() => loadScenario(file, ctx))
    const at = err.problems.map((p) => p.path)
    expect(err.problems.every((p) => p.file === file)).toBe(true)
    expect(at).toEqual(
      expect.arrayContaining([
        'descripton',
        'downloads[0].match.nth',
        'downloads[0].steps[0].status',
        'downloads[0].steps[1].progress',
        'downloads[0].steps[2].status',
        'faults[0].on',
        'faults[1].match.method',
        'faults[1].match.path',
        'faults[1].fault',
        'faults[2].respond.status',
        'faults[2]',
        'faults[2].seed',
        'auth.ticketLifetime',
      ]),
    )
    expect(err.message).toMatch(new RegExp(`^Failed to load scenario ".*broken\\.yaml": ${err.problems.length} problems:\\n`))
    expect(err.message).toContain(`${file} at faults[1].match.path: "/folders/{id}" matches no route the mock serves.`)
    expect(err.message).toContain(`${file} at faults[1].match.method:`)
    expect(err.message).toContain(`${file} at descripton: unknown property.`)
    expect(err.message).toMatch(/Please fix them and start again\.$/)
  })

  it('reports YAML syntax errors with their line and column', () => {
    const file = write('syntax.yaml', 'name: x\nfaults: [\n  { match: {}\n')
    const err = failure(() => loadScenario(file, ctx))
    expect(err.problems[0]!.path).toMatch(/^line \d+, column \d+$/)
  })

  it('says which packaged names exist when a bare name is unknown', () => {
    const err = failure(() => loadScenario('stuck-pendin', ctx))
    expect(err.message).toContain('there is no packaged scenario of that name. Please use one of')
    expect(err.message).toContain('stuck-pending')
  })

  it('says when a path does not exist', () => {
    const err = failure(() => loadScenario('./missing.yaml', ctx))
    expect(err.problems[0]).toMatchObject({ file: join(dir, 'missing.yaml'), message: 'the file does not exist.' })
  })

  it('reads JSON files, names a scenario after its file, and normalises paths and durations', () => {
    const file = write(
      'mine.json',
      JSON.stringify({
        faults: [{ match: { method: 'GET', path: '/nodes/{nodeId}/content/' }, fault: { type: 'delay', duration: '1.5s' } }],
      }),
    )
    const scenario = loadScenario('mine.json', ctx)
    expect(scenario.name).toBe('mine')
    expect(scenario.source).toBe(file)
    expect(scenario.faults[0]).toEqual({
      index: 0,
      match: { method: 'GET', path: '/nodes/{id}/content' },
      firing: { kind: 'always' },
      action: { kind: 'delay', ms: 1500 },
    })
    expect(Object.isFrozen(scenario.faults[0]!.match)).toBe(true)
  })

  it('accepts an object and fills the defaults of fault shorthands', () => {
    const scenario = loadScenario(
      {
        name: 'inline',
        faults: [
          { match: {}, fault: 'dribble' },
          { match: {}, fault: 'truncate' },
          { match: {}, fault: { type: 'truncate', bytes: 10 } },
          { match: {}, times: 1, respond: { status: 429, delay: '2s' } },
        ],
      },
      ctx,
    )
    expect(scenario.faults.map((f) => f.action)).toEqual([
      { kind: 'dribble', chunkBytes: 1024, everyMs: 100 },
      { kind: 'truncate', fraction: 0.5 },
      { kind: 'truncate', bytes: 10 },
      { kind: 'respond', status: 429, delayMs: 2000 },
    ])
    expect(scenario.faults[3]!.firing).toEqual({ kind: 'count', after: 0, times: 1 })
    expect(scenario.source).toBe('<object>')
  })

  it('refuses steps that cannot be reached: a non-final step that holds for ever, anything after deleted', () => {
    const err = failure(() =>
      parseScenarioText(
        'downloads:\n  - match: {}\n    steps: [{ status: PENDING }, { status: deleted, polls: 1 }, { status: DONE }]\n',
        'body',
        'x',
      ),
    )
    expect(err.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'downloads[0].steps[0]: only the last step may hold for ever. Please give this one `polls` or `for`.',
      'downloads[0].steps[2].status: nothing can follow `deleted`: the download answers 404 from then on.',
    ])
  })
})
