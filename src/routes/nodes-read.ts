import type { Hono } from 'hono'
import type { AppDeps, Env } from '../http/context.js'
import { list } from '../http/envelope.js'
import { filterFields, nodeJson } from '../http/node-json.js'
import { parseBool, parsePaging } from '../http/params.js'
import { jsonResponse } from '../http/respond.js'
import { childFilter, sortChildren } from './nodes-query.js'
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
    const parent = targetNode(deps, c, user)
    requireReadable(deps, parent, user)
    requireFolder(parent)
    const paging = parsePaging((k) => c.req.query(k))
    const view = viewOf(c)
    const keep = childFilter(c.req.query('where'), c.req.path)
    // ACS's canned query leaves out what the caller may not read, before paging.
    const visible = deps.store.children(parent.id).filter((n) => deps.store.canRead(n, user) && keep(n))
    const ordered = sortChildren(visible, c.req.query('orderBy'))
    const { pagination, entries } = list(ordered, paging).list
    const out: { pagination: typeof pagination; entries: { entry: unknown }[]; source?: unknown } = { pagination, entries: [] }
    for (const { entry: n } of entries) {
      await refreshed(deps, n)
      out.entries.push({ entry: filterFields(nodeJson(deps, n, user, { include: view.include }), view.fields, view.include) })
    }
    if (parseBool(c.req.query('includeSource'), false)) out.source = nodeJson(deps, await refreshed(deps, parent), user, { full: true })
    return jsonResponse({ list: out })
  })
}
