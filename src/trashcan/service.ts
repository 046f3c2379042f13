import { errors } from '../errors.js'
import type { ArchivedItem } from '../store/archive.js'
import { forgetNodes, type RepoDeps } from '../store/extras.js'
import { nodeIdOf } from '../store/node-store.js'
import type { MockNode, MockUser } from '../store/types.js'

/** What a restore sent: NodeTargetAssoc (`targetParentId`, `assocType`), or nothing (back where it was). */
export interface RestoreTarget {
  targetParentId: string | undefined
  assocType: string | undefined
}

export interface TrashcanRights {
  canWrite(node: MockNode, user: MockUser): boolean
}

/** Shared-link state a restored node must not keep (QuickShareServiceImpl.onRestoreNode strips it). */
const QSHARE_ASPECT = 'qshare:shared'
const QSHARE_PROPS = ['qshare:sharedId', 'qshare:sharedBy', 'qshare:expiryDate']

/**
 * DELETE /nodes/{id} without permanent=true: the node and its whole subtree leave the repository
 * for the archive store, keeping their ids (NodesImpl.deleteNode → fileFolderService.delete).
 */
export function archiveNode(deps: RepoDeps, node: MockNode, user: MockUser): void {
  const nodes = deps.store.detach(node.id)
  deps.extras.archive.add({ nodes, archivedAt: deps.clock.now(), archivedBy: user.id })
}

/** `permanent=true`: gone at once, with its versions, comments and ratings. */
export function deletePermanently(deps: RepoDeps, node: MockNode): void {
  forgetNodes(deps.extras, deps.store.detach(node.id).map((n) => n.id))
}

/**
 * GET /deleted-nodes: the deleted nodes themselves, most recently deleted first; admins see all,
 * anyone else what they deleted (NodeArchiveServiceImpl.getArchiveNodeRefAssocTypePair,
 * DeletedNodesTest.testCreateAndDelete).
 */
export function visibleArchive(deps: RepoDeps, user: MockUser): ArchivedItem[] {
  return deps.extras.archive.items().filter((i) => user.admin || i.archivedBy === user.id)
}

/**
 * An archived node — deleted itself or inside a deleted folder — for its archiver or an admin
 * (NodeArchiveServiceImpl.hasFullAccess): 404 when there is none, 403 for anyone else.
 */
export function requireArchived(deps: RepoDeps, id: string, user: MockUser): { node: MockNode; item: ArchivedItem } {
  return requireAccess(findArchived(deps, id), user)
}

function findArchived(deps: RepoDeps, id: string): { node: MockNode; item: ArchivedItem } {
  const found = deps.extras.archive.find(nodeIdOf(id))
  if (!found) throw errors.entityNotFound(id)
  return found
}

function requireAccess<T extends { item: ArchivedItem }>(found: T, user: MockUser): T {
  if (!user.admin && found.item.archivedBy !== user.id) throw errors.permissionDenied()
  return found
}

/**
 * POST /deleted-nodes/{id}/restore (DeletedNodesImpl.restoreArchivedNode, DeletedNodesTest.
 * testCreateAndRestore): back under its parent, or under `targetParentId`. A parent that is not
 * there (deleted too) is NotFoundException "Invalid parent id <target>" — `null` when restoring to
 * the original parent, as RestoreNodeReport carries no target then; a name taken there is 409.
 * The target is read before the archive is asked (and refuses another user's node with 403).
 */
export function restoreArchived(deps: RepoDeps, id: string, target: RestoreTarget | undefined, user: MockUser, rights: TrashcanRights): MockNode {
  const found = findArchived(deps, id)
  const parentId = target ? targetOf(target) : found.node.parentId
  const { node } = requireAccess(found, user)
  const parent = parentId === undefined ? undefined : deps.store.get(parentId)
  if (!parent) {
    const message = `Invalid parent id ${target ? `workspace://SpacesStore/${parentId}` : 'null'}`
    throw errors.invalidLiteral(message, 404)
  }
  if (!rights.canWrite(parent, user)) throw errors.permissionDenied()
  const lower = node.name.toLowerCase()
  if (deps.store.children(parent.id).some((n) => n.name.toLowerCase() === lower)) {
    throw errors.invalidLiteral('Name already exists in target', 409)
  }
  // A file cannot hold children: ACS's integrity check fails the restore as FAILURE_OTHER.
  if (!parent.isFolder) throw errors.invalidLiteral(`Unable to restore node ${id}`, 500)
  const nodes = deps.extras.archive.take(node.id)
  nodes[0]!.parentId = parent.id
  for (const n of nodes) {
    stripSharing(n)
    deps.store.add(n)
  }
  return nodes[0]!
}

/** DELETE /deleted-nodes/{id}: gone for good, with everything kept beside it. */
export function purgeArchived(deps: RepoDeps, id: string, user: MockUser): void {
  const { node } = requireArchived(deps, id, user)
  forgetNodes(deps.extras, deps.extras.archive.take(node.id).map((n) => n.id))
}

/**
 * The target of a restore: DeletedNodesImpl builds `new NodeRef(store, targetParentId)` first
 * (null → IllegalArgumentException), then NodesImpl.getAssocType(assocType, mandatory).
 */
function targetOf(target: RestoreTarget): string {
  if (target.targetParentId === undefined) throw errors.illegalArgument('Node id may not be null')
  const assocType = target.assocType
  if (assocType === undefined) throw errors.invalidLiteral('Missing assocType')
  if (assocType.startsWith('sys:')) throw errors.invalidLiteral(`Invalid assocType: ${assocType}`)
  if (assocType !== 'cm:contains') throw errors.invalidLiteral(`Unknown assocType: ${assocType}`)
  return target.targetParentId
}

function stripSharing(node: MockNode): void {
  if (!node.aspectNames.includes(QSHARE_ASPECT)) return
  node.aspectNames = node.aspectNames.filter((a) => a !== QSHARE_ASPECT)
  for (const p of QSHARE_PROPS) delete node.properties[p]
}
