import { Hono, type Context } from 'hono'
import { categoryView, linkCategories, nodeCategories, requireCategorisable, resolveCategory, unlinkCategory } from '../categories/service.js'
import { errors } from '../errors.js'
import { readJson } from '../http/body.js'
import type { AppDeps, Env } from '../http/context.js'
import { createdResponse, pagedResponse, readEntities, stringField } from '../http/entities.js'
import { paramsOf } from '../http/params.js'
import { emptyResponse } from '../http/respond.js'
import { applyFields } from '../rest/fields.js'
import type { MockNode, MockUser } from '../store/types.js'
import { resolveNode } from './nodes-shared.js'
import { refuseMissingMethods } from './resource-methods.js'
import { rightsOf, type Rights } from './rights.js'

const LINK_BODY = { className: 'org.alfresco.rest.api.model.Category', fields: ['categoryId', 'id', 'name', 'parentId', 'hasChildren', 'count', 'path'] }

/**
 * A node's categories (NodesCategoryLinksRelation, CategoriesImpl): list (ACA's info drawer sends
 * include=path), link one or a list, unlink. Reading needs Read, linking ChangePermissions.
 */
export function categoryLinkRoutes(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()
  const rights = rightsOf(deps)
  const include = (c: Context<Env>) => new Set(paramsOf(c).include.filter((i) => i === 'path'))
  const fields = (c: Context<Env>) => paramsOf(c).fields

  app.get('/nodes/:nodeId/category-links', (c) => {
    const user = c.get('user')
    const node = resolveNode(deps, c.req.param('nodeId'), user)
    if (!rights.canRead(node, user)) throw errors.invalidLiteral('Current user does not have read permission to content', 403)
    requireCategorisable(node)
    return pagedResponse(nodeCategories(deps, node), paramsOf(c), (cat) => categoryView(deps, cat, include(c)))
  })

  app.post('/nodes/:nodeId/category-links', async (c) => {
    const ids = readEntities(await readJson(c, deps.maxBodyBytes), LINK_BODY).map((b) => stringField(b.categoryId, 'categoryId'))
    // An empty list is refused before the node is looked at.
    if (ids.length === 0) throw errors.invalidLiteral('Node id does not refer to a valid category')
    const node = changeableNode(deps, c, rights)
    const linked = linkCategories(deps, node, ids)
    return createdResponse(linked.map((cat) => applyFields(categoryView(deps, cat, include(c)), fields(c))))
  })

  app.delete('/nodes/:nodeId/category-links/:categoryId', (c) => {
    const category = resolveCategory(deps, c.req.param('categoryId'))
    unlinkCategory(changeableNode(deps, c, rights), c.req.param('nodeId'), category)
    return emptyResponse(204)
  })

  refuseMissingMethods(app, '/nodes/:nodeId/category-links', 'categoryId', { read: true, create: true, delete: true })
  return app
}

/** verifyChangePermission then verifyNodeType (CategoriesImpl.linkNodeToCategories / unlinkNodeFromCategory). */
function changeableNode(deps: AppDeps, c: Context<Env>, rights: Rights): MockNode {
  const user: MockUser = c.get('user')
  const node = resolveNode(deps, c.req.param('nodeId') ?? '', user)
  if (!rights.canChangePermissions(node, user)) throw errors.invalidLiteral('Current user does not have change permission to content', 403)
  requireCategorisable(node)
  return node
}
