import type { Hono } from 'hono'
import { errors } from '../errors.js'
import { readBody, readJson, unknownProperty } from '../http/body.js'
import type { AppDeps, Env } from '../http/context.js'
import { NODE_FIELDS, record, strings, text } from '../http/jackson.js'
import { parseBool } from '../http/params.js'
import { emptyResponse, jsonResponse } from '../http/respond.js'
import { archiveNode, deletePermanently } from '../trashcan/service.js'
import { checkSubtreeForLock } from '../nodes/locks.js'
import { createNode, emptyRequest, type NewNode } from './nodes-create.js'
import { isDownloadNode, nodeEntry, requireFolder, resolveNode, viewOf, type NodeContext } from './nodes-shared.js'

/** Parts of a create the mock does not model: answered 501 rather than silently dropped. */
const UNSUPPORTED_FIELDS = ['secondaryChildren', 'targets', 'permissions', 'definition']

/** POST /nodes/{nodeId}/children (JSON or multipart upload) and DELETE /nodes/{nodeId}. */
export function registerNodeWrites(app: Hono<Env>, deps: AppDeps): void {
  app.post('/nodes/:nodeId/children', async (c) => {
    const user = c.get('user')
    const multipart = (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')
    // ACS validates a JSON body before it looks at the parent; an upload looks at the parent first.
    const request = multipart ? undefined : await readCreateJson(c, deps)
    const parent = resolveNode(deps, c.req.param('nodeId'), user)
    if (multipart) requireFolder(parent)
    const node = createNode(deps, parent, request ?? (await readUpload(c, deps)), user)
    return jsonResponse(nodeEntry(deps, node, user, viewOf(c), true), 201)
  })

  app.delete('/nodes/:nodeId', (c) => {
    const user = c.get('user')
    const raw = c.req.param('nodeId')
    const node = resolveNode(deps, raw, user)
    if (node.system) throw errors.permissionDenied(`Cannot delete: ${raw}`)
    if (parseBool(c.req.query('permanent'), false) && !user.admin && node.createdBy !== user.id) {
      throw errors.permissionDenied(`Non-owner/non-admin cannot permanently delete: ${raw}`)
    }
    if (!deps.store.canWrite(node, user)) throw errors.permissionDenied()
    // beforeDeleteNode fires for the whole subtree: a locked node anywhere in it refuses (NodeApiTest testLock).
    checkSubtreeForLock(deps.store, node, user.id, deps.clock.now())
    // A download's type is archive=false (downloadModel.xml): it never goes to the trashcan.
    if (isDownloadNode(node)) {
      deletePermanently(deps, node)
      deps.downloads.forget(node.id)
    } else if (parseBool(c.req.query('permanent'), false)) deletePermanently(deps, node)
    else archiveNode(deps, node, user)
    return emptyResponse(204)
  })
}

/** A JSON NodeBodyCreate, read as Jackson reads ACS's Node model. */
async function readCreateJson(c: NodeContext, deps: AppDeps): Promise<NewNode> {
  const body = await readJson(c, deps.maxBodyBytes)
  if (Array.isArray(body)) throw errors.notImplemented('POST', `${c.req.path} with a list of nodes`)
  if (body === undefined) throw errors.unreadableBody('No content to map due to end-of-input')
  if (typeof body !== 'object' || body === null) {
    throw errors.unreadableBody('Cannot construct instance of `org.alfresco.rest.api.model.Node`')
  }
  const b = body as Record<string, unknown>
  const unknown = unknownProperty(b, NODE_FIELDS)
  if (unknown) {
    throw errors.unreadableBody(`Unrecognized field "${unknown}" (class org.alfresco.rest.api.model.Node), not marked as ignorable`)
  }
  if (typeof b.id === 'string' && b.id !== '') throw errors.invalidLiteral(`Unexpected id when trying to create a new node: ${b.id}`)
  const unsupported = UNSUPPORTED_FIELDS.find((f) => b[f] !== undefined && b[f] !== null)
  if (unsupported) throw errors.notImplemented('POST', `${c.req.path} with "${unsupported}"`)
  const assocType = (b.association as { assocType?: unknown } | undefined)?.assocType
  if (assocType !== undefined && assocType !== null && assocType !== 'cm:contains') {
    throw errors.notImplemented('POST', `${c.req.path} with association type ${JSON.stringify(assocType)}`)
  }
  return {
    kind: 'json',
    name: text(b.name, 'name'),
    nodeType: text(b.nodeType, 'nodeType'),
    properties: record(b.properties),
    aspectNames: strings(b.aspectNames),
    relativePath: text(b.relativePath, 'relativePath'),
    autoRename: parseBool(c.req.query('autoRename'), false),
    overwrite: false,
    version: jsonVersion(c),
  }
}

/**
 * Creating with JSON is unversioned unless majorVersion, versioningEnabled or comment say
 * otherwise (NodesImpl.createNode; NodeApiVersioningJsonParameterizedTest).
 */
function jsonVersion(c: NodeContext): NewNode['version'] {
  const major = c.req.query('majorVersion')
  const enabled = c.req.query('versioningEnabled')
  let versionMajor = major === undefined ? undefined : parseBool(major, false)
  if (enabled !== undefined) versionMajor = parseBool(enabled, false) ? (versionMajor ?? true) : undefined
  const comment = c.req.query('comment')
  return versionMajor === undefined && comment === undefined ? undefined : { major: versionMajor, comment }
}

/** A multipart upload as NodesImpl.upload reads its fields (names case-insensitive, "null" = absent). */
async function readUpload(c: NodeContext, deps: AppDeps): Promise<NewNode> {
  const bytes = await readBody(c, deps.maxBodyBytes)
  let form: FormData
  try {
    form = await new Response(bytes, { headers: { 'content-type': c.req.header('content-type') ?? '' } }).formData()
  } catch (err) {
    throw errors.unreadableBody((err as Error).message)
  }
  // An upload is cm:content and versioned (1.0 MAJOR) unless its fields say otherwise.
  const req: NewNode = { ...emptyRequest('upload'), nodeType: 'cm:content' }
  let fileName: string | undefined
  let versioning = true
  let major: boolean | undefined
  let comment: string | undefined
  for (const key of new Set(form.keys())) {
    const value = form.get(key)
    const str = typeof value === 'string' && value !== '' && value.toLowerCase() !== 'null' ? value : undefined
    switch (key.toLowerCase()) {
      case 'name': if (str) req.name = str; break
      case 'filedata':
        if (value instanceof File) {
          fileName = value.name
          req.upload = { bytes: new Uint8Array(await value.arrayBuffer()), declaredType: value.type }
        }
        break
      case 'autorename': req.autoRename = parseBool(str, false); break
      case 'overwrite': req.overwrite = parseBool(str, false); break
      case 'nodetype': req.nodeType = str ?? ''; break
      case 'majorversion': major = parseBool(str, false); break
      case 'comment': comment = str; break
      case 'relativepath': req.relativePath = str; break
      // NodesImpl.upload: a comma-separated list, each name trimmed (NodeApiTest testUploadWithAspectNames*).
      case 'aspectnames': req.aspectNames = (str ?? '').split(',').map((a) => a.trim()).filter((a) => a !== ''); break
      case 'versioningenabled': versioning = str?.toLowerCase() !== 'false'; break
      default:
        if (key.includes(':')) {
          const all = form.getAll(key).filter((v): v is string => typeof v === 'string')
          req.properties[key] = all.length > 1 ? all : all[0]
        }
    }
  }
  req.name ??= fileName || undefined
  if (!req.upload || !req.name) throw errors.invalidLiteral('Required parameters are missing')
  if (req.autoRename && req.overwrite) {
    throw errors.invalidLiteral("Both 'overwrite' and 'autoRename' should not be true when uploading a file")
  }
  // An upload of a new file is versioned, 1.0 unless majorVersion=false (NodesImpl.upload, REPO-159),
  // unless versioningEnabled=false; overwriting a versioned file versions it as content updates do.
  req.version = versioning ? { major: major ?? true, comment } : undefined
  req.overwriteVersion = { major, comment }
  return req
}
