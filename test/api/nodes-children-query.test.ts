import { afterEach, describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { expectAlfrescoError, fixtureNode, get, post } from '../support/http.js'

// GET /nodes/{id}/children's where and orderBy through HTTP, as NodesImpl.listChildren answers them
// (remote-api/src/test/java/org/alfresco/rest/api/tests/NodeApiTest.java: testListChildrenIsFileIsFolderFilter,
// testListChildren, the nodeType cases of testCreateLinkNode/testListChildrenWithAssocType).

const mock = createAlfrescoMock({ clock: 'manual' })
const apollo = () => fixtureNode(mock, 'Shared/Projects/Apollo').id
const q = (s: string) => encodeURIComponent(s)
const names = (r: { json: { list: { entries: { entry: { name: string } }[] } } }) => r.json.list.entries.map((e) => e.entry.name)
const children = (query: string) => get(mock, `/nodes/${apollo()}/children?${query}`)

afterEach(() => mock.reset())

describe('where on children', () => {
  it.each<[string, string[]]>([
    ['(isFolder=true)', ['Specs']],
    ['(isFile=true)', ['budget.csv', 'plan.md']],
    ['(isFolder=true AND isFile=false)', ['Specs']],
    ['(isFile=false)', ['Specs']],
    ['(isFile=false AND isFolder=false)', []],
    ["(nodeType='cm:content')", ['budget.csv', 'plan.md']],
    ["(nodeType='cm:cmobject')", []],
    ["(nodeType='cm:cmobject INCLUDESUBTYPES')", ['Specs', 'budget.csv', 'plan.md']],
    ["(nodeType='cm:folder includeSubTypes')", ['Specs']],
    ["(assocType='cm:contains')", ['Specs', 'budget.csv', 'plan.md']],
    ["(assocType='cm:preferenceImage')", []],
    ['(isPrimary=true)', ['Specs', 'budget.csv', 'plan.md']],
    ['(isPrimary=false)', []],
    // commons-beanutils reads an unknown word as false
    ['(isFolder=maybe)', ['budget.csv', 'plan.md']],
    // keywords in either case; quoted or bare values
    ["(isFolder='true' and nodeType='')", ['Specs']],
  ])('%s → %j', async (where, expected) => {
    const r = await children(`where=${q(where)}`)
    expect(r.status).toBe(200)
    expect(names(r)).toEqual(expected)
  })

  it.each<[string, string, string]>([
    ['(isFile=true AND isFolder=true)', 'Invalid filter (isFile=true and isFolder=true) - a node cannot be both a file and a folder', ''],
    ["(nodeType='cm:folder' AND isFolder=true)", 'Invalid filter - nodeType and isFile/isFolder are mutually exclusive', ''],
    ["(nodeType='my:unknown')", "my:unknown isn't a valid QName. Namespace prefix my is not mapped to a namespace URI", ''],
    ["(nodeType='cm:unknown')", 'Unknown filter nodeType: cm:unknown', ''],
    ["(nodeType='cm:link ')", 'Unknown filter nodeType: cm:link ', ''],
    ["(nodeType='cm:link blah')", 'Unknown filter nodeType: cm:link blah', ''],
    ["(assocType='cm:nothing')", 'Unknown assocType: cm:nothing', ''],
    ["(assocType='sys:children')", 'Invalid assocType: sys:children', ''],
    ["(assocType='')", 'Missing assocType', ''],
    ['(NOT isFile=true)', 'Cannot use NOT for EQUALS comparison.', ''],
    ["(isFolder matches('t*'))", 'Cannot use matching for property: isFolder', ''],
    ["(name='x')", 'framework.exception.InvalidProperty', "The property 'name' with value 'x' isn't supported for EQUALS comparison"],
    ['(isFolder=true OR isFile=true)', 'framework.exception.InvalidQuery', 'An invalid WHERE query was received. Unsupported Predicate'],
    ['(EXISTS(isFolder))', 'framework.exception.InvalidQuery', 'An invalid WHERE query was received. Unsupported Predicate'],
    ["(nodeType='my:unknown'", 'framework.exception.InvalidQuery', "An invalid WHERE query was received. (nodeType='my:unknown', Error at char position 22"],
    ['isFolder=true', 'framework.exception.InvalidQuery', 'An invalid WHERE query was received. isFolder=true, Error at char position 0'],
  ])('%s → 400 %s', async (where, key, message) => {
    const e = expectAlfrescoError(await children(`where=${q(where)}`), 400, key)
    expect(e.briefSummary).toMatch(/^\d{8} /)
    expect(e.briefSummary.slice(9)).toBe(message || key)
  })

  it('answers a where of 100,000 nested parentheses with a 400, not a crash', async () => {
    const hostile = '('.repeat(100_000) + 'isFile=true' + ')'.repeat(100_000)
    const e = expectAlfrescoError(await children(`where=${q(hostile)}`), 400, 'framework.exception.InvalidQuery')
    expect(e.briefSummary).toMatch(/, Error at char position 1$/)
  })
})

describe('orderBy on children', () => {
  it.each<[string, string[]]>([
    ['name', ['budget.csv', 'plan.md', 'Specs']],
    ['name DESC', ['Specs', 'plan.md', 'budget.csv']],
    ['isFolder,name desc', ['plan.md', 'budget.csv', 'Specs']],
    ['sizeInBytes DESC', ['budget.csv', 'plan.md', 'Specs']],
    ['mimeType,name', ['Specs', 'budget.csv', 'plan.md']],
    ['cm:name DESC', ['Specs', 'plan.md', 'budget.csv']],
    ['{http://www.alfresco.org/model/content/1.0}name', ['budget.csv', 'plan.md', 'Specs']],
    // An unknown property sorts as null everywhere: the next column decides
    ['cm:nothing,name', ['budget.csv', 'plan.md', 'Specs']],
    // Names that are Object.prototype's own are properties like any other
    ['__proto__ ASC,name', ['budget.csv', 'plan.md', 'Specs']],
    ['constructor,name', ['budget.csv', 'plan.md', 'Specs']],
  ])('%s', async (orderBy, expected) => {
    const r = await children(`orderBy=${q(orderBy)}`)
    expect(r.status).toBe(200)
    expect(names(r)).toEqual(expected)
  })

  it.each<[string, string]>([
    ['name des', "Unknown sort order direction 'DES', expected asc or desc"],
    ['name asc x', "Unknown sort order definition 'name asc x', expected 'field1,field2' or 'field1 asc,field2 desc' or similar"],
    // NodeApiTest.testListChildren: an unmapped prefix in the orderBy
    ['isFolder DESC,cm123:modified DESC', "cm123:modified isn't a valid QName. Namespace prefix cm123 is not mapped to a namespace URI"],
    ['cm:', "cm: isn't a valid QName. A QName must consist of a local name"],
    ['{http://x', "{http://x isn't a valid QName. QName '{http://x' is missing the closing namespace } token"],
  ])('%s → 400', async (orderBy, message) => {
    expectAlfrescoError(await children(`orderBy=${q(orderBy)}`), 400, message)
  })

  it('answers more than three sort properties with GetChildrenCannedQuery’s 500', async () => {
    const e = expectAlfrescoError(await children(`orderBy=${q('name,createdAt,modifiedAt,nodeType')}`), 500, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toMatch(/^\d{8} GetChildren: exceeded maximum number filter\/sort properties: \(max=3, actual=4$/)
    expect((await children(`orderBy=${q('name,createdAt,modifiedAt,name')}`)).status).toBe(200)
  })

  it('answers a column of spaces with 500 and no briefSummary, as ACS (its spec wants one)', async () => {
    const e = expectAlfrescoError(await get(mock, `/nodes/${apollo()}/children?orderBy=name,%20%20`, { validate: false }), 500, 'framework.exception.ApiDefault')
    expect(e).not.toHaveProperty('briefSummary')
  })
})

describe('the framework parameters on every operation', () => {
  it('reads paging, orderBy, where and include before the node is looked up (a 400 before the 404)', async () => {
    for (const query of ['skipCount=x', 'orderBy=a%20b%20c', 'where=x', 'include=,']) {
      expect((await get(mock, `/nodes/nope/children?${query}`)).status).toBe(400)
    }
    expectAlfrescoError(await get(mock, '/nodes/nope/children?skipCount=1'), 404)
  })

  it('checks them on a GET of one node, and on a POST, too', async () => {
    expectAlfrescoError(await get(mock, '/nodes/-root-?maxItems=%2B0'), 400, 'Only positive values supported for maxItems.')
    expectAlfrescoError(await get(mock, '/nodes/-root-?where=(a'), 400, 'framework.exception.InvalidQuery')
    const r = await post(mock, '/nodes/-my-/children?skipCount=-1', { name: 'x', nodeType: 'cm:folder' })
    expectAlfrescoError(r, 400, 'Negative values not supported for skipCount.')
  })

  it('reads + in a query as a space, as the servlet container does', async () => {
    expectAlfrescoError(await children('skipCount=+1'), 400, 'Invalid paging parameter skipCount: 1')
    // ACS's spec says integer; Integer.parseInt takes the sign, and so does the mock.
    const plus = await get(mock, `/nodes/${apollo()}/children?skipCount=%2B1`, { invalidRequest: true })
    expect(plus.json.list.pagination.skipCount).toBe(1)
    expect(names(await children('orderBy=name+DESC'))).toEqual(['Specs', 'plan.md', 'budget.csv'])
  })

  it('takes the first of a repeated parameter, as getParameter does', async () => {
    const r = await get(mock, `/nodes/${apollo()}/children?maxItems=1&maxItems=x&include=path&include=,`, { invalidRequest: true })
    expect(r.json.list.pagination.maxItems).toBe(1)
    expect(r.json.list.entries[0].entry.path).toBeDefined()
  })

  it('answers an include ACS cannot parse with InvalidSelect, and keeps only includes with fields=', async () => {
    const e = expectAlfrescoError(await children(`include=${q('path, isLink')}`), 400, 'framework.exception.InvalidSelect')
    expect(e.briefSummary.slice(9)).toBe('An invalid INCLUDE query was received. Error at char position 7')
    const r = await children('fields=&include=path&maxItems=1')
    expect(Object.keys(r.json.list.entries[0].entry)).toEqual(['path'])
  })

  it('leaves status polls of downloads with fields as they were', async () => {
    const made = await post(mock, '/downloads', { nodeIds: [apollo()] })
    const r = await get(mock, `/downloads/${made.json.entry.id}?fields=id,status`)
    expect(Object.keys(r.json.entry).sort()).toEqual(['id', 'status'])
  })
})
