import type { AuthStore } from '../store/auth-store.js'
import type { ArchivedItem } from '../store/archive.js'
import type { MockNode, MockUser } from '../store/types.js'
import type { VersionRecord } from '../store/versions.js'
import { alfrescoDate } from './format.js'
import { nodeJson, pathBelow, type NodeJson, type NodeJsonDeps } from './node-json.js'

/** ACS's `Version` (spec): the frozen node's JSON with the label as id, and no parent or creation fields. */
export type VersionJson = Omit<NodeJson, 'parentId' | 'createdAt' | 'createdByUser'> & { versionComment?: string }

/** ACS's `DeletedNode`: the node's JSON without parentId, plus who deleted it and when. */
export type DeletedNodeJson = Omit<NodeJson, 'parentId'> & { archivedAt: string; archivedByUser: { id: string; displayName: string } }

/**
 * NodeVersionsRelation.mapVersionInfo over getFolderOrDocument(frozen state): id = the label,
 * versionComment, cm:versionType from the version, and no parentId, createdAt or createdByUser.
 * Only properties and aspectNames (and single property names) apply to a version.
 */
export function versionJson(deps: NodeJsonDeps, version: VersionRecord, user: MockUser, include: readonly string[] | undefined, full: boolean): VersionJson {
  const f = version.frozen
  const frozen: MockNode = {
    id: version.label,
    name: f.name,
    nodeType: f.nodeType,
    isFolder: f.isFolder,
    parentId: undefined,
    createdAt: f.createdAt,
    modifiedAt: f.modifiedAt,
    createdBy: f.createdBy,
    modifiedBy: f.modifiedBy,
    aspectNames: [...f.aspectNames],
    properties: { ...f.properties, 'cm:versionType': version.type },
    ...(f.content ? { content: f.content } : {}),
  }
  const kept = (include ?? []).filter((i) => i === 'properties' || i === 'aspectNames' || i.includes(':'))
  const { createdAt: _a, createdByUser: _b, parentId: _c, ...json } = nodeJson(deps, frozen, user, { include: kept, full })
  return { ...json, ...(version.comment ? { versionComment: version.comment } : {}) }
}

/**
 * DeletedNodesImpl.mapArchiveInfo: archivedAt, archivedByUser, no parentId. `include=path` is the
 * path of the node's old parent while that parent is still in the repository, else none
 * (DeletedNodesTest.testCreateAndDelete).
 */
export function deletedNodeJson(deps: NodeJsonDeps, node: MockNode, item: ArchivedItem, user: MockUser, include: readonly string[] | undefined, full: boolean): DeletedNodeJson {
  const withoutPath = (include ?? []).filter((i) => i !== 'path')
  const { parentId: _p, ...json } = nodeJson(deps, node, user, { include: withoutPath, full })
  const out: DeletedNodeJson = { ...json, archivedAt: alfrescoDate(item.archivedAt), archivedByUser: userInfo(deps.auth, item.archivedBy) }
  const parent = node.parentId === undefined ? undefined : deps.store.get(node.parentId)
  if (include?.includes('path') && parent) out.path = pathBelow(deps.store, [...deps.store.ancestors(parent.id), parent], user)
  return out
}

function userInfo(auth: AuthStore, id: string): { id: string; displayName: string } {
  return { id, displayName: auth.users.get(id)?.displayName ?? id }
}
