import { errors } from '../errors.js'
import { isoDate, parseIso8601 } from '../model/values.js'
import type { NodeStore } from '../store/node-store.js'
import type { MockNode, MockUser } from '../store/types.js'

/**
 * Locks as ACS's LockServiceImpl keeps them: the cm:lockable aspect with cm:lockOwner,
 * cm:lockType (WRITE_LOCK for ALLOW_OWNER_CHANGES, READ_ONLY_LOCK for FULL), cm:lockLifetime and
 * cm:expiryDate. The state is derived from the clock when read (LockUtils.lockStatus), so an
 * expired lock needs no timer. EPHEMERAL locks show the same properties in ACS too (its
 * LockableAspectInterceptor injects them), so the mock stores both kinds alike.
 */
export type LockStatus = 'NO_LOCK' | 'LOCKED' | 'LOCK_OWNER' | 'LOCK_EXPIRED'
export type LockType = 'WRITE_LOCK' | 'READ_ONLY_LOCK'

/** LockInfo.LockType2 → LockType. */
export const LOCK_TYPES = { ALLOW_OWNER_CHANGES: 'WRITE_LOCK', FULL: 'READ_ONLY_LOCK' } as const satisfies Record<string, LockType>
export const LIFETIMES = ['PERSISTENT', 'EPHEMERAL'] as const

/** LockServiceImpl.MAX_EPHEMERAL_LOCK_SECONDS (two days). */
const MAX_EPHEMERAL_SECONDS = 172_800

export interface LockRequest {
  type: keyof typeof LOCK_TYPES
  lifetime: (typeof LIFETIMES)[number]
  /** Seconds; 0 or less = never expires. */
  timeToExpire: number
}

export function lockStatus(node: MockNode, userId: string, now: number): LockStatus {
  const owner = node.properties['cm:lockOwner']
  if (!node.aspectNames.includes('cm:lockable') || typeof owner !== 'string') return 'NO_LOCK'
  const expiry = node.properties['cm:expiryDate']
  const expiresAt = typeof expiry === 'string' ? parseIso8601(expiry) : undefined
  if (expiresAt !== undefined && expiresAt <= now) return 'LOCK_EXPIRED'
  return owner === userId ? 'LOCK_OWNER' : 'LOCKED'
}

/** LockServiceImpl.isLocked: locked by anyone, the caller included. */
export function isLocked(node: MockNode, userId: string, now: number): boolean {
  const s = lockStatus(node, userId, now)
  return s === 'LOCKED' || s === 'LOCK_OWNER'
}

/**
 * LockServiceImpl.checkForLock (beforeUpdateNode, beforeDeleteNode, onMoveNode): a WRITE_LOCK
 * stops everyone but the lock owner, a READ_ONLY_LOCK stops everyone. NodeLockedException → 409.
 */
export function checkForLock(node: MockNode, userId: string, now: number): void {
  const status = lockStatus(node, userId, now)
  const type = node.properties['cm:lockType']
  const blocked = status === 'LOCKED' || (status === 'LOCK_OWNER' && type === 'READ_ONLY_LOCK')
  if (blocked) throw errors.apiDefault(409, `Cannot perform operation since the node (id:${node.id}) is locked.`)
}

/**
 * A delete cascades: beforeDeleteNode fires for every node of the subtree, in tree order. With its
 * own stack: a subtree 20,000 deep overflowed the call stack (issue 8 item 3).
 */
export function checkSubtreeForLock(store: NodeStore, node: MockNode, userId: string, now: number): void {
  const pending = [node]
  while (pending.length > 0) {
    const current = pending.pop()!
    checkForLock(current, userId, now)
    const children = store.children(current.id)
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!)
  }
}

/** LockServiceImpl.lock: a node locked by someone else → UnableToAquireLockException (422). */
export function lockNode(node: MockNode, user: MockUser, req: LockRequest, now: number): void {
  if (req.lifetime === 'EPHEMERAL' && req.timeToExpire > MAX_EPHEMERAL_SECONDS) {
    throw errors.illegalArgument(`Attempt to create ephemeral lock for ${req.timeToExpire} seconds - exceeds maximum allowed time.`)
  }
  if (lockStatus(node, user.id, now) === 'LOCKED') {
    throw errors.apiDefault(422, `The node (id: ${node.id}) could not be locked since it is already locked by another user.`)
  }
  if (!node.aspectNames.includes('cm:lockable')) node.aspectNames.push('cm:lockable')
  node.properties['cm:lockOwner'] = user.id
  node.properties['cm:lockType'] = LOCK_TYPES[req.type]
  node.properties['cm:lockLifetime'] = req.lifetime
  if (req.timeToExpire > 0) node.properties['cm:expiryDate'] = isoDate(now + req.timeToExpire * 1000)
  else delete node.properties['cm:expiryDate']
}

const LOCK_PROPS = ['cm:lockOwner', 'cm:lockType', 'cm:lockLifetime', 'cm:expiryDate', 'cm:lockIsDeep', 'cm:lockAdditionalInfo']

/** Removing cm:lockable takes its properties with it (LockServiceImpl.unlock). */
export function clearLock(node: MockNode): void {
  node.aspectNames = node.aspectNames.filter((a) => a !== 'cm:lockable')
  for (const p of LOCK_PROPS) delete node.properties[p]
}

/** Unlock needs the Unlock permission: the lock owner (ROLE_LOCK_OWNER), the node's owner, admins. */
export function mayUnlock(node: MockNode, user: MockUser): boolean {
  const owner = typeof node.properties['cm:owner'] === 'string' ? node.properties['cm:owner'] : node.createdBy
  return user.admin || node.properties['cm:lockOwner'] === user.id || owner === user.id
}
