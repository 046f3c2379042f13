import type { CommentRecord } from '../store/comments.js'
import type { AuthStore } from '../store/auth-store.js'
import type { MockUser } from '../store/types.js'
import type { TagRecord } from '../store/tags.js'
import type { NodeRatingView } from '../ratings/service.js'
import { alfrescoDate } from './format.js'

/** ACS's `Person` as PeopleImpl.getPerson writes it without include=capabilities (the cm:, sys: and usr: properties hidden). */
export interface PersonJson {
  id: string
  firstName?: string
  lastName?: string
  displayName?: string
  email?: string
  enabled?: boolean
  emailNotificationsEnabled?: boolean
  company?: Record<string, never>
}

export interface CommentJson {
  id: string
  title?: string
  content: string
  createdAt: string
  createdBy: PersonJson
  modifiedAt: string
  modifiedBy: PersonJson
  edited: boolean
  canEdit: boolean
  canDelete: boolean
}

/** A person by user name; one the repository no longer has is just its name (CommentsImpl.toComment). */
export function personJson(auth: AuthStore, id: string): PersonJson {
  const user: MockUser | undefined = auth.users.get(id)
  if (!user) return { id }
  return {
    id: user.id,
    firstName: user.firstName,
    ...(user.lastName ? { lastName: user.lastName } : {}),
    displayName: user.displayName,
    ...(user.email ? { email: user.email } : {}),
    enabled: user.enabled,
    emailNotificationsEnabled: true,
    company: {},
  }
}

/** Comment.java: `edited` when modified at least 100 ms after creation (as the old JavaScript API decided). */
export function commentJson(auth: AuthStore, comment: CommentRecord, rights: { canEdit: boolean; canDelete: boolean }): CommentJson {
  return {
    id: comment.id,
    ...(comment.title ? { title: comment.title } : {}),
    content: comment.content,
    createdAt: alfrescoDate(comment.createdAt),
    createdBy: personJson(auth, comment.createdBy),
    modifiedAt: alfrescoDate(comment.modifiedAt),
    modifiedBy: personJson(auth, comment.modifiedBy),
    edited: comment.modifiedAt - comment.createdAt >= 100,
    canEdit: rights.canEdit,
    canDelete: rights.canDelete,
  }
}

/** Tag.java: id, tag, and count when asked for. */
export function tagJson(tag: TagRecord, count?: number): { id: string; tag: string; count?: number } {
  return { id: tag.id, tag: tag.name, ...(count !== undefined ? { count } : {}) }
}

/** NodeRating.java: the scheme as id, the caller's rating and when, and the aggregate. */
export function ratingJson(view: NodeRatingView): Record<string, unknown> {
  return {
    id: view.id,
    ...(view.myRating !== undefined ? { myRating: view.myRating } : {}),
    ...(view.ratedAt !== undefined ? { ratedAt: alfrescoDate(view.ratedAt) } : {}),
    aggregate: view.aggregate,
  }
}
