import { call, post, type CallResult, type Fetcher } from './http.js'

/** A multipart upload of a text file, as ACA and NodeVersionsApiTest.createTextFile send it. */
export function uploadForm(name: string, text: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData()
  form.set('filedata', new Blob([text], { type: 'text/plain' }), name)
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  return form
}

/** POST a file into a folder (multipart), optionally with the form fields of NodesImpl.upload. */
export function upload(target: Fetcher, parentId: string, name: string, text: string, fields: Record<string, string> = {}, auth?: string): Promise<CallResult> {
  return post(target, `/nodes/${parentId}/children`, uploadForm(name, text, fields), auth ? { auth } : {})
}

/** PUT …/content with a text body, with query parameters such as majorVersion and comment. */
export function putContent(target: Fetcher, nodeId: string, text: string, query = '', auth?: string): Promise<CallResult> {
  return call(target, 'PUT', `/nodes/${nodeId}/content${query}`, { body: text, headers: { 'content-type': 'text/plain' }, ...(auth ? { auth } : {}) })
}
