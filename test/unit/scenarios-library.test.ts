import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import YAML from 'yaml'
import { describe, expect, it } from 'vitest'
import { PACKAGED_SCENARIOS_DIR } from '../../src/paths.js'
import { loadScenario } from '../../src/scenarios/load.js'
import { scenarioJsonSchema } from '../../src/scenarios/schema.js'

const REQUIRED = [
  'stuck-pending',
  'stuck-in-progress',
  'cancelled-by-server',
  'max-content-size-exceeded',
  'flaky-status',
  'content-connection-reset',
  'corrupt-zip',
  'truncated-zip',
  'ticket-expires',
  'cleaned-while-polling',
  'slow-zip',
]
const packaged = readdirSync(PACKAGED_SCENARIOS_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -5))
const ctx = { packagedDir: PACKAGED_SCENARIOS_DIR }

describe('the packaged scenario library', () => {
  it('ships every scenario the issue asks for', () => {
    expect(packaged).toEqual(expect.arrayContaining(REQUIRED))
  })

  it.each(packaged)('loads %s by its bare name, with a description and its file name as its name', (name) => {
    const scenario = loadScenario(name, ctx)
    expect(scenario.name).toBe(name)
    expect(scenario.description?.length).toBeGreaterThan(20)
    expect(scenario.downloads.length + scenario.faults.length + (scenario.auth ? 1 : 0)).toBeGreaterThan(0)
  })

  it('gives stuck-in-progress one PENDING read, then 40 % IN_PROGRESS for ever', () => {
    expect(loadScenario('stuck-in-progress', ctx).downloads[0]!.steps).toEqual([
      { status: 'PENDING', polls: 1 },
      { status: 'IN_PROGRESS', progress: 0.4 },
    ])
  })

  it('ends cleaned-while-polling with a deleted step and max-content-size-exceeded with that status', () => {
    expect(loadScenario('cleaned-while-polling', ctx).downloads[0]!.steps.at(-1)).toEqual({ status: 'deleted' })
    expect(loadScenario('max-content-size-exceeded', ctx).downloads[0]!.steps.at(-1)).toEqual({
      status: 'MAX_CONTENT_SIZE_EXCEEDED',
    })
  })

  it('times slow-zip on the clock, in milliseconds', () => {
    const steps = loadScenario('slow-zip', ctx).downloads[0]!.steps
    expect(steps[0]).toEqual({ status: 'PENDING', forMs: 1500 })
    expect(steps.at(-1)).toEqual({ status: 'DONE' })
    expect(loadScenario('slow-zip', ctx).faults[0]!.action).toEqual({ kind: 'dribble', chunkBytes: 65536, everyMs: 50 })
  })

  it('sets a one-minute ticket lifetime in ticket-expires', () => {
    expect(loadScenario('ticket-expires', ctx).auth).toEqual({ ticketLifetimeMs: 60_000 })
  })

  it.each(packaged)('validates %s against the published JSON Schema, as an editor would', (name) => {
    const validate = new Ajv({ strict: false }).compile(scenarioJsonSchema())
    const data: unknown = YAML.parse(readFileSync(join(PACKAGED_SCENARIOS_DIR, `${name}.yaml`), 'utf8'))
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true)
  })

  it('publishes an up-to-date JSON Schema beside the scenarios (vitest -u regenerates it)', async () => {
    await expect(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(
      '../../scenarios/scenario.schema.json',
    )
  })
})
