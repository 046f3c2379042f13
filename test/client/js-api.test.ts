/**
 * The official client, @alfresco/js-api v10, against the mock over a real socket. js-api 10 sends
 * every request through global fetch, so a wrapper records what it sends and checks every answer
 * it receives against ACS's OpenAPI spec.
 */
import { AlfrescoApi, AuthenticationApi, ContentApi, NodesApi, UploadApi } from '@alfresco/js-api'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { startAlfrescoMock, type ManualStartedAlfrescoMock } from '../../src/index.js'
import { recordingFetch as recordingFetchFor } from '../support/js-api.js'
import { conformingFetch } from '../support/spec.js'

/** js-api's traffic: what it sent, and how the answers it got break the spec. */
const { fetch: recordingFetch, sent, violations } = recordingFetchFor()

const b64 = (s: string) => Buffer.from(s).toString('base64')
const statusOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { status?: number }) => e.status,
  )

let mock: ManualStartedAlfrescoMock
let api: AlfrescoApi

beforeAll(async () => {
  mock = await startAlfrescoMock({ port: 0, clock: 'manual' })
  vi.stubGlobal('fetch', recordingFetch)
})

afterAll(async () => {
  vi.unstubAllGlobals()
  await mock?.close()
})

beforeEach(() => {
  api = new AlfrescoApi({ hostEcm: mock.url, provider: 'ECM', authType: 'BASIC' })
})

afterEach(() => {
  const found = violations.splice(0)
  sent.length = 0
  mock.reset()
  expect(found, "answers received by js-api that break ACS's OpenAPI spec").toEqual([])
})

describe('@alfresco/js-api v10 against the mock', () => {
  it('logs in with a JSON POST /tickets and then sends Basic ROLE_TICKET:<ticket>', async () => {
    const ticket = await api.login('admin', 'admin')
    expect(ticket).toMatch(/^TICKET_[0-9a-f]{40}$/)
    expect(api.isLoggedIn()).toBe(true)
    const [loginCall] = sent
    expect(loginCall?.method).toBe('POST')
    expect(loginCall?.url).toBe(`${mock.url}/alfresco/api/-default-/public/authentication/versions/1/tickets`)
    expect(JSON.parse(String(loginCall?.body))).toEqual({ userId: 'admin', password: 'admin' })

    await new NodesApi(api).getNode('-root-')
    expect(sent[1]?.headers.get('authorization')).toBe(`Basic ${b64(`ROLE_TICKET:${ticket}`)}`)
  })

  it('rejects a wrong password with status 403', async () => {
    // Through AuthenticationApi.createTicket, the call login() makes: js-api 10's login() also
    // chains a .then() without a catch, which would surface as an unhandled rejection here.
    expect(await statusOf(new AuthenticationApi(api).createTicket({ userId: 'admin', password: 'wrong' }))).toBe(403)
    expect(await statusOf(api.contentAuth.login('admin', 'wrong'))).toBe(403)
    expect(api.isLoggedIn()).toBe(false)
  })

  it('reads Company Home through getNode("-root-")', async () => {
    await api.login('admin', 'admin')
    const { entry } = await new NodesApi(api).getNode('-root-', { include: ['path', 'allowableOperations'] })
    expect(entry.name).toBe('Company Home')
    expect(entry.isFolder).toBe(true)
    expect(entry.nodeType).toBe('cm:folder')
    // js-api turns ACS's dates into Date objects; a wrong format would give Invalid Date
    expect(entry.createdAt).toBeInstanceOf(Date)
    expect(Number.isNaN(entry.modifiedAt.getTime())).toBe(false)
  })

  it('lists the children of Company Home page by page', async () => {
    await api.login('admin', 'admin')
    const nodes = new NodesApi(api)
    const all = await nodes.listNodeChildren('-root-')
    const names = all.list!.entries!.map((e) => e.entry.name)
    expect(names).toEqual(expect.arrayContaining(['Data Dictionary', 'Shared', 'Sites', 'User Homes']))
    const page = await nodes.listNodeChildren('-root-', { skipCount: 1, maxItems: 2 })
    expect(page.list!.pagination).toMatchObject({ count: 2, skipCount: 1, maxItems: 2, hasMoreItems: names.length > 3 })
    expect(page.list!.entries!.map((e) => e.entry.name)).toEqual(names.slice(1, 3))
  })

  it('uploads a file with UploadApi (multipart) and fetches its content back as a Buffer', async () => {
    await api.login('admin', 'admin')
    const text = 'Uploaded by @alfresco/js-api.\n'
    const file = new File([text], 'from-js-api.txt', { type: 'text/plain' })
    const { entry } = (await new UploadApi(api).uploadFile(file, '', '-shared-')) as {
      entry: { id: string; name: string; isFile: boolean; content: { sizeInBytes: number; mimeType: string } }
    }
    const upload = sent.at(-1)
    expect(upload?.method).toBe('POST')
    expect(upload?.url).toContain('/nodes/-shared-/children')
    expect(upload?.body).toBeInstanceOf(FormData)
    expect(entry).toMatchObject({ name: 'from-js-api.txt', isFile: true })
    expect(entry.content).toMatchObject({ sizeInBytes: Buffer.byteLength(text), mimeType: 'text/plain' })

    const content = (await new NodesApi(api).getNodeContent(entry.id)) as unknown as Buffer
    expect(Buffer.isBuffer(content)).toBe(true)
    expect(content.toString('utf8')).toBe(text)
  })

  it('creates a folder with a JSON createFolder', async () => {
    await api.login('admin', 'admin')
    const { entry } = await new NodesApi(api).createFolder('js-api folder', '', '-shared-')
    expect(entry).toMatchObject({ name: 'js-api folder', isFolder: true, nodeType: 'cm:folder' })
    expect(sent.at(-1)?.headers.get('content-type')).toBe('application/json')
  })

  it('serves the browser download URL of ContentApi.getContentUrl through alf_ticket alone', async () => {
    const ticket = await api.login('admin', 'admin')
    const { entry } = await new NodesApi(api).getNode('7279b5c5-da55-4e98-8b12-72d33b90c810')
    const url = new ContentApi(api).getContentUrl(entry.id, true)
    expect(url).toContain(`alf_ticket=${ticket}`)
    const res = await conformingFetch(url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('attachment')
    expect(await res.text()).toBe('This is test file number 1.\n')
  })

  it('logs out with DELETE /tickets/-me-, after which the ticket is dead and calls reject with 401', async () => {
    const ticket = await api.login('admin', 'admin')
    await api.logout()
    expect(sent.at(-1)?.method).toBe('DELETE')
    expect(sent.at(-1)?.url).toMatch(/\/authentication\/versions\/1\/tickets\/-me-$/)
    expect(api.isLoggedIn()).toBe(false)
    expect(await statusOf(new NodesApi(api).getNode('-root-'))).toBe(401)

    const reuse = new AlfrescoApi({ hostEcm: mock.url, provider: 'ECM', authType: 'BASIC' })
    reuse.setTicket(ticket, '')
    expect(await statusOf(new NodesApi(reuse).getNode('-root-'))).toBe(401)
  })

  it('sees the ticket expire after an hour of inactivity on the mock clock', async () => {
    await api.login('admin', 'admin')
    const nodes = new NodesApi(api)
    mock.clock.advance(59 * 60 * 1000)
    expect(await statusOf(nodes.getNode('-root-'))).toBe('resolved')
    mock.clock.advance(60 * 60 * 1000)
    expect(await statusOf(nodes.getNode('-root-'))).toBe(401)
  })

  it('gets ACS-shaped errors for missing nodes', async () => {
    await api.login('admin', 'admin')
    const error = (await new NodesApi(api).getNode('no-such-node').then(
      () => ({ status: 200, message: '{}' }),
      (e: { status: number; message: string }) => e,
    ))
    expect(error.status).toBe(404)
    expect(JSON.parse(error.message).error.errorKey).toBe('framework.exception.EntityNotFound')
  })
})
