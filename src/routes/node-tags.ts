import { Hono } from 'hono'
import { errors } from '../errors.js'
import { readJson } from '../http/body.js'
import type { AppDeps, Env } from '../http/context.js'
import { createdResponse, pagedResponse, readEntities, stringField } from '../http/entities.js'
import { tagJson } from '../http/annotation-json.js'
import { paramsOf } from '../http/params.js'
import { emptyResponse } from '../http/respond.js'
import { applyFields } from '../rest/fields.js'
import { addNodeTags, nodeTags, removeNodeTag, tagCounts } from '../tags/service.js'
import { requireReadable, resolveNode } from './nodes-shared.js'
import { refuseMissingMethods } from './resource-methods.js'
import { rightsOf } from './rights.js'
import { TAG_BODY } from './tags.js'

/**
 * A node's tags (NodeTagsRelation, TagsImpl): list (ACA asks for every row of every list), add
 * one or a list, remove. The list and add resolve aliases (validateOrLookupNode); removing does not.
 */
export function nodeTagRoutes(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()
  const rights = rightsOf(deps)

  app.get('/nodes/:nodeId/tags', (c) => {
    const user = c.get('user')
    const node = resolveNode(deps, c.req.param('nodeId'), user)
    requireReadable(deps, node, user)
    return pagedResponse(nodeTags(deps, node), paramsOf(c), (t) => tagJson(t))
  })

  app.post('/nodes/:nodeId/tags', async (c) => {
    const names = readEntities(await readJson(c, deps.maxBodyBytes), TAG_BODY).map((b) => stringField(b.tag, 'tag'))
    const user = c.get('user')
    const node = resolveNode(deps, c.req.param('nodeId'), user)
    if (!rights.canWrite(node, user)) throw errors.permissionDenied()
    const added = addNodeTags(deps, node, names)
    // TagsImpl.addTags: with include=count, the count the tag has now that this node carries it.
    const counts = paramsOf(c).include.includes('count') ? tagCounts(deps) : undefined
    return createdResponse(added.map((t) => applyFields(tagJson(t, counts?.get(t.id)), paramsOf(c).fields)))
  })

  app.delete('/nodes/:nodeId/tags/:tagId', (c) => {
    const user = c.get('user')
    const node = deps.store.require(c.req.param('nodeId'))
    removeNodeTag(deps, node, c.req.param('tagId'), () => {
      if (!rights.canWrite(node, user)) throw errors.permissionDenied()
    })
    return emptyResponse(204)
  })

  refuseMissingMethods(app, '/nodes/:nodeId/tags', 'tagId', { read: true, create: true, delete: true })
  return app
}
