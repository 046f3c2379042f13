import { Hono, type Context } from 'hono'
import { readJson } from '../http/body.js'
import type { AppDeps, Env } from '../http/context.js'
import { createdResponse, pagedResponse, readEntities, readEntity, stringField } from '../http/entities.js'
import { tagJson } from '../http/annotation-json.js'
import { entry } from '../http/envelope.js'
import { paramsOf } from '../http/params.js'
import { emptyResponse, jsonResponse } from '../http/respond.js'
import { applyFields } from '../rest/fields.js'
import { createTags, deleteTag, listTags, renameTag, requireTag, tagCounts, type TagOrder } from '../tags/service.js'
import { tagFilter } from '../tags/where.js'
import type { SortColumn } from '../rest/order-by.js'
import { refuseMissingMethods } from './resource-methods.js'

export const TAG_BODY = { className: 'org.alfresco.rest.api.model.Tag', fields: ['id', 'tag', 'count'] }

/** The repository's tags (TagsEntityResource): list with counts, get, create, rename, delete. */
export function tagRoutes(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()
  const wantsCount = (c: Context<Env>) => paramsOf(c).include.includes('count')
  const fields = (c: Context<Env>) => paramsOf(c).fields

  app.get('/tags', (c) => {
    const withCount = wantsCount(c)
    const params = paramsOf(c)
    const tags = listTags(deps, tagFilter(params.where), tagOrder(params.sorting), withCount)
    return pagedResponse(tags, params, (t) => tagJson(t.tag, withCount ? t.count : undefined))
  })

  app.post('/tags', async (c) => {
    const bodies = readEntities(await readJson(c, deps.maxBodyBytes), TAG_BODY)
    const created = createTags(deps, bodies.map((b) => stringField(b.tag, 'tag')), c.get('user'))
    // A new tag is on no node yet (TagsImpl.createTags sets count 0).
    return createdResponse(created.map((t) => applyFields(tagJson(t, wantsCount(c) ? 0 : undefined), fields(c))))
  })

  app.get('/tags/:tagId', (c) => {
    const tag = requireTag(deps, c.req.param('tagId'))
    const count = wantsCount(c) ? (tagCounts(deps).get(tag.id) ?? 0) : undefined
    return jsonResponse(entry(applyFields(tagJson(tag, count), fields(c))))
  })

  app.put('/tags/:tagId', async (c) => {
    const body = readEntity(await readJson(c, deps.maxBodyBytes), TAG_BODY)
    const tag = renameTag(deps, c.req.param('tagId'), stringField(body.tag, 'tag'), c.get('user'))
    const count = wantsCount(c) ? (tagCounts(deps).get(tag.id) ?? 0) : undefined
    return jsonResponse(entry(applyFields(tagJson(tag, count), fields(c))))
  })

  app.delete('/tags/:tagId', (c) => {
    deleteTag(deps, c.req.param('tagId'), c.get('user'))
    return emptyResponse(204)
  })

  refuseMissingMethods(app, '/tags', 'tagId', { read: true, readById: true, create: true, update: true, delete: true })
  return app
}

/**
 * TagsImpl.getTags passes the first orderBy column on; TaggingServiceImpl sorts by `tag` or
 * `count` and ignores any other column.
 */
function tagOrder(sorting: readonly SortColumn[]): TagOrder | undefined {
  const first = sorting[0]
  if (first?.column !== 'tag' && first?.column !== 'count') return undefined
  return { by: first.column, ascending: first.asc }
}
