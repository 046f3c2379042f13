import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, extname, join, resolve } from 'node:path'
import { ConfigFileError } from '../errors.js'
import { issueProblems, toFileProblems } from '../fixtures/problems.js'
import { checkObjectDepth, displayPath, parseYamlText } from '../fixtures/yaml-text.js'
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
  if (typeof input === 'object' && input !== null) {
    checkObjectDepth(input, '<object>', 'scenario')
    return validateScenario(input, '<object>', 'inline')
  }
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
    throw new ConfigFileError('scenario', input, [{ file: displayPath(file), path: '', message: `${reason}.` }])
  }
  return parseScenarioText(text, displayPath(file), basename(file, extname(file)))
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
  return validateScenario(parseYamlText(text, file, 'scenario'), file, fallbackName, text)
}

/**
 * Schema, then the checks a schema cannot make; all problems together, worded and ordered as
 * fixture problems are (`file:line at path: …`, in file order), or the frozen scenario.
 */
export function validateScenario(raw: unknown, file: string, fallbackName: string, text?: string): Scenario {
  const schemas = scenarioSchemas()
  const parsed = schemas.scenarioFileSchema.safeParse(raw, { reportInput: true })
  const problems = [...(parsed.success ? [] : issueProblems(parsed.error.issues, schemas.knownKeys)), ...checkScenario(raw)]
  if (!parsed.success || problems.length > 0) throw new ConfigFileError('scenario', file, toFileProblems(problems, file, text))
  try {
    return compileScenario(parsed.data, fallbackName, file)
  } catch (err) {
    // parseDuration refuses amounts the schema's pattern lets through (too large to be safe).
    throw new ConfigFileError('scenario', file, [{ file, path: '', message: (err as Error).message }])
  }
}
