import type { Hono } from 'hono'
import { errors } from '../errors.js'
import type { AppDeps, Env } from '../http/context.js'
import { NODE_FIELDS, readObjectBody, record, strings, text } from '../http/jackson.js'
import { jsonResponse } from '../http/respond.js'
import { copyNode, moveNode, resolveTargets, type NodeTarget } from '../nodes/copy-move.js'
import { clearLock, isLocked, LIFETIMES, LOCK_TYPES, lockNode, mayUnlock, type LockRequest } from '../nodes/locks.js'
import { isSpecialNode } from '../nodes/special.js'
import { updateNode, type NodeUpdate } from '../nodes/update.js'
import type { MockNode } from '../store/types.js'
import { createVersion, forgetVersions, VERSIONABLE, versionableAdded } from '../versions/service.js'
import { nodeEntry, resolveNode, viewOf, type NodeContext } from './nodes-shared.js'

/**
 * PUT /nodes/{nodeId} and the node operations POST /nodes/{nodeId}/copy (201), /move, /lock and
 * /unlock (200: NodesEntityResource's successStatus). The rules live in src/nodes/.
 */
export function registerNodeOperations(app: Hono<Env>, deps: AppDeps): void {
  app.put('/nodes/:nodeId', async (c) => {
    const user = c.get('user')
    const req = await readUpdate(c, deps)
    let wasVersioned = false
    const lookup = () => {
      const found = resolveNode(deps, c.req.param('nodeId'), user)
      wasVersioned = found.aspectNames.includes(VERSIONABLE)
      return found
    }
    const node = updateNode(deps, lookup, req, user, deps.permissionUpdater)
    versionsAfterUpdate(deps, node, wasVersioned, req.properties !== undefined)
    return jsonResponse(nodeEntry(deps, node, user, viewOf(c), true))
  })

  const target = async (c: NodeContext): Promise<NodeTarget> => {
    const b = await readObjectBody(c, deps.maxBodyBytes, { className: 'org.alfresco.rest.api.model.NodeTarget', fields: ['targetParentId', 'name'], single: true })
    return { targetParentId: text(b.targetParentId, 'targetParentId'), name: text(b.name, 'name') }
  }
  const lookup = (c: NodeContext) => (id: string) => resolveNode(deps, id, c.get('user'))

  app.post('/nodes/:nodeId/copy', async (c) => {
    const user = c.get('user')
    const t = await target(c)
    const { source, parent } = resolveTargets(t, lookup(c), c.req.param('nodeId'))
    const copy = copyNode(deps, source, parent, t.name, user)
    startHistories(deps, copy)
    return jsonResponse(nodeEntry(deps, copy, user, viewOf(c), true), 201)
  })

  app.post('/nodes/:nodeId/move', async (c) => {
    const user = c.get('user')
    const t = await target(c)
    const { source, parent } = resolveTargets(t, lookup(c), c.req.param('nodeId'))
    return jsonResponse(nodeEntry(deps, moveNode(deps, source, parent, t.name, user), user, viewOf(c), true))
  })

  app.post('/nodes/:nodeId/lock', async (c) => {
    const user = c.get('user')
    const req = await readLock(c, deps)
    const node = lockable(deps, c, 'lock')
    if (!deps.store.canWrite(node, user)) throw errors.permissionDenied()
    lockNode(node, user, req, deps.clock.now())
    return jsonResponse(nodeEntry(deps, node, user, viewOf(c), true))
  })

  app.post('/nodes/:nodeId/unlock', (c) => {
    const user = c.get('user')
    const node = lockable(deps, c, 'unlock')
    // NodesImpl.unlock: IntegrityException → 422; the Unlock permission otherwise (403).
    if (!isLocked(node, user.id, deps.clock.now())) throw errors.apiDefault(422, `Can't unlock node ${c.req.param('nodeId')} because it isn't locked`)
    if (!mayUnlock(node, user)) throw errors.permissionDenied()
    clearLock(node)
    return jsonResponse(nodeEntry(deps, node, user, viewOf(c), true))
  })
}

/**
 * The versions an update makes (VersionableAspect, NodeApiTest testUpdateNodeInfo): adding
 * cm:versionable makes 1.0, removing it drops the history (NodeVersionsApiTest), and with
 * cm:autoVersionOnUpdateProps=true a properties update makes a minor version.
 */
function versionsAfterUpdate(deps: AppDeps, node: MockNode, wasVersioned: boolean, propertiesSent: boolean): void {
  const versioned = node.aspectNames.includes(VERSIONABLE)
  if (versioned && !wasVersioned) versionableAdded(deps, node)
  else if (!versioned && wasVersioned) forgetVersions(deps, node)
  else if (versioned && propertiesSent && node.properties['cm:autoVersionOnUpdateProps'] === true) createVersion(deps, node, 'MINOR')
}

/** Each versionable node of a copy starts its own history at 1.0. */
function startHistories(deps: AppDeps, node: MockNode): void {
  versionableAdded(deps, node)
  for (const child of deps.store.children(node.id)) startHistories(deps, child)
}

/**
 * NodesImpl.lock/unlock: special nodes refuse whoever asks; lock takes cm:content and subtypes only
 * (`tests/NodeApiTest.java` testLock, testUnlock).
 */
function lockable(deps: AppDeps, c: NodeContext, op: 'lock' | 'unlock'): MockNode {
  const raw = c.req.param('nodeId') ?? ''
  const node = resolveNode(deps, raw, c.get('user'))
  if (isSpecialNode(deps.store, node)) throw errors.permissionDenied(`Current user doesn't have permission to ${op} node ${raw}`)
  if (op === 'lock' && !deps.dictionary.isSubClass(node.nodeType, 'cm:content')) {
    throw errors.invalidLiteral(`Node of type cm:content or a subtype is expected: ${raw}`)
  }
  return node
}

/** NodeBodyUpdate read into ACS's Node model (unknown fields 400, "" as null). */
async function readUpdate(c: NodeContext, deps: AppDeps): Promise<NodeUpdate> {
  const b = await readObjectBody(c, deps.maxBodyBytes, { className: 'org.alfresco.rest.api.model.Node', fields: NODE_FIELDS })
  return {
    name: text(b.name, 'name'),
    nodeType: text(b.nodeType, 'nodeType'),
    aspectNames: b.aspectNames === undefined || b.aspectNames === null ? undefined : strings(b.aspectNames),
    properties: b.properties === undefined || b.properties === null ? undefined : record(b.properties),
    parentId: text(b.parentId, 'parentId'),
    permissions: b.permissions,
  }
}

/** LockInfo: the enum setters reject unknown names; defaults ALLOW_OWNER_CHANGES, PERSISTENT, 0. */
async function readLock(c: NodeContext, deps: AppDeps): Promise<LockRequest> {
  const b = await readObjectBody(c, deps.maxBodyBytes, { className: 'org.alfresco.rest.api.model.LockInfo', fields: ['type', 'lifetime', 'timeToExpire'], single: true })
  const enumValue = <T extends string>(field: string, allowed: readonly T[], cls: string): T | undefined => {
    const v = b[field]
    if (v === undefined) return undefined
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T
    const name = typeof v === 'string' && v !== '' ? v : null
    throw errors.unreadableBody(name === null ? 'Name is null' : `No enum constant ${cls}.${name} (through reference chain: org.alfresco.rest.api.model.LockInfo["${field}"])`)
  }
  // Jackson coerces integral text ("60") to Integer; anything else ("NaN", 1.5e99) fails.
  const seconds = typeof b.timeToExpire === 'string' && /^[+-]?\d+$/.test(b.timeToExpire) ? Number(b.timeToExpire) : b.timeToExpire
  if (seconds !== undefined && seconds !== null && !(typeof seconds === 'number' && Number.isInteger(seconds) && Math.abs(seconds) <= 2 ** 31 - 1)) {
    throw errors.unreadableBody(`Cannot deserialize value of type \`java.lang.Integer\` from ${JSON.stringify(seconds)} (through reference chain: org.alfresco.rest.api.model.LockInfo["timeToExpire"])`)
  }
  return {
    type: enumValue('type', Object.keys(LOCK_TYPES) as (keyof typeof LOCK_TYPES)[], 'org.alfresco.rest.api.model.LockInfo.LockType2') ?? 'ALLOW_OWNER_CHANGES',
    lifetime: enumValue('lifetime', LIFETIMES, 'org.alfresco.service.cmr.lock.LockLifetime') ?? 'PERSISTENT',
    timeToExpire: typeof seconds === 'number' ? seconds : 0,
  }
}
