/**
 * The requests Alfresco's web client (ACA 7.3) sends in these areas, exactly as
 * reference/aca-requests.md lists them, replayed against the default fixtures as admin: each
 * answers as ACS would, where the mock used to answer 501.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { del, fixtureNode, get, post } from '../support/http.js'

const mock = createAlfrescoMock({ clock: 'manual' })
const plan = () => fixtureNode(mock, 'Shared/Projects/Apollo/plan.md').id

afterEach(() => mock.reset())

describe("ACA's requests for tags, categories, comments, versions and the trash", () => {
  it('#7 GET nodes/{id}/tags for every row of a list: 200, the row’s tags or an empty list', async () => {
    const rows = (await get(mock, `/nodes/${fixtureNode(mock, 'Shared/Projects/Apollo').id}/children`)).json.list.entries
    const tags = await Promise.all(rows.map(async (r: { entry: { id: string } }) => (await get(mock, `/nodes/${r.entry.id}/tags`)).json.list.entries.length))
    expect(tags).toEqual([0, 1, 2]) // Specs, budget.csv, plan.md
  })

  it('#17 GET nodes/{id}/category-links?include=path: 200 with the path ACA shows', async () => {
    const r = await get(mock, `/nodes/${plan()}/category-links?include=path`)
    expect(r.json.list.entries[0].entry).toMatchObject({ name: 'Development Plans', path: '/categories/General/Software Document Classification' })
    expect((await get(mock, `/nodes/${fixtureNode(mock, 'Shared/test-file-1.txt').id}/category-links?include=path`)).json.list.entries).toEqual([])
  })

  it('#20 GET nodes/{id}/comments: 200, newest first', async () => {
    const r = await get(mock, `/nodes/${plan()}/comments`)
    expect(r.json.list.entries.map((e: { entry: { content: string } }) => e.entry.content)).toEqual(['Launch date still to be agreed.'])
  })

  it('#23 DELETE nodes/{id}, then #38 GET deleted-nodes?include=…&maxItems=25&skipCount=0 shows it in the trash', async () => {
    const id = fixtureNode(mock, 'Shared/lorem.txt').id
    expect((await del(mock, `/nodes/${id}`)).status).toBe(204)
    const trash = await get(mock, '/deleted-nodes?include=path,properties,allowableOperations,permissions,aspectNames&maxItems=25&skipCount=0')
    expect(trash.status).toBe(200)
    const [entry] = trash.json.list.entries.map((e: { entry: Record<string, unknown> }) => e.entry)
    expect(entry).toMatchObject({ id, name: 'lorem.txt', archivedByUser: { id: 'admin' }, path: { name: '/Company Home/Shared' } })
    expect(entry).toHaveProperty('allowableOperations')
    expect(trash.json.list.pagination).toMatchObject({ count: 1, skipCount: 0, maxItems: 25 })
    // The trash's restore and delete-permanently actions.
    expect((await post(mock, `/deleted-nodes/${id}/restore`)).status).toBe(200)
    await del(mock, `/nodes/${id}`)
    expect((await del(mock, `/deleted-nodes/${id}`)).status).toBe(204)
  })

  it('#28 GET nodes/{id}/versions (Manage Versions): 200, newest first, each version’s content link works', async () => {
    const r = await get(mock, `/nodes/${plan()}/versions`)
    expect(r.json.list.entries.map((e: { entry: { id: string } }) => e.entry.id)).toEqual(['1.1', '1.0'])
    expect((await get(mock, `/nodes/${plan()}/versions/1.0/content`)).status).toBe(200)
  })

  it('#39 GET tags (the search page’s tag filter): 200 with every tag', async () => {
    const r = await get(mock, '/tags')
    expect(r.json.list.entries.map((e: { entry: { tag: string } }) => e.entry.tag)).toEqual(['apollo', 'draft', 'planning'])
  })
})
