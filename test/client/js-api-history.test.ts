/**
 * The official client, @alfresco/js-api v10, over a real socket: VersionsApi, TrashcanApi,
 * TagsApi, CommentsApi, CategoriesApi and RatingsApi against the default fixtures. Every answer
 * js-api receives is checked against ACS's OpenAPI spec (with test/spec/corrections.ts).
 */
import { AlfrescoApi, CategoriesApi, CommentsApi, NodesApi, RatingsApi, TagsApi, TrashcanApi, VersionsApi } from '@alfresco/js-api'
import { beforeEach, describe, expect, it } from 'vitest'
import { categoryId } from '../../src/categories/service.js'
import type { ManualStartedAlfrescoMock } from '../../src/index.js'
import { fixtureNode } from '../support/http.js'
import { jsApiSuite } from '../support/js-api.js'

const suite = jsApiSuite()
let api: AlfrescoApi
let mock: ManualStartedAlfrescoMock
let plan: string

/** js-api's models make every field optional; the answers here have them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const entries = (paging: { list?: { entries?: { entry?: any }[] } }): any[] => paging.list!.entries!.map((e) => e.entry)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const entryOf = (one: { entry?: any }): any => one.entry

const statusOf = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: { status?: number }) => e.status,
  )

beforeEach(() => {
  ;({ api, mock } = suite)
  plan = fixtureNode(mock, 'Shared/Projects/Apollo/plan.md').id
})

describe('@alfresco/js-api v10: history and annotations', () => {
  it('VersionsApi lists, reads, downloads, reverts and deletes versions', async () => {
    const versions = new VersionsApi(api)
    const history = await versions.listVersionHistory(plan, { include: ['properties'] })
    expect(entries(history).map((e) => e.id)).toEqual(['1.1', '1.0'])
    expect(entries(history)[1].modifiedAt).toBeInstanceOf(Date)
    const v1 = await versions.getVersion(plan, '1.0')
    expect(entryOf(v1).versionComment).toBe('First draft')
    const bytes = (await versions.getVersionContent(plan, '1.0')) as unknown as Buffer
    expect(Buffer.from(bytes).toString()).toBe('# Apollo plan\n\n1. Design\n')
    const reverted = await versions.revertVersion(plan, '1.0', { majorVersion: true, comment: 'back' })
    expect(entryOf(reverted).id).toBe('2.0')
    await versions.deleteVersion(plan, '1.1')
    expect(entries(await versions.listVersionHistory(plan)).map((e) => e.id)).toEqual(['2.0', '1.0'])
    expect(await statusOf(versions.getVersion(plan, '9.9'))).toBe(404)
  })

  it('NodesApi.updateNodeContent adds a version; majorVersion and comment reach it', async () => {
    const node = await new NodesApi(api).updateNodeContent(plan, 'v3 text', { majorVersion: true, comment: 'third' })
    expect(entryOf(node).properties).toMatchObject({ 'cm:versionLabel': '2.0' })
    expect(entryOf(await new VersionsApi(api).getVersion(plan, '2.0')).versionComment).toBe('third')
  })

  it('TrashcanApi lists, reads, downloads, restores and purges what NodesApi.deleteNode deleted', async () => {
    const nodes = new NodesApi(api)
    const trash = new TrashcanApi(api)
    await nodes.deleteNode(plan)
    const list = await trash.listDeletedNodes({ include: ['path', 'properties', 'allowableOperations', 'permissions', 'aspectNames'], maxItems: 25, skipCount: 0 })
    expect(entries(list).map((e) => e.id)).toEqual([plan])
    expect(entries(list)[0].archivedByUser.id).toBe('admin')
    expect(entryOf(await trash.getDeletedNode(plan)).archivedAt).toBeInstanceOf(Date)
    const bytes = (await trash.getDeletedNodeContent(plan)) as unknown as Buffer
    expect(Buffer.from(bytes).toString()).toContain('# Apollo plan')
    const restored = await trash.restoreDeletedNode(plan)
    expect(entryOf(restored).parentId).toBe(fixtureNode(mock, 'Shared/Projects/Apollo').id)
    await nodes.deleteNode(plan)
    await trash.deleteDeletedNode(plan)
    expect(await statusOf(trash.getDeletedNode(plan))).toBe(404)
  })

  it('TagsApi lists, adds, matches, renames and removes tags', async () => {
    const tags = new TagsApi(api)
    expect(entries(await tags.listTagsForNode(plan)).map((e) => e.tag)).toEqual(['apollo', 'planning'])
    // js-api types the body as a list, as ACA sends it: one element answers an entry.
    const added = await tags.createTagForNode(plan, [{ tag: 'Launch' }])
    expect(entryOf(added).tag).toBe('launch')
    const many = await tags.assignTagsToNode(plan, [{ tag: 'one' }, { tag: 'two' }] as never)
    expect(entries(many)).toHaveLength(2)
    const all = await tags.listTags({ include: ['count'] })
    expect(entries(all).find((e) => e.tag === 'apollo').count).toBe(2)
    expect(entries(await tags.listTags({ tag: 'la*', matching: true })).map((e) => e.tag)).toEqual(['launch'])
    const renamed = await tags.updateTag(entryOf(added).id, { tag: 'liftoff' })
    expect(entryOf(renamed).tag).toBe('liftoff')
    await tags.deleteTagFromNode(plan, entryOf(added).id)
    expect(entries(await tags.listTagsForNode(plan)).map((e) => e.tag)).not.toContain('liftoff')
  })

  it('CommentsApi lists, creates, updates and deletes comments', async () => {
    const comments = new CommentsApi(api)
    const created = await comments.createComment(plan, { content: 'From js-api' })
    expect(entryOf(created).createdBy.id).toBe('admin')
    expect(entries(await comments.listComments(plan)).map((e) => e.content)).toEqual(['From js-api', 'Launch date still to be agreed.'])
    const updated = await comments.updateComment(plan, entryOf(created).id, { content: 'Edited' })
    expect(entryOf(updated).content).toBe('Edited')
    await comments.deleteComment(plan, entryOf(created).id)
    expect(entries(await comments.listComments(plan))).toHaveLength(1)
  })

  it('CategoriesApi walks the tree, links and unlinks a node, and manages categories', async () => {
    const categories = new CategoriesApi(api)
    const top = await categories.getSubcategories('-root-')
    expect(entries(top).map((e) => e.name)).toEqual(['Software Document Classification', 'Languages', 'Regions', 'Tags'])
    const links = await categories.getCategoryLinksForNode(plan, { include: ['path'] })
    expect(entries(links)[0].path).toBe('/categories/General/Software Document Classification')
    const english = categoryId(['Languages', 'English'])
    const linked = await categories.linkNodeToCategory(plan, [{ categoryId: english }])
    expect(entryOf(linked as never).id).toBe(english)
    await categories.unlinkNodeFromCategory(plan, english)
    const made = await categories.createSubcategories('-root-', [{ name: 'Projects' }])
    const madeId = entryOf(made as never).id as string
    expect(entryOf(made as never).parentId).toBe('-root-')
    expect(entryOf(await categories.updateCategory(madeId, { name: 'Programmes' })).name).toBe('Programmes')
    await categories.deleteCategory(madeId)
    expect(await statusOf(categories.getCategory(madeId))).toBe(404)
  })

  it('RatingsApi lists, rates, reads and removes ratings', async () => {
    const ratings = new RatingsApi(api)
    expect(entries(await ratings.listRatings(plan)).map((e) => e.id)).toEqual(['fiveStar', 'likes'])
    const liked = await ratings.createRating(plan, { id: 'likes', myRating: true as unknown as string })
    expect(entryOf(liked).aggregate.numberOfRatings).toBe(2)
    expect(entryOf(await ratings.getRating(plan, 'likes')).myRating).toBe(true)
    await ratings.deleteRating(plan, 'likes')
    expect(entryOf(await ratings.getRating(plan, 'likes')).aggregate.numberOfRatings).toBe(1)
  })
})
