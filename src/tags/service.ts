import { errors } from '../errors.js'
import type { RepoDeps } from '../store/extras.js'
import { nodeTagIds, setNodeTagIds, type TagRecord } from '../store/tags.js'
import type { MockNode, MockUser } from '../store/types.js'
import { matchesPattern, type TagFilter } from './where.js'

/** A tag with its usage count, as GET /tags lists it. */
export interface CountedTag {
  tag: TagRecord
  count: number
}

export interface TagOrder {
  by: 'tag' | 'count'
  ascending: boolean
}

/** TaggingServiceImpl.FORBIDDEN_TAGS_SEQUENCES: the delimiters of its tag-scope cache. */
const FORBIDDEN = [
  ['|', '|'],
  ['\n', '\\n'],
] as const

/** Types the REST API never annotates (nodeTypeConstraint in public-rest-context.xml): forum nodes and categories. */
const EXCLUDED_TYPES = new Set(['fm:forums', 'fm:forum', 'fm:topic', 'fm:post', 'cm:category'])

/** TypeConstraint.matches: may this node be tagged, commented on, rated, categorised? */
export function isAnnotatable(node: MockNode): boolean {
  return !EXCLUDED_TYPES.has(node.nodeType)
}

let collator: Intl.Collator | undefined

/** The node's tags sorted by name with a collator (TaggingServiceImpl.getTags(NodeRef, PagingRequest)). */
export function nodeTags(deps: RepoDeps, node: MockNode): TagRecord[] {
  const tags = nodeTagIds(node).map((id) => deps.extras.tags.get(id)).filter((t): t is TagRecord => t !== undefined)
  collator ??= new Intl.Collator('en')
  return tags.sort((a, b) => collator!.compare(a.name, b.name))
}

/**
 * TagsImpl.addTags → TaggingServiceImpl.addTag: each name lower-cased, the tag made when new, and
 * added to cm:taggable unless the node has it already. Checked before anything changes.
 */
export function addNodeTags(deps: RepoDeps, node: MockNode, names: readonly (string | undefined)[]): TagRecord[] {
  if (!isAnnotatable(node)) throw errors.invalidLiteral('Cannot tag this node', 405)
  const lower = names.map(checkedName)
  const ids = nodeTagIds(node)
  const added = lower.map((name) => deps.extras.tags.named(name) ?? deps.extras.tags.add({ id: deps.ids.uuid(), name }))
  for (const tag of added) if (!ids.includes(tag.id)) ids.push(tag.id)
  setNodeTagIds(node, ids)
  return added
}

/**
 * TagsImpl.deleteTag: an unknown tag is 404; a tag the node lacks is left alone, with nothing
 * written — so only a real removal needs write permission (`requireWrite` throws without it).
 */
export function removeNodeTag(deps: RepoDeps, node: MockNode, tagId: string, requireWrite: () => void): void {
  const tag = requireTag(deps, tagId)
  const ids = nodeTagIds(node)
  if (!ids.includes(tag.id)) return
  requireWrite()
  setNodeTagIds(node, ids.filter((id) => id !== tag.id))
}

export function requireTag(deps: RepoDeps, tagId: string): TagRecord {
  const tag = deps.extras.tags.get(tagId)
  if (!tag) throw errors.entityNotFound(tagId)
  return tag
}

/** How many live nodes carry each tag (the TAG facet of findTaggedNodesAndCountByTagName; archived nodes are elsewhere). */
export function tagCounts(deps: RepoDeps): Map<string, number> {
  const counts = new Map<string, number>()
  for (const node of deps.store.all()) for (const id of nodeTagIds(node)) counts.set(id, (counts.get(id) ?? 0) + 1)
  return counts
}

/**
 * GET /tags (TaggingServiceImpl.getTags(StoreRef, …)): every tag, by name in code-point order (a
 * TreeMap), narrowed by `where`; `orderBy` tag or count, ties keeping the name order. Ordering by
 * count without include=count is an IllegalArgumentException (400, not numbered).
 */
export function listTags(deps: RepoDeps, filter: TagFilter | undefined, order: TagOrder | undefined, withCount: boolean): CountedTag[] {
  if (order?.by === 'count' && !withCount) throw errors.illegalArgument('Tag count should be included when ordering by count')
  const counts = withCount ? tagCounts(deps) : undefined
  const tags = deps.extras.tags.all().filter((t) => keep(t, filter))
  const out = tags.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((tag) => ({ tag, count: counts?.get(tag.id) ?? 0 }))
  if (!order) return out
  const sign = order.ascending ? 1 : -1
  if (order.by === 'tag') return order.ascending ? out : out.reverse()
  return out.sort((a, b) => sign * (a.count - b.count))
}

function keep(tag: TagRecord, filter: TagFilter | undefined): boolean {
  if (!filter || (filter.equals.length === 0 && filter.matches.length === 0)) return true
  return filter.equals.includes(tag.name) || filter.matches.some((p) => matchesPattern(tag.name, p))
}

/**
 * TagsImpl.createTags: admins only; repeated names dropped as sent (distinct), then each lower-cased
 * and made in turn — so a name that exists, or that an earlier one of the request just made (Tag
 * and tag), is a duplicate child (409) and the request makes nothing.
 */
export function createTags(deps: RepoDeps, names: readonly (string | undefined)[], user: MockUser): TagRecord[] {
  if (!user.admin) throw errors.invalidLiteral('Current user does not have permission to manage a tag', 403)
  const wanted = [...new Set(names.filter((n): n is string => n !== undefined))]
  if (wanted.length === 0) throw errors.invalidLiteral('An invalid parameter has been supplied')
  const made = new Set<string>()
  for (const name of wanted.map(checkedName)) {
    if (made.has(name) || deps.extras.tags.named(name)) throw errors.apiDefault(409, `Duplicate child name not allowed: ${name}`)
    made.add(name)
  }
  return [...made].map((name) => deps.extras.tags.add({ id: deps.ids.uuid(), name }))
}

/**
 * PUT /tags/{id} (TagsImpl.changeTag → TaggingServiceImpl.changeTag): the tag keeps its id and
 * every node keeps it. Tags live below the category root, which only admins may change, so anyone
 * else gets the AccessDenied of the write (403, UpdateTagTests).
 */
export function renameTag(deps: RepoDeps, tagId: string, newName: string | undefined, user: MockUser): TagRecord {
  const tag = requireTag(deps, tagId)
  if (newName === undefined || newName.trim() === '') throw errors.invalidLiteral('New tag cannot be blank')
  const lower = newName.toLowerCase()
  if (lower === tag.name) throw errors.invalidLiteral('New and existing tags are the same')
  if (deps.extras.tags.named(lower)) throw errors.invalidLiteral(`Tag ${lower} already exists`, 409)
  if (!user.admin) throw errors.permissionDenied()
  deps.extras.tags.rename(tag, lower)
  return tag
}

/** DELETE /tags/{id}: admins only; the tag leaves every node first (TaggingServiceImpl.deleteTag). */
export function deleteTag(deps: RepoDeps, tagId: string, user: MockUser): void {
  if (!user.admin) throw errors.invalidLiteral('Current user does not have permission to manage a tag', 403)
  const tag = requireTag(deps, tagId)
  for (const node of [...deps.store.all(), ...deps.extras.archive.all()]) {
    const ids = nodeTagIds(node)
    if (ids.includes(tag.id)) setNodeTagIds(node, ids.filter((id) => id !== tag.id))
  }
  deps.extras.tags.remove(tag)
}

/** TaggingServiceImpl.addTag / getTagNodeRef: no null tag, none of the cache's delimiters. */
function checkedName(name: string | undefined): string {
  if (name === undefined) throw errors.invalidLiteral('Must provide a non-null tag')
  for (const [sequence, shown] of FORBIDDEN) {
    if (name.includes(sequence)) throw errors.invalidLiteral(`Tag name must not contain ${shown} char sequence`)
  }
  return name.toLowerCase()
}
