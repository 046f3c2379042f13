import { categoryId } from '../../src/categories/service.js'
import { stableId } from '../../src/ids.js'
import type { Case } from './cases.js'

/**
 * Versions, the trashcan, tags, comments, categories and ratings. They run after the nodes cases:
 * `fileId` is then the file those versioned (1.0) and deleted, so it waits in the trashcan.
 */
const PLAN = stableId('Company Home', 'Shared', 'Projects', 'Apollo', 'plan.md')
const ARCHIVE = stableId('Company Home', 'Shared', 'Projects', 'Archive')
const LANGUAGES = categoryId(['Languages'])
const ALICE = 'alice:alice'

const versions: Case[] = [
  { name: 'version history', method: 'GET', path: `/nodes/${PLAN}/versions`, status: 200 },
  { name: 'a page of it with properties', method: 'GET', path: `/nodes/${PLAN}/versions?include=properties&maxItems=1`, status: 200 },
  { name: 'a version', method: 'GET', path: `/nodes/${PLAN}/versions/1.0`, status: 200 },
  { name: 'an unknown label', method: 'GET', path: `/nodes/${PLAN}/versions/9.9`, status: 404 },
  { name: 'a version’s content', method: 'GET', path: `/nodes/${PLAN}/versions/1.0/content`, status: 200 },
  { name: 'a range of it', method: 'GET', path: `/nodes/${PLAN}/versions/1.0/content`, headers: { range: 'bytes=0-3' }, status: 206 },
  { name: 'revert', method: 'POST', path: `/nodes/${PLAN}/versions/1.0/revert`, body: { comment: 'back to the draft' }, status: 200 },
  { name: 'revert with an unknown field', method: 'POST', path: `/nodes/${PLAN}/versions/1.0/revert`, body: { major: true }, status: 400 },
  { name: 'delete a version', method: 'DELETE', path: `/nodes/${PLAN}/versions/1.1`, status: 204 },
  { name: 'delete a version of an unknown node', method: 'DELETE', path: '/nodes/no-such-node/versions/1.0', status: 404 },
]

const trashcan: Case[] = [
  { name: 'the trash as ACA lists it', method: 'GET', path: '/deleted-nodes?include=path,properties,allowableOperations,permissions,aspectNames&maxItems=25&skipCount=0', status: 200 },
  { name: 'a deleted node', method: 'GET', path: (c) => `/deleted-nodes/${c.fileId}`, status: 200 },
  { name: 'another user’s deleted node', method: 'GET', path: (c) => `/deleted-nodes/${c.fileId}`, auth: ALICE, status: 403 },
  { name: 'an unknown one', method: 'GET', path: '/deleted-nodes/no-such-node', status: 404 },
  { name: 'its content', method: 'GET', path: (c) => `/deleted-nodes/${c.fileId}/content`, status: 200 },
  { name: 'restore with an unknown assocType', method: 'POST', path: (c) => `/deleted-nodes/${c.fileId}/restore`, body: { targetParentId: ARCHIVE, assocType: 'cm:nope' }, status: 400 },
  { name: 'restore', method: 'POST', path: (c) => `/deleted-nodes/${c.fileId}/restore`, status: 200 },
  { name: 'delete its only version (422)', method: 'DELETE', path: (c) => `/nodes/${c.fileId}/versions/1.0`, status: 422 },
  { name: 'delete it again', method: 'DELETE', path: (c) => `/nodes/${c.fileId}`, status: 204 },
  { name: 'purge', method: 'DELETE', path: (c) => `/deleted-nodes/${c.fileId}`, status: 204 },
  { name: 'purge an unknown node', method: 'DELETE', path: '/deleted-nodes/no-such-node', status: 404 },
  { name: 'POST to the trash (405)', method: 'POST', path: '/deleted-nodes', body: {}, status: 405, invalid: true },
]

const tags: Case[] = [
  { name: 'a node’s tags (ACA: every row)', method: 'GET', path: `/nodes/${PLAN}/tags`, status: 200 },
  { name: 'tag a node', method: 'POST', path: `/nodes/${PLAN}/tags`, body: { tag: 'Conformance' }, status: 201, keep: (j, c) => (c.tagId = j.entry?.id) },
  { name: 'tag it with a list', method: 'POST', path: `/nodes/${PLAN}/tags?include=count`, body: [{ tag: 'one' }, { tag: 'two' }], status: 201 },
  { name: 'an empty tag', method: 'POST', path: `/nodes/${PLAN}/tags`, body: { tag: '' }, status: 400 },
  { name: 'untag it', method: 'DELETE', path: (c) => `/nodes/${PLAN}/tags/${c.tagId}`, status: 204 },
  { name: 'every tag with counts (ACA’s search page)', method: 'GET', path: '/tags?include=count&orderBy=count%20DESC', status: 200 },
  { name: 'tags matching', method: 'GET', path: "/tags?where=(tag MATCHES ('con*'))", status: 200 },
  { name: 'ordered by count without it', method: 'GET', path: '/tags?orderBy=count', status: 400 },
  { name: 'a tag', method: 'GET', path: (c) => `/tags/${c.tagId}?include=count`, status: 200 },
  { name: 'rename a tag', method: 'PUT', path: (c) => `/tags/${c.tagId}`, body: { tag: 'renamed' }, status: 200 },
  { name: 'rename one as a user', method: 'PUT', path: (c) => `/tags/${c.tagId}`, body: { tag: 'mine' }, auth: ALICE, status: 403 },
  { name: 'create orphan tags', method: 'POST', path: '/tags', body: [{ tag: 'orphan-1' }, { tag: 'orphan-2' }], status: 201 },
  { name: 'create a tag as a user', method: 'POST', path: '/tags', body: { tag: 'x' }, auth: ALICE, status: 403 },
  { name: 'delete a tag', method: 'DELETE', path: (c) => `/tags/${c.tagId}`, status: 204 },
  { name: 'PUT on the tag list (405)', method: 'PUT', path: '/tags', body: { tag: 'x' }, status: 405, invalid: true },
]

const comments: Case[] = [
  { name: 'a node’s comments (ACA’s info drawer)', method: 'GET', path: `/nodes/${PLAN}/comments`, status: 200 },
  { name: 'comment', method: 'POST', path: `/nodes/${PLAN}/comments`, body: { content: 'Looks good' }, status: 201, keep: (j, c) => (c.commentId = j.entry?.id) },
  { name: 'comment twice at once', method: 'POST', path: `/nodes/${PLAN}/comments`, body: [{ content: 'a' }, { content: 'b' }], status: 201 },
  { name: 'a comment without content', method: 'POST', path: `/nodes/${PLAN}/comments`, body: { content: '' }, status: 400 },
  { name: 'edit the comment', method: 'PUT', path: (c) => `/nodes/${PLAN}/comments/${c.commentId}`, body: { content: 'Looks great' }, status: 200 },
  { name: 'edit someone else’s', method: 'PUT', path: (c) => `/nodes/${PLAN}/comments/${c.commentId}`, body: { content: 'mine' }, auth: ALICE, status: 403 },
  { name: 'delete it', method: 'DELETE', path: (c) => `/nodes/${PLAN}/comments/${c.commentId}`, status: 204 },
  { name: 'comments of an unknown node', method: 'GET', path: '/nodes/no-such-node/comments', status: 404 },
]

const categories: Case[] = [
  { name: 'the top categories', method: 'GET', path: '/categories/-root-/subcategories?include=count', status: 200 },
  { name: 'a category with path and count', method: 'GET', path: `/categories/${LANGUAGES}?include=path,count`, status: 200 },
  { name: 'the root as a category (400)', method: 'GET', path: '/categories/-root-', status: 400 },
  { name: 'create a category', method: 'POST', path: '/categories/-root-/subcategories', body: { name: 'Conformance' }, status: 201, keep: (j, c) => (c.categoryId = j.entry?.id) },
  { name: 'create one as a user', method: 'POST', path: '/categories/-root-/subcategories', body: { name: 'x' }, auth: ALICE, status: 403 },
  { name: 'rename it', method: 'PUT', path: (c) => `/categories/${c.categoryId}`, body: { name: 'Conformance tests' }, status: 200 },
  { name: 'a node’s categories (ACA’s #17)', method: 'GET', path: `/nodes/${PLAN}/category-links?include=path`, status: 200 },
  { name: 'link the node', method: 'POST', path: `/nodes/${PLAN}/category-links`, body: [{ categoryId: LANGUAGES }], status: 201 },
  { name: 'link as a user without ChangePermissions', method: 'POST', path: `/nodes/${PLAN}/category-links`, body: { categoryId: LANGUAGES }, auth: ALICE, status: 403 },
  { name: 'unlink it', method: 'DELETE', path: `/nodes/${PLAN}/category-links/${LANGUAGES}`, status: 204 },
  { name: 'delete the category', method: 'DELETE', path: (c) => `/categories/${c.categoryId}`, status: 204 },
]

const ratings: Case[] = [
  { name: 'a node’s ratings', method: 'GET', path: `/nodes/${PLAN}/ratings`, status: 200 },
  { name: 'like it', method: 'POST', path: `/nodes/${PLAN}/ratings`, body: { id: 'likes', myRating: true }, status: 201 },
  { name: 'rate it with a list (405)', method: 'POST', path: `/nodes/${PLAN}/ratings`, body: [{ id: 'likes', myRating: true }], status: 405, invalid: true },
  { name: 'a rating', method: 'GET', path: `/nodes/${PLAN}/ratings/likes`, status: 200 },
  { name: 'an unknown scheme', method: 'GET', path: `/nodes/${PLAN}/ratings/stars`, status: 400 },
  { name: 'unlike it', method: 'DELETE', path: `/nodes/${PLAN}/ratings/likes`, status: 204 },
]

export const HISTORY_CASES: Case[] = [...versions, ...trashcan, ...tags, ...comments, ...categories, ...ratings]
