/**
 * Versions as ACS makes and serves them. The rules follow NodesImpl (createNewFile,
 * updateExistingFile, upload), NodeVersionsRelation and remote-api's tests/NodeVersionsApiTest.java;
 * each test names the one it follows.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { alfrescoDate } from '../../src/http/format.js'
import { createAlfrescoMock } from '../../src/index.js'
import { basic, call, del, expectAlfrescoError, fixtureNode, get, post, put } from '../support/http.js'
import { putContent, upload } from '../support/history.js'

const mock = createAlfrescoMock({ clock: 'manual' })
const ALICE = basic('alice', 'alice')
const BOB = basic('bob', 'bob')
const shared = () => fixtureNode(mock, 'Shared').id
const labels = async (id: string) => (await get(mock, `/nodes/${id}/versions`)).json.list.entries.map((e: { entry: { id: string } }) => e.entry.id)
const props = async (id: string) => (await get(mock, `/nodes/${id}`)).json.entry.properties

afterEach(() => mock.reset())

describe('when ACS makes versions', () => {
  it('versions an upload as 1.0 MAJOR, or 0.1 with majorVersion=false, and keeps a comment (testUploadFileVersionAsMinor)', async () => {
    const major = await upload(mock, shared(), 'a.txt', 'one', { comment: 'first' })
    expect(major.json.entry.aspectNames).toContain('cm:versionable')
    expect(major.json.entry.properties).toMatchObject({ 'cm:versionLabel': '1.0', 'cm:versionType': 'MAJOR' })
    const minor = await upload(mock, shared(), 'b.txt', 'one', { majorVersion: 'false' })
    expect(minor.json.entry.properties).toMatchObject({ 'cm:versionLabel': '0.1', 'cm:versionType': 'MINOR' })
    const history = await get(mock, `/nodes/${major.json.entry.id}/versions`)
    expect(history.json.list.entries).toEqual([{ entry: expect.objectContaining({ id: '1.0', versionComment: 'first' }) }])
  })

  it('leaves an upload unversioned with versioningEnabled=false, and a JSON create unless majorVersion, versioningEnabled or comment is given', async () => {
    const off = await upload(mock, shared(), 'off.txt', 'x', { versioningEnabled: 'false' })
    expect(off.json.entry.aspectNames).not.toContain('cm:versionable')
    const plain = await post(mock, `/nodes/${shared()}/children`, { name: 'plain.txt', nodeType: 'cm:content' })
    expect(plain.json.entry.aspectNames).not.toContain('cm:versionable')
    expect(await labels(plain.json.entry.id)).toEqual([])
    const commented = await post(mock, `/nodes/${shared()}/children?comment=hello`, { name: 'c.txt', nodeType: 'cm:content' })
    expect(commented.json.entry.properties['cm:versionLabel']).toBe('1.0')
    const minor = await post(mock, `/nodes/${shared()}/children?majorVersion=false`, { name: 'm.txt', nodeType: 'cm:content' })
    expect(minor.json.entry.properties['cm:versionLabel']).toBe('0.1')
  })

  it('makes the initial version when cm:versionable comes with the create, unless cm:initialVersion is false (VersionableAspect.onAddAspect)', async () => {
    const withAspect = await post(mock, `/nodes/${shared()}/children`, { name: 'v.txt', nodeType: 'cm:content', aspectNames: ['cm:versionable'] })
    expect(withAspect.json.entry.properties).toMatchObject({ 'cm:versionLabel': '1.0', 'cm:versionType': 'MAJOR' })
    expect(await labels(withAspect.json.entry.id)).toEqual(['1.0'])
    const without = await post(mock, `/nodes/${shared()}/children`, { name: 'w.txt', nodeType: 'cm:content', aspectNames: ['cm:versionable'], properties: { 'cm:initialVersion': false } })
    expect(await labels(without.json.entry.id)).toEqual([])
  })

  it('numbers 1.0 → 1.1 → 2.0 → 2.1 on PUT …/content: minor by default, major with majorVersion=true (testUpdateFileVersionCreate)', async () => {
    const id = (await upload(mock, shared(), 'd.txt', 'v1')).json.entry.id
    expect((await putContent(mock, id, 'v2')).json.entry.properties).toMatchObject({ 'cm:versionLabel': '1.1', 'cm:versionType': 'MINOR' })
    expect((await putContent(mock, id, 'v3', '?majorVersion=true&comment=big')).json.entry.properties).toMatchObject({ 'cm:versionLabel': '2.0', 'cm:versionType': 'MAJOR' })
    await putContent(mock, id, 'v4', '?majorVersion=false')
    expect(await labels(id)).toEqual(['2.1', '2.0', '1.1', '1.0'])
  })

  it('versions an unversioned file on PUT …/content only when majorVersion or comment is given, starting at 1.0', async () => {
    const id = (await post(mock, `/nodes/${shared()}/children`, { name: 'e.txt', nodeType: 'cm:content' })).json.entry.id
    const plain = await putContent(mock, id, 'text')
    expect(plain.json.entry.aspectNames).not.toContain('cm:versionable')
    expect(plain.json.entry.properties).toBeUndefined()
    const first = await putContent(mock, id, 'text 2', '?comment=my%20version')
    expect(first.json.entry.properties).toMatchObject({ 'cm:versionLabel': '1.0', 'cm:versionType': 'MAJOR' })
    expect((await get(mock, `/nodes/${id}/versions/1.0`)).json.entry.versionComment).toBe('my version')
  })

  it('makes no version while cm:autoVersion is false, whatever the parameters (MNT-25259, testUpdateContentRespectsAutoVersionFalse)', async () => {
    const id = (await upload(mock, shared(), 'f.txt', 'v1')).json.entry.id
    mock.store.get(id)!.properties['cm:autoVersion'] = false
    for (const query of ['', '?majorVersion=true', '?comment=x', '?majorVersion=false&comment=y']) {
      expect((await putContent(mock, id, 'again', query)).json.entry.properties['cm:versionLabel']).toBe('1.0')
    }
    expect(await labels(id)).toEqual(['1.0'])
  })

  it('adds a minor version when an upload with overwrite=true replaces a versioned file, 409 when it is not versioned (testUploadFileVersionCreateWithOverwrite)', async () => {
    await upload(mock, shared(), 'g.txt', 'one')
    const again = await upload(mock, shared(), 'g.txt', 'two', { overwrite: 'true', comment: 'my version 2' })
    expect(again.status).toBe(201)
    expect(again.json.entry.properties['cm:versionLabel']).toBe('1.1')
    const major = await upload(mock, shared(), 'g.txt', 'three', { overwrite: 'true', majorVersion: 'true' })
    expect(major.json.entry.properties['cm:versionLabel']).toBe('2.0')
    expect((await get(mock, `/nodes/${major.json.entry.id}/versions/1.1`)).json.entry.versionComment).toBe('my version 2')
    await post(mock, `/nodes/${shared()}/children`, { name: 'h.txt', nodeType: 'cm:content' })
    expectAlfrescoError(await upload(mock, shared(), 'h.txt', 'x', { overwrite: 'true' }), 409, 'h.txt already exists.')
  })
})

describe('GET /nodes/{nodeId}/versions', () => {
  it('lists newest first, each with the label as id, its comment, and no parentId, createdAt or createdByUser (checkVersionHistoryAndContent)', async () => {
    const plan = fixtureNode(mock, 'Shared/Projects/Apollo/plan.md')
    const r = await get(mock, `/nodes/${plan.id}/versions?include=properties`)
    const [head, first] = r.json.list.entries.map((e: { entry: Record<string, unknown> }) => e.entry)
    expect(head).toMatchObject({ id: '1.1', name: 'plan.md', versionComment: 'Build and launch steps added', modifiedAt: alfrescoDate(plan.modifiedAt) })
    expect(head.properties).toMatchObject({ 'cm:versionLabel': '1.1', 'cm:versionType': 'MINOR' })
    expect(first).toMatchObject({ id: '1.0', versionComment: 'First draft', properties: { 'cm:versionType': 'MAJOR' } })
    for (const e of [head, first]) for (const k of ['parentId', 'createdAt', 'createdByUser']) expect(e).not.toHaveProperty(k)
  })

  it('gives minimal entries without include, and pages with skipCount and maxItems (testVersionHistoryPaging)', async () => {
    const id = (await upload(mock, shared(), 'p.txt', 'v'))
      .json.entry.id
    for (let i = 0; i < 5; i++) await putContent(mock, id, `v${i}`)
    const page = await get(mock, `/nodes/${id}/versions?skipCount=2&maxItems=3`)
    expect(page.json.list.pagination).toEqual({ count: 3, hasMoreItems: true, totalItems: 6, skipCount: 2, maxItems: 3 })
    expect(page.json.list.entries.map((e: { entry: { id: string } }) => e.entry.id)).toEqual(['1.3', '1.2', '1.1'])
    expect(page.json.list.entries[0].entry).not.toHaveProperty('properties')
    expect(page.json.list.entries[0].entry).not.toHaveProperty('aspectNames')
  })

  it('answers an empty list for a node without history, folders included (testCreateEmptyFileVersionUpdate)', async () => {
    expect((await get(mock, `/nodes/${shared()}/versions`)).json.list.entries).toEqual([])
    expect((await get(mock, `/nodes/-my-/versions`)).json.list.pagination.totalItems).toBe(0)
  })

  it('answers 404 for an unknown node and 403 to a user who cannot read it', async () => {
    expectAlfrescoError(await get(mock, '/nodes/dummy/versions'), 404, 'framework.exception.EntityNotFound')
    const salaries = fixtureNode(mock, 'Shared/HR Confidential/salaries.csv')
    expectAlfrescoError(await get(mock, `/nodes/${salaries.id}/versions`, { auth: ALICE }), 403, 'framework.exception.PermissionDenied')
  })
})

describe('GET /nodes/{nodeId}/versions/{versionId} and its content', () => {
  it('answers the full frozen node, and each version its own bytes as an attachment', async () => {
    const plan = fixtureNode(mock, 'Shared/Projects/Apollo/plan.md')
    const v1 = await get(mock, `/nodes/${plan.id}/versions/1.0`)
    expect(v1.json.entry).toMatchObject({ id: '1.0', content: { sizeInBytes: 25 }, properties: { 'cm:versionLabel': '1.0' } })
    expect(v1.json.entry.aspectNames).toContain('cm:versionable')
    const old = await get(mock, `/nodes/${plan.id}/versions/1.0/content`)
    expect([old.status, old.text]).toEqual([200, '# Apollo plan\n\n1. Design\n'])
    expect(old.headers.get('content-disposition')).toContain('filename="plan.md"')
    const now = await get(mock, `/nodes/${plan.id}/versions/1.1/content`)
    expect(now.text).toBe((await get(mock, `/nodes/${plan.id}/content`)).text)
  })

  it('serves a version range as 206 and answers 304 when not modified since, as node content does', async () => {
    const plan = fixtureNode(mock, 'Shared/Projects/Apollo/plan.md')
    const range = await get(mock, `/nodes/${plan.id}/versions/1.0/content`, { headers: { range: 'bytes=0-6' } })
    expect([range.status, range.text]).toEqual([206, '# Apoll'])
    const since = await get(mock, `/nodes/${plan.id}/versions/1.0/content`, { headers: { 'if-modified-since': 'Fri, 01 Jan 2100 00:00:00 GMT' } })
    expect(since.status).toBe(304)
  })

  it('answers 404 "<nodeId>-<label>" without history, and VersionDoesNotExist for an unknown label (testCreateEmptyFileVersionUpdate)', async () => {
    const folder = fixtureNode(mock, 'Shared/Projects')
    const none = expectAlfrescoError(await get(mock, `/nodes/${folder.id}/versions/1.0`), 404, 'framework.exception.EntityNotFound')
    expect(none.briefSummary).toContain(`The entity with id: ${folder.id}-1.0 was not found`)
    expectAlfrescoError(await get(mock, `/nodes/${folder.id}/versions/1.0/content`), 404)
    const plan = fixtureNode(mock, 'Shared/Projects/Apollo/plan.md')
    const unknown = expectAlfrescoError(await get(mock, `/nodes/${plan.id}/versions/15.0`), 404, 'framework.exception.ApiDefault')
    expect(unknown.briefSummary).toMatch(/^\d{8} The version with label 15\.0 does not exist in the version store\.$/)
  })
})

describe('DELETE /nodes/{nodeId}/versions/{versionId} (testDeleteVersion)', () => {
  it('deletes an older version and leaves the node; deleting the head gives the node the previous label and content', async () => {
    const id = (await upload(mock, shared(), 'del.txt', 'c1')).json.entry.id
    for (const text of ['c2', 'c3', 'c4']) await putContent(mock, id, text)
    expect((await del(mock, `/nodes/${id}/versions/1.0`)).status).toBe(204)
    expect(await labels(id)).toEqual(['1.3', '1.2', '1.1'])
    expect((await props(id))['cm:versionLabel']).toBe('1.3')
    await del(mock, `/nodes/${id}/versions/1.3`)
    expect((await props(id))['cm:versionLabel']).toBe('1.2')
    expect((await get(mock, `/nodes/${id}/content`)).text).toBe('c3')
    // The next version follows the head that is left: 1.3 again.
    expect((await putContent(mock, id, 'c5')).json.entry.properties['cm:versionLabel']).toBe('1.3')
  })

  it('refuses the last version with 422, an unknown label with 404, and a user without Delete with 403 "Cannot delete version"', async () => {
    const id = (await upload(mock, `${fixtureNode(mock, 'User Homes/alice').id}`, 'mine.txt', 'x', {}, ALICE)).json.entry.id
    const e = expectAlfrescoError(await del(mock, `/nodes/${id}/versions/1.0`, { auth: ALICE }), 422, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toContain(`Cannot delete last version (did you mean to disable versioning instead ?) [${id},1.0]`)
    expect(await labels(id)).toEqual(['1.0'])
    expectAlfrescoError(await del(mock, `/nodes/${id}/versions/15.0`, { auth: ALICE }), 404)
    await putContent(mock, id, 'y', '', ALICE)
    expectAlfrescoError(await del(mock, `/nodes/${id}/versions/1.0`, { auth: BOB }), 403, 'framework.exception.PermissionDenied')
    const plan = fixtureNode(mock, 'Shared/Projects/Apollo/plan.md')
    mock.store.get(plan.id)!.writers = ['bob']
    expectAlfrescoError(await del(mock, `/nodes/${plan.id}/versions/1.0`, { auth: ALICE }), 403, 'Cannot delete version')
  })
})

describe('POST /nodes/{nodeId}/versions/{versionId}/revert (testRevert)', () => {
  it('makes the old version the newest: its content under the next label, minor unless majorVersion is true', async () => {
    const plan = fixtureNode(mock, 'Shared/Projects/Apollo/plan.md')
    const r = await post(mock, `/nodes/${plan.id}/versions/1.0/revert`, { majorVersion: true, comment: 'Revert comment 1' })
    expect(r.status).toBe(200)
    expect(r.json.entry).toMatchObject({ id: '2.0', versionComment: 'Revert comment 1', properties: { 'cm:versionLabel': '2.0', 'cm:versionType': 'MAJOR' } })
    expect((await get(mock, `/nodes/${plan.id}/content`)).text).toBe('# Apollo plan\n\n1. Design\n')
    const minor = await post(mock, `/nodes/${plan.id}/versions/2.0/revert`, {})
    expect(minor.json.entry.id).toBe('2.1')
    expect(await labels(plan.id)).toEqual(['2.1', '2.0', '1.1', '1.0'])
  })

  it('answers 404 for an unknown node or label and 403 without write permission', async () => {
    const plan = fixtureNode(mock, 'Shared/Projects/Apollo/plan.md')
    expectAlfrescoError(await post(mock, '/nodes/dummy/versions/1.0/revert', {}), 404)
    expectAlfrescoError(await post(mock, `/nodes/${plan.id}/versions/15.0/revert`, {}), 404)
    mock.store.get(plan.id)!.writers = []
    expectAlfrescoError(await post(mock, `/nodes/${plan.id}/versions/1.0/revert`, {}, { auth: ALICE }), 403, 'framework.exception.PermissionDenied')
  })

  it('reads the body as VersionOptions: an unknown field or a list is 400 before anything changes', async () => {
    const plan = fixtureNode(mock, 'Shared/Projects/Apollo/plan.md')
    const e = expectAlfrescoError(await post(mock, `/nodes/${plan.id}/versions/1.0/revert`, { major: true }), 400)
    expect(e.errorKey).toContain('Unrecognized field "major"')
    expectAlfrescoError(await post(mock, `/nodes/${plan.id}/versions/1.0/revert`, [{}], { invalidRequest: true }), 400)
    expect(await labels(plan.id)).toEqual(['1.1', '1.0'])
  })
})

describe('what ACS does not offer on versions', () => {
  it('answers 405 for POST and PUT on the history and PUT on a version', async () => {
    const plan = fixtureNode(mock, 'Shared/Projects/Apollo/plan.md')
    expectAlfrescoError(await post(mock, `/nodes/${plan.id}/versions`, {}, { invalidRequest: true }), 405, 'framework.exception.UnsupportedResourceOperation')
    expectAlfrescoError(await put(mock, `/nodes/${plan.id}/versions/1.0`, {}, { invalidRequest: true }), 405)
    expectAlfrescoError(await call(mock, 'PUT', `/nodes/${plan.id}/versions`, { body: {}, invalidRequest: true }), 405)
  })
})
