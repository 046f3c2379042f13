import { errors } from '../errors.js'
import { checkIntegrity } from '../model/constraints.js'
import type { AppDeps } from '../http/context.js'
import { nameTakenBy, uniqueName as unique } from '../nodes/names.js'
import { controlCharAt } from '../store/names.js'
import type { MockNode } from '../store/types.js'

/**
 * The node with `name` passes ACS's integrity check (cm:name's cm:filename constraint among
 * them), else IntegrityException → 422 ApiDefault, as at ACS's commit. A control character is
 * refused first, with a 400 (below).
 */
export function checkName(deps: Pick<AppDeps, 'dictionary'>, name: string, node: MockNode): void {
  checkNoControl(name)
  checkIntegrity(deps.dictionary, { ...node, name })
}

/**
 * ACS stores a name with NUL, CR or LF as given and writes it into ZIP entries that tools cannot
 * extract; its source has no rule against them (cm:name's constraint cannot see past a line
 * break). The mock refuses Unicode control characters with a 400 (README: Differences).
 */
function checkNoControl(name: string): void {
  const at = controlCharAt(name)
  if (at < 0) return
  const code = `U+${name.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}`
  throw errors.invalidLiteral(`Name must not contain control characters (${code} at index ${at})`)
}

/** ACS compares child names case-insensitively (the child association's name is lower-cased). */
export function nameTaken(deps: Pick<AppDeps, 'store'>, parentId: string, name: string): boolean {
  return nameTakenBy(deps.store, parentId, name)
}

export function uniqueName(deps: Pick<AppDeps, 'store'>, parentId: string, name: string): string {
  return unique(deps.store, parentId, name)
}
