import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigFileError } from '../../src/errors.js'
import { loadFixtures } from '../../src/fixtures/load.js'
import { createAlfrescoMock } from '../../src/index.js'
import { PACKAGED_FIXTURES_DIR } from '../../src/paths.js'
import { basic, expectAlfrescoError, fixtureNode, get, post, put } from '../support/http.js'

const ctx = { packagedDir: PACKAGED_FIXTURES_DIR, defaultDate: Date.UTC(2020, 0, 1) }
const users = [{ id: 'admin', password: 'admin', admin: true }]

/** The problems a YAML text has, as `file:line` and message. */
function problemsOf(yaml: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'fixtures-model-'))
  const file = join(dir, 'f.yaml')
  writeFileSync(file, yaml)
  try {
    loadFixtures(file, ctx)
  } catch (e) {
    if (!(e instanceof ConfigFileError)) throw e
    return e.problems.map((p) => `${p.file.split(':').at(-1)} ${p.path}: ${p.message}`)
  }
  return []
}

describe('content-model checks of fixture files', () => {
  it('reports unknown types, aspects, properties and bad values, each at its line', () => {
    const problems = problemsOf(`users: [{ id: admin, password: admin, admin: true }]
nodes:
  - name: a.txt
    content: ''
    type: cm:nope
  - name: b.txt
    content: ''
    aspects: [cm:titled, cm:bogus]
  - name: c.jpg
    content: ''
    properties: { exif:pixelXDimension: wide, cm:zzz: 1 }
  - name: Folder
    type: cm:content
    children: []
  - name: d.txt
    content: ''
    lock: { owner: nobody }
`)
    expect(problems).toEqual([
      '5 nodes[0].type: unknown type "cm:nope". Please name one of ACS\'s types or declare it in models.',
      '8 nodes[1].aspects[1]: Unknown aspect: cm:bogus, as ACS would answer. Please fix it.',
      '11 nodes[2].properties["exif:pixelXDimension"]: For input string: "wide", as ACS would answer. Please fix it.',
      '11 nodes[2].properties["cm:zzz"]: Unknown property: cm:zzz, as ACS would answer. Please fix it.',
      '13 nodes[3].type: "cm:content" is not cm:folder or a subtype of it, as a folder needs. Please pick a cm:folder type.',
      '17 nodes[4].lock.owner: unknown user "nobody". Please add it to users.',
    ])
  })

  it('reports a custom model whose classes do not hang together', () => {
    const problems = problemsOf(`models:
  - name: acme:m
    namespaces: [{ uri: "http://acme.example/1.0", prefix: acme }]
    types:
      - { name: other:t, parent: cm:nope }
      - { name: acme:t, parent: cm:titled, mandatoryAspects: [acme:missing], properties: [{ name: acme:p, type: d:weird }] }
      - { name: cm:folder, parent: cm:cmobject }
`)
    expect(problems.map((p) => p.replace(/^\d+ /, ''))).toEqual([
      'models[0].types[0].name: "other:t" uses the prefix "other", which this model does not declare. Please add it to namespaces or rename the class.',
      'models[0].types[0].parent: unknown type "cm:nope". Please name one of ACS\'s or declare it in models.',
      'models[0].types[1].parent: unknown type "cm:titled". Please name one of ACS\'s or declare it in models.',
      'models[0].types[1].mandatoryAspects[0]: unknown aspect "acme:missing". Please name one of ACS\'s or declare it in models.',
      'models[0].types[1].properties[0].type: unknown data type "d:weird". Please use one of d:text, d:mltext, d:int, d:long, d:float, d:double, d:date, d:datetime, d:boolean, d:noderef, d:category, d:qname, d:locale, d:any.',
      'models[0].types[2].name: "cm:folder" uses the prefix "cm", which this model does not declare. Please add it to namespaces or rename the class.',
      'models[0].types[2].name: "cm:folder" is already defined. Please give each type and aspect its own name.',
    ])
  })

  it('accepts an object fixture with a model, and serves it through the dictionary', async () => {
    const mock = createAlfrescoMock({
      clock: 'manual',
      fixtures: {
        users,
        models: [{ name: 'x:m', namespaces: [{ uri: 'http://x.example/1.0', prefix: 'x' }], types: [{ name: 'x:doc', parent: 'cm:content', properties: [{ name: 'x:code', type: 'd:text', mandatory: true, enforced: true, regex: '[A-Z]{3}' }] }] }],
        nodes: [{ name: 'D', children: [] }],
      },
    })
    expect((await get(mock, '/types/x:doc')).json.entry.model).toEqual({ id: 'x:m', namespaceUri: 'http://x.example/1.0', namespacePrefix: 'x' })
    // Enforced mandatory properties and REGEX constraints are ACS's integrity check: 422.
    const missing = expectAlfrescoError(await post(mock, '/nodes/-root-/children?relativePath=D', { name: 'a.txt', nodeType: 'x:doc' }, { invalidRequest: true }), 422)
    expect(missing.briefSummary).toContain('Mandatory property not set: \n   Node: workspace://SpacesStore/')
    const bad = expectAlfrescoError(await post(mock, '/nodes/-root-/children', { name: 'b.txt', nodeType: 'x:doc', relativePath: 'D', properties: { 'x:code': 'abc' } }), 422)
    expect(bad.briefSummary).toContain("Constraint: Value 'abc' does not match regular expression: [A-Z]{3}")
    expect((await post(mock, '/nodes/-root-/children', { name: 'c.txt', nodeType: 'x:doc', relativePath: 'D', properties: { 'x:code': 'ABC' } })).status).toBe(201)
  })
})

describe("the README's content-model example", () => {
  it('loads, and its model and node work as the README says', async () => {
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8')
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => b.includes('name: acme:orders'))
    expect(blocks).toHaveLength(1)
    const dir = mkdtempSync(join(tmpdir(), 'fixtures-model-'))
    writeFileSync(join(dir, 'orders.yaml'), `users: [{ id: admin, password: admin, admin: true }]\n${blocks[0]!}`)
    const mock = createAlfrescoMock({ clock: 'manual', fixtures: join(dir, 'orders.yaml') })
    const order = fixtureNode(mock, 'Orders/o-1.txt')
    const r = await get(mock, `/nodes/${order.id}`)
    expect(r.json.entry.properties).toEqual({ 'acme:number': 'ORD-1', 'acme:total': 12.5, 'acme:state': 'open' })
    expect(r.json.entry.aspectNames).toEqual(['cm:auditable', 'cm:titled'])
    expectAlfrescoError(await put(mock, `/nodes/${order.id}`, { properties: { 'acme:number': 'X-1' } }), 422)
    expectAlfrescoError(await put(mock, `/nodes/${order.id}`, { properties: { 'acme:total': '-1' } }, { invalidRequest: true }), 422)
    const shipped = await put(mock, `/nodes/${order.id}`, { aspectNames: ['acme:shippable'], properties: { 'acme:carrier': 'ACME Post' } })
    expect(shipped.json.entry.aspectNames).toEqual(['cm:auditable', 'cm:titled', 'acme:shippable'])
  })
})

describe('the default fixtures show a custom model, typed properties and a lock', () => {
  const mock = createAlfrescoMock({ clock: 'manual' })

  it('serves the acme:contract file with its defaults, its mandatory aspect and the LIST constraint', async () => {
    const nda = fixtureNode(mock, 'Shared/Contracts/nda-0001.txt')
    const r = await get(mock, `/nodes/${nda.id}`)
    expect(r.json.entry).toMatchObject({ nodeType: 'acme:contract', isFile: true, properties: { 'acme:number': 'NDA-0001', 'acme:value': 0, 'acme:status': 'draft', 'acme:reviewer': 'bob' } })
    expect(r.json.entry.aspectNames).toEqual(['cm:auditable', 'acme:reviewable'])
    const e = expectAlfrescoError(await put(mock, `/nodes/${nda.id}`, { properties: { 'acme:status': 'lost' } }), 422)
    expect(e.briefSummary).toContain('Constraint: The value is not an allowed value: lost')
    mock.reset()
  })

  it('serves logo.png with typed exif properties', async () => {
    const r = await get(mock, `/nodes/${fixtureNode(mock, 'Shared/Images/logo.png').id}`)
    expect(r.json.entry.properties).toEqual({ 'cm:author': 'ACME Design', 'exif:pixelXDimension': 1, 'exif:pixelYDimension': 1, 'exif:dateTimeOriginal': '2024-01-10T08:30:00.000+0000' })
    expect(r.json.entry.aspectNames).toEqual(['cm:auditable', 'cm:author', 'exif:exif'])
  })

  it("locks policy.txt for alice, FULL, for an hour of the mock's clock", async () => {
    const policy = fixtureNode(mock, 'Shared/Contracts/policy.txt')
    const r = await get(mock, `/nodes/${policy.id}?include=isLocked`, { auth: basic('alice', 'alice') })
    expect(r.json.entry.isLocked).toBe(true)
    expect(r.json.entry.properties['cm:lockOwner']).toEqual({ id: 'alice', displayName: 'Alice Example' })
    expectAlfrescoError(await put(mock, `/nodes/${policy.id}`, { properties: { 'cm:title': 'x' } }), 409)
    mock.clock.advance(3_600_000)
    expect((await put(mock, `/nodes/${policy.id}`, { properties: { 'cm:title': 'x' } })).status).toBe(200)
    mock.reset()
  })

  it('types Sites as st:sites, which ACS refuses to lock or move', async () => {
    const sites = fixtureNode(mock, 'Sites')
    expect((await get(mock, `/nodes/${sites.id}`)).json.entry.nodeType).toBe('st:sites')
    expectAlfrescoError(await post(mock, `/nodes/${sites.id}/move`, { targetParentId: '-shared-' }), 403)
  })
})
