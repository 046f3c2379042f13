/**
 * Tags on nodes and the tag list, as TagsImpl and TaggingServiceImpl make them (remote-api's
 * tests/TestTags.java, impl/TagsImplTest.java; TAS tags/*Tests.java).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { basic, call, del, expectAlfrescoError, fixtureNode, get, post, put } from '../support/http.js'

const mock = createAlfrescoMock({ clock: 'manual' })
const ALICE = basic('alice', 'alice')
const node = (path: string) => fixtureNode(mock, path)
const tagNames = async (path: string) => (await get(mock, path)).json.list.entries.map((e: { entry: { tag: string } }) => e.entry.tag)
const tagId = async (name: string) => (await get(mock, '/tags')).json.list.entries.find((e: { entry: { tag: string } }) => e.entry.tag === name).entry.id as string

afterEach(() => mock.reset())

describe('GET /nodes/{nodeId}/tags', () => {
  it('lists a node’s tags by name, an untagged node’s as an empty list, and pages them', async () => {
    const plan = node('Shared/Projects/Apollo/plan.md')
    expect(await tagNames(`/nodes/${plan.id}/tags`)).toEqual(['apollo', 'planning'])
    expect((await get(mock, '/nodes/-shared-/tags')).json.list).toEqual({ pagination: { count: 0, hasMoreItems: false, totalItems: 0, skipCount: 0, maxItems: 100 }, entries: [] })
    const page = await get(mock, `/nodes/${plan.id}/tags?skipCount=1&maxItems=1`)
    expect(page.json.list.pagination).toEqual({ count: 1, hasMoreItems: false, totalItems: 2, skipCount: 1, maxItems: 1 })
  })

  it('answers 404 for an unknown node and 403 to a user who cannot read it (TestTags)', async () => {
    expectAlfrescoError(await get(mock, '/nodes/invalidNode/tags'), 404)
    expectAlfrescoError(await get(mock, `/nodes/${node('Shared/HR Confidential').id}/tags`, { auth: ALICE }), 403)
  })
})

describe('POST /nodes/{nodeId}/tags', () => {
  it('adds a tag in lower case with 201 and an entry, reusing the tag when it exists', async () => {
    const file = node('Shared/test-file-1.txt')
    const r = await post(mock, `/nodes/${file.id}/tags`, { tag: 'Apollo' })
    expect(r.status).toBe(201)
    expect(r.json.entry).toEqual({ id: await tagId('apollo'), tag: 'apollo' })
    expect((await get(mock, `/nodes/${file.id}?include=properties,aspectNames`)).json.entry).toMatchObject({
      aspectNames: expect.arrayContaining(['cm:taggable']),
      properties: { 'cm:taggable': [r.json.entry.id] },
    })
  })

  it('adds a list and answers a list; include=count gives each tag’s count now (TagsImpl.addTags)', async () => {
    const file = node('Shared/test-file-1.txt')
    const r = await post(mock, `/nodes/${file.id}/tags?include=count`, [{ tag: 'apollo' }, { tag: 'new one' }])
    expect(r.json.list.pagination).toEqual({ count: 2, hasMoreItems: false, totalItems: 2, skipCount: 0, maxItems: 2 })
    expect(r.json.list.entries.map((e: { entry: unknown }) => e.entry)).toEqual([
      { id: await tagId('apollo'), tag: 'apollo', count: 3 },
      { id: await tagId('new one'), tag: 'new one', count: 1 },
    ])
    // A one-element list is one created entity: an entry.
    expect((await post(mock, `/nodes/${file.id}/tags`, [{ tag: 'solo' }])).json.entry.tag).toBe('solo')
  })

  it('refuses an empty tag, the tag-cache delimiters, a user who may not write and an unknown node, changing nothing', async () => {
    const file = node('Shared/test-file-1.txt')
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/tags`, { tag: '' }), 400, 'Must provide a non-null tag')
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/tags`, [{ tag: 'ok' }, { tag: 'a|b' }]), 400, 'Tag name must not contain | char sequence')
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/tags`, { tag: 'a\nb' }), 400, 'Tag name must not contain \\n char sequence')
    expect(await tagNames(`/nodes/${file.id}/tags`)).toEqual([])
    expectAlfrescoError(await post(mock, `/nodes/${node('Data Dictionary').id}/tags`, { tag: 'x' }, { auth: ALICE }), 403)
    expectAlfrescoError(await post(mock, '/nodes/no-such-node/tags', { tag: 'x' }), 404)
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/tags`, { tag: 'x', colour: 'red' }, { invalidRequest: true }), 400)
  })
})

describe('DELETE /nodes/{nodeId}/tags/{tagId}', () => {
  it('removes the tag from the node with 204; the tag stays in the repository', async () => {
    const plan = node('Shared/Projects/Apollo/plan.md')
    const planning = await tagId('planning')
    expect((await del(mock, `/nodes/${plan.id}/tags/${planning}`)).status).toBe(204)
    expect(await tagNames(`/nodes/${plan.id}/tags`)).toEqual(['apollo'])
    expect(await tagNames('/tags')).toContain('planning')
  })

  it('answers 404 for an unknown tag, and 204 for a tag the node does not have', async () => {
    const plan = node('Shared/Projects/Apollo/plan.md')
    expectAlfrescoError(await del(mock, `/nodes/${plan.id}/tags/no-such-tag`), 404, 'framework.exception.EntityNotFound')
    expect((await del(mock, `/nodes/${plan.id}/tags/${await tagId('draft')}`)).status).toBe(204)
  })
})

describe('GET /tags', () => {
  it('lists every tag by name, with counts of live nodes on include=count', async () => {
    const r = await get(mock, '/tags?include=count')
    expect(r.json.list.entries.map((e: { entry: unknown }) => e.entry)).toEqual([
      { id: await tagId('apollo'), tag: 'apollo', count: 2 },
      { id: await tagId('draft'), tag: 'draft', count: 0 },
      { id: await tagId('planning'), tag: 'planning', count: 1 },
    ])
    expect((await get(mock, '/tags')).json.list.entries[0].entry).not.toHaveProperty('count')
  })

  it('orders by tag or count, ASC or DESC; count without include=count is 400 (TagsImplTest.testGetTags_orderBy*)', async () => {
    expect(await tagNames('/tags?orderBy=tag%20DESC')).toEqual(['planning', 'draft', 'apollo'])
    expect(await tagNames('/tags?include=count&orderBy=count%20DESC')).toEqual(['apollo', 'planning', 'draft'])
    expect(await tagNames('/tags?include=count&orderBy=count')).toEqual(['draft', 'planning', 'apollo'])
    const e = expectAlfrescoError(await get(mock, '/tags?orderBy=count'), 400, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toBe('Tag count should be included when ordering by count')
  })

  it('filters with where: =, IN and MATCHES, joined by OR (TagsImplTest.testGetTags_with*WhereQuery)', async () => {
    expect(await tagNames("/tags?where=(tag='Apollo')")).toEqual(['apollo'])
    expect(await tagNames("/tags?where=(tag IN ('draft', 'planning'))")).toEqual(['draft', 'planning'])
    expect(await tagNames("/tags?where=(tag MATCHES ('*an*'))")).toEqual(['planning'])
    expect(await tagNames("/tags?where=(tag MATCHES ('d*') OR tag='apollo')")).toEqual(['apollo', 'draft'])
  })

  it('answers InvalidQuery for AND, NOT, BETWEEN and other properties', async () => {
    const and = expectAlfrescoError(await get(mock, "/tags?where=(tag='a' AND tag IN ('b'))"), 400, 'framework.exception.InvalidQuery')
    expect(and.briefSummary).toMatch(/An invalid WHERE query was received\. Unsupported Predicate$/)
    const not = expectAlfrescoError(await get(mock, "/tags?where=(NOT tag='a')"), 400, 'framework.exception.InvalidQuery')
    expect(not.briefSummary).toContain('property with name: tag cannot be negated')
    expectAlfrescoError(await get(mock, "/tags?where=(tag BETWEEN ('a', 'b'))"), 400, 'framework.exception.InvalidQuery')
    const other = expectAlfrescoError(await get(mock, "/tags?where=(name='a')"), 400, 'framework.exception.InvalidQuery')
    expect(other.briefSummary).toContain('property with name: name is not expected')
  })
})

describe('POST /tags, GET, PUT and DELETE /tags/{tagId}', () => {
  it('lets admins create orphan tags (count 0), and refuses others, an empty list and an existing name', async () => {
    const r = await post(mock, '/tags?include=count', [{ tag: 'Fresh' }, { tag: 'Fresh' }, { tag: 'other' }])
    expect(r.json.list.entries.map((e: { entry: { tag: string; count: number } }) => [e.entry.tag, e.entry.count])).toEqual([['fresh', 0], ['other', 0]])
    // Distinct as sent, then lower-cased one by one: the second of Case and case is a duplicate.
    expectAlfrescoError(await post(mock, '/tags', [{ tag: 'Twice' }, { tag: 'twice' }]), 409)
    expect(await tagNames('/tags')).not.toContain('twice')
    expectAlfrescoError(await post(mock, '/tags', { tag: 'x' }, { auth: ALICE }), 403, 'Current user does not have permission to manage a tag')
    expectAlfrescoError(await post(mock, '/tags', []), 400, 'An invalid parameter has been supplied')
    expectAlfrescoError(await post(mock, '/tags', { tag: 'apollo' }), 409, 'framework.exception.ApiDefault')
  })

  it('gets a tag with its count, and 404 for an unknown id', async () => {
    const id = await tagId('apollo')
    expect((await get(mock, `/tags/${id}?include=count`)).json.entry).toEqual({ id, tag: 'apollo', count: 2 })
    expectAlfrescoError(await get(mock, '/tags/invalid-id'), 404, 'framework.exception.EntityNotFound')
  })

  it('renames a tag for admins, keeping its id on every node; blank, same, taken and non-admin are refused (UpdateTagTests)', async () => {
    const id = await tagId('apollo')
    const r = await put(mock, `/tags/${id}`, { tag: 'Artemis' })
    expect(r.json.entry).toEqual({ id, tag: 'artemis' })
    expect(await tagNames(`/nodes/${node('Shared/Projects/Apollo/budget.csv').id}/tags`)).toEqual(['artemis'])
    expectAlfrescoError(await put(mock, `/tags/${id}`, { tag: '' }), 400, 'New tag cannot be blank')
    expectAlfrescoError(await put(mock, `/tags/${id}`, { tag: 'artemis' }), 400, 'New and existing tags are the same')
    expectAlfrescoError(await put(mock, `/tags/${id}`, { tag: 'draft' }), 409, 'Tag draft already exists')
    expectAlfrescoError(await put(mock, `/tags/${id}`, { tag: 'zeus' }, { auth: ALICE }), 403, 'framework.exception.PermissionDenied')
    expectAlfrescoError(await put(mock, '/tags/invalid-id', { tag: 'zeus' }), 404)
  })

  it('deletes a tag for admins, taking it off every node; others get 403', async () => {
    const id = await tagId('apollo')
    expectAlfrescoError(await del(mock, `/tags/${id}`, { auth: ALICE }), 403, 'Current user does not have permission to manage a tag')
    expect((await del(mock, `/tags/${id}`)).status).toBe(204)
    expect(await tagNames(`/nodes/${node('Shared/Projects/Apollo/plan.md').id}/tags`)).toEqual(['planning'])
    expectAlfrescoError(await get(mock, `/tags/${id}`), 404)
  })

  it('answers the framework’s 405s: PUT on the collection, POST on a tag, GET or PUT on a node’s tag', async () => {
    const id = await tagId('apollo')
    const plan = node('Shared/Projects/Apollo/plan.md')
    expectAlfrescoError(await call(mock, 'PUT', '/tags', { body: {}, invalidRequest: true }), 405, 'PUT is executed against the instance URL')
    expectAlfrescoError(await post(mock, `/tags/${id}`, {}, { invalidRequest: true }), 405, 'POST is executed against a collection URL')
    expectAlfrescoError(await get(mock, `/nodes/${plan.id}/tags/${id}`, { invalidRequest: true }), 405, 'framework.exception.UnsupportedResourceOperation')
    expectAlfrescoError(await call(mock, 'PUT', `/nodes/${plan.id}/tags`, { body: {}, invalidRequest: true }), 405, 'framework.exception.UnsupportedResourceOperation')
  })
})
