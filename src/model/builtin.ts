import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PACKAGE_ROOT } from '../paths.js'
import type { BuiltinModels } from '../store/model-types.js'

/**
 * Where the generated models live: in the package (listed in package.json `files`), beside this
 * module when run from source, or under the working directory for the dev tools, which run
 * bundled from elsewhere.
 */
function modelsPath(): string {
  const candidates = [
    join(PACKAGE_ROOT, 'src', 'model', 'acs-models.json'),
    fileURLToPath(new URL('./acs-models.json', import.meta.url)),
    join(process.cwd(), 'src', 'model', 'acs-models.json'),
  ]
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!
}

let builtin: BuiltinModels | undefined

/**
 * ACS's own models (test/tools/acs-models.ts wrote them from ACS's XML), read on first use: a
 * mock that never validates a property or serves the model API never pays for the 50 KB parse.
 */
export function builtinModels(): BuiltinModels {
  return (builtin ??= JSON.parse(readFileSync(modelsPath(), 'utf8')) as BuiltinModels)
}
