import { Hono, type Context } from 'hono'
import { readJson } from '../http/body.js'
import { ratingJson } from '../http/annotation-json.js'
import type { AppDeps, Env } from '../http/context.js'
import { pagedResponse, readEntity, stringField } from '../http/entities.js'
import { entry } from '../http/envelope.js'
import { paramsOf } from '../http/params.js'
import { emptyResponse, jsonResponse } from '../http/respond.js'
import { applyFields } from '../rest/fields.js'
import { allSchemes, applyRating, nodeRating, removeRating, requireScheme } from '../ratings/service.js'
import type { MockNode } from '../store/types.js'
import { requireReadable } from './nodes-shared.js'
import { refuseMissingMethods } from './resource-methods.js'

const RATING_BODY = { className: 'org.alfresco.rest.api.model.NodeRating', fields: ['id', 'myRating', 'ratedAt', 'aggregate'] }

/**
 * Likes and five-star ratings (NodeRatingsRelation, NodeRatingsImpl): list both schemes, get,
 * rate (one rating per request, allowMultiple=false), remove the caller's. No aliases (validateNode).
 */
export function ratingRoutes(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()
  const fields = (c: Context<Env>) => paramsOf(c).fields

  app.get('/nodes/:nodeId/ratings', (c) => {
    const node = readableNode(deps, c)
    return pagedResponse(allSchemes(), paramsOf(c), (s) => ratingJson(nodeRating(deps, node, s, c.get('user'))))
  })

  app.get('/nodes/:nodeId/ratings/:ratingId', (c) => {
    const node = readableNode(deps, c)
    const scheme = requireScheme(c.req.param('ratingId'))
    return jsonResponse(entry(applyFields(ratingJson(nodeRating(deps, node, scheme, c.get('user'))), fields(c))))
  })

  app.post('/nodes/:nodeId/ratings', async (c) => {
    const body = readEntity(await readJson(c, deps.maxBodyBytes), RATING_BODY, 'unsupported')
    const node = readableNode(deps, c)
    const scheme = requireScheme(stringField(body.id, 'id'))
    applyRating(deps, node, scheme, body.myRating, c.get('user'))
    return jsonResponse(entry(applyFields(ratingJson(nodeRating(deps, node, scheme, c.get('user'))), fields(c))), 201)
  })

  app.delete('/nodes/:nodeId/ratings/:ratingId', (c) => {
    // NodeRatingsImpl.removeRating checks the scheme before the node.
    const scheme = requireScheme(c.req.param('ratingId'))
    removeRating(deps, readableNode(deps, c), scheme, c.get('user'))
    return emptyResponse(204)
  })

  refuseMissingMethods(app, '/nodes/:nodeId/ratings', 'ratingId', { read: true, readById: true, create: true, delete: true })
  return app
}

function readableNode(deps: AppDeps, c: Context<Env>): MockNode {
  const node = deps.store.require(c.req.param('nodeId') ?? '')
  requireReadable(deps, node, c.get('user'))
  return node
}
