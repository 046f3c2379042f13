import { afterEach, describe, expect, it } from 'vitest'
import { alfrescoDate } from '../../src/http/format.js'
import { createAlfrescoMock } from '../../src/index.js'
import { newFolder } from '../support/nodes.js'
import { basic, expectAlfrescoError, fixtureNode, get, post } from '../support/http.js'

const mock = createAlfrescoMock({ clock: 'manual' })
const ALICE = basic('alice', 'alice')
const BOB = basic('bob', 'bob')
afterEach(() => mock.reset())

const folder = (name: string, parent = '-my-', auth = ALICE) => newFolder(mock, name, parent, auth)
const text = async (name: string, parent: string, auth = ALICE) => {
  const form = new FormData()
  form.append('filedata', new Blob([`content of ${name}`]), name)
  return (await post(mock, `/nodes/${parent}/children`, form, { auth })).json.entry.id as string
}
const names = async (id: string) => (await get(mock, `/nodes/${id}/children`)).json.list.entries.map((e: { entry: { name: string } }) => e.entry.name)

// Rules from NodesImpl.moveOrCopyNode/moveOrCopyImpl and tests/NodeApiTest.java testCopy.
describe('POST /nodes/{nodeId}/copy', () => {
  it('copies a file (201) with new id, owner and dates, and the same content', async () => {
    const source = await folder('fsource')
    const target = await folder('ftarget')
    const d1 = await text('d1.txt', source)
    mock.clock.advance(60_000)
    const r = await post(mock, `/nodes/${d1}/copy`, { targetParentId: target }, { auth: ALICE })
    expect(r.status).toBe(201)
    expect(r.json.entry).toMatchObject({ name: 'd1.txt', parentId: target, createdAt: alfrescoDate(mock.clock.now()), createdByUser: { id: 'alice' } })
    expect(r.json.entry.id).not.toBe(d1)
    expect(r.json.entry.aspectNames).toEqual(expect.arrayContaining(['cm:copiedfrom', 'cm:versionable']))
    expect((await get(mock, `/nodes/${r.json.entry.id}/content`, { auth: ALICE })).text).toBe('content of d1.txt')
  })

  it('copies with a new name, and deep-copies folders', async () => {
    const source = await folder('fsource')
    const sub = await folder('sub', source)
    await text('inner.txt', sub)
    const target = await folder('ftarget')
    const r = await post(mock, `/nodes/${source}/copy`, { targetParentId: target, name: 'copied' }, { auth: ALICE })
    expect(r.json.entry.name).toBe('copied')
    const subCopy = mock.store.lookupPath(r.json.entry.id, 'sub')!
    expect(subCopy.id).not.toBe(sub)
    expect(await names(subCopy.id)).toEqual(['inner.txt'])
    // The original is untouched.
    expect(await names(source)).toEqual(['sub'])
  })

  it('copies a folder into its own subtree once, without copying the copy', async () => {
    const a = await folder('a')
    const b = await folder('b', a)
    const r = await post(mock, `/nodes/${a}/copy`, { targetParentId: b }, { auth: ALICE })
    expect(r.status).toBe(201)
    expect(await names(r.json.entry.id)).toEqual(['b'])
    expect(await names(mock.store.lookupPath(r.json.entry.id, 'b')!.id)).toEqual([])
  })

  it('answers 409 on a name clash, in the same folder too, naming what was asked (null when nothing)', async () => {
    const source = await folder('fsource')
    const d1 = await text('d1.txt', source)
    const target = await folder('ftarget')
    await text('taken.txt', target)
    expectAlfrescoError(await post(mock, `/nodes/${d1}/copy`, { targetParentId: target, name: 'TAKEN.txt' }, { auth: ALICE }), 409, 'Name already exists in target parent: TAKEN.txt')
    expectAlfrescoError(await post(mock, `/nodes/${d1}/copy`, { targetParentId: source }, { auth: ALICE }), 409, 'Name already exists in target parent: null')
  })

  it('answers the errors of testCopy', async () => {
    const source = await folder('fsource')
    const d1 = await text('d1.txt', source)
    const d2 = await text('d2.txt', source)
    expectAlfrescoError(await post(mock, `/nodes/${d1}/copy`, { name: 'new name' }, { auth: ALICE, invalidRequest: true }), 400, 'Missing targetParentId')
    expectAlfrescoError(await post(mock, '/nodes/no-such-node/copy', { targetParentId: source }, { auth: ALICE }), 404)
    expectAlfrescoError(await post(mock, `/nodes/${d1}/copy`, { targetParentId: 'no-such-node' }, { auth: ALICE }), 404)
    expectAlfrescoError(await post(mock, `/nodes/${d1}/copy`, { targetParentId: d2 }, { auth: ALICE }), 400, `Invalid type of target parent: ${d2}`)
    expectAlfrescoError(await post(mock, `/nodes/${d1}/copy`, { targetParentId: '-root-' }, { auth: ALICE }), 403, 'framework.exception.PermissionDenied')
    const many = await post(mock, `/nodes/${d1}/copy`, [{ targetParentId: source }, { targetParentId: '-my-' }], { auth: ALICE, invalidRequest: true })
    expectAlfrescoError(many, 405, 'Only 1 entity is supported in the HTTP request body')
  })

  // ACA's copy (aca-requests.md #30): lorem.txt into another folder, with its name.
  it("answers ACA's copy of a file as ACS would", async () => {
    const lorem = fixtureNode(mock, 'Shared/lorem.txt')
    const archive = fixtureNode(mock, 'Shared/Projects/Archive').id
    const r = await post(mock, `/nodes/${lorem.id}/copy`, { targetParentId: archive, name: 'lorem.txt' })
    expect(r.status).toBe(201)
    expect(r.json.entry).toMatchObject({ name: 'lorem.txt', parentId: archive, isFile: true, content: { sizeInBytes: (await get(mock, `/nodes/${lorem.id}`)).json.entry.content.sizeInBytes } })
  })
})

// Rules from FileFolderService.move via NodesImpl and tests/NodeApiTest.java testMove.
describe('POST /nodes/{nodeId}/move', () => {
  it('moves (200), with and without a new name', async () => {
    const f0 = await folder('f0')
    const f1 = await folder('f1', f0)
    const f2 = await folder('f2', f0)
    const d1 = await text('d1.txt', f1)
    let r = await post(mock, `/nodes/${d1}/move`, { targetParentId: f2 }, { auth: ALICE })
    expect(r.status).toBe(200)
    expect(r.json.entry).toMatchObject({ id: d1, name: 'd1.txt', parentId: f2 })
    r = await post(mock, `/nodes/${d1}/move`, { targetParentId: f1, name: 'd1 updated !!' }, { auth: ALICE })
    expect(r.json.entry).toMatchObject({ name: 'd1 updated !!', parentId: f1 })
    expect(await names(f2)).toEqual([])
    expect(await names(f1)).toEqual(['d1 updated !!'])
  })

  it('answers the errors of testMove', async () => {
    const f0 = await folder('f0')
    const f1 = await folder('f1', f0)
    const f2 = await folder('f2', f0)
    const f3 = await folder('f3', f2)
    const d1 = await text('d1.txt', f1)
    const d2 = await text('d2.txt', f2)
    expectAlfrescoError(await post(mock, `/nodes/${d1}/move`, { name: 'new name' }, { auth: ALICE, invalidRequest: true }), 400, 'Missing targetParentId')
    expectAlfrescoError(await post(mock, `/nodes/${d1}/move`, { targetParentId: f2, name: 'd2.txt' }, { auth: ALICE }), 409, 'Name already exists in target parent: d2.txt')
    expectAlfrescoError(await post(mock, `/nodes/${d1}/move`, { targetParentId: d2 }, { auth: ALICE }), 400, `Invalid type of target parent: ${d2}`)
    const cycle = expectAlfrescoError(await post(mock, `/nodes/${f2}/move`, { targetParentId: f3 }, { auth: ALICE }), 400, 'framework.exception.ApiDefault')
    expect(cycle.briefSummary).toBe('Node has been pasted into its own tree.')
    expectAlfrescoError(await post(mock, `/nodes/${d1}/move`, { targetParentId: '-root-' }, { auth: ALICE }), 403)
    expectAlfrescoError(await post(mock, `/nodes/${f1}/move`, { targetParentId: '-my-' }, { auth: BOB }), 403)
    expect(mock.store.get(d1)!.parentId).toBe(f1)
  })

  it('refuses to move Company Home, Sites and the Data Dictionary, even for admins', async () => {
    const target = fixtureNode(mock, 'Shared/Projects/Archive').id
    for (const id of [mock.store.rootId, fixtureNode(mock, 'Data Dictionary').id]) {
      expectAlfrescoError(await post(mock, `/nodes/${id}/move`, { targetParentId: target }), 403, 'framework.exception.PermissionDenied')
    }
    const e = expectAlfrescoError(await post(mock, `/nodes/${fixtureNode(mock, 'Data Dictionary').id}/move`, { targetParentId: target }), 403)
    expect(e.briefSummary).toContain(`Cannot move: ${fixtureNode(mock, 'Data Dictionary').id}`)
  })
})
