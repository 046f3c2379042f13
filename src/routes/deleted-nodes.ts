import { Hono } from 'hono'
import { errors } from '../errors.js'
import { readJson } from '../http/body.js'
import { contentResponse } from '../http/content.js'
import type { AppDeps, Env } from '../http/context.js'
import { pagedResponse, readEntity, stringField } from '../http/entities.js'
import { entry } from '../http/envelope.js'
import { deletedNodeJson } from '../http/history-json.js'
import { paramsOf, parseBool } from '../http/params.js'
import { emptyResponse, jsonResponse } from '../http/respond.js'
import { applyFields } from '../rest/fields.js'
import { purgeArchived, requireArchived, restoreArchived, visibleArchive, type RestoreTarget } from '../trashcan/service.js'
import { nodeEntry, requireFile, viewOf } from './nodes-shared.js'
import { refuseMissingMethods } from './resource-methods.js'
import { rightsOf } from './rights.js'

const RESTORE_BODY = { className: 'org.alfresco.rest.api.model.NodeTargetAssoc', fields: ['targetParentId', 'assocType'] }

/** The trashcan (TrashcanEntityResource, DeletedNodesImpl): list, get, restore, purge, content. */
export function deletedNodeRoutes(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()
  const rights = rightsOf(deps)

  app.get('/deleted-nodes', (c) => {
    const user = c.get('user')
    const view = viewOf(c)
    return pagedResponse(visibleArchive(deps, user), paramsOf(c), (item) => deletedNodeJson(deps, item.nodes[0]!, item, user, view.include, false))
  })

  // getDeletedNode(…, fullnode=true): properties and aspectNames always.
  app.get('/deleted-nodes/:nodeId', (c) => {
    const user = c.get('user')
    const view = viewOf(c)
    const { node, item } = requireArchived(deps, c.req.param('nodeId'), user)
    return jsonResponse(entry(applyFields(deletedNodeJson(deps, node, item, user, view.include, true), view.fields)))
  })

  app.get('/deleted-nodes/:nodeId/content', (c) => {
    const { node } = requireArchived(deps, c.req.param('nodeId'), c.get('user'))
    requireFile(node)
    if (!node.content) throw errors.contentNotFound(node.id)
    const { mimeType, encoding, source } = node.content
    const attachment = parseBool(c.req.query('attachment'), true)
    return contentResponse(c, { source, mimeType, encoding, name: node.name, modifiedAt: node.modifiedAt, attachment })
  })

  // An operation with an optional body: none (Content-Length 0) restores to the original parent.
  app.post('/deleted-nodes/:nodeId/restore', async (c) => {
    const body = await readJson(c, deps.maxBodyBytes)
    const user = c.get('user')
    const restored = restoreArchived(deps, c.req.param('nodeId'), restoreTarget(body), user, rights)
    // getFolderOrDocumentFullInfo(…, parameters=null): `include` and `fields` play no part.
    return jsonResponse(nodeEntry(deps, restored, user, { include: [], fields: viewOf(c).fields }, true))
  })

  app.delete('/deleted-nodes/:nodeId', (c) => {
    purgeArchived(deps, c.req.param('nodeId'), c.get('user'))
    return emptyResponse(204)
  })

  refuseMissingMethods(app, '/deleted-nodes', 'nodeId', { read: true, readById: true, delete: true })
  return app
}

function restoreTarget(body: unknown): RestoreTarget | undefined {
  if (body === undefined) return undefined
  const b = readEntity(body, RESTORE_BODY)
  return { targetParentId: stringField(b.targetParentId, 'targetParentId'), assocType: stringField(b.assocType, 'assocType') }
}

