import { afterEach, describe, expect, it, vi } from 'vitest'
import { alfrescoDate } from '../../src/http/format.js'
import { createAlfrescoMock } from '../../src/index.js'
import { DOWNLOADS_CONTAINER_ID, type MockNode } from '../../src/store/types.js'
import { basic, call, del, expectAlfrescoError, get, post, put, fixtureNode } from '../support/http.js'

const mock = createAlfrescoMock({ clock: 'manual', maxBodyBytes: 1024 })
const ALICE = basic('alice', 'alice')
const BOB = basic('bob', 'bob')
const node = (path: string): MockNode => fixtureNode(mock, path)
const upload = (fields: Record<string, string | Blob>): FormData => {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) {
    if (v instanceof Blob) form.append(k, v, k === 'filedata' ? 'upload.txt' : undefined)
    else form.append(k, v)
  }
  return form
}

afterEach(() => {
  vi.restoreAllMocks()
  mock.reset()
})

describe('POST /nodes/{nodeId}/children', () => {
  it('creates a folder owned by the caller, dated by the mock clock, answering 201 with the full entry', async () => {
    mock.clock.advance(60_000)
    const now = alfrescoDate(mock.clock.now())
    const r = await post(mock, '/nodes/-shared-/children', { name: 'Reports', nodeType: 'cm:folder', properties: { 'cm:title': 'Quarterly' } }, { auth: ALICE })
    expect(r.status).toBe(201)
    expect(r.json.entry).toMatchObject({
      name: 'Reports',
      nodeType: 'cm:folder',
      isFolder: true,
      isFile: false,
      parentId: node('Shared').id,
      createdAt: now,
      modifiedAt: now,
      createdByUser: { id: 'alice', displayName: 'Alice Example' },
      modifiedByUser: { id: 'alice' },
      properties: { 'cm:title': 'Quarterly' },
    })
    expect(r.json.entry.aspectNames).toEqual(expect.arrayContaining(['cm:auditable', 'cm:titled']))
    expect(mock.store.get(r.json.entry.id)?.createdBy).toBe('alice')
  })

  it('creates an empty file whose mime type comes from its name', async () => {
    const r = await post(mock, '/nodes/-shared-/children', { name: 'notes.md', nodeType: 'cm:content' })
    expect(r.json.entry.content).toEqual({ mimeType: 'text/x-markdown', mimeTypeName: 'Markdown', sizeInBytes: 0, encoding: 'UTF-8' })
    const body = await get(mock, `/nodes/${r.json.entry.id}/content`)
    expect([body.status, body.text]).toEqual([200, ''])
  })

  it('creates the missing folders of relativePath', async () => {
    const r = await post(mock, '/nodes/-shared-/children', { name: 'deep.txt', nodeType: 'cm:content', relativePath: 'A/B' })
    expect(r.status).toBe(201)
    expect(node('Shared/A/B/deep.txt').id).toBe(r.json.entry.id)
  })

  it('answers 409 with the sentence as errorKey on a name clash (case-insensitive), and renames with autoRename=true', async () => {
    const e = expectAlfrescoError(await post(mock, '/nodes/-shared-/children', { name: 'TEST-FILE-1.txt', nodeType: 'cm:content' }), 409, 'Duplicate child name not allowed: TEST-FILE-1.txt')
    expect(e.briefSummary).toMatch(/^\d{8} Duplicate child name not allowed: TEST-FILE-1\.txt$/)
    const first = await post(mock, '/nodes/-shared-/children?autoRename=true', { name: 'test-file-1.txt', nodeType: 'cm:content' })
    expect(first.json.entry.name).toBe('test-file-1-1.txt')
    const second = await post(mock, '/nodes/-shared-/children?autoRename=true', { name: 'test-file-1.txt', nodeType: 'cm:content' })
    expect(second.json.entry.name).toBe('test-file-1-2.txt')
  })

  it.each(['a*b.txt', 'what?', 'x:y', 'trailing.', 'trailing ', 'a/b'])('answers 422 ApiDefault for the illegal name %j', async (name) => {
    const e = expectAlfrescoError(await post(mock, '/nodes/-shared-/children', { name, nodeType: 'cm:folder' }), 422, 'framework.exception.ApiDefault')
    // RegexConstraint uses the message named after the constraint (dictionary-messages.properties).
    expect(e.briefSummary).toContain(`Constraint: Value '${name}' is not valid as a file name. This property must be a valid file name.`)
  })

  it('answers ACS 400s for a missing name, a missing type, an unknown type and an id', async () => {
    const shared = node('Shared').id
    expectAlfrescoError(await post(mock, '/nodes/-shared-/children', { nodeType: 'cm:folder' }), 400, `Node name is expected: ${shared}`)
    expectAlfrescoError(await post(mock, '/nodes/-shared-/children', { name: '', nodeType: 'cm:folder' }), 400, `Node name is expected: ${shared}`)
    expectAlfrescoError(await post(mock, '/nodes/-shared-/children', { name: 'x' }), 400, `Node type is expected: ${shared},x`)
    expectAlfrescoError(await post(mock, '/nodes/-shared-/children', { name: 'x', nodeType: 'cm:nope' }), 400, 'Invalid type: {http://www.alfresco.org/model/content/1.0}nope - expected (sub-)type of cm:cmobject')
    expectAlfrescoError(await post(mock, '/nodes/-shared-/children', { id: 'abc', name: 'x', nodeType: 'cm:folder' }), 400, 'Unexpected id when trying to create a new node: abc')
    expectAlfrescoError(await post(mock, '/nodes/-shared-/children', { name: 'x', nodeType: 'cm:folder', properties: { title: 't' } }), 400, 'Unknown property: title')
  })

  it('answers 400 for malformed JSON, an unknown field and an empty body, as Jackson reports them', async () => {
    const bad = expectAlfrescoError(await call(mock, 'POST', '/nodes/-shared-/children', { body: '{"name":', headers: { 'content-type': 'application/json' } }), 400)
    expect(bad.errorKey).toMatch(/^Could not read content from HTTP request body: /)
    const unknown = expectAlfrescoError(await post(mock, '/nodes/-shared-/children', { name: 'x', nodeType: 'cm:folder', colour: 'red' }), 400)
    expect(unknown.briefSummary).toContain('Unrecognized field "colour"')
    expectAlfrescoError(await call(mock, 'POST', '/nodes/-shared-/children', { headers: { 'content-type': 'application/json' } }), 400)
  })

  it('answers 400 when the parent is a file, 404 when it does not exist, 403 without write permission', async () => {
    const file = node('Shared/test-file-1.txt')
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/children`, { name: 'x', nodeType: 'cm:folder' }), 400, `NodeId of folder is expected: ${file.id}`)
    expectAlfrescoError(await post(mock, '/nodes/nope/children', { name: 'x', nodeType: 'cm:folder' }), 404, 'framework.exception.EntityNotFound')
    expectAlfrescoError(await post(mock, '/nodes/-root-/children', { name: 'x', nodeType: 'cm:folder' }, { auth: ALICE }), 403, 'framework.exception.PermissionDenied')
  })

  it('answers 413 for a body larger than maxBodyBytes', async () => {
    const r = await post(mock, '/nodes/-shared-/children', { name: 'x'.repeat(2000), nodeType: 'cm:folder' })
    expectAlfrescoError(r, 413)
  })

  it('uploads a multipart file with its name, properties and a first major version', async () => {
    const form = upload({ filedata: new Blob(['hello upload'], { type: 'text/plain' }), 'cm:title': 'Greeting', relativePath: 'Uploads' })
    const r = await post(mock, '/nodes/-shared-/children', form, { auth: ALICE })
    expect(r.status).toBe(201)
    expect(r.json.entry).toMatchObject({
      name: 'upload.txt',
      parentId: node('Shared/Uploads').id,
      content: { mimeType: 'text/plain', sizeInBytes: 12 },
      properties: { 'cm:title': 'Greeting', 'cm:versionLabel': '1.0', 'cm:versionType': 'MAJOR' },
    })
    expect((await get(mock, `/nodes/${r.json.entry.id}/content`)).text).toBe('hello upload')
  })

  it('lets the name field override the file name and autoRename avoid a clash; a clash without it is 409', async () => {
    const named = await post(mock, '/nodes/-shared-/children', upload({ name: 'test-file-1.txt', filedata: new Blob(['x']), autoRename: 'true' }))
    expect(named.json.entry.name).toBe('test-file-1-1.txt')
    expectAlfrescoError(await post(mock, '/nodes/-shared-/children', upload({ name: 'test-file-1.txt', filedata: new Blob(['x']) })), 409, 'test-file-1.txt already exists.')
  })

  it('overwrites a versioned file with overwrite=true, as a new minor version of the same node', async () => {
    const first = await post(mock, '/nodes/-shared-/children', upload({ filedata: new Blob(['v1']) }))
    const again = await post(mock, '/nodes/-shared-/children', upload({ filedata: new Blob(['v2!']), overwrite: 'true' }))
    expect(again.status).toBe(201)
    expect(again.json.entry).toMatchObject({ id: first.json.entry.id, content: { sizeInBytes: 3 }, properties: { 'cm:versionLabel': '1.1' } })
    expectAlfrescoError(await post(mock, '/nodes/-shared-/children', upload({ filedata: new Blob(['x']), overwrite: 'true', autoRename: 'true' })), 400)
  })

  it('answers 400 "Required parameters are missing" for an upload without filedata', async () => {
    expectAlfrescoError(await post(mock, '/nodes/-shared-/children', upload({ name: 'x.txt' })), 400, 'Required parameters are missing')
  })
})

describe('PUT /nodes/{nodeId}/content', () => {
  it('replaces the content and updates modifiedAt/modifiedBy, keeping the type the name implies', async () => {
    const file = node('Shared/test-file-2.txt')
    mock.clock.advance(3_600_000)
    const r = await put(mock, `/nodes/${file.id}/content`, 'new text!', { auth: ALICE, headers: { 'content-type': 'application/octet-stream' } })
    expect(r.status).toBe(200)
    expect(r.json.entry).toMatchObject({
      id: file.id,
      modifiedAt: alfrescoDate(mock.clock.now()),
      modifiedByUser: { id: 'alice' },
      content: { mimeType: 'text/plain', sizeInBytes: 9 },
    })
    expect((await get(mock, `/nodes/${file.id}/content`)).text).toBe('new text!')
  })

  it('takes the declared type when the name tells nothing', async () => {
    const created = await post(mock, '/nodes/-shared-/children', { name: 'blob', nodeType: 'cm:content' })
    const r = await put(mock, `/nodes/${created.json.entry.id}/content`, '{}', { headers: { 'content-type': 'application/json' } })
    expect(r.json.entry.content.mimeType).toBe('application/json')
  })

  it('answers 413 for a body larger than maxBodyBytes and leaves the node as it was, name included', async () => {
    const file = node('Shared/test-file-2.txt')
    const r = await put(mock, `/nodes/${file.id}/content?name=renamed.txt`, 'x'.repeat(2048))
    expectAlfrescoError(r, 413)
    expect(mock.store.get(file.id)!.name).toBe('test-file-2.txt')
  })

  it('answers 403 without write permission, 400 for a folder, 404 for an alias', async () => {
    const salaries = node('Shared/HR Confidential/salaries.csv')
    expectAlfrescoError(await put(mock, `/nodes/${node('Shared/Projects').id}/content`, 'x'), 400, `NodeId of content is expected: ${node('Shared/Projects').id}`)
    expectAlfrescoError(await put(mock, `/nodes/${salaries.id}/content`, 'x', { auth: ALICE }), 403, 'framework.exception.PermissionDenied')
    expectAlfrescoError(await put(mock, `/nodes/${node('User Homes/alice/todo.txt').id}/content`, 'x', { auth: BOB }), 403)
    expectAlfrescoError(await put(mock, '/nodes/-shared-/content', 'x'), 404, 'framework.exception.EntityNotFound')
  })
})

describe('DELETE /nodes/{nodeId}', () => {
  it('deletes a node and its subtree with 204 and an empty body', async () => {
    const apollo = node('Shared/Projects/Apollo')
    const plan = node('Shared/Projects/Apollo/plan.md')
    const r = await del(mock, `/nodes/${apollo.id}`, { auth: ALICE })
    expect(r.status).toBe(204)
    expect(r.text).toBe('')
    expect(mock.store.get(apollo.id)).toBeUndefined()
    expect(mock.store.get(plan.id)).toBeUndefined()
    expectAlfrescoError(await get(mock, `/nodes/${apollo.id}`), 404)
  })

  it('resolves aliases and refuses special nodes with 403 "Cannot delete: <id as given>"', async () => {
    const e = expectAlfrescoError(await del(mock, '/nodes/-root-'), 403, 'framework.exception.PermissionDenied')
    expect(e.briefSummary).toMatch(/^\d{8} Cannot delete: -root-$/)
    expectAlfrescoError(await del(mock, '/nodes/-shared-'), 403, 'framework.exception.PermissionDenied')
  })

  it('refuses permanent=true to a non-owner non-admin, even with write permission', async () => {
    const file = node('Shared/test-file-1.txt')
    const e = expectAlfrescoError(await del(mock, `/nodes/${file.id}?permanent=true`, { auth: ALICE }), 403, 'framework.exception.PermissionDenied')
    expect(e.briefSummary).toContain(`Non-owner/non-admin cannot permanently delete: ${file.id}`)
    expect((await del(mock, `/nodes/${file.id}`, { auth: ALICE })).status).toBe(204)
  })

  it('answers 403 without write permission and 404 for an unknown node', async () => {
    expectAlfrescoError(await del(mock, `/nodes/${node('Shared/HR Confidential/salaries.csv').id}`, { auth: ALICE }), 403, 'framework.exception.PermissionDenied')
    expectAlfrescoError(await del(mock, '/nodes/nope'), 404, 'framework.exception.EntityNotFound')
  })

  it('lets the owner delete a download node permanently and tells the zipper to forget it', async () => {
    const t = mock.clock.now()
    mock.store.add({ id: 'dl-9', name: 'archive.zip', nodeType: 'download:download', isFolder: false, parentId: DOWNLOADS_CONTAINER_ID, createdAt: t, modifiedAt: t, createdBy: 'alice', modifiedBy: 'alice', aspectNames: [], properties: {} })
    const forget = vi.spyOn(mock.downloads, 'forget')
    expectAlfrescoError(await del(mock, '/nodes/dl-9?permanent=true', { auth: BOB }), 403)
    const r = await del(mock, '/nodes/dl-9?permanent=true', { auth: ALICE })
    expect(r.status).toBe(204)
    expect(forget).toHaveBeenCalledWith('dl-9')
    expect(mock.store.get('dl-9')).toBeUndefined()
  })

  it('works for a bodiless DELETE that declares Content-Type: application/json, as js-api sends it', async () => {
    const r = await del(mock, `/nodes/${node('Shared/lorem.txt').id}`, { headers: { 'content-type': 'application/json', accept: 'application/json' } })
    expect(r.status).toBe(204)
  })
})
