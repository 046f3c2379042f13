import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import { ConfigFileError } from '../../src/errors.js'
import { PACKAGED_SCENARIOS_DIR } from '../../src/paths.js'
import { loadScenario, parseScenarioText } from '../../src/scenarios/load.js'
import { KNOWN_TEMPLATES } from '../../src/scenarios/routes.js'

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
  it('names every problem of a broken file at once, as fixture problems are: file:line, path, plain words, file order', () => {
    const file = write('broken.yaml', BROKEN)
    const err = failure(() => loadScenario(file, ctx))
    expect(err.message).toBe(
      [
        `Failed to load scenario "${file}": 15 problems:`,
        `  - ${file}:3 at descripton: unknown key "descripton". Did you mean "description"?`,
        `  - ${file}:5 at downloads[0].match.nth: must be more than 0, got number 0.`,
        `  - ${file}:7 at downloads[0].steps[0].status: expected one of PENDING, IN_PROGRESS, DONE, CANCELLED, MAX_CONTENT_SIZE_EXCEEDED, deleted, got "IN_PROGRES".`,
        `  - ${file}:7 at downloads[0].steps[0]: only the last step may hold for ever. Please give this one \`polls\` or \`for\`.`,
        `  - ${file}:8 at downloads[0].steps[1].progress: \`progress\` only applies to IN_PROGRESS steps.`,
        `  - ${file}:8 at downloads[0].steps[1]: only the last step may hold for ever. Please give this one \`polls\` or \`for\`.`,
        `  - ${file}:9 at downloads[0].steps[2].status: only \`deleted\` can follow DONE, a final status.`,
        `  - ${file}:12 at faults[0].on: \`on\` lists the matches to fire on; it cannot be combined with \`times\`, \`after\` or \`probability\`.`,
        `  - ${file}:15 at faults[1].match.method: expected one of GET, POST, PUT, DELETE, HEAD, PATCH, OPTIONS, got "FETCH".`,
        `  - ${file}:15 at faults[1].match.path: "/folders/{id}" matches no route the mock serves. Please use one of ${KNOWN_TEMPLATES.join(', ')}.`,
        `  - ${file}:16 at faults[1].fault: "teleport" is not a fault. Please use one of connection-reset, empty-response, truncate, corrupt-zip, delay, dribble, or an object with \`type\`.`,
        `  - ${file}:17 at faults[2]: a rule takes \`respond\` or \`fault\`, not both. Please split it into two rules.`,
        `  - ${file}:18 at faults[2].respond.status: must be at least 400, got number 200.`,
        `  - ${file}:20 at faults[2].seed: \`seed\` only applies with \`probability\`. Please add \`probability\` or remove \`seed\`.`,
        `  - ${file}:21 at auth.ticketLifetime: "soon" is not a duration. Please use milliseconds or a number with ms, s, m, h or d, such as "2s".`,
        'Please fix them and start again.',
      ].join('\n'),
    )
  })

  it('reports the first YAML syntax error with its line and column, not the cascade after it', () => {
    const file = write('syntax.yaml', 'name: x\nfaults: [\n  { match: {}\n')
    const err = failure(() => loadScenario(file, ctx))
    expect(err.problems).toHaveLength(1)
    expect(err.problems[0]!.file).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+$`))
    expect(err.problems[0]!.message).toMatch(/^YAML syntax error at line \d+, column \d+: .*\. Please fix the YAML syntax\.$/)
  })

  it('hints at quoting an unquoted {id} in a flow mapping (one problem instead of yaml\'s thirteen)', () => {
    const text = 'name: x\nfaults:\n  - match: { method: GET, path: /downloads/{id} }\n    times: 1\n    respond: { status: 503 }\n'
    const err = failure(() => parseScenarioText(text, 'my.yaml', 'x'))
    expect(err.message).toBe(
      'Failed to load scenario "my.yaml": 1 problem:\n' +
        "  - my.yaml:3: YAML syntax error at line 3, column 44: Unexpected flow-map-start at node end (12 more errors after it, most likely caused by this one). Please quote values that contain {…}, such as path: '/downloads/{id}': unquoted, YAML reads { as the start of a mapping.\n" +
        'Please fix it and start again.',
    )
  })

  it('hints at quoting a value that starts with { and so became a mapping', () => {
    const text = 'name: x\nfaults:\n  - match: { method: GET, path: {id} }\n    respond: { status: 503 }\n'
    const err = failure(() => parseScenarioText(text, 'my.yaml', 'x'))
    expect(err.problems).toEqual([
      {
        file: 'my.yaml:3',
        path: 'faults[0].match.path',
        message: "expected text, got a mapping. Please quote values that contain {…}, such as path: '/downloads/{id}': unquoted, YAML reads { as the start of a mapping.",
      },
    ])
  })

  it('names a scenario file below the working directory by its relative path', () => {
    const err = failure(() => loadScenario('test/fixtures-data/missing-scenario.yaml', { packagedDir: PACKAGED_SCENARIOS_DIR }))
    expect(err.problems[0]).toMatchObject({ file: 'test/fixtures-data/missing-scenario.yaml', message: 'the file does not exist.' })
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
