/**
 * Comments on folders and files as CommentsImpl and CommentServiceImpl keep them (remote-api's
 * tests/TestNodeComments.java; TAS comments/*Tests.java).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { alfrescoDate } from '../../src/http/format.js'
import { createAlfrescoMock } from '../../src/index.js'
import { basic, call, del, expectAlfrescoError, fixtureNode, get, post, put } from '../support/http.js'

const mock = createAlfrescoMock({ clock: 'manual' })
const ALICE = basic('alice', 'alice')
const BOB = basic('bob', 'bob')
const node = (path: string) => fixtureNode(mock, path)
const contents = async (id: string, auth?: string) =>
  (await get(mock, `/nodes/${id}/comments`, auth ? { auth } : {})).json.list.entries.map((e: { entry: { content: string } }) => e.entry.content)

afterEach(() => mock.reset())

describe('GET /nodes/{nodeId}/comments', () => {
  it('lists a node’s comments with the full person of their author and the caller’s rights', async () => {
    const plan = node('Shared/Projects/Apollo/plan.md')
    const r = await get(mock, `/nodes/${plan.id}/comments`, { auth: ALICE })
    const [comment] = r.json.list.entries.map((e: { entry: unknown }) => e.entry)
    expect(comment).toMatchObject({
      content: 'Launch date still to be agreed.',
      createdAt: '2024-01-23T08:30:00.000+0000',
      createdBy: { id: 'alice', firstName: 'Alice', lastName: 'Example', displayName: 'Alice Example', email: 'alice@alfresco.example', enabled: true, company: {} },
      edited: false,
      canEdit: true,
      canDelete: true,
    })
    expect(comment).not.toHaveProperty('title')
    // Bob may write in Shared (Delete on the comment comes with it) but did not write the comment.
    const bob = (await get(mock, `/nodes/${plan.id}/comments`, { auth: BOB })).json.list.entries[0].entry
    expect([bob.canEdit, bob.canDelete]).toEqual([false, true])
  })

  it('lists newest first and pages (CommentServiceImpl.listComments sorts cm:created descending)', async () => {
    const file = node('Shared/test-file-1.txt')
    for (const text of ['one', 'two', 'three']) {
      mock.clock.advance(1000)
      await post(mock, `/nodes/${file.id}/comments`, { content: text })
    }
    expect(await contents(file.id)).toEqual(['three', 'two', 'one'])
    const page = await get(mock, `/nodes/${file.id}/comments?skipCount=1&maxItems=1`)
    expect(page.json.list.pagination).toEqual({ count: 1, hasMoreItems: true, totalItems: 3, skipCount: 1, maxItems: 1 })
  })

  it('reads an id with a ;version suffix, and answers 404 for an unknown node or an alias, 403 without read permission (TestNodeComments)', async () => {
    const plan = node('Shared/Projects/Apollo/plan.md')
    expect(await contents(`${plan.id};1.1`)).toEqual(['Launch date still to be agreed.'])
    expectAlfrescoError(await get(mock, '/nodes/no-such-node/comments'), 404)
    expectAlfrescoError(await get(mock, '/nodes/-shared-/comments'), 404)
    expectAlfrescoError(await get(mock, `/nodes/${node('Shared/HR Confidential/salaries.csv').id}/comments`, { auth: ALICE }), 403)
  })
})

describe('POST /nodes/{nodeId}/comments', () => {
  it('comments on a file or a folder with 201, and rolls the count up on the node (fm:commentCount)', async () => {
    const folder = node('Shared/Projects')
    mock.clock.advance(5000)
    const r = await post(mock, `/nodes/${folder.id}/comments`, { content: 'Nice folder', title: 'T' }, { auth: ALICE })
    expect(r.status).toBe(201)
    expect(r.json.entry).toMatchObject({ content: 'Nice folder', title: 'T', createdAt: alfrescoDate(mock.clock.now()), modifiedBy: { id: 'alice' }, edited: false })
    const after = await get(mock, `/nodes/${folder.id}?include=properties,aspectNames`)
    expect(after.json.entry.properties['fm:commentCount']).toBe(1)
    expect(after.json.entry.aspectNames).toEqual(expect.arrayContaining(['fm:discussable', 'fm:commentsRollup']))
  })

  it('creates a list and answers a list', async () => {
    const file = node('Shared/test-file-1.txt')
    const r = await post(mock, `/nodes/${file.id}/comments`, [{ content: 'a' }, { content: 'b' }])
    expect(r.json.list.pagination.count).toBe(2)
    expect(await contents(file.id)).toEqual(['b', 'a'])
  })

  it('refuses a missing content with 400 "Must provide a non-null comment", making none of the list', async () => {
    const file = node('Shared/test-file-1.txt')
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/comments`, [{ content: 'ok' }, { content: '' }]), 400, 'Must provide a non-null comment')
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/comments`, {}, { invalidRequest: true }), 400, 'Must provide a non-null comment')
    expect(await contents(file.id)).toEqual([])
  })

  it('answers 403 to a user who may not write there, 404 for an unknown node', async () => {
    expectAlfrescoError(await post(mock, `/nodes/${node('Data Dictionary').id}/comments`, { content: 'x' }, { auth: ALICE }), 403)
    expectAlfrescoError(await post(mock, '/nodes/no-such-node/comments', { content: 'x' }), 404)
  })
})

describe('PUT and DELETE /nodes/{nodeId}/comments/{commentId}', () => {
  it('lets the author edit a comment: edited once 100 ms have passed, title kept unless given', async () => {
    const file = node('Shared/test-file-1.txt')
    const id = (await post(mock, `/nodes/${file.id}/comments`, { content: 'draft', title: 'Title' }, { auth: ALICE })).json.entry.id
    mock.clock.advance(100)
    const r = await put(mock, `/nodes/${file.id}/comments/${id}`, { content: 'final' }, { auth: ALICE })
    expect(r.status).toBe(200)
    expect(r.json.entry).toMatchObject({ id, content: 'final', title: 'Title', edited: true, modifiedAt: alfrescoDate(mock.clock.now()) })
  })

  it('refuses another user with 403, null content with 400, unknown ids with 404 (TestNodeComments, UpdateCommentTests)', async () => {
    const file = node('Shared/test-file-1.txt')
    const id = (await post(mock, `/nodes/${file.id}/comments`, { content: 'mine' }, { auth: ALICE })).json.entry.id
    expectAlfrescoError(await put(mock, `/nodes/${file.id}/comments/${id}`, { content: 'his' }, { auth: BOB }), 403, 'framework.exception.PermissionDenied')
    const e = expectAlfrescoError(await put(mock, `/nodes/${file.id}/comments/${id}`, {}, { auth: ALICE, invalidRequest: true }), 400, 'framework.exception.InvalidArgument')
    expect(e.briefSummary).toContain('An invalid argument was received')
    expectAlfrescoError(await put(mock, `/nodes/${file.id}/comments/no-such-comment`, { content: 'x' }), 404)
    expectAlfrescoError(await put(mock, `/nodes/no-such-node/comments/${id}`, { content: 'x' }), 404)
    // Admins may edit anyone's comment (a Coordinator may).
    expect((await put(mock, `/nodes/${file.id}/comments/${id}`, { content: 'admin' })).status).toBe(200)
  })

  it('deletes with 204 and updates the rollup; without Delete on the comment it is 403, an unknown one 404', async () => {
    const home = node('User Homes/alice')
    const id = (await post(mock, `/nodes/${home.id}/comments`, { content: 'x' }, { auth: ALICE })).json.entry.id
    expectAlfrescoError(await del(mock, `/nodes/${home.id}/comments/${id}`, { auth: BOB }), 403)
    expectAlfrescoError(await del(mock, `/nodes/${home.id}/comments/no-such-comment`, { auth: ALICE }), 404)
    expect((await del(mock, `/nodes/${home.id}/comments/${id}`, { auth: ALICE })).status).toBe(204)
    expect(await contents(home.id, ALICE)).toEqual([])
    expect((await get(mock, `/nodes/${home.id}?include=properties`, { auth: ALICE })).json.entry.properties['fm:commentCount']).toBe(0)
  })

  it('answers 400 "Unexpected …" for a comment of another node', async () => {
    const plan = node('Shared/Projects/Apollo/plan.md')
    const id = (await get(mock, `/nodes/${plan.id}/comments`)).json.list.entries[0].entry.id
    const other = node('Shared/test-file-1.txt').id
    expectAlfrescoError(await del(mock, `/nodes/${other}/comments/${id}`), 400, `Unexpected ${other},${id}`)
  })

  it('lets only the lock owner add, edit or delete while the node is locked: 409 for others, canEdit/canDelete false (MNT-14945)', async () => {
    const file = node('Shared/test-file-1.txt')
    const id = (await post(mock, `/nodes/${file.id}/comments`, { content: 'before' }, { auth: ALICE })).json.entry.id
    const live = mock.store.get(file.id)!
    live.aspectNames.push('cm:lockable')
    live.properties['cm:lockOwner'] = 'bob'
    const e = expectAlfrescoError(await post(mock, `/nodes/${file.id}/comments`, { content: 'x' }, { auth: ALICE }), 409, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toContain(`Cannot perform operation since the node (id:${file.id}) is locked.`)
    expectAlfrescoError(await put(mock, `/nodes/${file.id}/comments/${id}`, { content: 'x' }, { auth: ALICE }), 409)
    expectAlfrescoError(await del(mock, `/nodes/${file.id}/comments/${id}`, { auth: ALICE }), 409)
    const seen = (await get(mock, `/nodes/${file.id}/comments`, { auth: ALICE })).json.list.entries[0].entry
    expect([seen.canEdit, seen.canDelete]).toEqual([false, false])
    expect((await post(mock, `/nodes/${file.id}/comments`, { content: 'owner' }, { auth: BOB })).status).toBe(201)
  })

  it('answers the framework’s 405s: GET one comment, PUT the collection, POST to a comment', async () => {
    const plan = node('Shared/Projects/Apollo/plan.md')
    const id = (await get(mock, `/nodes/${plan.id}/comments`)).json.list.entries[0].entry.id
    expectAlfrescoError(await get(mock, `/nodes/${plan.id}/comments/${id}`, { invalidRequest: true }), 405, 'framework.exception.UnsupportedResourceOperation')
    expectAlfrescoError(await call(mock, 'PUT', `/nodes/${plan.id}/comments`, { body: {}, invalidRequest: true }), 405, 'PUT is executed against the instance URL')
    expectAlfrescoError(await post(mock, `/nodes/${plan.id}/comments/${id}`, {}, { invalidRequest: true }), 405, 'POST is executed against a collection URL')
  })
})
