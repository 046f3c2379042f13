/**
 * The trashcan: DELETE /nodes/{id} archives, /deleted-nodes lists, gets, restores, purges and
 * serves content. Rules from DeletedNodesImpl, NodeArchiveServiceImpl and remote-api's
 * rest/DeletedNodesTest.java (named per test).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { alfrescoDate } from '../../src/http/format.js'
import { createAlfrescoMock } from '../../src/index.js'
import { basic, del, expectAlfrescoError, fixtureNode, get, post, put } from '../support/http.js'
import { upload } from '../support/history.js'

const mock = createAlfrescoMock({ clock: 'manual' })
const ALICE = basic('alice', 'alice')
const BOB = basic('bob', 'bob')
const node = (path: string) => fixtureNode(mock, path)
const ids = async (auth?: string) => (await get(mock, '/deleted-nodes', auth ? { auth } : {})).json.list.entries.map((e: { entry: { id: string } }) => e.entry.id)
const folder = async (parentId: string, name: string, auth?: string) => (await post(mock, `/nodes/${parentId}/children`, { name, nodeType: 'cm:folder' }, auth ? { auth } : {})).json.entry.id as string

afterEach(() => mock.reset())

describe('DELETE /nodes/{nodeId} without permanent=true', () => {
  it('moves the node and its subtree to the trashcan: gone from the repository, its versions 404 until restored (testUploadFileVersionUpdate)', async () => {
    const apollo = node('Shared/Projects/Apollo')
    const plan = node('Shared/Projects/Apollo/plan.md')
    expect((await del(mock, `/nodes/${apollo.id}`)).status).toBe(204)
    expectAlfrescoError(await get(mock, `/nodes/${plan.id}`), 404)
    expectAlfrescoError(await get(mock, `/nodes/${plan.id}/versions`), 404)
    expect((await get(mock, `/nodes/${node('Shared/Projects').id}/children`)).json.list.entries.map((e: { entry: { name: string } }) => e.entry.name)).toEqual(['Archive'])
    expect(await ids()).toEqual([apollo.id])
    await post(mock, `/deleted-nodes/${apollo.id}/restore`)
    expect((await get(mock, `/nodes/${plan.id}/versions`)).json.list.pagination.totalItems).toBe(2)
    expect(node('Shared/Projects/Apollo/Specs/design.txt').parentId).toBe(node('Shared/Projects/Apollo/Specs').id)
  })

  it('deletes for good with permanent=true: nothing in the trashcan', async () => {
    const file = node('Shared/test-file-2.txt')
    await del(mock, `/nodes/${file.id}?permanent=true`)
    expect(await ids()).toEqual([])
    expectAlfrescoError(await get(mock, `/deleted-nodes/${file.id}`), 404)
  })

  it('keeps archived nodes out of listings, downloads and tag counts', async () => {
    const plan = node('Shared/Projects/Apollo/plan.md')
    await del(mock, `/nodes/${plan.id}`)
    expectAlfrescoError(await post(mock, '/downloads', { nodeIds: [plan.id] }), 404)
    const tags = (await get(mock, '/tags?include=count')).json.list.entries.map((e: { entry: { tag: string; count: number } }) => [e.entry.tag, e.entry.count])
    expect(tags).toEqual([['apollo', 1], ['draft', 0], ['planning', 0]])
  })
})

describe('GET /deleted-nodes (testCreateAndDelete)', () => {
  it('lists the deleted nodes themselves, most recently deleted first, with archivedAt, archivedByUser and no parentId', async () => {
    const home = node('User Homes/alice').id
    const f1 = await folder(home, 'f1', ALICE)
    const d1 = (await upload(mock, f1, 'd1.txt', 'x', {}, ALICE)).json.entry.id
    const f2 = await folder(home, 'f2', ALICE)
    for (const id of [d1, f1, f2]) {
      mock.clock.advance(1000)
      await del(mock, `/nodes/${id}`, { auth: ALICE })
    }
    const r = await get(mock, '/deleted-nodes', { auth: ALICE })
    expect(r.json.list.entries.map((e: { entry: { id: string } }) => e.entry.id)).toEqual([f2, f1, d1])
    const first = r.json.list.entries[0].entry
    expect(first).toMatchObject({ archivedAt: alfrescoDate(mock.clock.now()), archivedByUser: { id: 'alice', displayName: 'Alice Example' }, name: 'f2' })
    expect(first).not.toHaveProperty('parentId')
    expect(first).not.toHaveProperty('properties')
    const page = await get(mock, '/deleted-nodes?skipCount=1&maxItems=1', { auth: ALICE })
    expect(page.json.list.pagination).toEqual({ count: 1, hasMoreItems: true, totalItems: 3, skipCount: 1, maxItems: 1 })
  })

  it('shows users only what they deleted, and admins everything (NodeArchiveServiceImpl.getArchiveNodeRefAssocTypePair)', async () => {
    const a = await folder(node('Shared').id, 'by-alice', ALICE)
    const b = await folder(node('Shared').id, 'by-bob', BOB)
    await del(mock, `/nodes/${a}`, { auth: ALICE })
    await del(mock, `/nodes/${b}`, { auth: BOB })
    expect(await ids(ALICE)).toEqual([a])
    expect(await ids(BOB)).toEqual([b])
    expect(await ids()).toEqual([b, a])
  })

  it('gives include=path the old parent’s path, and none when that parent is deleted too', async () => {
    const specs = node('Shared/Projects/Apollo/Specs')
    const design = node('Shared/Projects/Apollo/Specs/design.txt')
    await del(mock, `/nodes/${design.id}`)
    const withPath = (await get(mock, '/deleted-nodes?include=path')).json.list.entries[0].entry
    expect(withPath.path).toMatchObject({ name: '/Company Home/Shared/Projects/Apollo/Specs', isComplete: true })
    await del(mock, `/nodes/${specs.id}`)
    const single = await get(mock, `/deleted-nodes/${design.id}?include=path`)
    expect(single.json.entry).not.toHaveProperty('path')
  })
})

describe('GET /deleted-nodes/{nodeId}', () => {
  it('answers the full node (properties and aspectNames) with the archive fields', async () => {
    const plan = node('Shared/Projects/Apollo/plan.md')
    await del(mock, `/nodes/${plan.id}`, { auth: ALICE })
    const r = await get(mock, `/deleted-nodes/${plan.id}`, { auth: ALICE })
    expect(r.json.entry).toMatchObject({ id: plan.id, archivedByUser: { id: 'alice' }, properties: { 'cm:versionLabel': '1.1' } })
    expect(r.json.entry.aspectNames).toContain('cm:versionable')
  })

  it('finds a node inside a deleted folder too; another user’s deletion is 403, an unknown id 404 (testCreateAndDelete)', async () => {
    const apollo = node('Shared/Projects/Apollo')
    const plan = node('Shared/Projects/Apollo/plan.md')
    await del(mock, `/nodes/${apollo.id}`, { auth: ALICE })
    expect((await get(mock, `/deleted-nodes/${plan.id}`, { auth: ALICE })).status).toBe(200)
    expectAlfrescoError(await get(mock, `/deleted-nodes/${apollo.id}`, { auth: BOB }), 403, 'framework.exception.PermissionDenied')
    expectAlfrescoError(await get(mock, '/deleted-nodes/iddontexist'), 404, 'framework.exception.EntityNotFound')
    expectAlfrescoError(await get(mock, `/deleted-nodes/${node('Shared').id}`), 404)
  })
})

describe('POST /deleted-nodes/{nodeId}/restore (testCreateAndRestore)', () => {
  it('restores to the original parent with 200 and the full node, and refuses a name taken meanwhile with 409', async () => {
    const file = node('Shared/test-file-1.txt')
    await del(mock, `/nodes/${file.id}`)
    const same = (await upload(mock, node('Shared').id, 'test-file-1.txt', 'new')).json.entry.id
    expectAlfrescoError(await post(mock, `/deleted-nodes/${file.id}/restore`), 409, 'Name already exists in target')
    await del(mock, `/nodes/${same}`)
    const r = await post(mock, `/deleted-nodes/${file.id}/restore`)
    expect(r.status).toBe(200)
    expect(r.json.entry).toMatchObject({ id: file.id, parentId: node('Shared').id, name: 'test-file-1.txt' })
    expect(r.json.entry).toHaveProperty('aspectNames')
    expect(await ids()).toEqual([same])
  })

  it('restores elsewhere with targetParentId and assocType; a missing target is 404, a bad or missing assocType 400', async () => {
    const file = node('Shared/test-file-1.txt')
    const target = node('Shared/Projects/Archive').id
    await del(mock, `/nodes/${file.id}`)
    expectAlfrescoError(await post(mock, `/deleted-nodes/${file.id}/restore`, { targetParentId: 'nonexistentTargetNode', assocType: 'cm:contains' }), 404, 'Invalid parent id workspace://SpacesStore/nonexistentTargetNode')
    expectAlfrescoError(await post(mock, `/deleted-nodes/${file.id}/restore`, { targetParentId: target, assocType: 'invalidAssociationType' }), 400, 'Unknown assocType: invalidAssociationType')
    expectAlfrescoError(await post(mock, `/deleted-nodes/${file.id}/restore`, { targetParentId: target }), 400, 'Missing assocType')
    expectAlfrescoError(await post(mock, `/deleted-nodes/${file.id}/restore`, {}), 400, 'framework.exception.ApiDefault')
    const r = await post(mock, `/deleted-nodes/${file.id}/restore`, { targetParentId: target, assocType: 'cm:contains' })
    expect(r.json.entry.parentId).toBe(target)
  })

  it('answers 404 "Invalid parent id null" when the original parent is deleted too, and 403 for another user’s node or a target one may not write', async () => {
    const design = node('Shared/Projects/Apollo/Specs/design.txt')
    await del(mock, `/nodes/${design.id}`, { auth: ALICE })
    await del(mock, `/nodes/${node('Shared/Projects/Apollo/Specs').id}`, { auth: ALICE })
    expectAlfrescoError(await post(mock, `/deleted-nodes/${design.id}/restore`, undefined, { auth: ALICE }), 404, 'Invalid parent id null')
    expectAlfrescoError(await post(mock, `/deleted-nodes/${design.id}/restore`, undefined, { auth: BOB }), 403, 'framework.exception.PermissionDenied')
    const body = { targetParentId: node('Data Dictionary').id, assocType: 'cm:contains' }
    expectAlfrescoError(await post(mock, `/deleted-nodes/${design.id}/restore`, body, { auth: ALICE }), 403)
    expectAlfrescoError(await post(mock, '/deleted-nodes/nonsense/restore'), 404)
  })

  it('fails a restore into a file as ACS does: its integrity check ends in FAILURE_OTHER, a 500 "Unable to restore node <id>"', async () => {
    const quiet = createAlfrescoMock({ clock: 'manual', logLevel: 'silent' })
    const file = fixtureNode(quiet, 'Shared/test-file-1.txt')
    await del(quiet, `/nodes/${file.id}`)
    const target = fixtureNode(quiet, 'Shared/test-file-2.txt').id
    expectAlfrescoError(await post(quiet, `/deleted-nodes/${file.id}/restore`, { targetParentId: target, assocType: 'cm:contains' }), 500, `Unable to restore node ${file.id}`)
    quiet.dispose()
  })
})

describe('DELETE /deleted-nodes/{nodeId} (testCreateAndPurge)', () => {
  it('purges for good with 204: another user’s node is 403, an unknown one 404, and the node is gone afterwards', async () => {
    const plan = node('Shared/Projects/Apollo/plan.md')
    await del(mock, `/nodes/${plan.id}`, { auth: ALICE })
    expectAlfrescoError(await del(mock, '/deleted-nodes/nonsense'), 404)
    expectAlfrescoError(await del(mock, `/deleted-nodes/${plan.id}`, { auth: BOB }), 403)
    expect((await del(mock, `/deleted-nodes/${plan.id}`, { auth: ALICE })).status).toBe(204)
    expectAlfrescoError(await get(mock, `/deleted-nodes/${plan.id}`), 404)
    expectAlfrescoError(await post(mock, `/deleted-nodes/${plan.id}/restore`), 404)
  })
})

describe('GET /deleted-nodes/{nodeId}/content (testDownloadFileContent)', () => {
  it('serves the content as node content does: attachment, 304 on If-Modified-Since, 403 for others, 400 for a folder', async () => {
    const file = node('Shared/test-file-1.txt')
    await del(mock, `/nodes/${file.id}`)
    const r = await get(mock, `/deleted-nodes/${file.id}/content`)
    expect([r.status, r.text]).toEqual([200, 'This is test file number 1.\n'])
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="test-file-1.txt"; filename*=UTF-8''test-file-1.txt`)
    const since = await get(mock, `/deleted-nodes/${file.id}/content`, { headers: { 'if-modified-since': r.headers.get('last-modified')! } })
    expect(since.status).toBe(304)
    expectAlfrescoError(await get(mock, `/deleted-nodes/${file.id}/content`, { auth: ALICE }), 403)
    const archive = node('Shared/Projects/Archive')
    await del(mock, `/nodes/${archive.id}`)
    expectAlfrescoError(await get(mock, `/deleted-nodes/${archive.id}/content`), 400, `NodeId of content is expected: ${archive.id}`)
  })
})

describe('what the trashcan does not offer', () => {
  it('answers 405 for POST and PUT on /deleted-nodes and on a deleted node', async () => {
    const file = node('Shared/test-file-1.txt')
    expectAlfrescoError(await post(mock, '/deleted-nodes', {}, { invalidRequest: true }), 405)
    expectAlfrescoError(await put(mock, `/deleted-nodes/${file.id}`, {}, { invalidRequest: true }), 405)
  })
})
