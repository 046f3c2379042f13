import { afterEach, describe, expect, it } from 'vitest'
import { ConfigFileError } from '../../src/errors.js'
import { createAlfrescoMock } from '../../src/index.js'
import type { MockNode } from '../../src/store/types.js'
import { call, del, expectAlfrescoError, fixtureNode, get, post, put } from '../support/http.js'
import { unzip } from '../support/unzip.js'

// Regression tests of issue 8, items 1, 3, 4 and 8: each asserts the exact answer.
const mock = createAlfrescoMock({ clock: 'manual', ids: 'sequential' })
afterEach(() => mock.reset())

const JSON_HEADERS = { 'content-type': 'application/json' }
const nested = (depth: number, leaf = '"x"'): string => '['.repeat(depth) + leaf + ']'.repeat(depth)
const nestedObject = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
const control = (method: string, path: string, body?: string) => call(mock, method, `/__mock${path}`, { base: 'none', body, auth: null })
const JACKSON_DEPTH = (depth: number) =>
  `Could not read content from HTTP request body: Document nesting depth (${depth}) exceeds the maximum allowed (1000, from \`StreamReadConstraints.getMaxNestingDepth()\`)`

describe('deeply nested YAML and JSON (item 1)', () => {
  const BLOCK = `${'- '.repeat(1000)}x\n`
  const DEPTH_PROBLEM =
    'the document nests deeper than 256 levels. Please flatten it: fixture and scenario files may nest 256 levels at most.'

  it('answers PUT /__mock/scenario with a 1,000-deep document 400 every time, and stays up', async () => {
    for (let i = 0; i < 3; i++) {
      const e = expectAlfrescoError(await control('PUT', '/scenario', BLOCK), 400, 'framework.exception.InvalidArgument')
      expect(e.briefSummary).toMatch(/^\d{8} Failed to load scenario "<request body>": 1 problem:\n {2}- <request body>:1: the document nests deeper than 256 levels\./)
    }
    const flow = expectAlfrescoError(await control('PUT', '/scenarios/deep', nested(5_000)), 400)
    expect(flow.briefSummary).toContain(`<request body>:1: ${DEPTH_PROBLEM}`)
    expect((await control('GET', '/health')).json.status).toBe('UP')
    expect(mock.scenario).toBeUndefined()
  })

  it('refuses a deep scenario or fixture object handed to the API, naming the problem', () => {
    let deep: Record<string, unknown> = {}
    for (let i = 0; i < 10_000; i++) deep = { a: deep }
    const scenario = { faults: [{ match: {}, respond: { status: 503, body: deep } }] }
    expect(() => mock.useScenario(scenario)).toThrow(ConfigFileError)
    expect(() => mock.registerScenario(scenario, 'deep')).toThrow(`Failed to load scenario "<object>": 1 problem:\n  - <object>: ${DEPTH_PROBLEM}`)
    expect(() => createAlfrescoMock({ fixtures: { nodes: [{ name: 'a', children: [], properties: { 'cm:x': deep } }] } })).toThrow(
      `Failed to load fixtures "<object>": 1 problem:\n  - <object>: ${DEPTH_PROBLEM}`,
    )
  })

  it('refuses aliases that expand past the depth limit, before yaml builds the value', () => {
    const lines = ['a0: &a0 [x]', ...Array.from({ length: 300 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}]`)]
    const e = expectAlfrescoError
    return control('PUT', '/scenario', lines.join('\n')).then((r) => {
      expect(e(r, 400).briefSummary).toContain(`<request body>: with its aliases expanded, ${DEPTH_PROBLEM}`)
    })
  })

  it("answers a request body nested past Jackson's 1,000 levels with ACS's 400, and one within it normally", async () => {
    const deep = await call(mock, 'POST', '/downloads', { body: `{"nodeIds":${nested(1_000)}}`, headers: JSON_HEADERS })
    expectAlfrescoError(deep, 400, JACKSON_DEPTH(1_001))
    const within = await call(mock, 'POST', '/downloads', { body: `{"nodeIds":${nested(998)}}`, headers: JSON_HEADERS })
    const e = expectAlfrescoError(within, 400, 'framework.exception.InvalidArgument')
    expect(e.briefSummary).toMatch(/^\d{8} Failed to create the download: nodeIds\[0\] is \[\[\[.*\]\]\], not a string\. Please send/)
    const tickets = await call(mock, 'POST', '/tickets', { base: 'auth', auth: null, body: nestedObject(2_000), headers: JSON_HEADERS })
    expectAlfrescoError(tickets, 400, JACKSON_DEPTH(1_001))
  })
})

describe('deep structures (item 3)', () => {
  const children = (id: string) => `/nodes/${id}/children`

  it("refuses properties nested past 1,000 levels with Jackson's 400 and creates nothing; within them the content model answers", async () => {
    const before = mock.store.size
    const body = `{"name":"deep.txt","nodeType":"cm:content","properties":{"cm:description":${nestedObject(999)}}}`
    expectAlfrescoError(await call(mock, 'POST', children('-shared-'), { body, headers: JSON_HEADERS }), 400, JACKSON_DEPTH(1_001))
    expect(mock.store.size).toBe(before)

    // Within the limit the content model decides (cm:description is d:mltext: no object converts to it).
    const within = `{"name":"deep.txt","nodeType":"cm:content","properties":{"cm:description":${nestedObject(997)}}}`
    const refused = await call(mock, 'POST', children('-shared-'), { body: within, headers: JSON_HEADERS })
    expectAlfrescoError(refused, 400)
    expect(mock.store.size).toBe(before)
    expect((await get(mock, `${children('-shared-')}?include=properties`)).status).toBe(200)
  })

  it('creates no relativePath folder when the node itself is refused', async () => {
    const before = mock.store.size
    const r = await post(mock, children('-shared-'), { name: 'bad:name', nodeType: 'cm:content', relativePath: 'New/Deeper' })
    expect(r.status).toBe(422)
    expect(mock.store.size).toBe(before)
    expect(mock.store.lookupPath(mock.store.rootId, 'Shared/New')).toBeUndefined()
  })

  /** A chain of `depth` folders named "d" below Shared, added to the store directly (fast). */
  const chain = (depth: number): MockNode[] => {
    let parent = fixtureNode(mock, 'Shared')
    const out: MockNode[] = []
    for (let i = 0; i < depth; i++) {
      const node: MockNode = { ...parent, id: `chain-${i}`, name: 'd', parentId: parent.id, aspectNames: [], properties: {}, system: false }
      delete node.alias
      delete node.readers
      delete node.writers
      mock.store.add(node)
      out.push(node)
      parent = node
    }
    return out
  }

  it('deletes a chain 20,000 folders deep', async () => {
    const before = mock.store.size
    chain(20_000)
    expect(mock.store.size).toBe(before + 20_000)
    expect((await del(mock, '/nodes/chain-0')).status).toBe(204)
    expect(mock.store.size).toBe(before)
  })

  it('shows the path of a node 5,000 folders deep and zips the whole chain', async () => {
    const nodes = chain(5_000)
    const deepest = (await get(mock, `/nodes/${nodes.at(-1)!.id}?include=path`)).json.entry
    expect(deepest.path.elements).toHaveLength(5_000 + 1) // Company Home, Shared, and 4,999 "d"
    expect(deepest.path.name).toBe(`/Company Home/Shared${'/d'.repeat(4_999)}`)
    const created = await post(mock, '/downloads', { nodeIds: ['chain-0'] })
    mock.clock.advance(60_000)
    expect((await get(mock, `/downloads/${created.json.entry.id}`)).json.entry).toMatchObject({ status: 'DONE', totalFiles: 0 })
    const zip = await get(mock, `/nodes/${created.json.entry.id}/content`)
    const names = (await unzip(zip.bytes)).map((e) => e.name)
    expect(names).toHaveLength(5_000)
    expect([names[0], names[4_999]]).toEqual(['d/', 'd/'.repeat(5_000)])
  })
})

describe('names from requests on plain objects (item 4)', () => {
  // A prototype name is answered exactly as any other unknown name: whatever that answer is.
  const same = async (path: (name: string) => string) => {
    const reference = await get(mock, path('cm:nosuchproperty'), { invalidRequest: true })
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '__defineGetter__', 'prototype']) {
      const r = await get(mock, path(name), { invalidRequest: true })
      expect([name, r.status, r.json?.error?.errorKey]).toEqual([name, reference.status, reference.json?.error?.errorKey])
      if (r.status === 200) expect(r.json.list.entries.map((e: { entry: { id: string } }) => e.entry.id)).toEqual(reference.json.list.entries.map((e: { entry: { id: string } }) => e.entry.id))
    }
    expect(reference.status).toBeLessThan(500)
  }

  it('sorts by orderBy=__proto__ ASC (and other prototype names) as by any unknown property', () =>
    same((n) => `/nodes/-shared-/children?orderBy=${encodeURIComponent(`${n} ASC`)}`))

  it('filters fields and include by prototype names as by any unknown one', async () => {
    await same((n) => `/nodes/-shared-/children?fields=${encodeURIComponent(n)}`)
    await same((n) => `/nodes/-shared-/children?include=${encodeURIComponent(n)}`)
    const entry = (await get(mock, '/nodes/-root-?fields=__proto__,constructor,id', { invalidRequest: true })).json.entry
    expect(Object.keys(entry)).toEqual(['id'])
    expect(Object.getPrototypeOf(entry)).toBe(Object.prototype)
  })

  it('refuses a property named __proto__ as an unknown property, without touching any prototype', async () => {
    const r = await call(mock, 'POST', '/nodes/-shared-/children', {
      body: '{"name":"p.txt","nodeType":"cm:content","properties":{"__proto__":{"polluted":true}}}',
      headers: JSON_HEADERS,
    })
    expectAlfrescoError(r, 400, 'Unknown property: __proto__')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('control characters in names (item 8)', () => {
  const refused = (code: string, index: number) => `Name must not contain control characters (${code} at index ${index})`

  it('refuses NUL, CR, LF, DEL and C1 characters in a JSON create, and creates nothing', async () => {
    const before = mock.store.size
    for (const [name, code, index] of [['a\u0000b', 'U+0000', 1], ['\rx', 'U+000D', 0], ['x\n', 'U+000A', 1], ['a\u007f', 'U+007F', 1], ['a\u0085', 'U+0085', 1]] as const) {
      expectAlfrescoError(await post(mock, '/nodes/-shared-/children', { name, nodeType: 'cm:content' }), 400, refused(code, index))
    }
    expectAlfrescoError(await post(mock, '/nodes/-shared-/children', { name: 'ok.txt', nodeType: 'cm:content', relativePath: 'A/b\tc' }), 400, refused('U+0009', 1))
    expect(mock.store.size).toBe(before)
  })

  it('refuses them in an upload name and in a rename, leaving the node as it was', async () => {
    const form = new FormData()
    form.append('filedata', new Blob(['x']), 'evil\r\n.txt')
    expectAlfrescoError(await post(mock, '/nodes/-shared-/children', form), 400, refused('U+000D', 4))
    const file = fixtureNode(mock, 'Shared/test-file-1.txt')
    const r = await put(mock, `/nodes/${file.id}/content?name=${encodeURIComponent('re\nport.txt')}`, 'new bytes', { headers: { 'content-type': 'text/plain' } })
    expectAlfrescoError(r, 400, refused('U+000A', 2))
    expect(fixtureNode(mock, 'Shared/test-file-1.txt').id).toBe(file.id)
    expectAlfrescoError(await put(mock, `/nodes/${file.id}`, { name: 'a\u0000b' }), 400, refused('U+0000', 1))
    expectAlfrescoError(await post(mock, `/nodes/${file.id}/copy`, { targetParentId: fixtureNode(mock, 'Shared').id, name: 'c\rd' }), 400, refused('U+000D', 1))
    expect(fixtureNode(mock, 'Shared/test-file-1.txt').id).toBe(file.id)
    expect((await get(mock, `/nodes/${file.id}/content`)).text).toBe('This is test file number 1.\n')
  })

  it('refuses them in fixture names, as any other fixture problem', () => {
    expect(() => createAlfrescoMock({ fixtures: { nodes: [{ name: 'a\nb', children: [] }] } })).toThrow(
      '  - <object> at nodes[0].name: "a\\nb" is not a valid ACS name. Please leave out * " < > \\ / ? : |, control characters, a trailing dot and surrounding spaces.',
    )
  })
})
