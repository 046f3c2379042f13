import type { AppDeps } from '../http/context.js'
import { isLocked } from '../nodes/locks.js'
import type { MockNode, MockUser } from '../store/types.js'

/**
 * The permission questions of versions, the trashcan, tags, comments, categories and ratings, in
 * one place: they ask the mock's permission model (NodeStore.canRead/canWrite) today, and follow
 * it when it grows roles.
 */
export interface Rights {
  canRead: (node: MockNode, user: MockUser) => boolean
  /** Write, AddChildren and Delete on an ordinary node. */
  canWrite: (node: MockNode, user: MockUser) => boolean
  /** ChangePermissions: admins and the owner (cm:owner, else the creator). */
  canChangePermissions: (node: MockNode, user: MockUser) => boolean
  /** The user holding a lock on the node now (cm:lockable with cm:lockOwner, not expired), if any. */
  lockOwner: (node: MockNode) => string | undefined
}

export function rightsOf(deps: Pick<AppDeps, 'store' | 'clock'>): Rights {
  return {
    canRead: (node, user) => deps.store.canRead(node, user),
    canWrite: (node, user) => deps.store.canWrite(node, user),
    canChangePermissions: (node, user) => user.admin || (node.properties['cm:owner'] ?? node.createdBy) === user.id,
    lockOwner: (node) => {
      const owner = node.properties['cm:lockOwner']
      // An expired lock holds no more (LockUtils.lockStatus, on the mock's clock).
      return typeof owner === 'string' && isLocked(node, owner, deps.clock.now()) ? owner : undefined
    },
  }
}
