import { expect } from 'vitest'
import type { Fetcher } from '../support/http.js'
import { unzip } from '../support/unzip.js'
import type { FuzzRequest, Known } from './generate.js'

/** The longest any request may take (wall clock, on a busy two-core machine): a stall fails the run. */
export const MAX_REQUEST_MS = 3_000

export interface Answer {
  status: number
  contentType: string
  text: string
  ms: number
}

/**
 * A 5xx the mock answers on purpose, because ACS does (a Java runtime exception such as
 * GetChildren's "exceeded maximum number filter/sort properties"), is thrown as an AlfrescoError
 * and logged as one; a crash is logged as whatever broke (TypeError, RangeError…).
 */
export function deliberate(errorLines: readonly string[]): boolean {
  return errorLines.length > 0 && errorLines.every((l) => l.startsWith('[alfresco-mock] ERROR AlfrescoError'))
}

/**
 * What is wrong with an answer, or undefined: no 5xx but 501 and those ACS answers itself, ACS's
 * error body on every 4xx, no stall. `errorLines` are what the mock logged at error level meanwhile.
 */
export function problemOf(req: FuzzRequest, a: Answer, errorLines: readonly string[] = []): string | undefined {
  if (a.ms > MAX_REQUEST_MS) return `took ${a.ms.toFixed(0)} ms (more than ${MAX_REQUEST_MS})`
  if (a.status >= 500 && a.status !== 501 && !deliberate(errorLines)) {
    return `answered ${a.status}: ${a.text.slice(0, 500)}${errorLines.length ? `\n  logged: ${errorLines.join('\n').slice(0, 800)}` : ''}`
  }
  if (a.status >= 500 && a.status !== 501) {
    if (req.method === 'HEAD') return undefined
    return a.text.includes(`"statusCode":${a.status}`) ? undefined : `answered ${a.status} without ACS's error body: ${a.text.slice(0, 300)}`
  }
  const errorStatus = a.status >= 400 || a.status === 501
  // 416 has no body in ACS (HttpRangeProcessor); HEAD never has one.
  if (!errorStatus || a.status === 416 || req.method === 'HEAD') return undefined
  let body: unknown
  try {
    body = JSON.parse(a.text)
  } catch {
    return `answered ${a.status} without a JSON body: ${JSON.stringify(a.text.slice(0, 200))}`
  }
  // ACS's web scripts (/alfresco/s/, /alfresco/service/) answer in Surf's shape, not the REST API's
  // (paths there that are no web script get the mock's 404 in the REST shape).
  const surf = body as { status?: { code?: unknown }; message?: unknown }
  if (/^\/alfresco\/(s|service)\//.test(req.url) && surf.status?.code === a.status && typeof surf.message === 'string') return undefined
  const e = (body as { error?: Record<string, unknown> }).error
  const shaped =
    typeof e === 'object' &&
    e !== null &&
    typeof e.errorKey === 'string' &&
    e.statusCode === a.status &&
    typeof e.briefSummary === 'string' &&
    typeof e.stackTrace === 'string' &&
    typeof e.descriptionURL === 'string' &&
    typeof e.logId === 'string'
  if (!shaped) return `answered ${a.status} without ACS's error body: ${a.text.slice(0, 300)}`
  if (!a.contentType.startsWith('application/json')) return `answered ${a.status} with Content-Type ${a.contentType}`
  return undefined
}

/** Ids worth aiming at later: what a successful create or login answered. */
export function learn(known: Known, req: FuzzRequest, a: Answer): void {
  if (a.status !== 201 && a.status !== 202) return
  let id: unknown
  try {
    id = (JSON.parse(a.text) as { entry?: { id?: unknown } }).entry?.id
  } catch {
    return
  }
  if (typeof id !== 'string') return
  const list = a.status === 202 ? known.downloadIds : req.url.includes('/tickets') ? known.tickets : known.nodeIds
  if (list.length < 200) list.push(id)
}

const CORE = '/alfresco/api/-default-/public/alfresco/versions/1'
const ADMIN = { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read freely, as in test/support/http.ts
async function json(mock: Fetcher, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const headers = body === undefined ? ADMIN : { ...ADMIN, 'content-type': 'application/json' }
  const res = await mock.fetch(new Request(`http://mock${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }))
  const text = await res.text()
  return { status: res.status, json: text ? JSON.parse(text) : undefined }
}

/**
 * After the run: every folder still lists with properties and paths (no poison node), and a
 * download of files found there (or of a file made now) completes and its ZIP opens and checks.
 */
export async function expectIntactState(mock: Fetcher, advance: (ms: number) => void): Promise<void> {
  // A scenario the run activated (a 418 for status polls, say) is no damage to the state.
  expect((await mock.fetch(new Request('http://mock/__mock/scenario', { method: 'DELETE' }))).status).toBe(204)
  const files: string[] = []
  const folders = ['-root-']
  for (let i = 0; i < folders.length && i < 300; i++) {
    const r = await json(mock, 'GET', `${CORE}/nodes/${folders[i]}/children?include=properties,path,aspectNames,allowableOperations&maxItems=200`)
    expect(r.status, `listing ${folders[i]}`).toBe(200)
    for (const { entry } of r.json.list.entries as { entry: { id: string; isFolder: boolean; content?: { sizeInBytes: number } } }[]) {
      expect((await json(mock, 'GET', `${CORE}/nodes/${entry.id}?include=path,properties`)).status, `reading ${entry.id}`).toBe(200)
      if (entry.isFolder) folders.push(entry.id)
      else if (entry.content && entry.content.sizeInBytes < 1024 * 1024 && files.length < 5) files.push(entry.id)
    }
  }
  if (files.length === 0) {
    const made = await json(mock, 'POST', `${CORE}/nodes/-my-/children`, { name: 'after-fuzz.txt', nodeType: 'cm:content' })
    expect(made.status).toBe(201)
    files.push(made.json.entry.id)
  }
  const created = await json(mock, 'POST', `${CORE}/downloads`, { nodeIds: files })
  expect(created.status, JSON.stringify(created.json)).toBe(202)
  // Enough for the default progression, short of the cleaner's hour.
  advance(60_000)
  const status = await json(mock, 'GET', `${CORE}/downloads/${created.json.entry.id}`)
  expect(status.json.entry).toMatchObject({ status: 'DONE', filesAdded: files.length })
  const zip = await mock.fetch(new Request(`http://mock${CORE}/nodes/${created.json.entry.id}/content`, { headers: ADMIN }))
  expect(zip.status).toBe(200)
  const entries = await unzip(new Uint8Array(await zip.arrayBuffer()))
  expect(entries.filter((e) => !e.isDirectory)).toHaveLength(files.length)
}
