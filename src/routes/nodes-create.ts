import { errors } from '../errors.js'
import { mimeTypeFor, mimeTypeName, OCTET_STREAM } from '../fixtures/mime.js'
import type { AppDeps } from '../http/context.js'
import type { StoredValue } from '../model/values.js'
import { addAspect, addImpliedAspects, initType, setProperties } from '../nodes/aspects.js'
import { convertProperties, qnameOf, validateAspects, validateProperties } from '../nodes/properties.js'
import { validateCmObject } from '../nodes/update.js'
import type { MockNode, MockUser } from '../store/types.js'
import { initialVersion, versionableAdded, versionAfterContentUpdate, type VersionRequest } from '../versions/service.js'
import { checkName, nameTaken, uniqueName } from './nodes-names.js'
import { requireFolder } from './nodes-shared.js'

/** What POST /nodes/{id}/children asks for, from a JSON body or a multipart upload. */
export interface NewNode {
  kind: 'json' | 'upload'
  name: string | undefined
  nodeType: string | undefined
  properties: Record<string, unknown>
  aspectNames: string[]
  relativePath: string | undefined
  autoRename: boolean
  /** Upload only: replace a clashing versioned file instead of failing. */
  overwrite: boolean
  /** The first version to make (majorVersion, comment), or undefined for an unversioned node. */
  version: VersionRequest | undefined
  /** Upload only: the version parameters as sent, for a new version of a file `overwrite` replaces. */
  overwriteVersion?: VersionRequest
  /** Upload only: the file's bytes and the part's declared type. */
  upload?: { bytes: Uint8Array; declaredType: string }
}

/** NodesImpl.createNode / upload, in ACS's order of checks. Returns the new node (or the overwritten one). */
export function createNode(deps: AppDeps, parent: MockNode, req: NewNode, user: MockUser): MockNode {
  const aspects = validateAspects(deps.dictionary, req.aspectNames)
  const props = validateProperties(deps.dictionary, req.properties)
  const name = req.name
  if (!name) {
    throw errors.invalidLiteral(req.kind === 'upload' ? 'Required parameters are missing' : `Node name is expected: ${parent.id}`)
  }
  if (!req.nodeType) throw errors.invalidLiteral(`Node type is expected: ${parent.id},${name}`)
  const nodeType = checkType(deps, req)
  const isFolder = deps.dictionary.isSubClass(nodeType, 'cm:folder')
  const values = convertProperties(deps.dictionary, deps.auth, props)
  requireFolder(parent)
  const { target, folders } = planPath(deps, parent, req.relativePath, user)
  // A folder made for relativePath is the caller's own: writable, empty.
  const existingTarget = folders.length === 0
  if (existingTarget && !deps.store.canWrite(target, user)) throw errors.permissionDenied()
  let finalName = name
  if (existingTarget && nameTaken(deps, target.id, name)) {
    const existing = deps.store.children(target.id).find((n) => n.name.toLowerCase() === name.toLowerCase())!
    if (req.autoRename) finalName = uniqueName(deps, target.id, name)
    else if (req.overwrite && req.upload && existing.aspectNames.includes('cm:versionable')) {
      return overwrite(deps, existing, req.upload, req.overwriteVersion ?? {}, user)
    }
    else if (req.kind === 'upload') throw errors.invalidLiteral(`${name} already exists.`, 409)
    else throw errors.nameClash(name)
  }
  const node = buildNode(deps, folders.at(-1) ?? target, { ...req, name: finalName, nodeType }, isFolder, user, { values, aspects })
  checkName(deps, finalName, node)
  // Every check has passed and nothing is stored yet (ACS rolls the transaction back on any failure):
  // the relativePath folders and the node go in together.
  for (const folder of folders) deps.store.add(folder)
  deps.store.add(node)
  if (req.version) initialVersion(deps, node, req.version)
  versionableAdded(deps, node)
  return node
}

/**
 * The type must be known: cm:content or a subtype (uploads: nothing else, "Can only upload type
 * of cm:content"), else a cm:cmobject that is no cm:systemfolder (NodesImpl.validateCmObject).
 */
function checkType(deps: AppDeps, req: NewNode): string {
  const dict = deps.dictionary
  const type = qnameOf(dict, req.nodeType!) ?? req.nodeType!
  const isContent = dict.isSubClass(type, 'cm:content')
  if (req.kind === 'upload' && !isContent) throw errors.invalidLiteral(`Can only upload type of cm:content: ${dict.expanded(type)}`)
  if (!isContent) validateCmObject(dict, type)
  return type
}

/**
 * NodesImpl.makeFolders, checked before anything is made: the deepest existing folder on the path
 * and the folders still to create (built, named and permitted, not yet stored). A file in the way
 * is a 409; creating below a folder needs write permission there.
 */
function planPath(deps: AppDeps, parent: MockNode, relativePath: string | undefined, user: MockUser): { target: MockNode; folders: MockNode[] } {
  let current = parent
  const folders: MockNode[] = []
  for (const element of (relativePath ?? '').split('/').map((e) => e.trim()).filter((e) => e !== '')) {
    const existing = folders.length === 0 ? deps.store.children(current.id).find((n) => n.name.toLowerCase() === element.toLowerCase()) : undefined
    if (existing && !existing.isFolder) {
      throw errors.invalidLiteral(`Name [${element}] already exists in the target parent: ${current.name}`, 409)
    }
    if (existing) {
      current = existing
      continue
    }
    if (folders.length === 0 && !deps.store.canWrite(current, user)) throw errors.permissionDenied()
    const folder = buildNode(deps, folders.at(-1) ?? current, { ...emptyRequest('json'), name: element, nodeType: 'cm:folder' }, true, user)
    checkName(deps, element, folder)
    folders.push(folder)
  }
  return { target: current, folders }
}

/** A request with nothing set yet. */
export function emptyRequest(kind: NewNode['kind']): NewNode {
  return {
    kind,
    name: undefined,
    nodeType: undefined,
    properties: {},
    aspectNames: [],
    relativePath: undefined,
    autoRename: false,
    overwrite: false,
    version: undefined,
  }
}

interface Typed {
  values: ReadonlyMap<string, StoredValue>
  aspects: readonly string[]
}

/**
 * The node createNodeImpl makes: the type's mandatory aspects and defaults, the properties (which
 * add the aspects declaring them: cm:title → cm:titled), then addCustomAspects. Versions are the
 * versions domain's (initialVersion, versionableAdded) once the node is stored.
 */
function buildNode(deps: AppDeps, parent: MockNode, req: NewNode, isFolder: boolean, user: MockUser, typed: Typed = { values: new Map(), aspects: [] }): MockNode {
  const now = deps.clock.now()
  const dict = deps.dictionary
  const node: MockNode = {
    id: deps.ids.uuid(),
    name: req.name!,
    nodeType: req.nodeType!,
    isFolder,
    parentId: parent.id,
    createdAt: now,
    modifiedAt: now,
    createdBy: user.id,
    modifiedBy: user.id,
    aspectNames: [],
    properties: {},
  }
  initType(dict, node, node.nodeType)
  setProperties(node, typed.values)
  addImpliedAspects(dict, node, typed.values.keys())
  for (const a of typed.aspects) if (a !== 'cm:auditable') addAspect(dict, node, a)
  if (dict.isSubClass(node.nodeType, 'cm:content')) node.content = contentOf(node.name, req.upload)
  return node
}

/** Empty content for a JSON-created file; the upload's bytes otherwise. The type comes from the name first (NodesImpl.writeContent). */
function contentOf(name: string, upload: NewNode['upload']): NonNullable<MockNode['content']> {
  let mimeType = mimeTypeFor(name)
  if (mimeType === OCTET_STREAM && upload?.declaredType) mimeType = upload.declaredType.split(';')[0]!.trim().toLowerCase() || OCTET_STREAM
  const bytes = upload?.bytes ?? new Uint8Array()
  return { mimeType, mimeTypeName: mimeTypeName(mimeType), encoding: 'UTF-8', source: { kind: 'bytes', bytes } }
}

/** `overwrite=true` on a versioned file: new content, then a new version as PUT …/content makes (NodesImpl.updateExistingFile). */
function overwrite(deps: AppDeps, node: MockNode, upload: NonNullable<NewNode['upload']>, version: VersionRequest, user: MockUser): MockNode {
  node.content = contentOf(node.name, upload)
  node.modifiedAt = deps.clock.now()
  node.modifiedBy = user.id
  versionAfterContentUpdate(deps, node, version)
  return node
}
