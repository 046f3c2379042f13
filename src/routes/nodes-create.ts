import { errors } from '../errors.js'
import { mimeTypeFor, mimeTypeName, OCTET_STREAM } from '../fixtures/mime.js'
import type { AppDeps } from '../http/context.js'
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

const CM = 'http://www.alfresco.org/model/content/1.0'
/** cm:auditable's properties are the repository's to set (AuditablePropertiesEntity). */
const AUDITABLE = new Set(['cm:created', 'cm:creator', 'cm:modified', 'cm:modifier', 'cm:accessed'])
const QNAME = /^[A-Za-z][\w-]*:[\w.-]+$/

/** NodesImpl.createNode / upload, in ACS's order of checks. Returns the new node (or the overwritten one). */
export function createNode(deps: AppDeps, parent: MockNode, req: NewNode, user: MockUser): MockNode {
  validateProperties(req.properties)
  validateAspects(req.aspectNames)
  const name = req.name
  if (!name) {
    throw errors.invalidLiteral(req.kind === 'upload' ? 'Required parameters are missing' : `Node name is expected: ${parent.id}`)
  }
  if (!req.nodeType) throw errors.invalidLiteral(`Node type is expected: ${parent.id},${name}`)
  const isFolder = folderType(req)
  requireFolder(parent)
  const target = getOrCreatePath(deps, parent, req.relativePath, user)
  if (!deps.store.canWrite(target, user)) throw errors.permissionDenied()
  let finalName = name
  if (nameTaken(deps, target.id, name)) {
    const existing = deps.store.children(target.id).find((n) => n.name.toLowerCase() === name.toLowerCase())!
    if (req.autoRename) finalName = uniqueName(deps, target.id, name)
    else if (req.overwrite && req.upload && existing.aspectNames.includes('cm:versionable')) {
      return overwrite(deps, existing, req.upload, req.overwriteVersion ?? {}, user)
    }
    else if (req.kind === 'upload') throw errors.invalidLiteral(`${name} already exists.`, 409)
    else throw errors.nameClash(name)
  }
  const node = buildNode(deps, target, { ...req, name: finalName }, isFolder, user)
  checkName(finalName, node)
  deps.store.add(node)
  if (req.version) initialVersion(deps, node, req.version)
  versionableAdded(deps, node)
  return node
}

/** cm:folder and cm:content are the types the mock knows; anything else is refused as ACS refuses unknown types. */
function folderType(req: NewNode): boolean {
  const type = req.nodeType!
  if (req.kind === 'upload' && type !== 'cm:content') throw errors.invalidLiteral(`Can only upload type of cm:content: ${expand(type)}`)
  if (type === 'cm:folder') return true
  if (type === 'cm:content') return false
  throw errors.invalidLiteral(`Invalid type: ${expand(type)} - expected (sub-)type of cm:cmobject`)
}

function expand(qname: string): string {
  const [prefix, local] = qname.split(':')
  return prefix === 'cm' && local ? `{${CM}}${local}` : qname
}

function validateProperties(props: Record<string, unknown>): void {
  for (const key of Object.keys(props)) {
    if (!QNAME.test(key)) throw errors.invalidLiteral(`Unknown property: ${key}`)
    if (key.startsWith('sys:')) throw errors.illegalArgument(`NameSpace cannot be used by API: ${key}`)
    if (AUDITABLE.has(key)) throw errors.illegalArgument(`Cannot be used by API: ${key}`)
  }
}

function validateAspects(aspects: readonly string[]): void {
  for (const a of aspects) {
    if (!QNAME.test(a)) throw errors.invalidLiteral(`Unknown aspect: ${a}`)
    if (a.startsWith('sys:')) throw errors.illegalArgument(`NameSpace cannot be used by API: ${a}`)
  }
}

/** NodesImpl.makeFolders: missing folders are created (write permission needed); a file in the way is a 409. */
function getOrCreatePath(deps: AppDeps, parent: MockNode, relativePath: string | undefined, user: MockUser): MockNode {
  let current = parent
  for (const element of (relativePath ?? '').split('/').map((e) => e.trim()).filter((e) => e !== '')) {
    const existing = deps.store.children(current.id).find((n) => n.name.toLowerCase() === element.toLowerCase())
    if (existing && !existing.isFolder) {
      throw errors.invalidLiteral(`Name [${element}] already exists in the target parent: ${current.name}`, 409)
    }
    if (existing) {
      current = existing
      continue
    }
    if (!deps.store.canWrite(current, user)) throw errors.permissionDenied()
    const folder = buildNode(deps, current, { ...emptyRequest('json'), name: element, nodeType: 'cm:folder' }, true, user)
    checkName(element, folder)
    current = deps.store.add(folder)
  }
  return current
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

function buildNode(deps: AppDeps, parent: MockNode, req: NewNode, isFolder: boolean, user: MockUser): MockNode {
  const now = deps.clock.now()
  const name = req.name!
  const properties: Record<string, unknown> = { ...req.properties }
  const aspects = new Set<string>()
  aspects.add('cm:auditable')
  // Setting an aspect's property adds the aspect (cm:title → cm:titled, cm:author → cm:author).
  if ('cm:title' in properties || 'cm:description' in properties) aspects.add('cm:titled')
  if ('cm:author' in properties) aspects.add('cm:author')
  for (const a of req.aspectNames) aspects.add(a)
  const node: MockNode = {
    id: deps.ids.uuid(),
    name,
    nodeType: req.nodeType!,
    isFolder,
    parentId: parent.id,
    createdAt: now,
    modifiedAt: now,
    createdBy: user.id,
    modifiedBy: user.id,
    aspectNames: [...aspects],
    properties,
  }
  if (!isFolder) node.content = contentOf(name, req.upload)
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
