import { post, type Fetcher } from './http.js'

/** A folder made through the API (POST …/children), answering its id. */
export async function newFolder(mock: Fetcher, name: string, parent: string, auth: string): Promise<string> {
  return (await post(mock, `/nodes/${parent}/children`, { name, nodeType: 'cm:folder' }, { auth })).json.entry.id as string
}
