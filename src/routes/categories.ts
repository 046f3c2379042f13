import { Hono, type Context } from 'hono'
import { categoryView, createCategories, deleteCategory, renameCategory, requireCategory, resolveCategory, categoryCounts } from '../categories/service.js'
import { readJson } from '../http/body.js'
import type { AppDeps, Env } from '../http/context.js'
import { createdResponse, pagedResponse, readEntities, readEntity, stringField } from '../http/entities.js'
import { entry } from '../http/envelope.js'
import { paramsOf } from '../http/params.js'
import { emptyResponse, jsonResponse } from '../http/respond.js'
import { applyFields } from '../rest/fields.js'
import { refuseMissingMethods } from './resource-methods.js'

export const CATEGORY_BODY = {
  className: 'org.alfresco.rest.api.model.Category',
  fields: ['id', 'name', 'parentId', 'hasChildren', 'count', 'path'],
}

/**
 * The category tree (CategoriesEntityResource, SubcategoriesRelation, CategoriesImpl): get, the
 * subcategories of a category or of -root-, and — for admins — create, rename, delete.
 */
export function categoryRoutes(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()
  const include = (c: Context<Env>) => new Set(paramsOf(c).include)
  const fields = (c: Context<Env>) => paramsOf(c).fields

  app.get('/categories/:categoryId', (c) => {
    const category = requireCategory(deps, c.req.param('categoryId'))
    return jsonResponse(entry(applyFields(categoryView(deps, category, include(c)), fields(c))))
  })

  app.put('/categories/:categoryId', async (c) => {
    const body = readEntity(await readJson(c, deps.maxBodyBytes), CATEGORY_BODY)
    const category = renameCategory(deps, c.req.param('categoryId'), stringField(body.name, 'name'), c.get('user'))
    return jsonResponse(entry(applyFields(categoryView(deps, category, include(c)), fields(c))))
  })

  app.delete('/categories/:categoryId', (c) => {
    deleteCategory(deps, c.req.param('categoryId'), c.get('user'))
    return emptyResponse(204)
  })

  app.get('/categories/:categoryId/subcategories', (c) => {
    const parent = resolveCategory(deps, c.req.param('categoryId'))
    const wanted = include(c)
    const counts = wanted.has('count') ? categoryCounts(deps) : undefined
    const children = deps.extras.categories.children(parent?.id)
    return pagedResponse(children, paramsOf(c), (cat) => categoryView(deps, cat, wanted, counts))
  })

  app.post('/categories/:categoryId/subcategories', async (c) => {
    const names = readEntities(await readJson(c, deps.maxBodyBytes), CATEGORY_BODY).map((b) => stringField(b.name, 'name'))
    const created = createCategories(deps, c.req.param('categoryId'), names, c.get('user'))
    // A new category has no nodes yet (CategoriesImpl.createSubcategories sets count 0).
    return createdResponse(created.map((cat) => applyFields(categoryView(deps, cat, include(c), new Map()), fields(c))))
  })

  refuseMissingMethods(app, '/categories', 'categoryId', { readById: true, update: true, delete: true })
  refuseMissingMethods(app, '/categories/:categoryId/subcategories', 'subcategoryId', { read: true, create: true })
  return app
}
