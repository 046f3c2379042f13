import { afterEach, describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { basic, call, del, expectAlfrescoError, fixtureNode, get, post, put } from '../support/http.js'

const mock = createAlfrescoMock({ clock: 'manual' })
const ALICE = basic('alice', 'alice')
const BOB = basic('bob', 'bob')
afterEach(() => mock.reset())

const inShared = async (name: string, auth = ALICE) => {
  const form = new FormData()
  form.append('filedata', new Blob([name]), name)
  return (await post(mock, '/nodes/-shared-/children', form, { auth })).json.entry.id as string
}
const lock = (id: string, body: unknown = {}, auth = ALICE) => post(mock, `/nodes/${id}/lock`, body, { auth })
const updateContent = (id: string, auth = ALICE) => call(mock, 'PUT', `/nodes/${id}/content`, { body: 'new text', auth, headers: { 'content-type': 'text/plain' } })

// Rules from NodesImpl.lock/unlock, LockServiceImpl and tests/NodeApiTest.java testLock / testUnlock.
describe('POST /nodes/{nodeId}/lock', () => {
  it('locks FULL: cm:lockable with READ_ONLY_LOCK, the owner as {id, displayName}, isLocked only when included', async () => {
    const id = await inShared('d1.txt')
    const r = await lock(id, { timeToExpire: 30, type: 'FULL', lifetime: 'PERSISTENT' })
    expect(r.status).toBe(200)
    expect(r.json.entry.properties).toMatchObject({ 'cm:lockType': 'READ_ONLY_LOCK', 'cm:lockOwner': { id: 'alice', displayName: 'Alice Example' }, 'cm:lockLifetime': 'PERSISTENT' })
    expect(r.json.entry.properties['cm:expiryDate']).toBe(new Date(mock.clock.now() + 30_000).toISOString().replace('Z', '+0000'))
    expect(r.json.entry.aspectNames).toContain('cm:lockable')
    expect(r.json.entry.isLocked).toBeUndefined()
    expect((await get(mock, `/nodes/${id}?include=isLocked`, { auth: BOB })).json.entry.isLocked).toBe(true)
  })

  it('blocks everyone, the lock owner too, under a FULL lock, until it expires on the mock clock', async () => {
    const id = await inShared('d1.txt')
    await lock(id, { timeToExpire: 30, type: 'FULL' })
    const e = expectAlfrescoError(await del(mock, `/nodes/${id}?permanent=true`, { auth: ALICE }), 409, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toMatch(new RegExp(`^\\d{8} Cannot perform operation since the node \\(id:${id}\\) is locked\\.$`))
    expectAlfrescoError(await updateContent(id), 409)
    expectAlfrescoError(await put(mock, `/nodes/${id}`, { properties: { 'cm:title': 'x' } }, { auth: ALICE }), 409)
    mock.clock.advance(29_999)
    expectAlfrescoError(await del(mock, `/nodes/${id}?permanent=true`, { auth: ALICE }), 409)
    mock.clock.advance(1)
    expect((await get(mock, `/nodes/${id}?include=isLocked`)).json.entry.isLocked).toBe(false)
    expect((await del(mock, `/nodes/${id}?permanent=true`, { auth: ALICE })).status).toBe(204)
  })

  it('lets only the lock owner change a node under ALLOW_OWNER_CHANGES (the default)', async () => {
    const id = await inShared('d1.txt')
    const r = await lock(id, {})
    expect(r.json.entry.properties).toMatchObject({ 'cm:lockType': 'WRITE_LOCK', 'cm:lockLifetime': 'PERSISTENT' })
    expect(r.json.entry.properties['cm:expiryDate']).toBeUndefined()
    expect((await updateContent(id)).status).toBe(200)
    expectAlfrescoError(await updateContent(id, basic('admin', 'admin')), 409)
  })

  it('refuses to delete a folder holding a locked node, and to move a locked node', async () => {
    const folder = (await post(mock, '/nodes/-shared-/children', { name: 'box', nodeType: 'cm:folder' }, { auth: ALICE })).json.entry.id
    const form = new FormData()
    form.append('filedata', new Blob(['x']), 'in.txt')
    const inner = (await post(mock, `/nodes/${folder}/children`, form, { auth: ALICE })).json.entry.id
    await lock(inner, { type: 'FULL' })
    expectAlfrescoError(await del(mock, `/nodes/${folder}?permanent=true`, { auth: ALICE }), 409)
    expectAlfrescoError(await post(mock, `/nodes/${inner}/move`, { targetParentId: '-shared-' }, { auth: ALICE }), 409)
    expect(mock.store.get(inner)).toBeDefined()
  })

  it('lets the owner lock again, and refuses another user with 422', async () => {
    const id = await inShared('d1.txt')
    await lock(id)
    expect((await lock(id, { type: 'FULL' })).status).toBe(200)
    const e = expectAlfrescoError(await lock(id, {}, basic('admin', 'admin')), 422, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toContain(`The node (id: ${id}) could not be locked since it is already locked by another user.`)
  })

  it('treats timeToExpire 0 or less as never, and EPHEMERAL like PERSISTENT up to two days', async () => {
    const id = await inShared('d1.txt')
    // Outside the spec (minimum 0), yet ACS takes it (testLock "boundary values").
    const r = await post(mock, `/nodes/${id}/lock`, { timeToExpire: -100 }, { auth: ALICE, invalidRequest: true })
    expect(r.json.entry.properties['cm:expiryDate']).toBeUndefined()
    const other = await inShared('d2.txt')
    expect((await lock(other, { lifetime: 'EPHEMERAL', timeToExpire: 60 })).json.entry.properties['cm:lockLifetime']).toBe('EPHEMERAL')
    const third = await inShared('d3.txt')
    const e = expectAlfrescoError(await lock(third, { lifetime: 'EPHEMERAL', timeToExpire: 172_801 }), 400, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toBe('Attempt to create ephemeral lock for 172801 seconds - exceeds maximum allowed time.')
  })

  it.each([{ type: 'FULL123' }, { type: 'ALLOW_ADD_CHILDREN' }, { lifetime: 'PERSISTENT123' }, { includeChildren: 'true' }, { timeToExpire: 'NaN' }, { invalid_property: 'true' }])(
    'answers 400 for the body %j',
    async (body) => {
      const id = await inShared('d1.txt')
      const e = expectAlfrescoError(await post(mock, `/nodes/${id}/lock`, body, { auth: ALICE, invalidRequest: true }), 400)
      expect(e.errorKey).toMatch(/^Could not read content from HTTP request body: /)
    },
  )

  it('refuses folders (400), special nodes (403, even for admins), unknown ids (404) and non-writers (403)', async () => {
    expectAlfrescoError(await lock(fixtureNode(mock, 'Shared/Projects').id, {}, basic('admin', 'admin')), 400)
    const dd = fixtureNode(mock, 'Data Dictionary').id
    const e = expectAlfrescoError(await lock(dd, {}, basic('admin', 'admin')), 403)
    expect(e.briefSummary).toContain(`Current user doesn't have permission to lock node ${dd}`)
    expectAlfrescoError(await lock('fakeId'), 404)
    const todo = fixtureNode(mock, 'User Homes/alice/todo.txt').id
    expectAlfrescoError(await lock(todo, {}, BOB), 403)
  })
})

describe('POST /nodes/{nodeId}/unlock', () => {
  it('removes the lock and its properties; admins may unlock what others locked', async () => {
    const id = await inShared('d1.txt')
    await lock(id)
    const r = await post(mock, `/nodes/${id}/unlock`, undefined, { auth: ALICE })
    expect(r.status).toBe(200)
    expect(r.json.entry.properties?.['cm:lockType']).toBeUndefined()
    expect(r.json.entry.aspectNames).not.toContain('cm:lockable')
    await lock(id)
    expect((await post(mock, `/nodes/${id}/unlock`, undefined)).status).toBe(200)
  })

  it('answers 422 for a node that is not locked, 403 for a user without the Unlock permission, 404 for unknown ids', async () => {
    const id = await inShared('d1.txt')
    expectAlfrescoError(await post(mock, `/nodes/${id}/unlock`, undefined, { auth: ALICE }), 422, 'framework.exception.ApiDefault')
    await lock(id)
    expectAlfrescoError(await post(mock, `/nodes/${id}/unlock`, undefined, { auth: BOB }), 403)
    expectAlfrescoError(await post(mock, '/nodes/fakeId/unlock', undefined), 404)
  })
})
