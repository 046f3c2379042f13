import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../paths.js'
import type { BuiltinModels } from '../store/model-types.js'

/** Where the generated models live in the package (listed in package.json `files`). */
export const BUILTIN_MODELS_PATH = join(PACKAGE_ROOT, 'src', 'model', 'acs-models.json')

let builtin: BuiltinModels | undefined

/**
 * ACS's own models (test/tools/acs-models.ts wrote them from ACS's XML), read on first use: a
 * mock that never validates a property or serves the model API never pays for the 50 KB parse.
 */
export function builtinModels(): BuiltinModels {
  return (builtin ??= JSON.parse(readFileSync(BUILTIN_MODELS_PATH, 'utf8')) as BuiltinModels)
}
