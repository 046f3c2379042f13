import { afterEach, describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import type { MockNode } from '../../src/store/types.js'
import { basic, expectAlfrescoError, get, fixtureNode } from '../support/http.js'

const mock = createAlfrescoMock({ clock: 'manual' })
const ALICE = basic('alice', 'alice')
const node = (path: string): MockNode => fixtureNode(mock, path)
interface Entry {
  entry: Record<string, unknown> & { name: string }
}
const entries = (r: { json: { list: { entries: Entry[] } } }): Entry[] => r.json.list.entries
const names = (r: { json: { list: { entries: Entry[] } } }): string[] => entries(r).map((e) => e.entry.name)

afterEach(() => mock.reset())

describe('GET /nodes/{nodeId}/children', () => {
  it('lists folders first, then files, each by name, in ACS list envelope', async () => {
    const r = await get(mock, `/nodes/${node('Shared/Projects/Apollo').id}/children`)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    expect(names(r)).toEqual(['Specs', 'budget.csv', 'plan.md'])
    expect(r.json.list.pagination).toEqual({ count: 3, hasMoreItems: false, totalItems: 3, skipCount: 0, maxItems: 100 })
  })

  it('gives minimal entries by default: no aspectNames or properties unless included', async () => {
    const r = await get(mock, `/nodes/${node('Shared/Projects/Apollo').id}/children`)
    const plan = entries(r).find((e) => e.entry.name === 'plan.md')!.entry
    expect(plan).toMatchObject({ nodeType: 'cm:content', isFile: true, content: { mimeType: 'text/x-markdown', sizeInBytes: 44 } })
    expect(plan).not.toHaveProperty('aspectNames')
    expect(plan).not.toHaveProperty('properties')
    const full = await get(mock, `/nodes/${node('Shared/Projects').id}/children?include=aspectNames,properties,path`)
    const apollo = entries(full).find((e) => e.entry.name === 'Apollo')!.entry as unknown as { properties: Record<string, string>; aspectNames: string[]; path: { name: string } }
    expect(apollo.properties).toMatchObject({ 'cm:title': 'Project Apollo', 'cm:description': 'Everything about the Apollo project' })
    expect(apollo.aspectNames).toEqual(expect.arrayContaining(['cm:titled']))
    expect(apollo.path.name).toBe('/Company Home/Shared/Projects')
  })

  it('pages with skipCount and maxItems and reports hasMoreItems', async () => {
    const r = await get(mock, '/nodes/-shared-/children?skipCount=1&maxItems=2')
    const all = names(await get(mock, '/nodes/-shared-/children'))
    expect(names(r)).toEqual(all.slice(1, 3))
    expect(r.json.list.pagination).toEqual({ count: 2, hasMoreItems: true, totalItems: all.length, skipCount: 1, maxItems: 2 })
  })

  // The paging messages are literal sentences in RecognizedParamsExtractor.getPaging, hence their own keys.
  it.each([
    ['skipCount=-1', 'Negative values not supported for skipCount.'],
    ['maxItems=0', 'Only positive values supported for maxItems.'],
    ['maxItems=abc', 'Invalid paging parameter maxItems:abc'],
  ])('answers 400 for %s, the sentence as its errorKey', async (query, message) => {
    const e = expectAlfrescoError(await get(mock, `/nodes/-shared-/children?${query}`), 400, message)
    expect(e.briefSummary).toMatch(new RegExp(`^\\d{8} ${message.replace('.', '\\.')}$`))
  })

  it('leaves out children the caller cannot read', async () => {
    const admin = names(await get(mock, '/nodes/-shared-/children'))
    const alice = names(await get(mock, '/nodes/-shared-/children', { auth: ALICE }))
    expect(admin).toContain('HR Confidential')
    expect(alice).not.toContain('HR Confidential')
    expect(alice.length).toBe(admin.length - 1)
  })

  it('answers 403 for a folder the caller cannot read and 404 for an unknown one', async () => {
    expectAlfrescoError(await get(mock, `/nodes/${node('Shared/HR Confidential').id}/children`, { auth: ALICE }), 403, 'framework.exception.PermissionDenied')
    expectAlfrescoError(await get(mock, '/nodes/nope/children'), 404, 'framework.exception.EntityNotFound')
  })

  it('answers 400 "NodeId of folder is expected" for a file', async () => {
    const file = node('Shared/test-file-1.txt')
    const e = expectAlfrescoError(await get(mock, `/nodes/${file.id}/children`), 400, `NodeId of folder is expected: ${file.id}`)
    expect(e.briefSummary).toMatch(new RegExp(`^\\d{8} NodeId of folder is expected: ${file.id}$`))
  })

  it('lists the folder at relativePath and adds the parent as source when includeSource=true', async () => {
    const r = await get(mock, '/nodes/-shared-/children?relativePath=Projects&includeSource=true')
    expect(names(r)).toEqual(['Apollo', 'Archive'])
    expect(r.json.list.source).toMatchObject({ id: node('Shared/Projects').id, name: 'Projects', isFolder: true })
  })

  it('sorts by orderBy and filters by where, as ACS supports them', async () => {
    const desc = await get(mock, `/nodes/${node('Shared/Projects/Apollo').id}/children?orderBy=name%20DESC`)
    expect(names(desc)).toEqual(['Specs', 'plan.md', 'budget.csv'])
    const files = await get(mock, `/nodes/${node('Shared/Projects/Apollo').id}/children?where=(isFile=true)`)
    expect(names(files)).toEqual(['budget.csv', 'plan.md'])
    const folders = await get(mock, `/nodes/${node('Shared/Projects/Apollo').id}/children?where=${encodeURIComponent("(nodeType='cm:folder')")}`)
    expect(names(folders)).toEqual(['Specs'])
  })

  it('answers 400 for contradictory where filters and for properties it does not filter on', async () => {
    expectAlfrescoError(
      await get(mock, `/nodes/-shared-/children?where=${encodeURIComponent('(isFile=true and isFolder=true)')}`),
      400,
      'Invalid filter (isFile=true and isFolder=true) - a node cannot be both a file and a folder',
    )
    expectAlfrescoError(await get(mock, `/nodes/-shared-/children?where=${encodeURIComponent("(name='x')")}`), 400, 'framework.exception.InvalidProperty')
  })

  it('keeps only the requested fields in each entry', async () => {
    const r = await get(mock, '/nodes/-shared-/children?fields=id,name&maxItems=1')
    expect(Object.keys(r.json.list.entries[0].entry).sort()).toEqual(['id', 'name'])
  })

  it('works for a bodiless GET that declares Content-Type: application/json', async () => {
    const r = await get(mock, '/nodes/-root-/children', { headers: { 'content-type': 'application/json' } })
    expect(r.status).toBe(200)
    expect(names(r)).toContain('Shared')
  })
})
