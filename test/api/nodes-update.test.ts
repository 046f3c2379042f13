import { afterEach, describe, expect, it } from 'vitest'
import { alfrescoDate } from '../../src/http/format.js'
import { createAlfrescoMock } from '../../src/index.js'
import { newFolder } from '../support/nodes.js'
import { basic, expectAlfrescoError, fixtureNode, get, post, put } from '../support/http.js'

const mock = createAlfrescoMock({ clock: 'manual' })
const ALICE = basic('alice', 'alice')
const BOB = basic('bob', 'bob')
afterEach(() => mock.reset())

const folder = (name: string, parent = '-my-', auth = ALICE) => newFolder(mock, name, parent, auth)
const file = async (name: string, parent: string, auth = ALICE) =>
  (await post(mock, `/nodes/${parent}/children`, { name, nodeType: 'cm:content' }, { auth })).json.entry.id as string

// Rules from NodesImpl.updateNodeImpl and tests/NodeApiTest.java testUpdateNodeInfo / testUpdateType.
describe('PUT /nodes/{nodeId}', () => {
  it('renames within the folder, dates the change by the mock clock and answers the full node', async () => {
    const f0 = await folder('f0')
    const d1 = await file('d1.txt', f0)
    mock.clock.advance(5_000)
    const r = await put(mock, `/nodes/${d1}?include=path`, { name: 'd1b.txt' }, { auth: ALICE })
    expect(r.status).toBe(200)
    expect(r.json.entry).toMatchObject({ id: d1, name: 'd1b.txt', parentId: f0, modifiedAt: alfrescoDate(mock.clock.now()), modifiedByUser: { id: 'alice' } })
    expect(r.json.entry.aspectNames).toEqual(['cm:auditable'])
    expect(r.json.entry.path.elements.at(-1).id).toBe(f0)
  })

  it('answers 409 with the sentence as key on a name taken in the folder, ignoring case', async () => {
    const f0 = await folder('f0')
    await folder('My Folder', f0)
    const d1 = await file('d1.txt', f0)
    expectAlfrescoError(await put(mock, `/nodes/${d1}`, { name: 'my folder' }, { auth: ALICE }), 409, 'Name already exists in target parent: my folder')
    // Renaming to another case of its own name is no clash.
    expect((await put(mock, `/nodes/${d1}`, { name: 'D1.txt' }, { auth: ALICE })).json.entry.name).toBe('D1.txt')
  })

  it('answers ACS 422 for an invalid name and changes nothing', async () => {
    const d1 = await file('d1.txt', await folder('f0'))
    const e = expectAlfrescoError(await put(mock, `/nodes/${d1}`, { name: 'bad?', properties: { 'cm:title': 'T' } }, { auth: ALICE, invalidRequest: true }), 422, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toContain("Value 'bad?' is not valid as a file name")
    expect(mock.store.get(d1)).toMatchObject({ name: 'd1.txt', properties: {} })
  })

  it('adds cm:titled with cm:title, then removes it with its properties when aspectNames leaves it out', async () => {
    const d1 = await file('d1.txt', await folder('f0'))
    let r = await put(mock, `/nodes/${d1}`, { properties: { 'cm:title': 'my file title', 'cm:description': 'my file description' } }, { auth: ALICE })
    expect(r.json.entry.aspectNames).toEqual(['cm:auditable', 'cm:titled'])
    r = await put(mock, `/nodes/${d1}`, { aspectNames: ['cm:auditable', 'cm:titled', 'cm:versionable'] }, { auth: ALICE })
    expect(r.json.entry.properties).toMatchObject({ 'cm:versionLabel': '1.0', 'cm:versionType': 'MAJOR', 'cm:title': 'my file title' })
    r = await put(mock, `/nodes/${d1}`, { aspectNames: ['cm:auditable', 'cm:versionable'] }, { auth: ALICE })
    expect(r.json.entry.aspectNames).toEqual(['cm:auditable', 'cm:versionable'])
    expect(r.json.entry.properties).toEqual({ 'cm:versionLabel': '1.0', 'cm:versionType': 'MAJOR' })
    // An empty list keeps cm:auditable: it is the type's mandatory aspect.
    r = await put(mock, `/nodes/${d1}`, { aspectNames: [] }, { auth: ALICE })
    expect(r.json.entry.aspectNames).toEqual(['cm:auditable'])
  })

  it('specialises the type to a subtype only', async () => {
    const f0 = await folder('f0')
    expect((await put(mock, `/nodes/${f0}`, { nodeType: 'cm:folder' }, { auth: ALICE })).status).toBe(200)
    expectAlfrescoError(await put(mock, `/nodes/${f0}`, { nodeType: 'cm:content' }, { auth: ALICE }), 400, 'Failed to change (specialise) node type - from {http://www.alfresco.org/model/content/1.0}folder to {http://www.alfresco.org/model/content/1.0}content')
    expectAlfrescoError(await put(mock, `/nodes/${f0}`, { nodeType: 'cm:systemfolder' }, { auth: ALICE }), 400)
    expect((await put(mock, `/nodes/${f0}`, { nodeType: 'fm:forums' }, { auth: ALICE })).json.entry.nodeType).toBe('fm:forums')
    expectAlfrescoError(await put(mock, `/nodes/${f0}`, { nodeType: 'cm:folder' }, { auth: ALICE }), 400)
  })

  it('refuses a new parentId (use move) but accepts the current one', async () => {
    const f0 = await folder('f0')
    const f1 = await folder('f1', f0)
    const f2 = await folder('f2', f0)
    expectAlfrescoError(await put(mock, `/nodes/${f1}`, { parentId: f2 }, { auth: ALICE }), 400, `Cannot update parentId of ${f1} via PUT /nodes/{nodeId}. Please use explicit POST /nodes/{nodeId}/move operation instead`)
    expect((await put(mock, `/nodes/${f1}`, { parentId: f0 }, { auth: ALICE })).status).toBe(200)
  })

  it('answers 404 for an unknown node, after checking the body', async () => {
    expectAlfrescoError(await put(mock, '/nodes/no-such-node', { name: 'some.txt' }), 404, 'framework.exception.EntityNotFound')
    expectAlfrescoError(await put(mock, '/nodes/no-such-node', { properties: { 'cm:xyz': 1 } }), 400, 'Unknown property: cm:xyz')
  })

  it('answers 403 for nodes the caller may not change, and lets users change their own home', async () => {
    const home = await put(mock, '/nodes/-my-', { properties: { 'cm:description': 'mine' } }, { auth: ALICE })
    expect(home.json.entry.properties['cm:description']).toBe('mine')
    expectAlfrescoError(await put(mock, '/nodes/-root-', { properties: { 'cm:description': 'x' } }, { auth: ALICE }), 403, 'framework.exception.PermissionDenied')
    const aliceHome = fixtureNode(mock, 'User Homes/alice').id
    expectAlfrescoError(await put(mock, `/nodes/${aliceHome}`, { properties: { 'cm:description': 'x' } }, { auth: BOB }), 403)
    expect((await put(mock, '/nodes/-root-', { properties: { 'cm:description': 'admin may' } })).status).toBe(200)
  })

  it('refuses unknown body fields as Jackson does, and answers 501 for permissions until the model lands', async () => {
    const d1 = await file('d1.txt', await folder('f0'))
    const e = expectAlfrescoError(await put(mock, `/nodes/${d1}`, { nme: 'x' }, { auth: ALICE, invalidRequest: true }), 400)
    expect(e.errorKey).toContain('Unrecognized field "nme"')
    expectAlfrescoError(await put(mock, `/nodes/${d1}`, { permissions: { isInheritanceEnabled: false } }, { auth: ALICE }), 501, 'mock.NotImplemented')
  })

  // NodeApiTest testUpdateNodeInfo ("test versioning for metadata-only updates") and NodeVersionsApiTest.
  it('versions metadata updates only with cm:autoVersionOnUpdateProps, and drops the history with cm:versionable', async () => {
    const f0 = await folder('f0')
    const id = (await post(mock, `/nodes/${f0}/children?majorVersion=true`, { name: 'My File', nodeType: 'cm:content' }, { auth: ALICE })).json.entry.id
    const label = async (props: Record<string, unknown>) => (await put(mock, `/nodes/${id}`, { properties: props }, { auth: ALICE, invalidRequest: true })).json.entry.properties['cm:versionLabel']
    expect(await label({ 'cm:title': 'my file title' })).toBe('1.0')
    expect(await label({ 'cm:autoVersionOnUpdateProps': true })).toBe('1.1')
    expect(await label({ 'cm:title': 'my file title 2' })).toBe('1.2')
    expect(await label({ 'cm:autoVersionOnUpdateProps': false })).toBe('1.2')
    expect(await label({ 'cm:title': 'my file title 3' })).toBe('1.2')
    const versions = async () => (await get(mock, `/nodes/${id}/versions`, { auth: ALICE })).json.list.entries.map((e: { entry: { id: string } }) => e.entry.id)
    expect(await versions()).toEqual(['1.2', '1.1', '1.0'])
    await put(mock, `/nodes/${id}`, { aspectNames: ['cm:titled'] }, { auth: ALICE })
    expect(await versions()).toEqual([])
    // A copy of a versioned file starts its own history.
    await put(mock, `/nodes/${id}`, { aspectNames: ['cm:titled', 'cm:versionable'] }, { auth: ALICE })
    const copy = (await post(mock, `/nodes/${id}/copy`, { targetParentId: f0, name: 'copy' }, { auth: ALICE })).json.entry
    expect(copy.properties['cm:versionLabel']).toBe('1.0')
    expect((await get(mock, `/nodes/${copy.id}/versions`, { auth: ALICE })).json.list.entries).toHaveLength(1)
  })

  // ACA's rename-folder request (aca-requests.md #31), replayed against the default fixtures.
  it("answers ACA's rename of a folder as ACS would", async () => {
    const projects = fixtureNode(mock, 'Shared/Projects').id
    const r = await put(mock, `/nodes/${projects}?include=path,properties,allowableOperations,permissions,definition`, { name: 'Renamed by ACA', properties: { 'cm:title': '', 'cm:description': '' } })
    expect(r.status).toBe(200)
    expect(r.json.entry).toMatchObject({ name: 'Renamed by ACA', isFolder: true, allowableOperations: expect.arrayContaining(['update']) })
    expect(r.json.entry.aspectNames).toEqual(expect.arrayContaining(['cm:auditable', 'cm:titled']))
    // Empty strings are stored but never written (mapFromNodeProperties).
    expect(r.json.entry.properties).toBeUndefined()
    expect(r.json.entry.definition.properties.map((p: { id: string }) => p.id)).toContain('cm:title')
    expect((await get(mock, `/nodes/${projects}/children`)).json.list.entries.map((e: { entry: { name: string } }) => e.entry.name)).toContain('Apollo')
  })
})
