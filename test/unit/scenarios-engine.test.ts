import { describe, expect, it } from 'vitest'
import { ScenarioEngine } from '../../src/scenarios/engine.js'
import { validateScenario } from '../../src/scenarios/load.js'
import type { RequestFacts } from '../../src/scenarios/engine.js'

const engineOf = (raw: Record<string, unknown>) => new ScenarioEngine(validateScenario(raw, 'test.yaml', 'test'))
const req = (method: string, path: string, extra: Partial<RequestFacts> = {}): RequestFacts => ({
  method,
  path,
  header: () => undefined,
  ...extra,
})
/** Which of `n` identical requests a rule fires on (1-based). */
const firedOn = (engine: ScenarioEngine, n: number, facts = req('GET', '/downloads/abc')): number[] =>
  Array.from({ length: n }, (_, i) => i + 1).filter(() => engine.pick(facts) !== undefined)

const rule = (firing: Record<string, unknown>) => ({
  faults: [{ match: { method: 'GET', path: '/downloads/{downloadId}' }, ...firing, respond: { status: 503 } }],
})

describe('the scenario engine', () => {
  it('fires `on` the listed matches only', () => {
    expect(firedOn(engineOf(rule({ on: [2, 4] })), 6)).toEqual([2, 4])
  })

  it('fires on the first N matches with `times`, and after N with `after`', () => {
    expect(firedOn(engineOf(rule({ times: 2 })), 5)).toEqual([1, 2])
    expect(firedOn(engineOf(rule({ after: 3 })), 5)).toEqual([4, 5])
    expect(firedOn(engineOf(rule({ after: 1, times: 2 })), 5)).toEqual([2, 3])
  })

  it('fires on every match when no firing option is given', () => {
    expect(firedOn(engineOf(rule({})), 3)).toEqual([1, 2, 3])
  })

  it('draws probability from a seeded generator: the same seed gives the same hits', () => {
    const a = firedOn(engineOf(rule({ probability: 0.3, seed: 42 })), 200)
    const b = firedOn(engineOf(rule({ probability: 0.3, seed: 42 })), 200)
    const c = firedOn(engineOf(rule({ probability: 0.3, seed: 7 })), 200)
    expect(a).toEqual(b)
    expect(a).not.toEqual(c)
    expect(a.length).toBeGreaterThan(40)
    expect(a.length).toBeLessThan(80)
  })

  it('starts the draws over after reset()', () => {
    const engine = engineOf(rule({ probability: 0.5, seed: 3 }))
    const first = firedOn(engine, 20)
    engine.reset()
    expect(firedOn(engine, 20)).toEqual(first)
  })

  it('counts only requests matching method and path template, and zeroes counters on reset()', () => {
    const engine = engineOf(rule({ on: [2] }))
    expect(engine.pick(req('DELETE', '/downloads/abc'))).toBeUndefined()
    expect(engine.pick(req('GET', '/downloads'))).toBeUndefined()
    expect(engine.pick(req('GET', '/downloads/abc/extra'))).toBeUndefined()
    expect(engine.pick(req('GET', '/downloads/abc'))).toBeUndefined()
    expect(engine.pick(req('get', '/downloads/def'))).toMatchObject({ rule: 0, action: { kind: 'respond', status: 503 } })
    expect(engine.hits).toEqual([2])
    engine.reset()
    expect(engine.hits).toEqual([0])
  })

  it('matches literal path segments exactly and `{x}` against any one segment', () => {
    const engine = engineOf({ faults: [{ match: { path: '/nodes/-root-/children' }, respond: { status: 500 } }] })
    expect(engine.pick(req('GET', '/nodes/abc/children'))).toBeUndefined()
    expect(engine.pick(req('POST', '/nodes/-root-/children'))).toBeDefined()
  })

  it('matches by user, asking for the user only when a rule needs it', () => {
    let asked = 0
    const engine = engineOf({ faults: [{ match: { user: 'alice' }, respond: { status: 403 } }] })
    const as = (user: string) => req('GET', '/nodes/x', { user: () => (asked++, user) })
    expect(engine.pick(as('bob'))).toBeUndefined()
    expect(engine.pick(as('alice'))).toBeDefined()
    expect(asked).toBe(2)
    expect(engineOf(rule({})).pick(as('alice'))).toBeUndefined()
    expect(asked).toBe(2)
  })

  it('matches by header, names case-insensitive and values exact', () => {
    const engine = engineOf({ faults: [{ match: { header: { 'X-Test': 'a' } }, respond: { status: 500 } }] })
    const withHeader = (value: string | undefined) =>
      req('GET', '/nodes/x', { header: (name) => (name === 'x-test' ? value : undefined) })
    expect(engine.pick(withHeader('a'))).toBeDefined()
    expect(engine.pick(withHeader('b'))).toBeUndefined()
    expect(engine.pick(withHeader(undefined))).toBeUndefined()
  })

  it('counts every matching rule but applies the first that fires', () => {
    const engine = engineOf({
      faults: [
        { match: { path: '/downloads/{id}' }, on: [1], respond: { status: 500 } },
        { match: { path: '/downloads/{id}' }, on: [1, 2], respond: { status: 503 } },
      ],
    })
    expect(engine.pick(req('GET', '/downloads/a'))?.rule).toBe(0)
    expect(engine.pick(req('GET', '/downloads/a'))?.rule).toBe(1)
    expect(engine.pick(req('GET', '/downloads/a'))).toBeUndefined()
    expect(engine.hits).toEqual([3, 3])
  })

  it('gives each download the first script whose match fits: nth, node ids, or all', () => {
    const engine = engineOf({
      downloads: [
        { match: { nth: 2 }, steps: [{ status: 'CANCELLED' }] },
        { match: { nodeIds: ['folder-1'] }, steps: [{ status: 'PENDING' }] },
        { match: {}, steps: [{ status: 'DONE' }] },
      ],
    })
    expect(engine.claimDownloadScript(['doc'])?.steps).toEqual([{ status: 'DONE' }])
    expect(engine.claimDownloadScript(['folder-1'])).toEqual({ scenario: 'test', rule: 0, steps: [{ status: 'CANCELLED' }] })
    expect(engine.claimDownloadScript(['doc', 'folder-1'])?.rule).toBe(1)
    expect(engine.downloadsCreated).toBe(3)
    expect(engine.downloadScriptFor({ nth: 2, nodeIds: [] })?.rule).toBe(0)
    engine.reset()
    expect(engine.downloadsCreated).toBe(0)
  })

  it('gives no script when no download rule matches', () => {
    const engine = engineOf({ downloads: [{ match: { nth: 1 }, steps: [{ status: 'PENDING' }] }] })
    expect(engine.claimDownloadScript(['a'])).toBeDefined()
    expect(engine.claimDownloadScript(['a'])).toBeUndefined()
  })
})
