/**
 * Alfresco's UI download flow (ADF's DownloadZipDialogComponent, reference/real-client.md A.4)
 * driven by the official client, @alfresco/js-api v10, against the mock over a real socket. The
 * poll loop advances the mock's manual clock by ADF's 1000 ms instead of waiting. Every answer
 * js-api receives is checked against ACS's OpenAPI spec; ZIPs are opened with yauzl.
 */
import { AlfrescoApi, ContentApi, DownloadsApi, NodesApi } from '@alfresco/js-api'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { startAlfrescoMock, type ManualStartedAlfrescoMock } from '../../src/index.js'
import { recordingFetch as recordingFetchFor } from '../support/js-api.js'
import { conformingFetch } from '../support/spec.js'
import { unzip } from '../support/unzip.js'

const FILE_1 = '7279b5c5-da55-4e98-8b12-72d33b90c810'
const FILE_2 = '1cf35d69-f85f-4446-94cd-f31ccf16c2e3'
/** ADF's getNode call for the file name (download-zip.dialog.ts). */
const ADF_INCLUDE = ['path', 'properties', 'allowableOperations', 'permissions']
/** ADF polls every second. */
const POLL_MS = 1_000

/** js-api's traffic: what it sent, and how the answers it got break the spec. */
const { fetch: recordingFetch, sent, violations } = recordingFetchFor()

let mock: ManualStartedAlfrescoMock
let api: AlfrescoApi
let downloads: DownloadsApi
let nodes: NodesApi

beforeAll(async () => {
  mock = await startAlfrescoMock({ port: 0, clock: 'manual' })
  vi.stubGlobal('fetch', recordingFetch)
})

afterAll(async () => {
  vi.unstubAllGlobals()
  await mock?.close()
})

beforeEach(async () => {
  api = new AlfrescoApi({ hostEcm: mock.url, provider: 'ECM', authType: 'BASIC' })
  downloads = new DownloadsApi(api)
  nodes = new NodesApi(api)
  await api.login('admin', 'admin')
})

afterEach(async () => {
  if (api.isLoggedIn()) await api.logout()
  const found = violations.splice(0)
  sent.length = 0
  mock.reset()
  expect(found, "answers received by js-api that break ACS's OpenAPI spec").toEqual([])
})

/** ADF's waitAndDownload loop, with the clock advanced where ADF would wait: statuses seen, in order. */
async function pollUntilDone(id: string, maxPolls = 20): Promise<string[]> {
  const seen: string[] = []
  for (let i = 0; i < maxPolls; i++) {
    const { entry } = await downloads.getDownload(id)
    seen.push(entry.status!)
    if (entry.status === 'DONE') return seen
    if (entry.status === 'IN_PROGRESS') expect(entry.totalBytes).toBeGreaterThan(0)
    mock.clock.advance(POLL_MS)
  }
  throw new Error(`download ${id} not DONE after ${maxPolls} polls: ${seen.join(', ')}`)
}

/** A node's content as js-api gets it: a Buffer in Node, though typed as Blob. */
const contentOf = async (id: string, attachment = true) =>
  (await nodes.getNodeContent(id, { attachment })) as unknown as Buffer

const statusOf = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: { status?: number }) => e.status,
  )

describe("Alfresco's UI download flow through @alfresco/js-api v10", () => {
  it('creates a download, reads its name, polls to DONE and gets the same ZIP by getNodeContent and by the alf_ticket link', async () => {
    const { entry: created } = await downloads.createDownload({ nodeIds: [FILE_1, FILE_2] })
    expect(created).toMatchObject({ status: 'PENDING', filesAdded: 0, bytesAdded: 0, totalFiles: 0, totalBytes: 0 })
    const id = created.id!

    const { entry: node } = await nodes.getNode(id, { include: ADF_INCLUDE })
    expect(node).toMatchObject({ id, name: 'archive.zip', nodeType: 'download:download', isFile: true, isFolder: false })
    expect(sent.at(-1)?.url).toContain('include=path%2Cproperties%2CallowableOperations%2Cpermissions')

    const seen = await pollUntilDone(id)
    expect(seen[0]).toBe('PENDING')
    expect(seen.at(-1)).toBe('DONE')
    const { entry: done } = await downloads.getDownload(id)
    expect(done).toEqual({ id, status: 'DONE', filesAdded: 2, bytesAdded: 56, totalFiles: 2, totalBytes: 56 })

    const viaClient = await contentOf(id)
    expect(Buffer.isBuffer(viaClient)).toBe(true)
    expect(sent.at(-1)?.headers.get('accept')).toBe('application/octet-stream')

    // The link ADF puts into <a download>: the browser sends the ticket in the query, no header.
    const url = new ContentApi(api).getContentUrl(id, true)
    expect(url).toBe(`${mock.apiUrl}/nodes/${id}/content?attachment=true&alf_ticket=${api.getTicketEcm()}`)
    const link = await conformingFetch(url)
    expect(sent.at(-1)?.headers.has('authorization')).toBe(false)
    expect(link.status).toBe(200)
    expect(link.headers.get('content-disposition')).toBe(`attachment; filename="archive.zip"; filename*=UTF-8''archive.zip`)
    const viaLink = Buffer.from(await link.arrayBuffer())
    expect(viaLink.equals(viaClient)).toBe(true)

    const entries = await unzip(viaClient)
    expect(entries.map((e) => e.name)).toEqual(['test-file-1.txt', 'test-file-2.txt'])
    expect(entries[0]!.bytes.equals(await contentOf(FILE_1))).toBe(true)
    expect(entries[1]!.bytes.equals(await contentOf(FILE_2))).toBe(true)
  })

  it('cancels a slow download with cancelDownload, which ends CANCELLED once the clock moves and never serves a ZIP', async () => {
    const { entry: video } = await nodes.getNode('-shared-', { relativePath: 'Large files/video.mp4' })
    expect(video.content?.sizeInBytes).toBe(50 * 1024 * 1024)
    const id = (await downloads.createDownload({ nodeIds: [video.id] })).entry.id!
    expect((await nodes.getNode(id, { include: ADF_INCLUDE })).entry.name).toBe('video.mp4.zip')

    mock.clock.advance(POLL_MS)
    const { entry: running } = await downloads.getDownload(id)
    expect(running.status).toBe('IN_PROGRESS')
    expect(running.bytesAdded).toBeLessThan(running.totalBytes!)

    // ADF's Cancel button: fire the DELETE; js-api resolves an empty 202 to {}.
    expect(await downloads.cancelDownload(id)).toEqual({})
    expect(sent.at(-1)).toMatchObject({ method: 'DELETE', url: `${mock.apiUrl}/downloads/${id}` })

    mock.clock.advance(POLL_MS)
    const { entry: cancelled } = await downloads.getDownload(id)
    expect(cancelled.status).toBe('CANCELLED')
    expect(cancelled.bytesAdded).toBeGreaterThan(0)
    expect(cancelled.bytesAdded).toBeLessThanOrEqual(cancelled.totalBytes!)
    expect(cancelled).toMatchObject({ totalFiles: 1, totalBytes: 50 * 1024 * 1024 })

    mock.clock.advance(60 * POLL_MS)
    expect((await downloads.getDownload(id)).entry).toEqual(cancelled)
    expect(await statusOf(contentOf(id))).toBe(404)
  })

  it('names a folder download <folder>.zip and zips the folder with its whole subtree', async () => {
    const { entry: folder } = await nodes.getNode('-shared-', { relativePath: 'Projects' })
    const id = (await downloads.createDownload({ nodeIds: [folder.id] })).entry.id!
    expect((await nodes.getNode(id, { include: ADF_INCLUDE })).entry.name).toBe('Projects.zip')

    await pollUntilDone(id)
    const entries = await unzip(await contentOf(id))
    expect(entries.map((e) => e.name)).toEqual([
      'Projects/',
      'Projects/Apollo/',
      'Projects/Apollo/plan.md',
      'Projects/Apollo/budget.csv',
      'Projects/Apollo/Specs/',
      'Projects/Apollo/Specs/design.txt',
      'Projects/Archive/',
    ])
    const plan = await nodes.getNode('-shared-', { relativePath: 'Projects/Apollo/plan.md' })
    expect(entries[2]!.bytes.equals(await contentOf(plan.entry.id))).toBe(true)
  })

  it('logs out at the end, after which the download can no longer be polled', async () => {
    const id = (await downloads.createDownload({ nodeIds: [FILE_1] })).entry.id!
    await api.logout()
    expect(api.isLoggedIn()).toBe(false)
    expect(sent.at(-1)).toMatchObject({ method: 'DELETE', url: `${mock.authUrl}/tickets/-me-` })
    expect(await statusOf(downloads.getDownload(id))).toBe(401)
  })
})
