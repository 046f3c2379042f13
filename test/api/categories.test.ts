/**
 * The category tree and a node's category links (CategoriesImpl; remote-api's
 * impl/CategoriesImplTest.java; TAS categories/*Tests.java, which name the messages and paths).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { categoryId } from '../../src/categories/service.js'
import { createAlfrescoMock } from '../../src/index.js'
import { basic, del, expectAlfrescoError, fixtureNode, get, post, put } from '../support/http.js'

const mock = createAlfrescoMock({ clock: 'manual' })
const ALICE = basic('alice', 'alice')
const node = (path: string) => fixtureNode(mock, path)
const names = (r: { json: { list: { entries: { entry: { name: string } }[] } } }) => r.json.list.entries.map((e) => e.entry.name)
const LANGUAGES = categoryId(['Languages'])
const ENGLISH = categoryId(['Languages', 'English'])
const PLANS = categoryId(['Software Document Classification', 'Development Plans'])

afterEach(() => mock.reset())

describe('the category tree', () => {
  it('has the top-level categories a clean ACS bootstraps (bootstrap/categories.xml), each with parentId -root-', async () => {
    const r = await get(mock, '/categories/-root-/subcategories')
    expect(names(r)).toEqual(['Software Document Classification', 'Languages', 'Regions', 'Tags'])
    expect(r.json.list.entries[1].entry).toEqual({ id: LANGUAGES, name: 'Languages', parentId: '-root-', hasChildren: true })
    expect(r.json.list.entries[3].entry.hasChildren).toBe(false)
  })

  it('answers a category with include=path and count: "/categories/General/…" its parents, count its linked nodes (CategoriesPathTests)', async () => {
    const top = await get(mock, `/categories/${LANGUAGES}?include=path`)
    expect(top.json.entry.path).toBe('/categories/General')
    const plans = await get(mock, `/categories/${PLANS}?include=path,count`)
    expect(plans.json.entry).toMatchObject({ name: 'Development Plans', path: '/categories/General/Software Document Classification', count: 1 })
    const children = await get(mock, `/categories/${LANGUAGES}/subcategories?include=count&maxItems=2`)
    expect(children.json.list.entries[0].entry).toMatchObject({ id: ENGLISH, name: 'English', parentId: LANGUAGES, count: 0 })
    expect(children.json.list.pagination).toMatchObject({ count: 2, hasMoreItems: true })
  })

  it('answers 400 for -root- itself or a node that is no category, 404 for an unknown id (GetCategoriesTests)', async () => {
    expectAlfrescoError(await get(mock, '/categories/-root-'), 400, 'Node id does not refer to a valid category')
    expectAlfrescoError(await get(mock, `/categories/${node('Shared').id}`), 400, 'Node id does not refer to a valid category')
    expectAlfrescoError(await get(mock, '/categories/no-such-category'), 404, 'framework.exception.EntityNotFound')
    expectAlfrescoError(await get(mock, '/categories/no-such-category/subcategories'), 404)
  })
})

describe('creating, renaming and deleting categories (admins only)', () => {
  it('creates one or a list under -root- or a category, count 0 when asked (CreateCategoriesTests)', async () => {
    const one = await post(mock, '/categories/-root-/subcategories?include=count,path', { name: 'Projects' })
    expect(one.status).toBe(201)
    expect(one.json.entry).toMatchObject({ name: 'Projects', parentId: '-root-', hasChildren: false, count: 0, path: '/categories/General' })
    const list = await post(mock, `/categories/${one.json.entry.id}/subcategories`, [{ name: 'Apollo' }, { name: 'Artemis' }])
    expect(list.json.list.entries.map((e: { entry: { parentId: string } }) => e.entry.parentId)).toEqual([one.json.entry.id, one.json.entry.id])
    expect((await get(mock, `/categories/${one.json.entry.id}`)).json.entry.hasChildren).toBe(true)
  })

  it('refuses non-admins, empty names, names taken (ignoring case), and unknown parents, making none', async () => {
    expectAlfrescoError(await post(mock, '/categories/-root-/subcategories', { name: 'x' }, { auth: ALICE }), 403, 'Current user does not have permission to manage a category')
    expectAlfrescoError(await post(mock, '/categories/-root-/subcategories', [{ name: 'ok' }, { name: '' }], { invalidRequest: true }), 400, 'Category name must not be null or empty')
    expectAlfrescoError(await post(mock, '/categories/-root-/subcategories', { name: 'languages' }), 409, 'framework.exception.ApiDefault')
    expectAlfrescoError(await post(mock, '/categories/-root-/subcategories', [{ name: 'Twice' }, { name: 'twice' }]), 409)
    expectAlfrescoError(await post(mock, '/categories/no-such-category/subcategories', { name: 'x' }), 404)
    expect(names(await get(mock, '/categories/-root-/subcategories'))).toHaveLength(4)
  })

  it('renames a category, keeping its id; a sibling’s name is 409, the root 400 (UpdateCategoriesTests)', async () => {
    const r = await put(mock, `/categories/${ENGLISH}`, { name: 'Englisch' })
    expect(r.json.entry).toMatchObject({ id: ENGLISH, name: 'Englisch', parentId: LANGUAGES })
    expectAlfrescoError(await put(mock, `/categories/${ENGLISH}`, { name: 'French' }), 409)
    expectAlfrescoError(await put(mock, '/categories/-root-', { name: 'x' }), 400, 'Node id does not refer to a valid category')
    expectAlfrescoError(await put(mock, `/categories/${ENGLISH}`, { name: '' }), 400, 'Category name must not be null or empty')
    expectAlfrescoError(await put(mock, `/categories/${ENGLISH}`, { name: 'x' }, { auth: ALICE }), 403)
  })

  it('deletes a category and what is below it, unlinking nodes from them (DeleteCategoriesTests)', async () => {
    const plan = node('Shared/Projects/Apollo/plan.md')
    expectAlfrescoError(await del(mock, `/categories/${PLANS}`, { auth: ALICE }), 403, 'Current user does not have permission to manage a category')
    expect((await del(mock, `/categories/${categoryId(['Software Document Classification'])}`)).status).toBe(204)
    expectAlfrescoError(await get(mock, `/categories/${PLANS}`), 404)
    expect((await get(mock, `/nodes/${plan.id}/category-links`)).json.list.entries).toEqual([])
    expectAlfrescoError(await del(mock, '/categories/-root-'), 400)
  })
})

describe('reset()', () => {
  it('brings back the seeded tree after a rename, a create and a delete', async () => {
    await put(mock, `/categories/${ENGLISH}`, { name: 'Englisch' })
    await post(mock, '/categories/-root-/subcategories', { name: 'Projects' })
    await del(mock, `/categories/${categoryId(['Regions'])}`)
    mock.reset()
    expect((await get(mock, `/categories/${ENGLISH}`)).json.entry.name).toBe('English')
    expect(names(await get(mock, '/categories/-root-/subcategories'))).toEqual(['Software Document Classification', 'Languages', 'Regions', 'Tags'])
  })
})

describe('/nodes/{nodeId}/category-links', () => {
  it('lists a node’s categories, with include=path as ACA’s info drawer asks', async () => {
    const plan = node('Shared/Projects/Apollo/plan.md')
    const r = await get(mock, `/nodes/${plan.id}/category-links?include=path`)
    expect(r.json.list.entries).toEqual([
      { entry: { id: PLANS, name: 'Development Plans', parentId: categoryId(['Software Document Classification']), hasChildren: true, path: '/categories/General/Software Document Classification' } },
    ])
    expect((await get(mock, '/nodes/-shared-/category-links')).json.list.entries).toEqual([])
    expectAlfrescoError(await get(mock, `/nodes/${node('Shared/HR Confidential').id}/category-links`, { auth: ALICE }), 403, 'Current user does not have read permission to content')
  })

  it('links one or a list (cm:generalclassifiable), ignoring repeats, and unlinks; the last unlink removes the aspect', async () => {
    const file = node('Shared/test-file-1.txt')
    const r = await post(mock, `/nodes/${file.id}/category-links`, [{ categoryId: ENGLISH }, { categoryId: ENGLISH }, { categoryId: LANGUAGES }])
    expect(r.status).toBe(201)
    expect(r.json.list.entries.map((e: { entry: { id: string } }) => e.entry.id)).toEqual([ENGLISH, LANGUAGES])
    const linked = await get(mock, `/nodes/${file.id}?include=properties,aspectNames`)
    expect(linked.json.entry.properties['cm:categories']).toEqual([ENGLISH, LANGUAGES])
    expect(linked.json.entry.aspectNames).toContain('cm:generalclassifiable')
    expect((await del(mock, `/nodes/${file.id}/category-links/${ENGLISH}`)).status).toBe(204)
    await del(mock, `/nodes/${file.id}/category-links/${LANGUAGES}`)
    expect((await get(mock, `/nodes/${file.id}?include=aspectNames`)).json.entry.aspectNames).not.toContain('cm:generalclassifiable')
  })

  it('refuses as CategoriesImpl does: no ChangePermissions 403, the root or a non-category 400, unknown 404, an uncategorised node 400 (LinkToCategoriesTests)', async () => {
    const file = node('Shared/test-file-1.txt')
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/category-links`, { categoryId: ENGLISH }, { auth: ALICE }), 403, 'Current user does not have change permission to content')
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/category-links`, { categoryId: '-root-' }), 400, 'Node id does not refer to a valid category')
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/category-links`, []), 400, 'Node id does not refer to a valid category')
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/category-links`, { categoryId: node('Shared').id }), 400)
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/category-links`, { categoryId: 'no-such-category' }), 404)
    expectAlfrescoError(await del(mock, `/nodes/${file.id}/category-links/${ENGLISH}`), 400, `Node with id: ${file.id} does not belong to a category`)
    expectAlfrescoError(await del(mock, `/nodes/${file.id}/category-links/no-such-category`), 404)
  })
})
