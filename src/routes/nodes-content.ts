import type { Hono } from 'hono'
import { errors } from '../errors.js'
import { mimeTypeFor, mimeTypeName, OCTET_STREAM } from '../fixtures/mime.js'
import { readBody } from '../http/body.js'
import { contentResponse } from '../http/content.js'
import type { AppDeps, Env } from '../http/context.js'
import { parseBool } from '../http/params.js'
import { jsonResponse } from '../http/respond.js'
import type { MockNode } from '../store/types.js'
import { versionAfterContentUpdate, type VersionRequest } from '../versions/service.js'
import { isDownloadNode, nodeEntry, requireFile, requireReadable, viewOf } from './nodes-shared.js'
import { checkForLock } from '../nodes/locks.js'
import { checkName, nameTaken } from './nodes-names.js'

/** A download's ZIP is written without a mimetype, so ContentData falls back to octet-stream/UTF-8. */
const ZIP_MIME = OCTET_STREAM
const ZIP_ENCODING = 'UTF-8'

/** GET and PUT /nodes/{nodeId}/content. Neither resolves aliases (NodesImpl.validateNode). */
export function registerNodeContent(app: Hono<Env>, deps: AppDeps): void {
  app.get('/nodes/:nodeId/content', async (c) => {
    const user = c.get('user')
    const node = deps.store.require(c.req.param('nodeId'))
    requireReadable(deps, node, user)
    requireFile(node)
    const attachment = parseBool(c.req.query('attachment'), true)
    if (isDownloadNode(node)) {
      await deps.downloads.refreshNode(node)
      const load = () => deps.downloads.content(node.id)
      const { name, modifiedAt } = node
      return contentResponse(c, { load, mimeType: ZIP_MIME, encoding: ZIP_ENCODING, name, modifiedAt, attachment })
    }
    const content = node.content
    if (!content) throw noContent(node.id)
    const { mimeType, encoding, source } = content
    return contentResponse(c, { source, mimeType, encoding, name: node.name, modifiedAt: node.modifiedAt, attachment })
  })

  app.put('/nodes/:nodeId/content', async (c) => {
    const user = c.get('user')
    const type = c.req.header('content-type') ?? ''
    if (type.toLowerCase().startsWith('multipart')) throw errors.invalidLiteral(`Cannot update using ${type}`, 415)
    const node = deps.store.require(c.req.param('nodeId'))
    requireFile(node)
    if (!deps.store.canWrite(node, user)) throw errors.permissionDenied()
    // LockServiceImpl.beforeUpdateNode (NodeApiTest testLock: content update on a locked node → 409).
    checkForLock(node, user.id, deps.clock.now())
    // The body first: a 413 must leave the node untouched, its name included.
    const bytes = await readBody(c, deps.maxBodyBytes)
    const rename = c.req.query('name')
    if (rename !== undefined && rename !== node.name) renameTo(deps, node, rename)
    const mimeType = guessMime(node.name, type)
    const encoding = charsetOf(type) ?? 'UTF-8'
    node.content = { mimeType, mimeTypeName: mimeTypeName(mimeType), encoding, source: { kind: 'bytes', bytes } }
    node.modifiedAt = deps.clock.now()
    node.modifiedBy = user.id
    versionAfterContentUpdate(deps, node, versionRequest(c.req.query('majorVersion'), c.req.query('comment')))
    return jsonResponse(nodeEntry(deps, node, user, viewOf(c), true))
  })
}

/** WebScriptException(404) from the content reader: no errorKey of its own (derived, see the reference §8.1). */
function noContent(id: string) {
  return errors.apiDefault(
    404,
    `Unable to locate content for node ref workspace://SpacesStore/${id} (property: {http://www.alfresco.org/model/content/1.0}content)`,
  )
}

/**
 * NodesImpl.writeContent guesses from the file name and ignores the request's Content-Type; only
 * when the extension says nothing (octet-stream) does ACS sniff the bytes. The mock uses the
 * declared type there, as the closest stand-in for sniffing.
 */
function guessMime(name: string, declared: string): string {
  const byName = mimeTypeFor(name)
  if (byName !== OCTET_STREAM) return byName
  const bare = declared.split(';')[0]?.trim().toLowerCase() ?? ''
  return bare === '' ? OCTET_STREAM : bare
}

function charsetOf(type: string): string | undefined {
  return /;\s*charset=([^;\s]+)/i.exec(type)?.[1]?.replace(/^"|"$/g, '')
}

/** `?name=` renames before the update; a clash is ConstraintViolatedException (409, the sentence as key). */
function renameTo(deps: AppDeps, node: MockNode, name: string): void {
  checkName(deps, name, node)
  if (node.parentId !== undefined && nameTaken(deps, node.parentId, name)) {
    throw errors.invalidLiteral(`Name already exists in target parent: ${name}`, 409)
  }
  node.name = name
}

/** `majorVersion` (Boolean.valueOf when given) and `comment`, as NodesImpl.updateContent reads them. */
function versionRequest(majorVersion: string | undefined, comment: string | undefined): VersionRequest {
  return { major: majorVersion === undefined ? undefined : parseBool(majorVersion, false), comment }
}
