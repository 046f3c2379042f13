import { errors } from '../errors.js'
import { checkIntegrity } from '../model/constraints.js'
import type { Dictionary } from '../model/dictionary.js'
import type { MockNode, MockUser } from '../store/types.js'
import { addAspect, addImpliedAspects, removeAspect, setProperties } from './aspects.js'
import type { NodeDeps } from './deps.js'
import { checkForLock } from './locks.js'
import { nameTakenBy } from './names.js'
import { convertProperties, validateAspects, validateProperties } from './properties.js'

/** What PUT /nodes/{nodeId} may change (NodeBodyUpdate, read as Jackson reads ACS's Node). */
export interface NodeUpdate {
  name?: string | undefined
  nodeType?: string | undefined
  aspectNames?: string[] | undefined
  properties?: Record<string, unknown> | undefined
  parentId?: string | undefined
  permissions?: unknown
}

/** Applies `permissions` of an update; provided by the permission model (see the README). */
export type PermissionUpdater = (node: MockNode, permissions: unknown, user: MockUser) => () => void

/**
 * NodesImpl.updateNodeImpl, in its order of checks: aspects and properties known, the node found,
 * a cm:cmobject, a type change only to a subtype, the parent unchanged, the caller allowed, the
 * node not locked, then aspects, properties and name. Every check runs before anything changes.
 * Rules from `tests/NodeApiTest.java` testUpdateNodeInfo and testUpdateType.
 */
export function updateNode(deps: NodeDeps, lookup: () => MockNode, req: NodeUpdate, user: MockUser, permissions?: PermissionUpdater): MockNode {
  const dict = deps.dictionary
  const aspects = req.aspectNames === undefined ? undefined : validateAspects(dict, req.aspectNames)
  const props = validateProperties(dict, req.properties)
  const node = lookup()
  validateCmObject(dict, node.nodeType)
  const draft: MockNode = { ...node, aspectNames: [...node.aspectNames], properties: { ...node.properties } }
  if (req.nodeType) draft.nodeType = specialised(dict, node.nodeType, req.nodeType)
  if (req.parentId !== undefined) checkParent(node, req.parentId)
  if (!deps.store.canWrite(node, user)) throw errors.permissionDenied()
  checkForLock(node, user.id, deps.clock.now())
  if (aspects) updateCustomAspects(dict, draft, aspects)
  const values = convertProperties(dict, deps.auth, props)
  setProperties(draft, values)
  addImpliedAspects(dict, draft, values.keys())
  if (req.name && req.name !== node.name) rename(deps, draft, req.name)
  checkIntegrity(dict, draft)
  const applyPermissions = req.permissions === undefined || req.permissions === null ? undefined : permissions?.(node, req.permissions, user)
  if (req.permissions !== undefined && req.permissions !== null && !applyPermissions) {
    throw errors.notImplemented('PUT', '/nodes/{nodeId} with "permissions"')
  }
  Object.assign(node, draft, { modifiedAt: deps.clock.now(), modifiedBy: user.id })
  applyPermissions?.()
  return node
}

/** NodesImpl.validateCmObject: only cm:cmobject and its subtypes, never cm:systemfolder ones. */
export function validateCmObject(dict: Dictionary, type: string): void {
  if (!dict.isSubClass(type, 'cm:cmobject')) throw errors.invalidLiteral(`Invalid type: ${dict.expanded(type)} - expected (sub-)type of cm:cmobject`)
  if (dict.isSubClass(type, 'cm:systemfolder')) throw errors.invalidLiteral(`Invalid type: ${dict.expanded(type)} - cannot be (sub-)type of cm:systemfolder`)
}

/** Specialise only: a proper subtype that is not a cm:systemfolder ("Failed to change (specialise) node type"). */
function specialised(dict: Dictionary, from: string, raw: string): string {
  const to = dict.prefixed(raw) ?? raw
  if (to === from) return from
  if (dict.type(to) && dict.isSubClass(to, from) && !dict.isSubClass(to, 'cm:systemfolder')) return to
  throw errors.invalidLiteral(`Failed to change (specialise) node type - from ${dict.expanded(from)} to ${dict.expanded(to)}`)
}

/** `parentId` may only repeat the current parent; Company Home has none (403). */
function checkParent(node: MockNode, parentId: string): void {
  if (node.parentId === undefined) throw errors.permissionDenied()
  if (parentId !== node.parentId) {
    throw errors.invalidLiteral(`Cannot update parentId of ${node.id} via PUT /nodes/{nodeId}. Please use explicit POST /nodes/{nodeId}/move operation instead`)
  }
}

/**
 * NodesImpl.updateCustomAspects: the list is the complete set; missing aspects go with their
 * properties, but cm:auditable, sys:* and mandatory aspects stay (the type re-adds them). The
 * versions that adding or removing cm:versionable makes or drops are the caller's (src/versions).
 */
function updateCustomAspects(dict: Dictionary, draft: MockNode, wanted: readonly string[]): void {
  const keep = new Set(dict.mandatoryAspects(draft.nodeType))
  for (const existing of [...draft.aspectNames]) {
    if (existing === 'cm:auditable' || existing.startsWith('sys:') || keep.has(existing) || wanted.includes(existing)) continue
    removeAspect(dict, draft, existing)
  }
  for (const a of wanted) {
    if (a === 'cm:auditable' || draft.aspectNames.includes(a)) continue
    addAspect(dict, draft, a)
  }
}

/** FileFolderService.rename: a clash in the folder → ConstraintViolatedException (409, the sentence is the key). */
function rename(deps: NodeDeps, draft: MockNode, name: string): void {
  if (draft.parentId !== undefined && nameTakenBy(deps.store, draft.parentId, name, draft.id)) {
    throw errors.invalidLiteral(`Name already exists in target parent: ${name}`, 409)
  }
  draft.name = name
}
