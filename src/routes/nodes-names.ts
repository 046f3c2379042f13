import { errors } from '../errors.js'
import type { AppDeps } from '../http/context.js'
import type { MockNode } from '../store/types.js'

/** cm:name's constraint in contentModel.xml (cm:filename, requiresMatch=false): a match is invalid. */
const FILENAME_CONSTRAINT = '(.*[\\"\\*\\\\\\>\\<\\?\\/\\:\\|]+.*)|(.*[\\.]?.*[\\.]+$)|(.*[ ]+$)'
const INVALID_NAME = /["*\\><?/:|]|\.$| $/

/**
 * An invalid name fails ACS's integrity check at commit: IntegrityException → 422, errorKey
 * framework.exception.ApiDefault (as TAS asserts for other 422s). The summary follows
 * IntegrityChecker's report layout (derived: not captured from a live server).
 */
export function checkName(name: string, node: Pick<MockNode, 'id' | 'nodeType'>): void {
  if (!INVALID_NAME.test(name)) return
  const [prefix, local] = node.nodeType.split(':')
  const type = prefix === 'cm' ? `{http://www.alfresco.org/model/content/1.0}${local}` : node.nodeType
  throw errors.apiDefault(
    422,
    'Found 1 integrity violations:\n' +
      'Invalid property value: \n' +
      `   Node: workspace://SpacesStore/${node.id}\n` +
      `   Name: ${name}\n` +
      `   Type: ${type}\n` +
      '   Property: {http://www.alfresco.org/model/content/1.0}name\n' +
      `   Constraint: Value '${name}' matches regular expression: ${FILENAME_CONSTRAINT}`,
  )
}

/** ACS compares child names case-insensitively (the child association's name is lower-cased). */
export function nameTaken(deps: AppDeps, parentId: string, name: string): boolean {
  const lower = name.toLowerCase()
  return deps.store.children(parentId).some((n) => n.name.toLowerCase() === lower)
}

/** NodesImpl.findUniqueName: `name-1.txt`, `name-2.txt`…; `.txt` → `1.txt`; no dot → `name-1`. */
export function uniqueName(deps: AppDeps, parentId: string, name: string): string {
  const dot = name.lastIndexOf('.')
  for (let counter = 1; ; counter++) {
    const candidate =
      dot === 0 ? `${counter}${name}` : dot > 0 ? `${name.slice(0, dot)}-${counter}${name.slice(dot)}` : `${name}-${counter}`
    if (!nameTaken(deps, parentId, candidate)) return candidate
  }
}
