import { errors } from '../errors.js'
import { checkIntegrity } from '../model/constraints.js'
import type { MockNode, MockUser } from '../store/types.js'
import type { NodeDeps } from './deps.js'
import { checkForLock, clearLock } from './locks.js'
import { nameTakenBy } from './names.js'
import { isSpecialNode } from './special.js'

/** `{targetParentId, name?}` of POST /nodes/{id}/copy and /move (ACS's NodeTarget). */
export interface NodeTarget {
  targetParentId: string | undefined
  name: string | undefined
}

/** Aspects a copy never carries: the lock, a shared link, ownership (QuickShareServiceImpl, LockServiceImpl copy callbacks). */
const NOT_COPIED = new Set(['cm:lockable', 'qshare:shared', 'cm:ownable', 'cm:checkedOut', 'cm:workingcopy'])

/**
 * NodesImpl.moveOrCopyNode → moveOrCopyImpl over FileFolderService, in its order: targetParentId
 * given, target then source found, then the checks of the operation. Rules from
 * `tests/NodeApiTest.java` testMove and testCopy.
 */
export function resolveTargets(target: NodeTarget, lookup: (id: string) => MockNode, sourceId: string): { source: MockNode; parent: MockNode } {
  if (!target.targetParentId) throw errors.invalidLiteral('Missing targetParentId')
  const parent = lookup(target.targetParentId)
  const source = lookup(sourceId)
  return { source, parent }
}

/**
 * FileFolderService.copy: a deep copy of a folder; the copy is the caller's, dated now, with new
 * ids, content and properties, and cm:copiedfrom (CopyServiceImpl links it to its original).
 * Copying into its own subtree is allowed: the subtree is read before anything is added.
 */
export function copyNode(deps: NodeDeps, source: MockNode, parent: MockNode, name: string | undefined, user: MockUser): MockNode {
  if (!deps.store.canRead(source, user)) throw errors.permissionDenied()
  checkTarget(deps, parent, user)
  const finalName = name ?? source.name
  // "Name already exists in target parent: <name>" names what was asked for: "null" when nothing was.
  if (nameTakenBy(deps.store, parent.id, finalName)) throw errors.invalidLiteral(`Name already exists in target parent: ${String(name ?? null)}`, 409)
  const tree = snapshot(deps, source)
  const top = copyOf(deps, source, parent.id, finalName, user)
  checkIntegrity(deps.dictionary, top)
  deps.store.add(top)
  const queue = tree.map((child) => ({ child, parentId: top.id }))
  for (let item = queue.shift(); item; item = queue.shift()) {
    const copy = deps.store.add(copyOf(deps, item.child.node, item.parentId, item.child.node.name, user))
    queue.push(...item.child.children.map((child) => ({ child, parentId: copy.id })))
  }
  return top
}

interface Snapshot {
  node: MockNode
  children: Snapshot[]
}

function snapshot(deps: NodeDeps, node: MockNode): Snapshot[] {
  return deps.store.children(node.id).map((c) => ({ node: c, children: snapshot(deps, c) }))
}

function copyOf(deps: NodeDeps, node: MockNode, parentId: string, name: string, user: MockUser): MockNode {
  const now = deps.clock.now()
  const copy: MockNode = {
    ...node,
    id: deps.ids.uuid(),
    name,
    parentId,
    createdAt: now,
    modifiedAt: now,
    createdBy: user.id,
    modifiedBy: user.id,
    aspectNames: node.aspectNames.filter((a) => !NOT_COPIED.has(a)),
    properties: structuredClone(node.properties),
  }
  delete copy.alias
  delete copy.system
  clearLock(copy)
  // The copy starts its own version history (VersionableAspect's copy callback), made by the caller.
  for (const p of ['cm:owner', 'qshare:sharedId', 'qshare:sharedBy', 'qshare:expiryDate', 'cm:versionLabel', 'cm:versionType']) delete copy.properties[p]
  if (!copy.aspectNames.includes('cm:copiedfrom')) copy.aspectNames.push('cm:copiedfrom')
  if (node.readers) copy.readers = [...node.readers]
  if (node.writers) copy.writers = [...node.writers]
  return copy
}

/**
 * FileFolderService.move: special nodes refuse (403 "Cannot move: <id>"), the caller needs delete
 * on the source and add-children on the target, a locked source refuses (409), a node cannot go
 * below itself (CyclicChildRelationshipException → 400).
 */
export function moveNode(deps: NodeDeps, source: MockNode, parent: MockNode, name: string | undefined, user: MockUser): MockNode {
  if (source.id !== parent.id && isSpecialNode(deps.store, source)) throw errors.permissionDenied(`Cannot move: ${source.id}`)
  checkTarget(deps, parent, user)
  if (!deps.store.canWrite(source, user)) throw errors.permissionDenied()
  checkForLock(source, user.id, deps.clock.now())
  if (parent.id === source.id || deps.store.ancestors(parent.id).some((a) => a.id === source.id)) {
    throw errors.illegalArgument('Node has been pasted into its own tree.')
  }
  const finalName = name ?? source.name
  if (nameTakenBy(deps.store, parent.id, finalName, source.id)) throw errors.invalidLiteral(`Name already exists in target parent: ${String(name ?? null)}`, 409)
  if (finalName !== source.name) checkIntegrity(deps.dictionary, { ...source, name: finalName })
  const renamed = finalName !== source.name
  deps.store.move(source.id, parent.id)
  if (renamed) Object.assign(source, { name: finalName, modifiedAt: deps.clock.now(), modifiedBy: user.id })
  return source
}

/** The target must be a folder (InvalidTypeException → 400) the caller may add to (403). */
function checkTarget(deps: NodeDeps, parent: MockNode, user: MockUser): void {
  if (!parent.isFolder) throw errors.invalidLiteral(`Invalid type of target parent: ${parent.id}`)
  if (!deps.store.canWrite(parent, user)) throw errors.permissionDenied()
}
