import type { Hono } from 'hono'
import type { AppDeps, Env } from '../http/context.js'
import { nodeJson, type NodeJson } from '../http/node-json.js'
import { paramsOf } from '../http/params.js'
import { applyFields } from '../rest/fields.js'
import { jsonResponse } from '../http/respond.js'
import { pageOf } from '../rest/paging.js'
import { sortItems } from '../rest/order-by.js'
import { childQuery } from './nodes-query.js'
import { nodeEntry, refreshed, requireFolder, requireReadable, targetNode, viewOf } from './nodes-shared.js'

/** GET /nodes/{nodeId} and GET /nodes/{nodeId}/children. */
export function registerNodeReads(app: Hono<Env>, deps: AppDeps): void {
  app.get('/nodes/:nodeId', async (c) => {
    const user = c.get('user')
    const node = targetNode(deps, c, user)
    requireReadable(deps, node, user)
    await refreshed(deps, node)
    return jsonResponse(nodeEntry(deps, node, user, viewOf(c), true))
  })

  app.get('/nodes/:nodeId/children', async (c) => {
    const user = c.get('user')
    const params = paramsOf(c)
    const parent = targetNode(deps, c, user)
    requireReadable(deps, parent, user)
    requireFolder(parent)
    const query = childQuery(params, deps.dictionary)
    // ACS's canned query leaves out what the caller may not read, before paging.
    const visible = deps.store.children(parent.id).filter((n) => deps.store.canRead(n, user) && query.keep(n))
    const { list } = pageOf(sortItems(visible, query.order), params.paging)
    const entries: { entry: Partial<NodeJson> }[] = []
    for (const { entry: n } of list.entries) {
      await refreshed(deps, n)
      entries.push({ entry: applyFields(nodeJson(deps, n, user, { include: params.include }), params.fields) })
    }
    const source = params.includeSource ? nodeJson(deps, await refreshed(deps, parent), user, { full: true }) : undefined
    return jsonResponse({ list: { pagination: list.pagination, entries, ...(source && { source }) } })
  })
}
