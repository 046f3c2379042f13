import { parseDuration } from '../fixtures/units.js'
import type { FaultRuleFile, ScenarioFile } from './schema.js'
import { normalisePattern } from './routes.js'
import type { DownloadScriptRule, FaultAction, FaultRule, Firing, RequestMatch, Scenario } from './types.js'

const DEFAULT_DRIBBLE_CHUNK = 1024
const DEFAULT_DRIBBLE_EVERY_MS = 100
const DEFAULT_DELAY_MS = 1_000

/** A validated scenario file → the frozen form the engine runs (durations in ms, paths normalised). */
export function compileScenario(file: ScenarioFile, name: string, source: string): Scenario {
  const lifetime = file.auth?.ticketLifetime
  const scenario: Scenario = {
    name: file.name ?? name,
    ...(file.description !== undefined ? { description: file.description } : {}),
    source,
    downloads: (file.downloads ?? []).map(
      (d): DownloadScriptRule => ({
        match: { ...d.match },
        steps: d.steps.map((s) => ({
          status: s.status,
          ...(s.progress !== undefined ? { progress: s.progress } : {}),
          ...(s.polls !== undefined ? { polls: s.polls } : {}),
          ...(s.for !== undefined ? { forMs: parseDuration(s.for) } : {}),
        })),
      }),
    ),
    faults: (file.faults ?? []).map((rule, index): FaultRule => ({
      index,
      match: compileMatch(rule.match),
      firing: compileFiring(rule),
      action: compileAction(rule),
    })),
    ...(lifetime !== undefined ? { auth: { ticketLifetimeMs: parseDuration(lifetime) } } : {}),
  }
  return deepFreeze(scenario)
}

function compileMatch(m: FaultRuleFile['match']): RequestMatch {
  return {
    ...(m.method ? { method: m.method } : {}),
    ...(m.path ? { path: normalisePattern(m.path) } : {}),
    ...(m.user ? { user: m.user } : {}),
    ...(m.header
      ? { header: Object.fromEntries(Object.entries(m.header).map(([k, v]) => [k.toLowerCase(), v])) }
      : {}),
  }
}

function compileFiring(rule: FaultRuleFile): Firing {
  if (rule.on) return { kind: 'on', matches: [...rule.on] }
  if (rule.probability !== undefined) return { kind: 'probability', probability: rule.probability, seed: rule.seed ?? 1 }
  if (rule.times !== undefined || rule.after !== undefined) {
    return { kind: 'count', after: rule.after ?? 0, ...(rule.times !== undefined ? { times: rule.times } : {}) }
  }
  return { kind: 'always' }
}

function compileAction(rule: FaultRuleFile): FaultAction {
  if (rule.respond) {
    const { delay, ...rest } = rule.respond
    return { kind: 'respond', ...rest, ...(delay !== undefined ? { delayMs: parseDuration(delay) } : {}) }
  }
  const f = typeof rule.fault === 'string' ? { type: rule.fault } : rule.fault
  switch (f?.type) {
    case 'truncate':
      return 'bytes' in f && f.bytes !== undefined
        ? { kind: 'truncate', bytes: f.bytes }
        : { kind: 'truncate', fraction: ('fraction' in f ? f.fraction : undefined) ?? 0.5 }
    case 'delay':
      return { kind: 'delay', ms: 'duration' in f ? parseDuration(f.duration) : DEFAULT_DELAY_MS }
    case 'dribble':
      return {
        kind: 'dribble',
        chunkBytes: ('chunk' in f ? f.chunk : undefined) ?? DEFAULT_DRIBBLE_CHUNK,
        everyMs: 'every' in f && f.every !== undefined ? parseDuration(f.every) : DEFAULT_DRIBBLE_EVERY_MS,
      }
    case 'connection-reset':
    case 'empty-response':
    case 'corrupt-zip':
      return { kind: f.type }
    default:
      // checks.ts reports a rule with neither respond nor fault before compiling.
      throw new Error('unreachable: a fault rule without an action')
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}
