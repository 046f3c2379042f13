/**
 * @alfresco/js-api v10's NodesApi (update, copy, move, lock, unlock), TypesApi/AspectsApi and the
 * ClassesApi of the dictionary web scripts, against the mock over a real socket, every answer
 * checked against ACS's spec.
 */
import { AspectsApi, ClassesApi, NodesApi, TypesApi } from '@alfresco/js-api'
import { beforeEach, describe, expect, it } from 'vitest'
import { jsApiSuite, statusOf } from '../support/js-api.js'

const suite = jsApiSuite()
let nodes: NodesApi

// As alice: her home is a folder of her own, as in NodeApiTest's user1.
beforeEach(async () => {
  await suite.api.login('alice', 'alice')
  nodes = new NodesApi(suite.api)
})

const newFolder = async (name: string, parent = '-my-') => (await nodes.createNode(parent, { name, nodeType: 'cm:folder' })).entry.id
const newFile = async (name: string, parent: string) => (await nodes.createNode(parent, { name, nodeType: 'cm:content' })).entry.id

describe('@alfresco/js-api NodesApi node operations', () => {
  it('updates a node: rename, properties, aspects', async () => {
    const id = await newFile('a.txt', await newFolder('f'))
    const r = await nodes.updateNode(id, { name: 'b.txt', properties: { 'cm:title': 'Bee' } }, { include: ['path'] })
    expect(r.entry).toMatchObject({ name: 'b.txt', properties: { 'cm:title': 'Bee' } })
    expect(r.entry.aspectNames).toEqual(['cm:auditable', 'cm:titled'])
    expect(r.entry.modifiedAt).toBeInstanceOf(Date)
    expect(await statusOf(nodes.updateNode(id, { properties: { 'cm:nope': 'x' } }))).toBe(400)
  })

  it('copies (201) and moves (200)', async () => {
    const source = await newFolder('source')
    const target = await newFolder('target')
    const id = await newFile('a.txt', source)
    const copy = await nodes.copyNode(id, { targetParentId: target, name: 'copy.txt' })
    expect(copy.entry).toMatchObject({ name: 'copy.txt', parentId: target })
    const moved = await nodes.moveNode(id, { targetParentId: target })
    expect(moved.entry).toMatchObject({ id, parentId: target })
    expect(await statusOf(nodes.moveNode(id, { targetParentId: target, name: 'copy.txt' }))).toBe(409)
  })

  it('locks and unlocks, with isLocked as included', async () => {
    const id = await newFile('a.txt', await newFolder('f'))
    const locked = await nodes.lockNode(id, { type: 'FULL', lifetime: 'PERSISTENT', timeToExpire: 60 }, { include: ['isLocked'] })
    expect(locked.entry.isLocked).toBe(true)
    expect(locked.entry.properties).toMatchObject({ 'cm:lockType': 'READ_ONLY_LOCK', 'cm:lockOwner': { id: 'alice' } })
    expect(await statusOf(nodes.updateNode(id, { name: 'z.txt' }))).toBe(409)
    suite.mock.clock.advance(60_000)
    expect((await nodes.getNode(id, { include: ['isLocked'] })).entry.isLocked).toBe(false)
    await nodes.lockNode(id, {})
    const unlocked = await nodes.unlockNode(id, { include: ['isLocked'] })
    expect(unlocked.entry.isLocked).toBe(false)
    expect(await statusOf(nodes.unlockNode(id))).toBe(422)
  })
})

describe('@alfresco/js-api model APIs', () => {
  it('reads types and aspects', async () => {
    const type = await new TypesApi(suite.api).getType('cm:content')
    expect(type.entry).toMatchObject({ id: 'cm:content', title: 'Content' })
    const aspects = await new AspectsApi(suite.api).listAspects({ where: "(modelId in ('acme:contracts'))" })
    expect(aspects.list?.entries?.map((e) => e.entry.id)).toEqual(['acme:reviewable'])
  })

  it("reads the dictionary web script as ADF's metadata panel does", async () => {
    const cls = await new ClassesApi(suite.api).getClass('cm_auditable')
    expect(suite.sent.at(-1)?.url).toBe(`${suite.mock.url}/alfresco/s/api/classes/cm_auditable`)
    expect(cls.name).toBe('cm:auditable')
    expect(Object.keys(cls.properties ?? {})).toEqual(expect.arrayContaining(['cm:created', 'cm:creator', 'cm:modified']))
  })
})
