import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, extname, join, resolve } from 'node:path'
import type { z } from 'zod'
import { ConfigFileError, type FileProblem } from '../errors.js'
import { requireYaml } from '../fixtures/lazy.js'
import { checkScenario } from './checks.js'
import { compileScenario } from './compile.js'
import { scenarioSchemas } from './schema.js'
import type { Scenario, ScenarioInput } from './types.js'

export interface LoadContext {
  /** Where packaged scenarios live (PACKAGED_SCENARIOS_DIR, passed in by mock.ts). */
  packagedDir: string
  /** Base of relative paths. Default: the working directory. */
  cwd?: string
}

/** A bare name such as `stuck-pending`: no separator and no extension, so it is not a path. */
export const BARE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/

/**
 * Reads a scenario: a packaged name (`stuck-pending` → scenarios/stuck-pending.yaml), a path to a
 * YAML or JSON file, or the object itself. Throws one ConfigFileError naming every problem.
 */
export function loadScenario(input: ScenarioInput, ctx: LoadContext): Scenario {
  if (typeof input === 'object' && input !== null) return validateScenario(input, '<object>', 'inline')
  if (typeof input !== 'string' || input.trim() === '') {
    throw new ConfigFileError('scenario', String(input), [
      { file: String(input), path: '', message: 'a scenario is a packaged name, a path or an object.' },
    ])
  }
  const file = scenarioFile(input, ctx)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : (err as Error).message
    throw new ConfigFileError('scenario', input, [{ file, path: '', message: `${reason}.` }])
  }
  return parseScenarioText(text, file, basename(file, extname(file)))
}

function scenarioFile(input: string, ctx: LoadContext): string {
  if (!BARE_NAME.test(input)) return resolve(ctx.cwd ?? process.cwd(), input)
  const packaged = join(ctx.packagedDir, `${input}.yaml`)
  if (existsSync(packaged)) return packaged
  const local = resolve(ctx.cwd ?? process.cwd(), input)
  if (existsSync(local)) return local
  throw new ConfigFileError('scenario', input, [
    {
      file: input,
      path: '',
      message:
        'there is no packaged scenario of that name. ' +
        `Please use one of ${packagedScenarioNames(ctx.packagedDir).join(', ')}, or a path.`,
    },
  ])
}

/** Names of the scenarios shipped in `dir`. */
export function packagedScenarioNames(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -'.yaml'.length))
      .sort()
  } catch {
    return []
  }
}

/** YAML or JSON text (a file's or a request body's) → a scenario. `file` names it in messages. */
export function parseScenarioText(text: string, file: string, fallbackName: string): Scenario {
  const doc = requireYaml().parseDocument(text)
  if (doc.errors.length > 0) {
    // The first line of yaml's message, without the position it repeats ("… at line 3, column 5:").
    const problems = doc.errors.map((e) => ({
      file,
      path: linePath(e.linePos?.[0]),
      message: (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '.'),
    }))
    throw new ConfigFileError('scenario', file, problems)
  }
  return validateScenario(doc.toJS() as unknown, file, fallbackName)
}

/** Schema, then the checks a schema cannot make; all problems together, or the frozen scenario. */
export function validateScenario(raw: unknown, file: string, fallbackName: string): Scenario {
  const parsed = scenarioSchemas().scenarioFileSchema.safeParse(raw)
  const problems: FileProblem[] = parsed.success ? [] : parsed.error.issues.flatMap((i) => issueProblems(i, file))
  problems.push(...checkScenario(raw).map((f) => ({ file, ...f })))
  if (!parsed.success || problems.length > 0) throw new ConfigFileError('scenario', file, sortProblems(problems))
  try {
    return compileScenario(parsed.data, fallbackName, file)
  } catch (err) {
    // parseDuration refuses amounts the schema's pattern lets through (too large to be safe).
    throw new ConfigFileError('scenario', file, [{ file, path: '', message: (err as Error).message }])
  }
}

function issueProblems(issue: z.core.$ZodIssue, file: string, prefix: readonly PropertyKey[] = []): FileProblem[] {
  const path = [...prefix, ...issue.path]
  if (issue.code === 'unrecognized_keys') {
    const message = 'unknown property. Please remove it or check its spelling.'
    return issue.keys.map((k) => ({ file, path: formatPath([...path, k]), message }))
  }
  if (issue.code === 'invalid_union') {
    // "Invalid input" says nothing: report the branch that got furthest (the one not refused at its root).
    const branch = issue.errors.find((b) => b.every((i) => i.path.length > 0 || i.code === 'unrecognized_keys'))
    if (branch) return branch.flatMap((i) => issueProblems(i, file, path))
  }
  return [{ file, path: formatPath(path), message: issue.message }]
}

/** ['faults', 1, 'match', 'method'] → `faults[1].match.method`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('')
}

function linePath(pos: { line: number; col: number } | undefined): string {
  return pos ? `line ${pos.line}, column ${pos.col}` : ''
}

/** Problems in document order, so the message reads top to bottom. */
function sortProblems(problems: FileProblem[]): FileProblem[] {
  return [...problems].sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }))
}
