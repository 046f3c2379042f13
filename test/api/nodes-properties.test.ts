import { afterEach, describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { basic, expectAlfrescoError, get, post, put } from '../support/http.js'

// silent: one test provokes ACS's 500, which the mock would log as a server error.
const mock = createAlfrescoMock({ clock: 'manual', logLevel: 'silent' })
const ALICE = basic('alice', 'alice')
afterEach(() => mock.reset())

const create = (body: Record<string, unknown>, o = {}) => post(mock, '/nodes/-shared-/children', { nodeType: 'cm:content', ...body }, o)

describe('properties and aspects on create, against the dictionary (NodesImpl.createNode)', () => {
  // NodeApiTest testUpdateNodeInfo: "fail on unknown property" / "unknown aspect" (create validates alike).
  it('refuses an unknown property, aspect or namespace with the sentence as errorKey', async () => {
    expectAlfrescoError(await create({ name: 'a.txt', properties: { 'cm:xyz': 'x' } }), 400, 'Unknown property: cm:xyz')
    expectAlfrescoError(await create({ name: 'a.txt', properties: { title: 'x' } }), 400, 'Unknown property: title')
    expectAlfrescoError(await create({ name: 'a.txt', aspectNames: ['cm:unknownAspect'] }), 400, 'Unknown aspect: cm:unknownAspect')
    expectAlfrescoError(await create({ name: 'a.txt', aspectNames: ['cm:title'] }), 400, 'Unknown aspect: cm:title')
    const e = expectAlfrescoError(await create({ name: 'a.txt', properties: { 'zz:x': 1 } }), 400)
    expect(e.errorKey).toBe("zz:x isn't a valid QName. Namespace prefix zz is not mapped to a namespace URI")
  })

  // NodesImpl.validateProperties / validateAspects: sys and cm:auditable are the repository's.
  it('refuses sys: and cm:auditable properties as IllegalArgumentException (ApiDefault, no log number)', async () => {
    const e = expectAlfrescoError(await create({ name: 'a.txt', properties: { 'cm:created': '2020-01-01' } }), 400, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toBe('Cannot be used by API: cm:created')
    const sys = expectAlfrescoError(await create({ name: 'a.txt', aspectNames: ['sys:hidden'] }), 400, 'framework.exception.ApiDefault')
    expect(sys.briefSummary).toBe('NameSpace cannot be used by API: sys:hidden')
  })

  it('accepts the full {uri}local form and stores the prefixed name', async () => {
    const r = await create({ name: 'a.txt', properties: { '{http://www.alfresco.org/model/content/1.0}title': 'T' } })
    expect(r.json.entry.properties).toEqual({ 'cm:title': 'T' })
  })

  // NodeApiTest testUpdateNodeInfo (REPO-473, REPO-1635) and DefaultTypeConverter.
  it('converts values to their data types and writes them back typed', async () => {
    const r = await create({
      name: 'photo.jpg',
      properties: { 'exif:pixelYDimension': '123', 'exif:dateTimeOriginal': '2016-11-21T16:26:19.037+0000', 'exif:flash': 'TRUE', 'cm:latitude': '51.5', 'exif:fNumber': 2.8 },
    })
    expect(r.status).toBe(201)
    expect(r.json.entry.properties).toMatchObject({ 'exif:pixelYDimension': 123, 'exif:dateTimeOriginal': '2016-11-21T16:26:19.037+0000', 'exif:flash': true, 'cm:latitude': 51.5, 'exif:fNumber': 2.8 })
    // Setting a property adds the aspect that declares it.
    expect(r.json.entry.aspectNames).toEqual(expect.arrayContaining(['cm:auditable', 'exif:exif', 'cm:geographic']))
  })

  it('reads dates in any ISO 8601 form and writes them in UTC', async () => {
    const r = await create({ name: 'a.jpg', properties: { 'exif:dateTimeOriginal': '2016-11-21T17:26:19+01:00' } })
    expect(r.json.entry.properties['exif:dateTimeOriginal']).toBe('2016-11-21T16:26:19.000+0000')
  })

  it.each([
    ['exif:pixelYDimension', 'my unknown property', 'For input string: "my unknown property"'],
    ['exif:pixelYDimension', '2147483648', 'For input string: "2147483648"'],
    ['exif:exposureTime', 'fast', 'For input string: "fast"'],
  ])('answers 400 for %s = %j as the number parse fails (%s)', async (prop, value, summary) => {
    const e = expectAlfrescoError(await create({ name: 'a.jpg', properties: { [prop]: value } }), 400, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toBe(summary)
  })

  it('answers TypeConversionException as 400 for a date that is no ISO 8601 date, or an object', async () => {
    const e = expectAlfrescoError(await create({ name: 'a.jpg', properties: { 'exif:dateTimeOriginal': '25-11-2016' } }), 400, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toMatch(/^The property value is not compatible with the type defined for the property: \n {3}property: Name: \{http:\/\/www\.alfresco\.org\/model\/exif\/1\.0\}dateTimeOriginal\n/)
    expect(e.briefSummary).toContain('   value: 25-11-2016\n   value type: class java.lang.String')
    const obj = expectAlfrescoError(await create({ name: 'a.txt', properties: { 'cm:title': { a: 1 } } }), 400)
    expect(obj.briefSummary).toContain('value type: class java.util.LinkedHashMap')
  })

  // NodePropertyHelper: a collection on a single-valued property is a DictionaryException (500 in ACS).
  it('answers 500 ApiDefault for a list given to a single-valued property, as ACS does', async () => {
    const e = expectAlfrescoError(await create({ name: 'a.txt', properties: { 'cm:title': ['a', 'b'] } }), 500, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toContain('A single-valued property of this type may not be a collection')
    expect(mock.store.lookupPath(mock.store.rootId, 'Shared/a.txt')).toBeUndefined()
  })

  it('keeps multi-valued properties as lists, a lone value as a one-entry list', async () => {
    const r = await create({ name: 'a.txt', properties: { 'cm:contributor': 'x', 'cm:taggable': ['workspace://SpacesStore/t1', 't2'] } })
    expect(r.status).toBe(201)
    // cm:contributor is single-valued text; cm:taggable a multi-valued d:category list of node ids.
    expect(r.json.entry.properties).toMatchObject({ 'cm:contributor': 'x', 'cm:taggable': ['t1', 't2'] })
  })

  // NodesImpl.validatePropValues and mapFromNodeProperties's person lookup (NodeApiTest testUpdateOwner).
  it('writes cm:owner as {id, displayName} and refuses an unknown owner', async () => {
    const r = await create({ name: 'a.txt', properties: { 'cm:owner': 'bob' } }, { auth: ALICE })
    expect(r.json.entry.properties['cm:owner']).toEqual({ id: 'bob', displayName: 'Bob Builder' })
    expect(r.json.entry.aspectNames).toContain('cm:ownable')
    expectAlfrescoError(await create({ name: 'b.txt', properties: { 'cm:owner': 'nobody' } }), 400, 'Unknown owner: nobody')
  })

  it('refuses an unknown type and a cm:systemfolder, and accepts subtypes of folder and content', async () => {
    expectAlfrescoError(await create({ name: 'x', nodeType: 'cm:systemfolder' }), 400, 'Invalid type: {http://www.alfresco.org/model/content/1.0}systemfolder - cannot be (sub-)type of cm:systemfolder')
    expectAlfrescoError(await create({ name: 'x', nodeType: 'sys:base' }), 400, 'Invalid type: {http://www.alfresco.org/model/system/1.0}base - expected (sub-)type of cm:cmobject')
    const glossary = await create({ name: 'Glossary', nodeType: 'app:glossary' })
    expect(glossary.json.entry).toMatchObject({ nodeType: 'app:glossary', isFolder: true, isFile: false })
    const dict = await create({ name: 'model.xml', nodeType: 'cm:dictionaryModel' })
    expect(dict.json.entry).toMatchObject({ nodeType: 'cm:dictionaryModel', isFolder: false, isFile: true })
    // The type's defaults (cm:modelActive=false in contentModel.xml).
    expect(dict.json.entry.properties['cm:modelActive']).toBe(false)
  })

  // NodesImpl.upload: the aspectnames field (NodeApiTest testUploadWithAspectNames*, …Whitespace).
  it('adds the comma-separated aspectnames of an upload, trimmed, and refuses unknown ones', async () => {
    const form = new FormData()
    form.append('filedata', new Blob(['hi']), 'up.txt')
    form.append('aspectnames', ' cm:titled , cm:author ')
    const r = await post(mock, '/nodes/-shared-/children', form)
    expect(r.status).toBe(201)
    expect(r.json.entry.aspectNames).toEqual(expect.arrayContaining(['cm:titled', 'cm:author', 'cm:versionable']))
    const bad = new FormData()
    bad.append('filedata', new Blob(['hi']), 'bad.txt')
    bad.append('aspectnames', 'invalid:aspect')
    expectAlfrescoError(await post(mock, '/nodes/-shared-/children', bad), 400)
  })
})

describe('include=definition (NodesImpl.getTypeDefinition, NodeApiTest testRetrieveNodeDefinition)', () => {
  it('lists the properties of the type and all aspects, without sys and cm:content', async () => {
    const id = (await create({ name: 'a.txt', properties: { 'cm:title': 'add aspect property' } })).json.entry.id
    expect((await get(mock, `/nodes/${id}`)).json.entry.definition).toBeUndefined()
    const props = (await get(mock, `/nodes/${id}?include=definition`)).json.entry.definition.properties
    const ids = props.map((p: { id: string }) => p.id)
    expect(ids).toEqual(expect.arrayContaining(['cm:name', 'cm:created', 'cm:title']))
    expect(ids.some((p: string) => p.startsWith('sys:') || p === 'cm:content')).toBe(false)
    const name = props.find((p: { id: string }) => p.id === 'cm:name')
    expect(name).toMatchObject({ title: 'Name', description: 'Name', dataType: 'd:text', isMandatory: true, isMandatoryEnforced: true, isMultiValued: false })
    expect(name.defaultValue).toBeUndefined()
    expect(name.constraints).toEqual([{ id: 'cm:filename', type: 'REGEX', parameters: { expression: '(.*[\\"\\*\\\\\\>\\<\\?\\/\\:\\|]+.*)|(.*[\\.]?.*[\\.]+$)|(.*[ ]+$)', requiresMatch: false } }])
  })
})

describe('PUT /nodes/{id} writes properties back as create does', () => {
  it('sets, converts and unsets', async () => {
    const id = (await create({ name: 'a.jpg' })).json.entry.id
    const r = await put(mock, `/nodes/${id}`, { properties: { 'exif:pixelXDimension': '640', 'cm:title': 'T' } })
    expect(r.json.entry.properties).toMatchObject({ 'exif:pixelXDimension': 640, 'cm:title': 'T' })
    const unset = await put(mock, `/nodes/${id}`, { properties: { 'cm:title': null } }, { invalidRequest: true })
    expect(unset.json.entry.properties['cm:title']).toBeUndefined()
  })
})
