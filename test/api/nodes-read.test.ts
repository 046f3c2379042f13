import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { DOWNLOADS_CONTAINER_ID, type MockNode } from '../../src/store/types.js'
import { basic, call, expectAlfrescoError, get, fixtureNode, post } from '../support/http.js'

const mock = createAlfrescoMock({ clock: 'manual' })
const ALICE = basic('alice', 'alice')
const BOB = basic('bob', 'bob')
const node = (path: string): MockNode => fixtureNode(mock, path)

afterEach(() => {
  vi.restoreAllMocks()
  mock.reset()
})

describe('GET /nodes/{nodeId}', () => {
  it('answers a file with ACS default entry: ids, dates, users, parent, content, aspects and properties', async () => {
    const file = node('Shared/Projects/Apollo/Specs/design.txt')
    const r = await get(mock, `/nodes/${file.id}`)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    expect(r.headers.get('cache-control')).toBe('no-cache')
    const e = r.json.entry
    expect(e).toMatchObject({
      id: file.id,
      name: 'design.txt',
      nodeType: 'cm:content',
      isFolder: false,
      isFile: true,
      parentId: node('Shared/Projects/Apollo/Specs').id,
      createdByUser: { id: 'admin', displayName: expect.any(String) },
      modifiedByUser: { id: 'alice', displayName: 'Alice Example' },
      modifiedAt: '2024-02-01T14:30:00.000+0000',
      content: { mimeType: 'text/plain', mimeTypeName: 'Plain Text', sizeInBytes: 33, encoding: 'UTF-8' },
    })
    expect(e.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/)
    expect(e.aspectNames).toEqual(expect.arrayContaining(['cm:auditable']))
    expect(e).not.toHaveProperty('path')
    expect(e).not.toHaveProperty('allowableOperations')
  })

  it('resolves -root-, -shared- and -my- (the caller’s home folder)', async () => {
    expect((await get(mock, '/nodes/-root-')).json.entry.id).toBe(mock.store.rootId)
    expect((await get(mock, '/nodes/-shared-')).json.entry.name).toBe('Shared')
    const mine = await get(mock, '/nodes/-my-', { auth: ALICE })
    expect(mine.json.entry.id).toBe(node('User Homes/alice').id)
  })

  it('answers 404 EntityNotFound for an unknown id', async () => {
    const e = expectAlfrescoError(await get(mock, '/nodes/no-such-node'), 404, 'framework.exception.EntityNotFound')
    expect(e.briefSummary).toMatch(/^\d{8} The entity with id: no-such-node was not found$/)
  })

  it('answers 403 PermissionDenied for a node the caller cannot read', async () => {
    const e = expectAlfrescoError(await get(mock, `/nodes/${node('Shared/HR Confidential').id}`, { auth: ALICE }), 403, 'framework.exception.PermissionDenied')
    expect(e.briefSummary).toMatch(/^\d{8} Permission was denied$/)
    expect((await get(mock, `/nodes/${node('Shared/HR Confidential').id}`, { auth: BOB })).status).toBe(200)
  })

  it('includes the path from Company Home down to the parent', async () => {
    const r = await get(mock, `/nodes/${node('Shared/Projects/Apollo').id}?include=path`)
    expect(r.json.entry.path).toEqual({
      name: '/Company Home/Shared/Projects',
      isComplete: true,
      elements: [
        expect.objectContaining({ id: mock.store.rootId, name: 'Company Home', nodeType: 'cm:folder' }),
        expect.objectContaining({ id: node('Shared').id, name: 'Shared' }),
        expect.objectContaining({ id: node('Shared/Projects').id, name: 'Projects' }),
      ],
    })
    expect((await get(mock, '/nodes/-root-?include=path')).json.entry.path).toEqual({ elements: [] })
  })

  it('cuts the path at the first ancestor the caller cannot read and marks it incomplete', async () => {
    mock.store.add({ ...node('Shared/HR Confidential/salaries.csv'), id: 'open-note', name: 'open.txt', parentId: node('Shared/HR Confidential').id, readers: ['GROUP_EVERYONE'] })
    const r = await get(mock, '/nodes/open-note?include=path', { auth: ALICE })
    expect(r.json.entry.path).toEqual({ elements: [] })
    const shared = await get(mock, `/nodes/${node('Shared/Projects').id}?include=path`, { auth: ALICE })
    expect(shared.json.entry.path.isComplete).toBe(true)
  })

  it('lists allowableOperations as ACS orders them, with create only on folders and no delete on special nodes', async () => {
    const folder = await get(mock, `/nodes/${node('Shared/Projects').id}?include=allowableOperations`, { auth: ALICE })
    expect(folder.json.entry.allowableOperations).toEqual(['delete', 'update', 'create'])
    const file = await get(mock, `/nodes/${node('Shared/test-file-1.txt').id}?include=allowableOperations`)
    expect(file.json.entry.allowableOperations).toEqual(['delete', 'update', 'updatePermissions'])
    const shared = await get(mock, '/nodes/-shared-?include=allowableOperations')
    expect(shared.json.entry.allowableOperations).toEqual(['update', 'create', 'updatePermissions'])
    const root = await get(mock, '/nodes/-root-?include=allowableOperations', { auth: ALICE })
    expect(root.json.entry).not.toHaveProperty('allowableOperations')
  })

  it('includes permissions: inherited roles, locally set ones that stop inheritance, and the settable roles', async () => {
    const projects = await get(mock, `/nodes/${node('Shared/Projects').id}?include=permissions`)
    expect(projects.json.entry.permissions).toEqual({
      isInheritanceEnabled: true,
      inherited: [{ authorityId: 'GROUP_EVERYONE', name: 'Collaborator', accessStatus: 'ALLOWED' }],
      settable: ['Contributor', 'Collaborator', 'Coordinator', 'Editor', 'Consumer'],
    })
    const hr = await get(mock, `/nodes/${node('Shared/HR Confidential').id}?include=permissions`)
    expect(hr.json.entry.permissions).toMatchObject({
      isInheritanceEnabled: false,
      locallySet: [{ authorityId: 'bob', name: 'Collaborator', accessStatus: 'ALLOWED' }],
    })
    const consumer = await get(mock, '/nodes/-root-?include=permissions', { auth: ALICE })
    expect(consumer.json.entry).not.toHaveProperty('permissions')
  })

  it('answers isLink, isLocked, isFavorite and association when included, and ignores unknown include values', async () => {
    const r = await get(mock, `/nodes/${node('Shared/test-file-1.txt').id}?include=isLink,isLocked,isFavorite,association,bogus`)
    expect(r.status).toBe(200)
    expect(r.json.entry).toMatchObject({ isLink: false, isLocked: false, isFavorite: false, association: { assocType: 'cm:contains', isPrimary: true } })
    expect(r.json.entry).not.toHaveProperty('bogus')
  })

  it('keeps only the requested fields plus the included ones', async () => {
    const r = await get(mock, `/nodes/${node('Shared/test-file-1.txt').id}?fields=id,name&include=path`)
    expect(Object.keys(r.json.entry).sort()).toEqual(['id', 'name', 'path'])
  })

  it('resolves relativePath below the node, trimming each name', async () => {
    const r = await get(mock, '/nodes/-shared-?relativePath=' + encodeURIComponent('/Projects/ Apollo /plan.md'))
    expect(r.json.entry.id).toBe(node('Shared/Projects/Apollo/plan.md').id)
  })

  it('answers 404 for a relativePath that does not resolve, and also for one the caller cannot read', async () => {
    const missing = expectAlfrescoError(await get(mock, '/nodes/-shared-?relativePath=Nope/x.txt'), 404, 'framework.exception.EntityNotFound')
    expect(missing.briefSummary).toMatch(/^\d{8} The entity with relativePath: Nope\/x\.txt was not found\.$/)
    const hidden = expectAlfrescoError(await get(mock, '/nodes/-shared-?relativePath=HR%20Confidential/salaries.csv', { auth: ALICE }), 404)
    expect(hidden.briefSummary).toContain('The entity with relativePath: HR Confidential/salaries.csv was not found.')
  })

  it('answers 400 when relativePath starts from a file', async () => {
    const file = node('Shared/test-file-1.txt')
    const e = expectAlfrescoError(await get(mock, `/nodes/${file.id}?relativePath=x`), 400, `NodeId of folder is expected: ${file.id}`)
    expect(e.briefSummary).toContain(`NodeId of folder is expected: ${file.id}`)
  })

  it('works for a bodiless GET that declares Content-Type: application/json, as js-api sends it', async () => {
    const r = await get(mock, '/nodes/-root-', { headers: { 'content-type': 'application/json', accept: 'application/json' } })
    expect(r.status).toBe(200)
  })

  it('refreshes a download node before showing it, to its owner and admins only', async () => {
    mock.store.add(downloadNode('dl-1', 'alice'))
    const refresh = vi.spyOn(mock.downloads, 'refreshNode').mockImplementation((n) => {
      n.content = { mimeType: 'application/octet-stream', mimeTypeName: 'Binary File (Octet Stream)', encoding: 'UTF-8', source: { kind: 'bytes', bytes: new Uint8Array(22) } }
      return Promise.resolve()
    })
    const r = await get(mock, '/nodes/dl-1?include=path,properties,allowableOperations,permissions', { auth: ALICE })
    expect(refresh).toHaveBeenCalledOnce()
    expect(r.json.entry).toMatchObject({
      name: 'archive.zip',
      nodeType: 'download:download',
      isFile: true,
      parentId: DOWNLOADS_CONTAINER_ID,
      content: { mimeType: 'application/octet-stream', mimeTypeName: 'Binary File (Octet Stream)', sizeInBytes: 22, encoding: 'UTF-8' },
    })
    expectAlfrescoError(await get(mock, '/nodes/dl-1', { auth: BOB }), 403, 'framework.exception.PermissionDenied')
    expect((await get(mock, '/nodes/dl-1')).status).toBe(200)
  })

  it('leaves node operations it does not implement to the 501 handler', async () => {
    const id = node('Shared/test-file-1.txt').id
    for (const [method, path] of [['POST', `/nodes/${id}/checkout`], ['GET', `/nodes/${id}/parents`]] as const) {
      const e = expectAlfrescoError(await call(mock, method, path, { body: method === 'GET' ? undefined : {} }), 501, 'mock.NotImplemented')
      expect(e.briefSummary).toContain(`${method} /alfresco/api/-default-/public/alfresco/versions/1${path}`)
    }
  })
})

function downloadNode(id: string, owner: string): MockNode {
  const t = mock.clock.now()
  return {
    id,
    name: 'archive.zip',
    nodeType: 'download:download',
    isFolder: false,
    parentId: DOWNLOADS_CONTAINER_ID,
    createdAt: t,
    modifiedAt: t,
    createdBy: owner,
    modifiedBy: owner,
    aspectNames: ['cm:auditable'],
    properties: { 'download:status': 'PENDING' },
  }
}

describe('node ids with a version suffix, as NodesImpl.validateNode reads them', () => {
  it('ignores a ;1.0 suffix and answers 404 naming the id as given for ;pwc', async () => {
    const file = node('Shared/test-file-1.txt')
    expect((await get(mock, `/nodes/${file.id};1.0`)).json.entry.id).toBe(file.id)
    expect((await get(mock, `/nodes/${file.id};1.0/content`)).text).toBe('This is test file number 1.\n')
    const e = expectAlfrescoError(await get(mock, `/nodes/${file.id};pwc`), 404, 'framework.exception.EntityNotFound')
    expect(e.briefSummary).toContain(`The entity with id: ${file.id};pwc was not found`)
  })

  it('finds a download by its id with a version suffix', async () => {
    const { entry } = (await post(mock, '/downloads', { nodeIds: [`${node('Shared/test-file-1.txt').id};1.0`] })).json
    mock.clock.advance(1_000)
    expect((await get(mock, `/downloads/${entry.id};1.0`)).json.entry).toMatchObject({ id: entry.id, status: 'DONE', totalBytes: 28 })
  })
})
