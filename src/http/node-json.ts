import type { Clock } from '../clock.js'
import type { Dictionary } from '../model/dictionary.js'
import { classDefinitionJson, type ClassDefinitionJson } from '../model/rest-json.js'
import { isLocked } from '../nodes/locks.js'
import { contentSize } from '../store/content.js'
import type { NodeStore } from '../store/node-store.js'
import type { MockNode, MockUser } from '../store/types.js'
import type { AuthStore } from '../store/auth-store.js'
import { alfrescoDate } from './format.js'

/** ACS's `Node` entity as the mock writes it (spec `Node`, plus `association` in child lists). */
export interface NodeJson {
  id: string
  name: string
  nodeType: string
  isFolder: boolean
  isFile: boolean
  createdAt: string
  createdByUser: UserInfo
  modifiedAt: string
  modifiedByUser: UserInfo
  parentId?: string
  content?: { mimeType: string; mimeTypeName: string; sizeInBytes: number; encoding: string }
  aspectNames?: string[]
  properties?: Record<string, unknown>
  path?: { name?: string; isComplete?: boolean; elements: PathElement[] }
  allowableOperations?: string[]
  permissions?: PermissionsInfo
  isLink?: boolean
  isLocked?: boolean
  isFavorite?: boolean
  association?: { assocType: string; isPrimary: boolean }
  definition?: ClassDefinitionJson
}

interface UserInfo {
  id: string
  displayName: string
}
interface PathElement {
  id: string
  name: string
  nodeType: string
  aspectNames?: string[]
}
interface Permission {
  authorityId: string
  name: string
  accessStatus: 'ALLOWED'
}
interface PermissionsInfo {
  isInheritanceEnabled: boolean
  inherited?: Permission[]
  locallySet?: Permission[]
  settable?: string[]
}

export interface NodeJsonDeps {
  store: NodeStore
  auth: AuthStore
  dictionary: Dictionary
  clock: Clock
}

export interface NodeJsonOptions {
  /** The `include` parameter. */
  include?: readonly string[]
  /** A single GET, a create or an update: ACS adds aspectNames and properties (getFolderOrDocumentFullInfo). */
  full?: boolean
}

/** The roles `PermissionService.getSettablePermissions` offers on an ordinary cm:folder/cm:content. */
const SETTABLE_ROLES = ['Contributor', 'Collaborator', 'Coordinator', 'Editor', 'Consumer']
/** cm:name, cm:created… are top-level fields, never repeated in `properties` (NodesImpl.EXCLUDED_PROPS). */
const EXCLUDED_PROPS = new Set([
  'cm:name',
  'cm:creator',
  'cm:created',
  'cm:modifier',
  'cm:modified',
  'cm:content',
  'cm:initialVersion',
  'cm:autoVersionOnUpdateProps',
  'cm:autoVersion',
])
/** Written as {id, displayName} (nodes.personLookupProperties in public-rest-context.xml). */
const PERSON_PROPS = new Set(['cm:owner', 'cm:lockOwner', 'cm:workingCopyOwner'])

/** A node as ACS's NodesImpl.getFolderOrDocument writes it for `user`. */
export function nodeJson(deps: NodeJsonDeps, node: MockNode, user: MockUser, options: NodeJsonOptions = {}): NodeJson {
  const include = new Set(options.include ?? [])
  if (options.full) {
    include.add('aspectNames')
    include.add('properties')
  }
  const out: NodeJson = {
    id: node.id,
    name: node.name,
    nodeType: node.nodeType,
    isFolder: node.isFolder,
    isFile: isFile(deps.dictionary, node),
    createdAt: alfrescoDate(node.createdAt),
    createdByUser: userInfo(deps.auth, node.createdBy),
    modifiedAt: alfrescoDate(node.modifiedAt),
    modifiedByUser: userInfo(deps.auth, node.modifiedBy),
  }
  if (node.parentId !== undefined) out.parentId = node.parentId
  if (node.content) {
    const c = node.content
    out.content = { mimeType: c.mimeType, mimeTypeName: c.mimeTypeName, sizeInBytes: contentSize(c.source), encoding: c.encoding }
  }
  // ACS maps properties whenever any include is given; only "properties" or a property name selects some.
  if (include.size > 0) setIfAny(out, 'properties', properties(deps.auth, node, include))
  if (include.has('aspectNames')) setIfAny(out, 'aspectNames', visibleAspects(node.aspectNames))
  if (include.has('path')) out.path = pathInfo(deps.store, node, user)
  if (include.has('isLink')) out.isLink = false
  if (include.has('isLocked')) out.isLocked = isLocked(node, user.id, deps.clock.now())
  if (include.has('isFavorite')) out.isFavorite = false
  if (include.has('allowableOperations')) setIfAny(out, 'allowableOperations', allowableOperations(deps.store, node, user))
  if (include.has('permissions') && canSeePermissions(deps.store, node, user)) out.permissions = permissions(deps.store, node)
  if (include.has('association') && node.parentId !== undefined) out.association = { assocType: 'cm:contains', isPrimary: true }
  if (include.has('definition')) out.definition = classDefinitionJson(deps.dictionary, [node.nodeType, ...node.aspectNames])
  return out
}

function setIfAny<K extends 'properties' | 'aspectNames' | 'allowableOperations'>(out: NodeJson, key: K, value: NodeJson[K]): void {
  const empty = value === undefined || (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0)
  if (!empty) out[key] = value
}

/** NodesImpl: a file is cm:content or a subtype (the common types answer without the dictionary). */
function isFile(dict: Dictionary, node: MockNode): boolean {
  if (node.isFolder) return false
  if (node.nodeType === 'cm:content' || node.nodeType === 'download:download') return true
  return dict.isSubClass(node.nodeType, 'cm:content')
}

function userInfo(auth: AuthStore, id: string): UserInfo {
  return { id, displayName: auth.users.get(id)?.displayName ?? id }
}

/** The sys: namespace is never shown (NodesImpl.EXCLUDED_NS). */
function visibleAspects(aspects: readonly string[]): string[] {
  return aspects.filter((a) => !a.startsWith('sys:'))
}

function properties(auth: AuthStore, node: MockNode, include: ReadonlySet<string>): Record<string, unknown> {
  const all = include.has('properties')
  // include=cm:title (or properties/cm:title) selects single properties, as mapFromNodeProperties does.
  const selected = new Set([...include].map((i) => i.replace(/^properties\//, '')).filter((i) => i.includes(':')))
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node.properties)) {
    if (key.startsWith('sys:') || EXCLUDED_PROPS.has(key)) continue
    if (!all && !selected.has(key)) continue
    // null and "" are written as absent (SerializerOfExecutionResult, mapFromNodeProperties).
    if (value === null || value === undefined || value === '') continue
    // Empty lists are left out too (JacksonHelper writes NON_EMPTY).
    if (Array.isArray(value) && value.length === 0) continue
    out[key] = PERSON_PROPS.has(key) && typeof value === 'string' ? userInfo(auth, value) : value
  }
  return out
}

/**
 * NodesImpl.lookupPathInfo: the ancestors from the parent upwards while the caller can read them.
 * An unreadable ancestor cuts the path there and makes it incomplete.
 */
function pathInfo(store: NodeStore, node: MockNode, user: MockUser): NonNullable<NodeJson['path']> {
  return pathBelow(store, store.ancestors(node.id), user)
}

/** The path of a node whose ancestors, root first, are these (a deleted node's are those of its old parent). */
export function pathBelow(store: NodeStore, ancestors: MockNode[], user: MockUser): NonNullable<NodeJson['path']> {
  const elements: PathElement[] = []
  let isComplete = true
  for (const a of [...ancestors].reverse()) {
    if (!store.canRead(a, user)) {
      isComplete = false
      break
    }
    const aspects = visibleAspects(a.aspectNames)
    elements.push({ id: a.id, name: a.name, nodeType: a.nodeType, ...(aspects.length ? { aspectNames: aspects } : {}) })
  }
  // Collected from the parent up, pushed and reversed once (unshift is quadratic on a deep chain).
  elements.reverse()
  if (elements.length === 0) return { elements }
  return { name: elements.map((e) => `/${e.name}`).join(''), isComplete, elements }
}

/**
 * In ACS the operations come out of a HashMap keyed by permission name; its iteration order is
 * Delete, Write, AddChildren, ChangePermissions. "create" only for folders, never "delete" on
 * special nodes, "updatePermissions" for admins and the owner.
 */
function allowableOperations(store: NodeStore, node: MockNode, user: MockUser): string[] {
  const ops: string[] = []
  const write = store.canWrite(node, user)
  if (write && !node.system) ops.push('delete')
  if (write) ops.push('update')
  if (write && node.isFolder) ops.push('create')
  if (user.admin || node.createdBy === user.id) ops.push('updatePermissions')
  return ops
}

/** ACS hides permissions from callers without ReadPermissions (e.g. a Consumer); the mock shows them to writers. */
function canSeePermissions(store: NodeStore, node: MockNode, user: MockUser): boolean {
  return user.admin || node.createdBy === user.id || store.canWrite(node, user)
}

/** Readers map to Consumer, writers to Collaborator; own lists are "locallySet" and cut inheritance. */
function permissions(store: NodeStore, node: MockNode): PermissionsInfo {
  const local = roles(node.readers, node.writers)
  const isInheritanceEnabled = node.readers === undefined
  const parent = node.parentId === undefined ? undefined : store.get(node.parentId)
  const inherited = isInheritanceEnabled && parent ? roles(store.effective(parent, 'readers'), store.effective(parent, 'writers')) : []
  const out: PermissionsInfo = { isInheritanceEnabled, settable: SETTABLE_ROLES }
  if (inherited.length) out.inherited = inherited
  if (local.length) out.locallySet = local
  return out
}

function roles(readers: readonly string[] | undefined, writers: readonly string[] | undefined): Permission[] {
  const out: Permission[] = []
  for (const w of writers ?? []) out.push({ authorityId: w, name: 'Collaborator', accessStatus: 'ALLOWED' })
  for (const r of readers ?? []) {
    if (!(writers ?? []).includes(r)) out.push({ authorityId: r, name: 'Consumer', accessStatus: 'ALLOWED' })
  }
  return out
}
