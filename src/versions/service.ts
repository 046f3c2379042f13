import { errors } from '../errors.js'
import type { RepoDeps } from '../store/extras.js'
import type { MockNode, MockUser } from '../store/types.js'
import { freeze, nextLabel, type FrozenNode, type VersionRecord, type VersionType } from '../store/versions.js'

/** The aspect that makes a node versioned (versionService.isVersioned). */
export const VERSIONABLE = 'cm:versionable'
const LABEL = 'cm:versionLabel'
const TYPE = 'cm:versionType'

/** The version parameters of a create or an update: `majorVersion` and `comment`, each optional. */
export interface VersionRequest {
  major?: boolean | undefined
  comment?: string | undefined
}

/** May the caller change the node (Write; Delete for a version — the mock's permission model has one right for both). */
export type CanWrite = (node: MockNode, user: MockUser) => boolean

/**
 * NodesImpl.createVersion: adds cm:versionable when missing, then records the node as it is now
 * under the next label (SerialVersionLabelPolicy), which the live node shows as cm:versionLabel.
 */
export function createVersion(deps: RepoDeps, node: MockNode, type: VersionType, comment?: string): VersionRecord {
  if (!node.aspectNames.includes(VERSIONABLE)) node.aspectNames.push(VERSIONABLE)
  const label = nextLabel(deps.extras.versions.history(node.id).at(-1)?.label, type)
  node.properties[LABEL] = label
  node.properties[TYPE] = type
  const record: VersionRecord = { label, type, ...(comment !== undefined ? { comment } : {}), frozen: freeze(node) }
  deps.extras.versions.append(node.id, record)
  return record
}

/**
 * NodesImpl.createNewFile: a new file gets its first version when `majorVersion` or `comment` is
 * given — MAJOR (1.0) unless majorVersion=false (0.1). Uploads pass major=true unless told otherwise.
 */
export function initialVersion(deps: RepoDeps, node: MockNode, req: VersionRequest): void {
  if (node.isFolder || (req.major === undefined && req.comment === undefined)) return
  createVersion(deps, node, req.major === false ? 'MINOR' : 'MAJOR', req.comment)
}

/**
 * NodesImpl.updateExistingFile after new content: an unversioned node gets a version only when
 * majorVersion or comment is given; a versioned one always, unless cm:autoVersion is false
 * (MNT-25259, NodeVersionsApiTest.testUpdateContentRespectsAutoVersionFalse). The type is the
 * one asked for, else MINOR — MAJOR when there is no version yet.
 */
export function versionAfterContentUpdate(deps: RepoDeps, node: MockNode, req: VersionRequest): void {
  const versioned = node.aspectNames.includes(VERSIONABLE)
  if (!versioned && req.major === undefined && req.comment === undefined) return
  if (versioned && node.properties['cm:autoVersion'] === false) return
  const first = !versioned || node.properties[LABEL] === undefined
  const type: VersionType = req.major !== undefined ? (req.major ? 'MAJOR' : 'MINOR') : first ? 'MAJOR' : 'MINOR'
  createVersion(deps, node, type, req.comment)
}

/**
 * VersionableAspect.onAddAspect: cm:versionable just added (create or update with aspectNames)
 * makes the initial version — MAJOR unless cm:versionType says MINOR, none if cm:initialVersion
 * is false or a version was made already (NodeVersionsApiTest.testCreateEmptyFileVersionUpdate).
 */
export function versionableAdded(deps: RepoDeps, node: MockNode): void {
  if (!node.aspectNames.includes(VERSIONABLE) || node.properties['cm:initialVersion'] === false) return
  if (deps.extras.versions.history(node.id).length > 0) return
  createVersion(deps, node, node.properties[TYPE] === 'MINOR' ? 'MINOR' : 'MAJOR')
}

/** The version history, newest first (NodeVersionsRelation.readAll). */
export function versionsOf(deps: RepoDeps, node: MockNode): VersionRecord[] {
  return [...deps.extras.versions.history(node.id)].reverse()
}

/**
 * NodeVersionsRelation.findVersion: no history → EntityNotFoundException("<nodeId>-<label>");
 * a label the history lacks → VersionDoesNotExistException (404, not an API exception).
 */
export function requireVersion(deps: RepoDeps, node: MockNode, nodeIdAsGiven: string, label: string): VersionRecord {
  const history = deps.extras.versions.history(node.id)
  if (history.length === 0) throw errors.entityNotFound(`${nodeIdAsGiven}-${label}`)
  const found = history.find((v) => v.label === label)
  if (!found) throw errors.apiDefault(404, `The version with label ${label} does not exist in the version store.`)
  return found
}

/**
 * NodeVersionsRelation.delete: Delete permission on the live node, else 403 "Cannot delete
 * version"; the last remaining version cannot go (IntegrityException, 422, REPO-835). Deleting
 * the head makes the node what the previous version was (NodeVersionsApiTest.testDeleteVersion).
 */
export function deleteVersion(deps: RepoDeps, node: MockNode, nodeIdAsGiven: string, label: string, user: MockUser, canWrite: CanWrite): void {
  requireVersion(deps, node, nodeIdAsGiven, label)
  if (!canWrite(node, user)) throw errors.invalidLiteral('Cannot delete version', 403)
  const history = deps.extras.versions.history(node.id)
  if (history.length === 1) {
    throw errors.apiDefault(422, `Cannot delete last version (did you mean to disable versioning instead ?) [${nodeIdAsGiven},${label}]`)
  }
  const wasHead = deps.extras.versions.remove(node.id, label)
  if (wasHead) restoreFrozen(deps, node, history.at(-1)!.frozen, user)
}

/**
 * NodeVersionsRelation.revertById: the node takes the version's content, properties and aspects
 * (VersionService.revert, not deep), then a new version records it — MINOR unless majorVersion
 * is true (NodeVersionsApiTest.testRevert). Needs Write on the node.
 */
export function revertVersion(deps: RepoDeps, node: MockNode, nodeIdAsGiven: string, label: string, req: VersionRequest, user: MockUser, canWrite: CanWrite): VersionRecord {
  const version = requireVersion(deps, node, nodeIdAsGiven, label)
  if (!canWrite(node, user)) throw errors.permissionDenied()
  restoreFrozen(deps, node, version.frozen, user)
  return createVersion(deps, node, req.major === true ? 'MAJOR' : 'MINOR', req.comment)
}

/** Removing cm:versionable clears the history and the label (NodeVersionsApiTest.testDeleteVersion). */
export function forgetVersions(deps: RepoDeps, node: MockNode): void {
  deps.extras.versions.forget(node.id)
  node.aspectNames = node.aspectNames.filter((a) => a !== VERSIONABLE)
  delete node.properties[LABEL]
  delete node.properties[TYPE]
}

/** The live node becomes what a version froze: content, properties, aspects — and its name, unless a sibling took it since. */
function restoreFrozen(deps: RepoDeps, node: MockNode, frozen: FrozenNode, user: MockUser): void {
  const lower = frozen.name.toLowerCase()
  const clash = node.parentId !== undefined && deps.store.children(node.parentId).some((n) => n !== node && n.name.toLowerCase() === lower)
  if (!clash) node.name = frozen.name
  node.properties = structuredClone(frozen.properties)
  node.aspectNames = [...frozen.aspectNames]
  if (frozen.content) node.content = { ...frozen.content }
  node.modifiedAt = deps.clock.now()
  node.modifiedBy = user.id
}
