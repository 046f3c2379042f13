import { errors } from '../errors.js'
import type { CommentRecord } from '../store/comments.js'
import type { RepoDeps } from '../store/extras.js'
import type { MockNode, MockUser } from '../store/types.js'
import { isAnnotatable } from '../tags/service.js'

/** What a comment body carries (Comment: `content`, and `title`, which Jackson fills from the field). */
export interface CommentInput {
  content: string | undefined
  title: string | undefined
}

/**
 * The permissions CommentServiceImpl checks, in the mock's permission model: Write on the node
 * stands for AddChildren (to comment) and for Delete on the comment; Coordinator and
 * SiteManager, who may edit anyone's comment, have no counterpart but admins.
 */
export interface CommentRights {
  canRead(node: MockNode, user: MockUser): boolean
  canWrite(node: MockNode, user: MockUser): boolean
  /** The node's lock keeps everyone but the lock owner from changing its comments (null: no lock). */
  lockOwner?(node: MockNode): string | undefined
}

const DISCUSSABLE = 'fm:discussable'
const ROLLUP = 'fm:commentsRollup'
const COUNT = 'fm:commentCount'

/** GET /nodes/{id}/comments: newest first (cm:created descending, CommentServiceImpl.listComments). */
export function commentsOf(deps: RepoDeps, node: MockNode): CommentRecord[] {
  return [...deps.extras.comments.list(node.id)].reverse()
}

/**
 * CommentsImpl.createComment, for each comment of the body (all checked before any is made, as
 * the request is one transaction): 405 "Cannot comment on this node" for forum nodes and
 * categories; a null content is CommentServiceImpl's IllegalArgumentException turned into a 400.
 * The node becomes fm:discussable with an fm:commentCount rollup.
 */
export function createComments(deps: RepoDeps, node: MockNode, inputs: readonly CommentInput[], user: MockUser, rights: CommentRights): CommentRecord[] {
  if (!isAnnotatable(node)) throw errors.invalidLiteral('Cannot comment on this node', 405)
  if (inputs.some((i) => i.content === undefined)) throw errors.invalidLiteral('Must provide a non-null comment')
  if (!rights.canWrite(node, user)) throw errors.permissionDenied()
  requireUnlocked(node, user, rights)
  const now = deps.clock.now()
  const created = inputs.map((input) =>
    deps.extras.comments.add({
      id: deps.ids.uuid(),
      nodeId: node.id,
      ...(input.title !== undefined ? { title: input.title } : {}),
      content: input.content!,
      createdAt: now,
      createdBy: user.id,
      modifiedAt: now,
      modifiedBy: user.id,
    }),
  )
  rollUp(deps, node)
  return created
}

/** The comment, if it belongs to the node (CommentsImpl checks the comment's discussable ancestor). */
export function requireComment(deps: RepoDeps, node: MockNode, commentId: string): CommentRecord {
  const comment = deps.extras.comments.get(commentId)
  if (!comment) throw errors.entityNotFound(commentId)
  if (comment.nodeId !== node.id) throw errors.invalidLiteral(`Unexpected ${node.id},${commentId}`)
  return comment
}

/**
 * CommentsImpl.updateComment: null content → 400 (InvalidArgumentException); only someone who may
 * edit it (CommentServiceImpl.onUpdateProperties: "Cannot edit comment" → 403); a locked node →
 * 409 for all but the lock owner (MNT-14945, TestNodeComments).
 */
export function updateComment(deps: RepoDeps, node: MockNode, commentId: string, input: CommentInput, user: MockUser, rights: CommentRights): CommentRecord {
  const comment = requireComment(deps, node, commentId)
  // `new InvalidArgumentException()`: the framework's message with nothing to fill in.
  if (input.content === undefined) throw errors.invalidArgument('An invalid argument was received')
  requireUnlocked(node, user, rights)
  if (!canEditComment(comment, user)) throw errors.permissionDenied()
  comment.content = input.content
  if (input.title !== undefined) comment.title = input.title
  comment.modifiedAt = deps.clock.now()
  comment.modifiedBy = user.id
  return comment
}

/** CommentServiceImpl.beforeDeleteNode: Delete permission on the comment, and no lock but the caller's. */
export function deleteComment(deps: RepoDeps, node: MockNode, commentId: string, user: MockUser, rights: CommentRights): void {
  const comment = requireComment(deps, node, commentId)
  const canDelete = canDeleteComment(node, comment, user, rights)
  if (canDelete) requireUnlocked(node, user, rights)
  if (!canDelete) throw errors.permissionDenied()
  deps.extras.comments.remove(comment)
  rollUp(deps, node)
}

/** CommentServiceImpl.getCommentPermissions: both false on a node locked by someone else. */
export function commentPermissions(node: MockNode, comment: CommentRecord, user: MockUser, rights: CommentRights): { canEdit: boolean; canDelete: boolean } {
  if (lockedFor(node, user, rights)) return { canEdit: false, canDelete: false }
  return { canEdit: canEditComment(comment, user), canDelete: canDeleteComment(node, comment, user, rights) }
}

/** canEditPermission: the creator (who owns it) or a Coordinator/SiteManager — here, an admin. */
function canEditComment(comment: CommentRecord, user: MockUser): boolean {
  return user.admin || comment.createdBy === user.id
}

/** canDeletePermission: Delete on the comment, which its owner always has and which it inherits from the node. */
function canDeleteComment(node: MockNode, comment: CommentRecord, user: MockUser, rights: CommentRights): boolean {
  return user.admin || comment.createdBy === user.id || rights.canWrite(node, user)
}

function lockedFor(node: MockNode, user: MockUser, rights: CommentRights): boolean {
  const owner = rights.lockOwner?.(node)
  return owner !== undefined && owner !== user.id
}

/** NodeLockedException → 409 (ConstraintViolated-like; ACS writes the node ref in the message). */
function requireUnlocked(node: MockNode, user: MockUser, rights: CommentRights): void {
  if (lockedFor(node, user, rights)) {
    throw errors.apiDefault(409, `Cannot perform operation since the node (id:${node.id}) is locked.`)
  }
}

function rollUp(deps: RepoDeps, node: MockNode): void {
  rollUpComments(node, deps.extras.comments.list(node.id).length)
}

/** fm:discussable and the fm:commentCount rollup (CommentServiceImpl.createComment; ForumPostBehaviours keeps the count). */
export function rollUpComments(node: MockNode, count: number): void {
  for (const aspect of [DISCUSSABLE, ROLLUP]) if (!node.aspectNames.includes(aspect)) node.aspectNames.push(aspect)
  node.properties[COUNT] = count
}
