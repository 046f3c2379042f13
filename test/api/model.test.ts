import { describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { basic, call, expectAlfrescoError, get } from '../support/http.js'

const mock = createAlfrescoMock({ clock: 'manual' })
const script = (path: string, auth: string | null = basic('alice', 'alice')) => call(mock, 'GET', `/alfresco/s${path}`, { base: 'none', auth })

describe('GET /types and /aspects (TypesImpl, AspectsImpl)', () => {
  // TAS models/types/GetTypeTests.getType
  it('answers cm:content with its model, properties, mandatory aspects and flags', async () => {
    const r = await get(mock, '/types/cm:content')
    expect(r.status).toBe(200)
    expect(r.json.entry).toMatchObject({
      id: 'cm:content',
      title: 'Content',
      description: 'Base Content Object',
      parentId: 'cm:cmobject',
      isContainer: false,
      isArchive: true,
      includedInSupertypeQuery: true,
      model: { id: 'cm:contentmodel', author: 'Alfresco', description: 'Alfresco Content Domain Model', namespaceUri: 'http://www.alfresco.org/model/content/1.0', namespacePrefix: 'cm' },
    })
    expect(r.json.entry.mandatoryAspects).toContain('cm:auditable')
    expect(r.json.entry.associations).toBeUndefined()
    const name = r.json.entry.properties.find((p: { id: string }) => p.id === 'cm:name')
    expect(name).toMatchObject({ dataType: 'd:text', isMandatory: true, isMandatoryEnforced: true, isMultiValued: false, isProtected: false })
    expect(name.constraints[0]).toMatchObject({ id: 'cm:filename', type: 'REGEX', parameters: { requiresMatch: false } })
    // ClassDefinitionMapperImpl leaves out cm:content and the sys namespace.
    expect(r.json.entry.properties.map((p: { id: string }) => p.id)).not.toContain('cm:content')
  })

  // TAS models/aspects/GetAspectTests.getAspect
  it('answers cm:titled, whose description the message bundle gives', async () => {
    const r = await get(mock, '/aspects/cm:titled')
    expect(r.json.entry).toMatchObject({ id: 'cm:titled', title: 'Titled', description: 'Titled', isContainer: false, includedInSupertypeQuery: true })
    expect(r.json.entry.properties.map((p: { id: string }) => p.id)).toEqual(['cm:title', 'cm:description'])
  })

  // TAS getInexistentType/getInexistentAspect; a type is no aspect and the reverse.
  it.each([['/types/unknown:type'], ['/types/cm:titled'], ['/aspects/unknown:aspect'], ['/aspects/cm:folder']])('answers 404 EntityNotFound for %s', async (path) => {
    const e = expectAlfrescoError(await get(mock, path), 404, 'framework.exception.EntityNotFound')
    expect(e.briefSummary).toContain(`The entity with id: ${path.split('/')[2]} was not found`)
  })

  it('lists types sorted by id, without sys types, with ACS paging', async () => {
    const r = await get(mock, '/types')
    const total = r.json.list.pagination.totalItems
    // The mock ships fewer models than a full ACS (see the README's Differences): fewer than 100 types.
    expect(r.json.list.pagination).toMatchObject({ count: total, hasMoreItems: false, skipCount: 0, maxItems: 100 })
    expect(total).toBeGreaterThan(20)
    const ids = r.json.list.entries.map((e: { entry: { id: string } }) => e.entry.id)
    expect(ids).toEqual([...ids].sort())
    expect(ids).toEqual(expect.arrayContaining(['cm:content', 'cm:folder', 'cm:systemfolder']))
    expect(ids.some((id: string) => id.startsWith('sys:'))).toBe(false)
    expect(r.json.list.entries[0].entry.properties).toBeUndefined()
    const page = await get(mock, '/types?skipCount=10&maxItems=10')
    expect(page.json.list.pagination).toMatchObject({ count: 10, hasMoreItems: true, skipCount: 10, maxItems: 10 })
    expect((await get(mock, '/types?skipCount=150&maxItems=10')).json.list.pagination).toMatchObject({ count: 0, hasMoreItems: false })
  })

  it('includes properties, mandatoryAspects and associations when asked', async () => {
    const r = await get(mock, '/types?include=properties,mandatoryAspects,associations&where=(parentId in (\'cm:folder\'))')
    const folder = r.json.list.entries.find((e: { entry: { id: string } }) => e.entry.id === 'cm:folder').entry
    expect(folder.associations[0]).toMatchObject({ id: 'cm:contains', isChild: true, source: { cls: 'cm:folder' }, target: { cls: 'sys:base', isMany: true } })
    expect(folder.isContainer).toBe(true)
  })

  // TAS getTypeByParentId, getAspectByParentId: the class itself and every descendant.
  it('filters by parentId, including the parent', async () => {
    const types = (await get(mock, "/types?where=(parentId in ('cm:folder'))")).json.list.entries.map((e: { entry: { id: string } }) => e.entry.id)
    expect(types).toEqual(expect.arrayContaining(['cm:folder', 'cm:systemfolder', 'app:glossary', 'st:site', 'fm:forums']))
    expect(types).not.toContain('cm:content')
    const aspects = (await get(mock, "/aspects?where=(parentId in ('cm:titled'))")).json.list.entries.map((e: { entry: { id: string } }) => e.entry.id)
    expect(aspects).toEqual(expect.arrayContaining(['cm:titled', 'cm:dublincore']))
  })

  // TAS getTypeByModelsIds / …WithIncludeSubTypes
  it('filters by modelId, with INCLUDESUBTYPES adding subtypes from other models', async () => {
    const own = (await get(mock, "/types?where=(modelId in ('cm:contentmodel'))")).json.list.entries.map((e: { entry: { id: string } }) => e.entry.id)
    expect(own.every((id: string) => id.startsWith('cm:'))).toBe(true)
    const withSubs = (await get(mock, "/types?where=(modelId in ('cm:contentmodel INCLUDESUBTYPES'))")).json.list.entries.map((e: { entry: { id: string } }) => e.entry.id)
    expect(withSubs).toEqual(expect.arrayContaining(['app:glossary', 'download:download']))
  })

  // TAS getTypeByNamespaceUri
  it('filters by namespaceUri matches and not matches', async () => {
    const all = await get(mock, "/aspects?where=(namespaceUri matches('http://www.alfresco.org/model.*'))")
    expect(all.json.list.pagination.count).toBe((await get(mock, '/aspects')).json.list.pagination.count - 1)
    expect(all.json.list.pagination.count).toBeGreaterThan(50)
    // Only the default fixtures' own model (acme:reviewable) lives elsewhere.
    const none = await get(mock, "/aspects?where=(not namespaceUri matches('http://www.alfresco.org/model.*'))")
    expect(none.json.list.entries.map((e: { entry: { id: string } }) => e.entry.id)).toEqual(['acme:reviewable'])
  })

  // TAS verifyTypesQueryError / verifyAspectsQueryError
  it.each([
    ["(modelId in (' ')", 400],
    ["(modelId in ('cm:contentmodel INCLUDESUBTYPES',))", 400],
    ["(modelId in ('cm:contentmodel INCLUDESUBASPECTS'))", 400],
    ["(parentId in (' '))", 400],
    ["(namespaceUri matches('*'))", 400],
    ["(not modelId in ('cm:contentmodel'))", 400],
    ["(parentId in ('cm:titled'))", 200],
  ])('answers where=%s with %i', async (where, status) => {
    const r = await get(mock, `/types?where=${encodeURIComponent(where)}&include=properties`)
    expect(r.status).toBe(status)
  })

  it('names the empty value as ACS does', async () => {
    const e = expectAlfrescoError(await get(mock, `/types?where=${encodeURIComponent("(parentId in (' '))")}`), 400, 'framework.exception.ApiDefault')
    expect(e.briefSummary).toBe("ParentId cannot be empty (i.e. '')")
  })
})

describe('the dictionary web scripts ADF reads (/alfresco/s/api/classes)', () => {
  // classdetails.lib.ftl: aca-requests.md #18 and #19
  it('answers cm_auditable and cm_content as classdetails.lib.ftl writes them', async () => {
    const auditable = await script('/api/classes/cm_auditable')
    expect(auditable.status).toBe(200)
    expect(auditable.json).toMatchObject({ name: 'cm:auditable', isAspect: true, isContainer: false, title: 'Auditable', parent: {}, url: '/api/classes/cm_auditable' })
    expect(auditable.json.properties['cm:created']).toEqual({
      name: 'cm:created', title: 'Created Date', description: 'Created Date', dataType: 'd:datetime', defaultValue: null,
      multiValued: false, mandatory: true, enforced: true, protected: true, indexed: true, url: '/api/classes/cm_auditable/property/cm_created',
    })
    const content = await script('/api/classes/cm_content')
    expect(content.json).toMatchObject({ name: 'cm:content', isAspect: false, parent: { name: 'cm:cmobject', title: 'cmobject', url: '/api/classes/cm_cmobject' } })
    expect(content.json.defaultAspects['cm:auditable']).toEqual({ name: 'cm:auditable', title: 'Auditable', url: '/api/classes/cm_content/property/cm_auditable' })
    expect(Object.keys(content.json.properties)).toContain('cm:name')
  })

  it('lists child associations apart from the others', async () => {
    const folder = (await script('/api/classes/cm_folder')).json
    expect(folder.associations).toEqual({})
    expect(folder.childassociations['cm:contains']).toMatchObject({ name: 'cm:contains', source: { class: 'cm:folder' }, target: { class: 'sys:base', many: true } })
  })

  it('answers the property list sorted by title, the associations and the subclasses', async () => {
    const props = (await script('/api/classes/cm_titled/properties')).json
    expect(props.map((p: { name: string }) => p.name)).toEqual(['cm:description', 'cm:title'])
    expect(props[0]).toMatchObject({ defaultValues: '', indexedAtomically: true, constraints: [], url: '/api/property/cm_description' })
    const assocs = (await script('/api/classes/cm_folder/associations')).json
    expect(assocs[0]).toMatchObject({ name: 'cm:contains', isChildAssociation: true, duplicateChildNameAllowed: false, url: '/api/classes/cm_folder/association/cm_contains' })
    const subs = (await script('/api/classes/cm_folder/subclasses?r=false')).json.map((c: { name: string }) => c.name)
    expect(subs).toEqual(expect.arrayContaining(['cm:systemfolder', 'app:glossary']))
    expect(subs).not.toContain('cm:folder')
  })

  // ClassGet: WebScriptException(404) rendered by surf's status.json.ftl.
  it('answers an unknown class with a 404 status body', async () => {
    const r = await script('/api/classes/cm_nope')
    expect(r.status).toBe(404)
    expect(r.json.status).toEqual({ code: 404, name: 'Not Found', description: 'The requested resource is not available.' })
    expect(r.json.message).toMatch(/^\d{8} Check the classname - cm_nope - parameter in the URL$/)
    expect((await script('/api/classes/nope_thing')).json.message).toContain('The exact classname - nope_thing  parameter has not been provided in the URL')
  })

  it('needs a user, on /alfresco/service too, and takes alf_ticket', async () => {
    const r = await script('/api/classes/cm_content', null)
    expect(r.status).toBe(401)
    expect(r.headers.get('www-authenticate')).toBe('Basic realm="Alfresco"')
    const ticket = (await call(mock, 'POST', '/tickets', { base: 'auth', auth: null, body: { userId: 'bob', password: 'bob' } })).json.entry.id
    const viaService = await call(mock, 'GET', `/alfresco/service/api/classes/cm_content?alf_ticket=${ticket}`, { base: 'none', auth: null })
    expect(viaService.status).toBe(200)
  })
})
