import { afterEach, describe, expect, it, vi } from 'vitest'
import { errors } from '../../src/errors.js'
import { createAlfrescoMock } from '../../src/index.js'
import { readContent } from '../../src/store/content.js'
import { DOWNLOADS_CONTAINER_ID, type MockNode } from '../../src/store/types.js'
import { basic, del, expectAlfrescoError, get, post, fixtureNode } from '../support/http.js'

const mock = createAlfrescoMock({ clock: 'manual' })
const ALICE = basic('alice', 'alice')
const node = (path: string): MockNode => fixtureNode(mock, path)
const TEXT = 'This is test file number 1.\n'

afterEach(() => {
  vi.restoreAllMocks()
  mock.reset()
})

describe('GET /nodes/{nodeId}/content', () => {
  it('serves the bytes with ACS headers: attachment, charset, ranges, length, revalidation, ETag and Last-Modified', async () => {
    const file = node('Shared/test-file-1.txt')
    const r = await get(mock, `/nodes/${file.id}/content`)
    expect(r.status).toBe(200)
    expect(r.text).toBe(TEXT)
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="test-file-1.txt"; filename*=UTF-8''test-file-1.txt`)
    expect(r.headers.get('content-type')).toBe('text/plain;charset=UTF-8')
    expect(r.headers.get('accept-ranges')).toBe('bytes')
    expect(r.headers.get('content-range')).toBe('bytes 0-27/28')
    expect(r.headers.get('content-length')).toBe('28')
    expect(r.headers.get('cache-control')).toBe('max-age=0, must-revalidate')
    expect(r.headers.get('pragma')).toBe('no-cache')
    expect(r.headers.get('expires')).toBe('Thu, 01 Jan 1970 00:00:00 GMT')
    expect(r.headers.get('etag')).toBe(`"${file.modifiedAt}"`)
    expect(r.headers.get('last-modified')).toBe(new Date(file.modifiedAt).toUTCString())
  })

  it('honours attachment=false only for the non-attach mime types', async () => {
    const pdf = await get(mock, `/nodes/${node('Shared/brochure.pdf').id}/content?attachment=false`)
    expect(pdf.headers.get('content-disposition')).toBeNull()
    expect(pdf.headers.get('content-type')).toBe('application/pdf;charset=UTF-8')
    const txt = await get(mock, `/nodes/${node('Shared/test-file-1.txt').id}/content?attachment=false`)
    expect(txt.headers.get('content-disposition')).toContain('filename="test-file-1.txt"')
    // Boolean.valueOf: anything but "true" is false
    const odd = await get(mock, `/nodes/${node('Shared/brochure.pdf').id}/content?attachment=yes`, { invalidRequest: true })
    expect(odd.headers.get('content-disposition')).toBeNull()
  })

  it('replaces characters outside Latin-1 and quotes in the quoted filename, and percent-encodes filename*', async () => {
    const r = await get(mock, `/nodes/${node('Shared/Résumé – Ünïcödé.txt').id}/content`)
    expect(r.headers.get('content-disposition')).toBe(
      `attachment; filename="Résumé   Ünïcödé.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E2%80%93%20%C3%9Cn%C3%AFc%C3%B6d%C3%A9.txt`,
    )
    const msie = await get(mock, `/nodes/${node('Shared/test-file-1.txt').id}/content`, { headers: { 'user-agent': 'Mozilla/4.0 (compatible; MSIE 8.0)' } })
    expect(msie.headers.get('content-disposition')).toBe('attachment; filename="test-file-1.txt')
  })

  it('answers 304 when not modified since the given date (cm:modified floored to seconds), else 200', async () => {
    const file = node('Shared/test-file-1.txt')
    file.modifiedAt = mock.clock.now() + 999
    const lastModified = new Date(file.modifiedAt).toUTCString()
    const same = await get(mock, `/nodes/${file.id}/content`, { headers: { 'if-modified-since': lastModified } })
    expect(same.status).toBe(304)
    expect(same.text).toBe('')
    expect(same.headers.get('content-type')).toBe('text/plain;charset=UTF-8')
    const old = await get(mock, `/nodes/${file.id}/content`, { headers: { 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' } })
    expect(old.status).toBe(200)
    mock.clock.advance(5_000)
    file.modifiedAt = mock.clock.now()
    const changed = await get(mock, `/nodes/${file.id}/content`, { headers: { 'if-modified-since': lastModified } })
    expect(changed.status).toBe(200)
    const junk = await get(mock, `/nodes/${file.id}/content`, { headers: { 'if-modified-since': 'yesterday' } })
    expect(junk.status).toBe(200)
  })

  it('answers a single range with 206, Content-Range and the exact length, without cache headers', async () => {
    const r = await get(mock, `/nodes/${node('Shared/test-file-1.txt').id}/content`, { headers: { range: 'bytes=1-10' } })
    expect(r.status).toBe(206)
    expect(r.text).toBe(TEXT.slice(1, 11))
    expect(r.headers.get('content-range')).toBe('bytes 1-10/28')
    expect(r.headers.get('content-length')).toBe('10')
    expect(r.headers.get('content-type')).toBe('text/plain')
    expect(r.headers.get('content-disposition')).toContain('attachment;')
    expect(r.headers.get('accept-ranges')).toBe('bytes')
    for (const h of ['etag', 'last-modified', 'cache-control', 'pragma', 'expires']) expect(r.headers.get(h)).toBeNull()
  })

  it('reproduces ACS range quirks: open end, -N read as 0-N, an end past the size kept in Content-Range', async () => {
    const id = node('Shared/test-file-1.txt').id
    const open = await get(mock, `/nodes/${id}/content`, { headers: { range: 'bytes=20-' } })
    expect([open.status, open.text, open.headers.get('content-range')]).toEqual([206, TEXT.slice(20), 'bytes 20-27/28'])
    const suffix = await get(mock, `/nodes/${id}/content`, { headers: { range: 'bytes=-3' } })
    expect([suffix.text, suffix.headers.get('content-range')]).toEqual([TEXT.slice(0, 4), 'bytes 0-3/28'])
    const past = await get(mock, `/nodes/${id}/content`, { headers: { range: 'bytes=0-999' } })
    expect(past.headers.get('content-range')).toBe('bytes 0-999/28')
    // ACS would declare 1000 bytes; the mock declares what it sends so HTTP clients do not hang
    expect(past.headers.get('content-length')).toBe('28')
    expect(past.text).toBe(TEXT)
    const viaContentRange = await get(mock, `/nodes/${id}/content`, { headers: { 'content-range': 'bytes=2-3' } })
    expect(viaContentRange.text).toBe(TEXT.slice(2, 4))
  })

  it.each(['bytes=5-2', 'bytes=abc', 'bytes=1-x'])('answers 416 with an empty body and Content-Range "*" for %s', async (range) => {
    const r = await get(mock, `/nodes/${node('Shared/test-file-1.txt').id}/content`, { headers: { range } })
    expect(r.status).toBe(416)
    expect(r.text).toBe('')
    expect(r.headers.get('content-range')).toBe('"*"')
  })

  it('answers 501 for several ranges at once', async () => {
    expectAlfrescoError(await get(mock, `/nodes/${node('Shared/test-file-1.txt').id}/content`, { headers: { range: 'bytes=0-1,4-5' } }), 501, 'mock.NotImplemented')
  })

  it('streams a range from the far end of a 3 GiB synthetic file without allocating it', async () => {
    const iso = node('Shared/Large files/dvd-image.iso')
    const size = 3 * 1024 ** 3
    const start = size - 100_000
    const r = await get(mock, `/nodes/${iso.id}/content`, { headers: { range: `bytes=${start}-` } })
    expect(r.status).toBe(206)
    expect(r.headers.get('content-range')).toBe(`bytes ${start}-${size - 1}/${size}`)
    expect(r.bytes.equals(Buffer.from(readContent(iso.content!.source, start, size)))).toBe(true)
  })

  it('starts a full 3 GiB download as a stream and reads its first chunk', async () => {
    const iso = node('Shared/Large files/dvd-image.iso')
    const res = await mock.fetch(new Request(`http://mock.test/alfresco/api/-default-/public/alfresco/versions/1/nodes/${iso.id}/content`, { headers: { authorization: basic('admin', 'admin') } }))
    expect(res.headers.get('content-length')).toBe(String(3 * 1024 ** 3))
    const reader = res.body!.getReader()
    const first = await reader.read()
    expect(first.value!.byteLength).toBeGreaterThan(0)
    expect(Buffer.from(first.value as Uint8Array).equals(Buffer.from(readContent(iso.content!.source, 0, first.value!.byteLength)))).toBe(true)
    await reader.cancel()
  })

  it('answers 400 "NodeId of content is expected" for a folder, 404 for an alias, 403 for an unreadable file', async () => {
    const folder = node('Shared/Projects')
    expectAlfrescoError(await get(mock, `/nodes/${folder.id}/content`), 400, `NodeId of content is expected: ${folder.id}`)
    const alias = expectAlfrescoError(await get(mock, '/nodes/-shared-/content'), 404, 'framework.exception.EntityNotFound')
    expect(alias.briefSummary).toContain('The entity with id: -shared- was not found')
    expectAlfrescoError(await get(mock, `/nodes/${node('Shared/HR Confidential/salaries.csv').id}/content`, { auth: ALICE }), 403, 'framework.exception.PermissionDenied')
  })

  it('accepts a content URL that carries only alf_ticket, as ContentApi.getContentUrl builds it', async () => {
    const ticket = mock.auth.issue('alice', mock.clock.now()).id
    const r = await get(mock, `/nodes/${node('Shared/test-file-1.txt').id}/content?attachment=true&alf_ticket=${ticket}`, { auth: null })
    expect(r.status).toBe(200)
    expect(r.text).toBe(TEXT)
  })

  it('serves a download node’s ZIP as octet-stream/UTF-8 from the zipper, after refreshing the node', async () => {
    const t = mock.clock.now()
    mock.store.add({ id: 'dl-1', name: 'archive.zip', nodeType: 'download:download', isFolder: false, parentId: DOWNLOADS_CONTAINER_ID, createdAt: t, modifiedAt: t, createdBy: 'alice', modifiedBy: 'alice', aspectNames: [], properties: {} })
    const zip = new Uint8Array([0x50, 0x4b, 5, 6, 0, 0, 0, 0])
    const refresh = vi.spyOn(mock.downloads, 'refreshNode').mockResolvedValue()
    const content = vi.spyOn(mock.downloads, 'content').mockResolvedValue(zip)
    const r = await get(mock, '/nodes/dl-1/content?attachment=true', { auth: ALICE })
    expect(refresh).toHaveBeenCalled()
    expect(content).toHaveBeenCalledWith('dl-1')
    expect(r.status).toBe(200)
    expect([...r.bytes]).toEqual([...zip])
    expect(r.headers.get('content-type')).toBe('application/octet-stream;charset=UTF-8')
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="archive.zip"; filename*=UTF-8''archive.zip`)
    // octet-stream is a non-attach type since ACS 23.1
    expect((await get(mock, '/nodes/dl-1/content?attachment=false', { auth: ALICE })).headers.get('content-disposition')).toBeNull()
  })

  it('passes on the zipper’s 404 while a download has no content, but answers 304 before looking', async () => {
    const t = mock.clock.now()
    mock.store.add({ id: 'dl-2', name: 'archive.zip', nodeType: 'download:download', isFolder: false, parentId: DOWNLOADS_CONTAINER_ID, createdAt: t, modifiedAt: t, createdBy: 'admin', modifiedBy: 'admin', aspectNames: [], properties: {} })
    vi.spyOn(mock.downloads, 'refreshNode').mockResolvedValue()
    const content = vi.spyOn(mock.downloads, 'content').mockRejectedValue(errors.contentNotFound('dl-2'))
    const e = expectAlfrescoError(await get(mock, '/nodes/dl-2/content'), 404, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toContain('Unable to locate content for node ref workspace://SpacesStore/dl-2')
    const r = await get(mock, '/nodes/dl-2/content', { headers: { 'if-modified-since': new Date(t).toUTCString() } })
    expect(r.status).toBe(304)
    expect(content).toHaveBeenCalledTimes(1)
  })

  it('serves a real download end to end: the node’s name and size, then its ZIP, until the owner deletes it', async () => {
    const zipper = createAlfrescoMock({ clock: 'manual', downloads: { progression: 'instant' } })
    const created = await post(zipper, '/downloads', { nodeIds: [node('Shared/test-file-1.txt').id] }, { auth: ALICE })
    const id: string = created.json.entry.id
    expect((await get(zipper, `/downloads/${id}`, { auth: ALICE })).json.entry.status).toBe('DONE')
    const info = await get(zipper, `/nodes/${id}?include=path,properties,allowableOperations,permissions`, { auth: ALICE })
    expect(info.json.entry).toMatchObject({ name: 'test-file-1.txt.zip', nodeType: 'download:download', content: { mimeType: 'application/octet-stream' } })
    const zip = await get(zipper, `/nodes/${id}/content`, { auth: ALICE })
    expect(zip.status).toBe(200)
    expect(zip.bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    expect(zip.headers.get('content-length')).toBe(String(info.json.entry.content.sizeInBytes))
    expect((await del(zipper, `/nodes/${id}?permanent=true`, { auth: ALICE })).status).toBe(204)
    expectAlfrescoError(await get(zipper, `/downloads/${id}`, { auth: ALICE }), 404)
    zipper.dispose()
  })
})
