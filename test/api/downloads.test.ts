import { afterEach, describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { basic, call, del, expectAlfrescoError, get, post, put } from '../support/http.js'
import { unzip } from '../support/unzip.js'

const SEED_IDS = ['7279b5c5-da55-4e98-8b12-72d33b90c810', '1cf35d69-f85f-4446-94cd-f31ccf16c2e3']
/** The Authorization header of Alfresco's "Download multiple files" page: base64 of its ticket. */
const SEED_AUTH = 'Basic VElDS0VUXzA4ZWI3ZTJlMmMxNzk2NGNhNTFmMGYzMzE4NmNjMmZjOWQ1NmQ1OTM='
const ALICE = basic('alice', 'alice')
const BOB = basic('bob', 'bob')
const FIELDS = ['bytesAdded', 'filesAdded', 'id', 'status', 'totalBytes', 'totalFiles']

const mock = createAlfrescoMock({ clock: 'manual' })
const idOf = (path: string) => mock.store.lookupPath(mock.store.rootId, path)!.id
const create = async (nodeIds: unknown, auth?: string) => post(mock, '/downloads', { nodeIds }, { auth })

afterEach(() => mock.reset())

describe('the seed example: POST /downloads, poll, fetch the ZIP', () => {
  it('answers 202 PENDING with zeros, then DONE 2/56/56/2, then a ZIP holding both files', async () => {
    const created = await create(SEED_IDS, SEED_AUTH)
    expect(created.status).toBe(202)
    expect(created.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    const { id, ...pending } = created.json.entry
    expect(Object.keys(created.json.entry).sort()).toEqual(FIELDS)
    expect(pending).toEqual({ status: 'PENDING', bytesAdded: 0, totalBytes: 0, filesAdded: 0, totalFiles: 0 })

    mock.clock.advance(1_000)
    const done = await get(mock, `/downloads/${id}`, { auth: SEED_AUTH })
    expect(done.status).toBe(200)
    expect(done.json.entry).toEqual({ id, status: 'DONE', filesAdded: 2, bytesAdded: 56, totalBytes: 56, totalFiles: 2 })

    const content = await get(mock, `/nodes/${id}/content`, { auth: SEED_AUTH })
    expect(content.status).toBe(200)
    expect(content.headers.get('content-type')).toBe('application/octet-stream;charset=UTF-8')
    expect(content.headers.get('content-disposition')).toBe(`attachment; filename="archive.zip"; filename*=UTF-8''archive.zip`)
    const zip = await unzip(content.bytes)
    expect(zip.map((e) => [e.name, e.bytes.toString()])).toEqual([
      ['test-file-1.txt', 'This is test file number 1.\n'],
      ['test-file-2.txt', 'This is test file number 2.\n'],
    ])
  })

  it('serves the download node through GET /nodes/{id} with its name, type and ZIP content once DONE', async () => {
    const { id } = (await create([SEED_IDS[0]])).json.entry
    const pending = await get(mock, `/nodes/${id}`)
    expect(pending.json.entry).toMatchObject({ id, name: 'test-file-1.txt.zip', nodeType: 'download:download', isFile: true, parentId: 'downloads_container' })
    mock.clock.advance(1_000)
    const done = await get(mock, `/nodes/${id}`)
    expect(done.json.entry.content).toMatchObject({ mimeType: 'application/octet-stream', mimeTypeName: 'Binary File (Octet Stream)', encoding: 'UTF-8' })
    expect(done.json.entry.content.sizeInBytes).toBeGreaterThan(28)
  })

  it('answers ACS 404 for the content until DONE', async () => {
    const { id } = (await create(SEED_IDS)).json.entry
    const e = expectAlfrescoError(await get(mock, `/nodes/${id}/content`), 404, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toContain(`Unable to locate content for node ref workspace://SpacesStore/${id} (property: {http://www.alfresco.org/model/content/1.0}content)`)
  })
})

describe("the README's quick-start timing with the default time progression", () => {
  it('answers PENDING for 250 ms, IN_PROGRESS at 250 ms, and DONE from 251 ms on (56 bytes at 20 MiB/s)', async () => {
    const { id } = (await create(SEED_IDS, SEED_AUTH)).json.entry
    const status = async () => (await get(mock, `/downloads/${id}`, { auth: SEED_AUTH })).json.entry.status
    mock.clock.advance(249)
    expect(await status()).toBe('PENDING')
    mock.clock.advance(1)
    expect(await status()).toBe('IN_PROGRESS')
    mock.clock.advance(1)
    expect(await status()).toBe('DONE')
  })
})

describe('POST /downloads checks, in ACS order and words', () => {
  it('refuses a JSON array body with 405', async () => {
    const r = await post(mock, '/downloads', [{ nodeIds: SEED_IDS }])
    expectAlfrescoError(r, 405, 'Only 1 entity is supported in the HTTP request body')
  })

  it('refuses malformed JSON and unknown properties with 400 "Could not read content from HTTP request body"', async () => {
    const bad = await post(mock, '/downloads', '{"nodeIds": [', { headers: { 'content-type': 'application/json' } })
    expect(expectAlfrescoError(bad, 400).errorKey).toMatch(/^Could not read content from HTTP request body: /)
    const unknown = expectAlfrescoError(await post(mock, '/downloads', { nodeIds: SEED_IDS, zip: true }), 400)
    expect(unknown.errorKey).toMatch(/^Could not read content from HTTP request body: Unrecognized field "zip"/)
    const status = expectAlfrescoError(await post(mock, '/downloads', { nodeIds: SEED_IDS, status: 'READY' }), 400)
    expect(status.errorKey).toMatch(/^Could not read content from HTTP request body: /)
  })

  it('accepts and ignores the other fields of a Download', async () => {
    const r = await post(mock, '/downloads', { nodeIds: SEED_IDS, id: 'mine', status: 'DONE', bytesAdded: 5 })
    expect(r.status).toBe(202)
    expect(r.json.entry).toMatchObject({ status: 'PENDING', bytesAdded: 0 })
    expect(r.json.entry.id).not.toBe('mine')
  })

  it('answers 400 in ACS shape for a missing, null or non-array nodeIds or a non-string id', async () => {
    for (const body of [{}, { nodeIds: null }, { nodeIds: 5 }, { nodeIds: { a: 1 } }, { nodeIds: [SEED_IDS[0], 7] }, undefined]) {
      const e = expectAlfrescoError(await post(mock, '/downloads', body), 400, 'framework.exception.InvalidArgument')
      expect(e.briefSummary).toMatch(/Failed to create the download: .*\. Please send \{"nodeIds"/)
    }
  })

  it('takes a single string as a one-element list', async () => {
    // Outside ACS's spec (nodeIds is an array), accepted by ACS: not a request-validation failure.
    const r = await post(mock, '/downloads', { nodeIds: SEED_IDS[0] }, { invalidRequest: true })
    expect(r.status).toBe(202)
    expect(mock.store.get(r.json.entry.id)!.name).toBe('test-file-1.txt.zip')
  })

  it('refuses an empty list, then duplicates (even of unknown ids), with the literal as errorKey', async () => {
    expectAlfrescoError(await create([]), 400, 'Cannot create an archive with 0 entries.')
    expectAlfrescoError(await create(['nope', 'nope']), 400, 'Cannot specify the same nodeId twice')
  })

  it('answers 404 for the first unknown id, aliases included, before any permission check', async () => {
    const e = expectAlfrescoError(await create([SEED_IDS[0], 'missing-1', 'missing-2']), 404, 'framework.exception.EntityNotFound')
    expect(e.briefSummary).toMatch(/^\d{8} The entity with id: missing-1 was not found$/)
    expectAlfrescoError(await create(['-shared-']), 404, 'framework.exception.EntityNotFound')
    const salaries = idOf('Shared/HR Confidential/salaries.csv')
    expectAlfrescoError(await create([salaries, 'missing-1'], ALICE), 404)
  })

  it('answers 403 when the caller cannot read a requested node', async () => {
    const e = expectAlfrescoError(await create([SEED_IDS[0], idOf('Shared/HR Confidential')], ALICE), 403, 'framework.exception.PermissionDenied')
    expect(e.briefSummary).toMatch(/^\d{8} Permission was denied$/)
    expect((await create([idOf('Shared/HR Confidential')], BOB)).status).toBe(202)
  })

  it('honours fields on POST and GET', async () => {
    const r = await post(mock, '/downloads?fields=id,status', { nodeIds: SEED_IDS })
    expect(Object.keys(r.json.entry).sort()).toEqual(['id', 'status'])
    const g = await get(mock, `/downloads/${r.json.entry.id}?fields=totalFiles`)
    expect(g.json.entry).toEqual({ totalFiles: 0 })
  })
})

describe('GET and DELETE /downloads/{id}', () => {
  it('answer 404 for an unknown id and 400 for a node that is not a download, even an unreadable one', async () => {
    for (const method of ['GET', 'DELETE']) {
      expectAlfrescoError(await call(mock, method, '/downloads/nope'), 404, 'framework.exception.EntityNotFound')
      const salaries = idOf('Shared/HR Confidential/salaries.csv')
      expectAlfrescoError(await call(mock, method, `/downloads/${salaries}`, { auth: ALICE }), 400, 'Please specify the nodeId of a download node.')
    }
  })

  it('let only the owner and admins read or cancel a download', async () => {
    const { id } = (await create(SEED_IDS, ALICE)).json.entry
    expectAlfrescoError(await get(mock, `/downloads/${id}`, { auth: BOB }), 403, 'framework.exception.PermissionDenied')
    expectAlfrescoError(await del(mock, `/downloads/${id}`, { auth: BOB }), 403, 'framework.exception.PermissionDenied')
    expect((await get(mock, `/downloads/${id}`, { auth: ALICE })).status).toBe(200)
    expect((await get(mock, `/downloads/${id}`)).status).toBe(200)
    expect(mock.store.get(id)).toMatchObject({ createdBy: 'alice', modifiedBy: 'alice' })
  })

  it('DELETE answers 202 with no body and never-cache headers; the download ends CANCELLED', async () => {
    const { id } = (await create(SEED_IDS)).json.entry
    const r = await del(mock, `/downloads/${id}`)
    expect(r.status).toBe(202)
    expect(r.text).toBe('')
    expect(r.headers.get('cache-control')).toBe('no-cache')
    mock.clock.advance(1_000)
    expect((await get(mock, `/downloads/${id}`)).json.entry).toMatchObject({ status: 'CANCELLED', bytesAdded: 28, filesAdded: 0 })
    expectAlfrescoError(await get(mock, `/nodes/${id}/content`), 404, 'framework.exception.ApiDefault')
    expect((await get(mock, `/nodes/${id}`)).status).toBe(200)
  })

  it('answer 405 for the methods ACS does not have', async () => {
    expectAlfrescoError(await get(mock, '/downloads'), 405, 'framework.exception.UnsupportedResourceOperation')
    const { id } = (await create(SEED_IDS)).json.entry
    const e = expectAlfrescoError(await put(mock, `/downloads/${id}`, {}), 405, 'framework.exception.UnsupportedResourceOperation')
    expect(e.briefSummary).toMatch(/The operation is unsupported$/)
  })

  it('answer 404 once the download node is deleted through DELETE /nodes/{id}', async () => {
    const { id } = (await create(SEED_IDS)).json.entry
    expect((await del(mock, `/nodes/${id}?permanent=true`)).status).toBe(204)
    expectAlfrescoError(await get(mock, `/downloads/${id}`), 404, 'framework.exception.EntityNotFound')
  })
})

describe('max content size', () => {
  it('ends the default fixture 3 GiB dvd-image.iso MAX_CONTENT_SIZE_EXCEEDED without allocating it', async () => {
    const { id } = (await create([idOf('Shared/Large files/dvd-image.iso')])).json.entry
    mock.clock.advance(250)
    expect((await get(mock, `/downloads/${id}`)).json.entry).toEqual({
      id,
      status: 'MAX_CONTENT_SIZE_EXCEEDED',
      bytesAdded: 2_152_852_358,
      totalBytes: 3 * 1024 ** 3,
      filesAdded: 0,
      totalFiles: 1,
    })
    expectAlfrescoError(await get(mock, `/nodes/${id}/content`), 404)
  })

  it('refuses, with a clear error and without allocating it, to build a ZIP too large for memory when the limit is off', async () => {
    const unlimited = createAlfrescoMock({ clock: 'manual', logLevel: 'silent', downloads: { maxContentSize: 0, progression: 'instant' } })
    const iso = unlimited.store.lookupPath(unlimited.store.rootId, 'Shared/Large files/dvd-image.iso')!.id
    const { id } = (await post(unlimited, '/downloads', { nodeIds: [iso] })).json.entry
    for (let i = 0; i < 2; i++) {
      const e = expectAlfrescoError(await get(unlimited, `/downloads/${id}`), 500, 'framework.exception.ApiDefault')
      expect(e.briefSummary).toContain('builds ZIPs in memory and will not build one of 3221225472 bytes')
    }
    // The mock is unharmed: another download still completes.
    const small = (await post(unlimited, '/downloads', { nodeIds: SEED_IDS })).json.entry
    expect((await get(unlimited, `/downloads/${small.id}`)).json.entry.status).toBe('DONE')
  })
})

describe('the control API for downloads', () => {
  const manual = createAlfrescoMock({ clock: 'manual', downloads: { progression: 'manual' } })

  it('advances a manual download step by step or to DONE, and lists every download', async () => {
    const { id } = (await post(manual, '/downloads', { nodeIds: SEED_IDS })).json.entry
    const advance = (body?: unknown) => post(manual, `/__mock/downloads/${id}/advance`, body, { base: 'none' })
    expect((await advance()).json.entry).toMatchObject({ status: 'IN_PROGRESS', bytesAdded: 28, filesAdded: 0 })
    expect((await advance({ steps: 1 })).json.entry).toMatchObject({ status: 'IN_PROGRESS', bytesAdded: 56, filesAdded: 1 })
    expect((await advance({ to: 'DONE' })).json.entry).toMatchObject({ status: 'DONE', bytesAdded: 56, filesAdded: 2 })
    expectAlfrescoError(await advance({ steps: 0 }), 400, 'framework.exception.InvalidArgument')
    const list = await get(manual, '/__mock/downloads', { base: 'none' })
    expect(list.json.downloads).toEqual([
      expect.objectContaining({ id, status: 'DONE', name: 'archive.zip', owner: 'admin', nodeIds: SEED_IDS, progression: 'manual' }),
    ])
  })

  it('refuses to advance a download of the time progression, and 404s an unknown one', async () => {
    const { id } = (await create(SEED_IDS)).json.entry
    const e = expectAlfrescoError(await post(mock, `/__mock/downloads/${id}/advance`, {}, { base: 'none' }), 400)
    expect(e.briefSummary).toContain('its progression is "time"')
    expectAlfrescoError(await post(mock, '/__mock/downloads/nope/advance', {}, { base: 'none' }), 404)
  })

  it('runs the cleaner on demand: downloads older than maxAge are deleted and answer 404', async () => {
    const { id } = (await create(SEED_IDS)).json.entry
    const run = () => post(mock, '/__mock/cleaner/run', undefined, { base: 'none' })
    mock.clock.advance(60 * 60 * 1000)
    expect((await run()).json.deleted).toEqual([])
    mock.clock.advance(1_000)
    expect((await run()).json.deleted).toEqual([id])
    expectAlfrescoError(await get(mock, `/downloads/${id}`), 404)
  })
})
