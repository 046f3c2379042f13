import { HISTORY_CASES } from './cases-history.js'

/**
 * The conformance report's requests: every endpoint the mock implements, success and error
 * cases, in order (later cases use ids earlier ones created). `invalid` marks a request that
 * breaks ACS's spec on purpose: the runtime validator must flag it.
 */
export interface Ctx {
  downloadId?: string
  ticket?: string
  fileId?: string
  folderId?: string
  zipId?: string
  tagId?: string
  commentId?: string
  categoryId?: string
  /** The copy the node-operation cases make, move, lock and unlock. */
  copyId?: string
}

export interface Case {
  /** What the case shows. */
  name: string
  method: string
  /** Relative to the API base (`auth` for tickets), or a function of what earlier cases made. */
  path: string | ((ctx: Ctx) => string)
  base?: 'core' | 'auth'
  body?: unknown
  headers?: Record<string, string>
  /** Basic user:password, `ticket` (the one createTicket made), or null for none. Default admin. */
  auth?: string | null
  status: number
  invalid?: true
  /** Milliseconds to advance the mock's manual clock before the request. */
  advance?: number
  /** Reads what later cases need from the JSON answer. */
  keep?: (json: { entry?: { id?: string } }, ctx: Ctx) => void
}

export const FILE_A = '7279b5c5-da55-4e98-8b12-72d33b90c810'
export const FILE_B = '1cf35d69-f85f-4446-94cd-f31ccf16c2e3'
const ALICE = 'alice:alice'

const auth: Case[] = [
  { name: 'log in', method: 'POST', path: '/tickets', base: 'auth', auth: null, body: { userId: 'admin', password: 'admin' }, status: 201, keep: (j, c) => (c.ticket = j.entry?.id) },
  { name: 'wrong password', method: 'POST', path: '/tickets', base: 'auth', auth: null, body: { userId: 'admin', password: 'nope' }, status: 403 },
  { name: 'no password', method: 'POST', path: '/tickets', base: 'auth', auth: null, body: { userId: 'admin' }, status: 400 },
  { name: 'malformed JSON', method: 'POST', path: '/tickets', base: 'auth', auth: null, body: '{"userId":', status: 400, invalid: true },
  { name: 'a list of logins', method: 'GET', path: '/tickets', base: 'auth', status: 405, invalid: true },
  { name: 'validate the ticket', method: 'GET', path: '/tickets/-me-', base: 'auth', auth: 'ticket', status: 200 },
  { name: 'validate without credentials', method: 'GET', path: '/tickets/-me-', base: 'auth', auth: null, status: 401 },
  { name: 'log out', method: 'DELETE', path: '/tickets/-me-', base: 'auth', auth: 'ticket', status: 204 },
  { name: 'log out again with the dead ticket', method: 'DELETE', path: '/tickets/-me-', base: 'auth', auth: 'ticket', status: 401 },
]

const downloads: Case[] = [
  { name: 'create', method: 'POST', path: '/downloads', body: { nodeIds: [FILE_A, FILE_B] }, status: 202, keep: (j, c) => (c.downloadId = j.entry?.id) },
  { name: 'create with fields', method: 'POST', path: '/downloads?fields=id,status', body: { nodeIds: [FILE_A] }, status: 202, keep: (j, c) => (c.zipId = j.entry?.id) },
  { name: 'no node ids', method: 'POST', path: '/downloads', body: { nodeIds: [] }, status: 400 },
  { name: 'the same id twice', method: 'POST', path: '/downloads', body: { nodeIds: [FILE_A, FILE_A] }, status: 400 },
  { name: 'an unknown node (404, outside the spec, as ACS)', method: 'POST', path: '/downloads', body: { nodeIds: ['no-such-node'] }, status: 404 },
  { name: 'nodeIds missing', method: 'POST', path: '/downloads', body: {}, status: 400, invalid: true },
  { name: 'nodeIds not an array of strings', method: 'POST', path: '/downloads', body: { nodeIds: [1] }, status: 400, invalid: true },
  { name: 'no credentials', method: 'POST', path: '/downloads', auth: null, body: { nodeIds: [FILE_A] }, status: 401 },
  { name: 'status', method: 'GET', path: (c) => `/downloads/${c.downloadId}`, status: 200 },
  { name: 'status with fields', method: 'GET', path: (c) => `/downloads/${c.downloadId}?fields=status`, status: 200 },
  { name: 'an unknown id', method: 'GET', path: '/downloads/no-such-download', status: 404 },
  { name: 'not a download node', method: 'GET', path: `/downloads/${FILE_A}`, status: 400 },
  { name: 'list downloads (ACS has none)', method: 'GET', path: '/downloads', status: 405, invalid: true },
  { name: 'cancel', method: 'DELETE', path: (c) => `/downloads/${c.downloadId}`, status: 202 },
  { name: 'cancel an unknown id', method: 'DELETE', path: '/downloads/no-such-download', status: 404 },
  { name: 'the download node', method: 'GET', path: (c) => `/nodes/${c.zipId}?include=path,properties,allowableOperations,permissions`, status: 200 },
  { name: 'the ZIP before it is DONE', method: 'GET', path: (c) => `/nodes/${c.zipId}/content`, status: 404 },
  { name: 'the ZIP once DONE', method: 'GET', path: (c) => `/nodes/${c.zipId}/content?attachment=true`, advance: 60_000, status: 200 },
  { name: 'status when DONE', method: 'GET', path: (c) => `/downloads/${c.zipId}`, status: 200 },
]

const nodes: Case[] = [
  { name: 'Company Home', method: 'GET', path: '/nodes/-root-', status: 200 },
  { name: 'with include', method: 'GET', path: '/nodes/-root-?include=path,properties,allowableOperations,permissions,isLocked', status: 200 },
  { name: 'by relativePath', method: 'GET', path: '/nodes/-root-?relativePath=Shared', status: 200 },
  { name: "alice's home", method: 'GET', path: '/nodes/-my-', auth: ALICE, status: 200 },
  { name: 'an unknown id', method: 'GET', path: '/nodes/no-such-node', status: 404 },
  { name: 'no credentials', method: 'GET', path: '/nodes/-root-', auth: null, status: 401 },
  { name: 'children', method: 'GET', path: '/nodes/-shared-/children', status: 200 },
  { name: 'a page of children, ordered, with fields', method: 'GET', path: '/nodes/-root-/children?skipCount=1&maxItems=2&orderBy=name%20DESC&fields=id,name', status: 200 },
  { name: 'children with includeSource', method: 'GET', path: '/nodes/-root-/children?includeSource=true&include=path', status: 200 },
  { name: 'maxItems 0', method: 'GET', path: '/nodes/-root-/children?maxItems=0', status: 400, invalid: true },
  { name: 'skipCount not a number', method: 'GET', path: '/nodes/-root-/children?skipCount=ten', status: 400, invalid: true },
  { name: 'children filtered by where', method: 'GET', path: `/nodes/-shared-/children?where=${encodeURIComponent("(nodeType='cm:folder INCLUDESUBTYPES')")}`, status: 200 },
  { name: 'a where ACS cannot parse', method: 'GET', path: '/nodes/-shared-/children?where=(isFolder=true', status: 400 },
  { name: 'a where property children do not filter on', method: 'GET', path: `/nodes/-shared-/children?where=${encodeURIComponent("(cm:title='x')")}`, status: 400 },
  { name: 'an orderBy prefix ACS does not know', method: 'GET', path: '/nodes/-shared-/children?orderBy=my:title', status: 400 },
  { name: 'an include ACS cannot parse', method: 'GET', path: '/nodes/-shared-/children?include=path,,', status: 400 },
  { name: 'children of a file', method: 'GET', path: `/nodes/${FILE_A}/children`, status: 400 },
  { name: 'create a folder', method: 'POST', path: '/nodes/-shared-/children', body: { name: 'Conformance', nodeType: 'cm:folder' }, status: 201, keep: (j, c) => (c.folderId = j.entry?.id) },
  { name: 'create a file', method: 'POST', path: '/nodes/-shared-/children?autoRename=true', body: { name: 'c.txt', nodeType: 'cm:content', properties: { 'cm:title': 'C' } }, status: 201, keep: (j, c) => (c.fileId = j.entry?.id) },
  { name: 'upload a file (multipart)', method: 'POST', path: '/nodes/-shared-/children', body: upload(), status: 201 },
  { name: 'a name taken', method: 'POST', path: '/nodes/-shared-/children', body: { name: 'Conformance', nodeType: 'cm:folder' }, status: 409 },
  { name: 'nodeType missing', method: 'POST', path: '/nodes/-shared-/children', body: { name: 'x' }, status: 400, invalid: true },
  { name: 'no write permission', method: 'POST', path: '/nodes/-root-/children', auth: ALICE, body: { name: 'x', nodeType: 'cm:folder' }, status: 403 },
  { name: 'content', method: 'GET', path: `/nodes/${FILE_A}/content`, status: 200 },
  { name: 'content inline', method: 'GET', path: `/nodes/${FILE_A}/content?attachment=false`, status: 200 },
  { name: 'a range of the content', method: 'GET', path: `/nodes/${FILE_A}/content`, headers: { range: 'bytes=0-3' }, status: 206 },
  { name: 'not modified since', method: 'GET', path: `/nodes/${FILE_A}/content`, headers: { 'if-modified-since': 'Fri, 01 Jan 2100 00:00:00 GMT' }, status: 304 },
  { name: 'content of a folder', method: 'GET', path: (c) => `/nodes/${c.folderId}/content`, status: 400 },
  { name: 'content by an alias (ACS resolves none there)', method: 'GET', path: '/nodes/-root-/content', status: 404 },
  { name: 'attachment not a boolean (ACS reads it as false)', method: 'GET', path: `/nodes/${FILE_A}/content?attachment=yes`, status: 200, invalid: true },
  { name: 'update content', method: 'PUT', path: (c) => `/nodes/${c.fileId}/content?majorVersion=true`, headers: { 'content-type': 'text/plain' }, body: 'new text', status: 200 },
  { name: 'update content of an unknown node', method: 'PUT', path: '/nodes/no-such-node/content', headers: { 'content-type': 'text/plain' }, body: 'x', status: 404 },
  { name: 'delete', method: 'DELETE', path: (c) => `/nodes/${c.fileId}`, status: 204 },
  { name: 'delete permanently, not the owner', method: 'DELETE', path: `/nodes/${FILE_B}?permanent=true`, auth: ALICE, status: 403 },
  { name: 'delete an unknown node', method: 'DELETE', path: '/nodes/no-such-node', status: 404 },
  { name: 'an operation the mock does not implement (501)', method: 'POST', path: `/nodes/${FILE_A}/checkout`, status: 501 },
  { name: 'a path outside the spec', method: 'GET', path: '/no/such/path', status: 501, invalid: true },
]

function upload(): FormData {
  const form = new FormData()
  form.set('filedata', new Blob(['uploaded'], { type: 'text/plain' }), 'upload.txt')
  form.set('autoRename', 'true')
  return form
}

// PUT, copy, move, lock, unlock (NodeApiTest testUpdateNodeInfo, testCopy, testMove, testLock, testUnlock).
const operations: Case[] = [
  { name: 'rename and retitle', method: 'PUT', path: (c) => `/nodes/${c.folderId}?include=definition`, body: { name: 'Conformance 2', properties: { 'cm:title': 'T' } }, status: 200 },
  { name: 'an unknown property', method: 'PUT', path: (c) => `/nodes/${c.folderId}`, body: { properties: { 'cm:xyz': 'x' } }, status: 400 },
  { name: 'generalise the type', method: 'PUT', path: (c) => `/nodes/${c.folderId}`, body: { nodeType: 'cm:cmobject' }, status: 400 },
  { name: 'a name taken', method: 'PUT', path: (c) => `/nodes/${c.folderId}`, body: { name: 'Projects' }, status: 409 },
  { name: 'update an unknown node', method: 'PUT', path: '/nodes/no-such-node', body: { name: 'x' }, status: 404 },
  { name: 'copy a file', method: 'POST', path: `/nodes/${FILE_A}/copy`, body: { targetParentId: '-shared-', name: 'copy.txt' }, status: 201, keep: (j, c) => (c.copyId = j.entry?.id) },
  { name: 'copy onto a name taken', method: 'POST', path: `/nodes/${FILE_A}/copy`, body: { targetParentId: '-shared-' }, status: 409 },
  { name: 'copy without a target', method: 'POST', path: `/nodes/${FILE_A}/copy`, body: { name: 'x' }, status: 400, invalid: true },
  { name: 'move the copy', method: 'POST', path: (c) => `/nodes/${c.copyId}/move`, body: { targetParentId: '-my-' }, status: 200 },
  { name: 'move into a file', method: 'POST', path: (c) => `/nodes/${c.copyId}/move`, body: { targetParentId: FILE_A }, status: 400 },
  { name: 'lock', method: 'POST', path: (c) => `/nodes/${c.copyId}/lock?include=isLocked`, body: { type: 'FULL', timeToExpire: 60 }, status: 200 },
  { name: 'lock, by another user', method: 'POST', path: (c) => `/nodes/${c.copyId}/lock`, auth: 'bob:bob', body: {}, status: 403 },
  { name: 'update a locked node', method: 'PUT', path: (c) => `/nodes/${c.copyId}`, body: { name: 'y.txt' }, status: 409 },
  { name: 'lock a folder', method: 'POST', path: (c) => `/nodes/${c.folderId}/lock`, body: {}, status: 400 },
  { name: 'a bad lock type', method: 'POST', path: (c) => `/nodes/${c.copyId}/lock`, body: { type: 'FULL123' }, status: 400, invalid: true },
  { name: 'unlock', method: 'POST', path: (c) => `/nodes/${c.copyId}/unlock`, status: 200 },
  { name: 'unlock what is not locked', method: 'POST', path: (c) => `/nodes/${c.copyId}/unlock`, status: 422 },
]

// The model API (alfresco-model.yaml): TypesImpl, AspectsImpl.
const model: Case[] = [
  { name: 'list types', method: 'GET', path: '/types?maxItems=5', status: 200 },
  { name: 'types of a parent, with properties', method: 'GET', path: "/types?where=(parentId in ('cm:content'))&include=properties,mandatoryAspects", status: 200 },
  { name: 'a type', method: 'GET', path: '/types/cm:content', status: 200 },
  { name: 'an unknown type', method: 'GET', path: '/types/cm:nope', status: 404 },
  { name: 'list aspects of a model', method: 'GET', path: "/aspects?where=(modelId in ('cm:contentmodel'))", status: 200 },
  { name: 'an aspect', method: 'GET', path: '/aspects/cm:titled', status: 200 },
  { name: 'a bad where', method: 'GET', path: "/aspects?where=(namespaceUri matches('*'))", status: 400 },
]

export const CASES: Case[] = [...auth, ...downloads, ...nodes, ...operations, ...model, ...HISTORY_CASES]
