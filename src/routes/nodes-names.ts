import { checkIntegrity } from '../model/constraints.js'
import type { AppDeps } from '../http/context.js'
import { nameTakenBy, uniqueName as unique } from '../nodes/names.js'
import type { MockNode } from '../store/types.js'

/**
 * The node with `name` passes ACS's integrity check (cm:name's cm:filename constraint among
 * them), else IntegrityException → 422 ApiDefault, as at ACS's commit. A control character is
 * refused first, with a 400 (src/store/names.ts).
 */
export function checkName(deps: Pick<AppDeps, 'dictionary'>, name: string, node: MockNode): void {
  checkIntegrity(deps.dictionary, { ...node, name })
}

/** ACS compares child names case-insensitively (the child association's name is lower-cased). */
export function nameTaken(deps: Pick<AppDeps, 'store'>, parentId: string, name: string): boolean {
  return nameTakenBy(deps.store, parentId, name)
}

export function uniqueName(deps: Pick<AppDeps, 'store'>, parentId: string, name: string): string {
  return unique(deps.store, parentId, name)
}
