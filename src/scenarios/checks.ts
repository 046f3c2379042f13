import type { Path, Problem } from '../fixtures/tree.js'
import { KNOWN_TEMPLATES, patternIsKnown } from './routes.js'
import { TERMINAL_STATUSES, type DownloadStepStatus } from './types.js'

/** A problem found by a check: where in the file (`['faults', 1, 'match', 'path']`) and what. */
export type Finding = Problem

type Raw = Record<string, unknown>

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v)
const has = (o: Raw, key: string): boolean => o[key] !== undefined
const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

/**
 * What the schema cannot say: known routes, one action per rule, firing options that go together,
 * and step order. Reads the raw data defensively, so it runs even when the schema found problems
 * elsewhere and every problem is reported at once.
 */
export function checkScenario(raw: unknown): Finding[] {
  if (!isObject(raw)) return []
  const out: Finding[] = []
  items(raw.faults).forEach((rule, i) => {
    if (isObject(rule)) out.push(...checkFaultRule(rule, ['faults', i]))
  })
  items(raw.downloads).forEach((rule, i) => {
    if (isObject(rule)) out.push(...checkSteps(items(rule.steps), ['downloads', i, 'steps']))
  })
  return out
}

function checkFaultRule(rule: Raw, at: Path): Finding[] {
  const out: Finding[] = []
  const path = isObject(rule.match) ? rule.match.path : undefined
  if (typeof path === 'string' && path.startsWith('/') && !patternIsKnown(path)) {
    out.push({
      path: [...at, 'match', 'path'],
      message: `"${path}" matches no route the mock serves. Please use one of ${KNOWN_TEMPLATES.join(', ')}.`,
    })
  }
  if (!has(rule, 'respond') && !has(rule, 'fault')) {
    out.push({ path: at, message: 'a rule needs `respond` or `fault`. Please add one.' })
  }
  if (has(rule, 'respond') && has(rule, 'fault')) {
    const message = 'a rule takes `respond` or `fault`, not both. Please split it into two rules.'
    out.push({ path: at, message })
  }
  if (has(rule, 'on') && ['times', 'after', 'probability'].some((k) => has(rule, k))) {
    const message = '`on` lists the matches to fire on; it cannot be combined with `times`, `after` or `probability`.'
    out.push({ path: [...at, 'on'], message })
  }
  if (has(rule, 'probability') && (has(rule, 'times') || has(rule, 'after'))) {
    out.push({ path: [...at, 'probability'], message: '`probability` cannot be combined with `times` or `after`.' })
  }
  if (has(rule, 'seed') && !has(rule, 'probability')) {
    const message = '`seed` only applies with `probability`. Please add `probability` or remove `seed`.'
    out.push({ path: [...at, 'seed'], message })
  }
  if (isObject(rule.fault) && has(rule.fault, 'bytes') && has(rule.fault, 'fraction')) {
    out.push({ path: [...at, 'fault'], message: 'truncate takes `bytes` or `fraction`, not both.' })
  }
  return out
}

function checkSteps(steps: unknown[], at: Path): Finding[] {
  const out: Finding[] = []
  let previous: DownloadStepStatus | undefined
  steps.forEach((step, j) => {
    if (!isObject(step)) return
    const here = [...at, j]
    const status = step.status as DownloadStepStatus | undefined
    if (has(step, 'polls') && has(step, 'for')) {
      out.push({ path: here, message: 'a step lasts `polls` reads or `for` a time, not both.' })
    }
    if (has(step, 'progress') && status !== 'IN_PROGRESS') {
      out.push({ path: [...here, 'progress'], message: '`progress` only applies to IN_PROGRESS steps.' })
    }
    if (j < steps.length - 1 && !has(step, 'polls') && !has(step, 'for')) {
      out.push({ path: here, message: 'only the last step may hold for ever. Please give this one `polls` or `for`.' })
    }
    if (previous === 'deleted') {
      out.push({ path: [...here, 'status'], message: 'nothing can follow `deleted`: the download answers 404 from then on.' })
    } else if (previous && TERMINAL_STATUSES.includes(previous) && status !== 'deleted') {
      out.push({ path: [...here, 'status'], message: `only \`deleted\` can follow ${previous}, a final status.` })
    }
    previous = status
  })
  return out
}
