import { Hono, type Context } from 'hono'
import { errors } from '../errors.js'
import { readJson } from '../http/body.js'
import { contentResponse } from '../http/content.js'
import type { AppDeps, Env } from '../http/context.js'
import { booleanField, pagedResponse, readEntity, stringField } from '../http/entities.js'
import { entry } from '../http/envelope.js'
import { versionJson } from '../http/history-json.js'
import { paramsOf, parseBool } from '../http/params.js'
import { emptyResponse, jsonResponse } from '../http/respond.js'
import { applyFields } from '../rest/fields.js'
import type { MockNode } from '../store/types.js'
import { deleteVersion, requireVersion, revertVersion, versionsOf } from '../versions/service.js'
import { requireReadable, resolveNode } from './nodes-shared.js'
import { refuseMissingMethods } from './resource-methods.js'
import { rightsOf } from './rights.js'

const REVERT_BODY = { className: 'org.alfresco.rest.api.model.VersionOptions', fields: ['majorVersion', 'comment'] }

/**
 * The version history of a node (NodeVersionsRelation): list, get, content, delete, revert.
 * Node ids resolve aliases (validateOrLookupNode); reading needs Read on the live node.
 */
export function versionRoutes(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()
  const rights = rightsOf(deps)
  const fields = (c: Context<Env>) => paramsOf(c).fields
  const include = (c: Context<Env>) => paramsOf(c).include

  app.get('/nodes/:nodeId/versions', (c) => {
    const node = readableNode(deps, c)
    return pagedResponse(versionsOf(deps, node), paramsOf(c), (v) => versionJson(deps, v, c.get('user'), include(c), false))
  })

  app.get('/nodes/:nodeId/versions/:versionId', (c) => {
    const node = readableNode(deps, c)
    const version = requireVersion(deps, node, c.req.param('nodeId'), c.req.param('versionId'))
    return jsonResponse(entry(applyFields(versionJson(deps, version, c.get('user'), include(c), true), fields(c))))
  })

  app.get('/nodes/:nodeId/versions/:versionId/content', async (c) => {
    const node = readableNode(deps, c)
    const { frozen } = requireVersion(deps, node, c.req.param('nodeId'), c.req.param('versionId'))
    if (frozen.isFolder || !frozen.content) throw errors.invalidLiteral(`NodeId of content is expected: ${node.id}`)
    const { mimeType, encoding, source } = frozen.content
    const attachment = parseBool(c.req.query('attachment'), true)
    return contentResponse(c, { source, mimeType, encoding, name: frozen.name, modifiedAt: frozen.modifiedAt, attachment })
  })

  app.delete('/nodes/:nodeId/versions/:versionId', (c) => {
    const node = readableNode(deps, c)
    deleteVersion(deps, node, c.req.param('nodeId'), c.req.param('versionId'), c.get('user'), rights.canWrite)
    return emptyResponse(204)
  })

  app.post('/nodes/:nodeId/versions/:versionId/revert', async (c) => {
    const body = readEntity(await readJson(c, deps.maxBodyBytes), REVERT_BODY)
    const request = { major: booleanField(body.majorVersion, 'majorVersion'), comment: stringField(body.comment, 'comment') }
    const node = readableNode(deps, c)
    const user = c.get('user')
    const version = revertVersion(deps, node, c.req.param('nodeId'), c.req.param('versionId'), request, user, rights.canWrite)
    return jsonResponse(entry(applyFields(versionJson(deps, version, user, include(c), true), fields(c))))
  })

  refuseMissingMethods(app, '/nodes/:nodeId/versions', 'versionId', { read: true, readById: true, delete: true })
  return app
}

function readableNode(deps: AppDeps, c: Context<Env>): MockNode {
  const user = c.get('user')
  const node = resolveNode(deps, c.req.param('nodeId') ?? '', user)
  requireReadable(deps, node, user)
  return node
}
