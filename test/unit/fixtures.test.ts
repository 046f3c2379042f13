import { Faker, en } from '@faker-js/faker'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadFixtures } from '../../src/fixtures/load.js'
import { PACKAGED_FIXTURES_DIR } from '../../src/paths.js'
import { contentSize, readContent } from '../../src/store/content.js'
import type { SeedData } from '../../src/store/seed.js'
import type { MockNode } from '../../src/store/types.js'

const ctx = { packagedDir: PACKAGED_FIXTURES_DIR, defaultDate: Date.UTC(2020, 0, 1) }
const data = (file: string) => fileURLToPath(new URL(`../fixtures-data/${file}`, import.meta.url))

/** The node at a path of names below the root, e.g. `at(seed, 'Shared', 'test-file-1.txt')`. */
function at(seed: SeedData, ...names: string[]): MockNode {
  let node = seed.nodes[0]!
  for (const name of names) {
    const child = seed.nodes.find((n) => n.parentId === node.id && n.name === name)
    if (!child) throw new Error(`no ${name} below ${node.name}`)
    node = child
  }
  return node
}
const text = (node: MockNode) => Buffer.from(readContent(node.content!.source)).toString('utf8')

describe('the default fixtures', () => {
  const seed = loadFixtures('default', ctx)

  it('have Company Home first, as the only node without a parent, and every parent before its children', () => {
    expect(seed.nodes[0]).toMatchObject({ name: 'Company Home', parentId: undefined, isFolder: true, system: true })
    expect(seed.nodes.filter((n) => n.parentId === undefined)).toHaveLength(1)
    const seen = new Set<string>()
    for (const node of seed.nodes) {
      if (node.parentId !== undefined) expect(seen.has(node.parentId)).toBe(true)
      seen.add(node.id)
    }
  })

  it("have ACS's skeleton: Data Dictionary, Guest Home, Shared as -shared-, Sites and User Homes", () => {
    const top = seed.nodes.filter((n) => n.parentId === seed.nodes[0]!.id).map((n) => n.name)
    expect(top).toEqual(['Data Dictionary', 'Guest Home', 'Shared', 'Sites', 'User Homes'])
    expect(at(seed, 'Shared').alias).toBe('-shared-')
    for (const name of top) expect(at(seed, name).system).toBe(true)
  })

  it('have admin and two ordinary users, each ordinary user with a home under User Homes', () => {
    expect(seed.users.map((u) => [u.id, u.admin])).toEqual([['admin', true], ['alice', false], ['bob', false]])
    const user = (id: string) => seed.users.find((u) => u.id === id)!
    expect(user('admin').homeFolderId).toBe(seed.nodes[0]!.id)
    expect(user('alice').homeFolderId).toBe(at(seed, 'User Homes', 'alice').id)
    expect(user('bob').homeFolderId).toBe(at(seed, 'User Homes', 'bob').id)
    expect(user('alice')).toMatchObject({ displayName: 'Alice Example', email: 'alice@alfresco.example', enabled: true })
    expect(user('admin').displayName).toBe('Administrator')
  })

  it('have the two 28-byte files of the "Download multiple files" page, with its ids, and its ticket for admin', () => {
    const one = at(seed, 'Shared', 'test-file-1.txt')
    const two = at(seed, 'Shared', 'test-file-2.txt')
    expect(one.id).toBe('7279b5c5-da55-4e98-8b12-72d33b90c810')
    expect(two.id).toBe('1cf35d69-f85f-4446-94cd-f31ccf16c2e3')
    expect(contentSize(one.content!.source) + contentSize(two.content!.source)).toBe(56)
    expect(text(one)).toBe('This is test file number 1.\n')
    expect(seed.tickets).toEqual([{ id: 'TICKET_08eb7e2e2c17964ca51f0f33186cc2fc9d56d593', userId: 'admin' }])
  })

  it('have non-ASCII names and text', () => {
    const file = at(seed, 'Shared', 'Résumé – Ünïcödé.txt')
    expect(text(file)).toContain('東京')
    expect(text(at(seed, 'Shared', 'Документы', 'отчёт.txt'))).toBe('Квартальный отчёт.\n')
  })

  it('have binaries from files and base64, with their mime types', () => {
    const logo = at(seed, 'Shared', 'Images', 'logo.png')
    expect(logo.content).toMatchObject({ mimeType: 'image/png', mimeTypeName: 'PNG Image' })
    expect([...readContent(logo.content!.source, 0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    const pdf = at(seed, 'Shared', 'brochure.pdf')
    expect(pdf.content).toMatchObject({ mimeType: 'application/pdf', mimeTypeName: 'Adobe PDF Document' })
    expect(Buffer.from(readContent(pdf.content!.source, 0, 5)).toString('latin1')).toBe('%PDF-')
    const gif = at(seed, 'Shared', 'Images', 'pixel.gif')
    expect(Buffer.from(readContent(gif.content!.source, 0, 6)).toString('latin1')).toBe('GIF89a')
  })

  it('declare a 3 GiB file without allocating it', () => {
    const iso = at(seed, 'Shared', 'Large files', 'dvd-image.iso')
    expect(iso.content!.source).toEqual({ kind: 'synthetic', size: 3 * 2 ** 30, seed: iso.id })
    expect(iso.content!.mimeType).toBe('application/octet-stream')
  })

  it('have a private folder only bob may read, and user homes private to their owner', () => {
    expect(at(seed, 'Shared', 'HR Confidential')).toMatchObject({ readers: ['bob'], writers: ['bob'] })
    expect(at(seed, 'User Homes', 'alice')).toMatchObject({ readers: ['alice'], writers: ['alice'] })
    expect(seed.nodes[0]).toMatchObject({ readers: ['GROUP_EVERYONE'], writers: [] })
  })

  it('give the same ids on every load, and different ones to different paths', () => {
    const again = loadFixtures('default', { ...ctx, defaultDate: 0 })
    expect(again.nodes.map((n) => n.id)).toEqual(seed.nodes.map((n) => n.id))
    expect(new Set(seed.nodes.map((n) => n.id)).size).toBe(seed.nodes.length)
    expect(at(seed, 'Shared', 'Projects').id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('are frozen, so reset() can seed from them again and again', () => {
    expect(Object.isFrozen(seed)).toBe(true)
    expect(Object.isFrozen(seed.nodes[0])).toBe(true)
    expect(Object.isFrozen(seed.nodes[0]!.aspectNames)).toBe(true)
    expect(Object.isFrozen(at(seed, 'Shared', 'test-file-1.txt').content)).toBe(true)
    expect(() => (seed.users as unknown[]).push({})).toThrow(TypeError)
  })

  it('take their dates from defaults, and a node its own', () => {
    const jan15 = Date.parse('2024-01-15T09:00:00.000Z')
    expect(seed.nodes[0]).toMatchObject({ createdAt: jan15, modifiedAt: jan15, createdBy: 'admin', modifiedBy: 'admin' })
    const design = at(seed, 'Shared', 'Projects', 'Apollo', 'Specs', 'design.txt')
    expect(design).toMatchObject({ createdAt: jan15, modifiedAt: Date.parse('2024-02-01T14:30:00.000Z'), createdBy: 'admin', modifiedBy: 'alice' })
  })
})

describe('a fixture file with every kind of field', () => {
  const seed = loadFixtures(data('every-source.yaml'), ctx)
  const files = (name: string) => at(seed, 'Files', name)

  it('serves inline text as UTF-8, base64 as bytes and contentFile from beside the YAML file', () => {
    expect(text(files('inline.txt'))).toBe('héllo\n')
    expect(contentSize(files('inline.txt').content!.source)).toBe(7)
    expect([...readContent(files('encoded.bin').content!.source)]).toEqual([0, 1, 2, 3])
    expect(text(files('from-disk.dat'))).toBe('hello from disk\n')
  })

  it('makes sized files synthetic, seeded by the node id', () => {
    const big = files('big.iso')
    expect(big.content!.source).toEqual({ kind: 'synthetic', size: 3221225472, seed: big.id })
  })

  it('makes faker text on first read only, the same as faker itself gives for the seed', () => {
    const words = files('words.txt')
    expect(words.content!.source.kind).toBe('lazy')
    const faker = new Faker({ locale: [en] })
    faker.seed(1)
    expect(text(words)).toBe(faker.lorem.words(3))
    expect(text(files('seedless.txt'))).toBe(text(loadFixtures(data('every-source.yaml'), ctx).nodes.find((n) => n.name === 'seedless.txt')!))
  })

  it('refuses at load a faker generator that does not exist, or arguments faker refuses, as any other fixture problem', () => {
    const load = () =>
      loadFixtures(
        {
          nodes: [
            { name: 'x.txt', faker: { generator: 'lorem.nothing', seed: 1 } },
            { name: 'y.txt', faker: { generator: 'lorem.constructor' } },
            { name: 'z.txt', faker: { generator: 'helpers.arrayElement', args: [[]] } },
          ],
        },
        ctx,
      )
    expect(load).toThrow(
      [
        'Failed to load fixtures "<object>": 3 problems:',
        '  - <object> at nodes[0].faker.generator: faker has no generator "lorem.nothing". Please use one listed at https://fakerjs.dev/api/, such as lorem.paragraphs.',
        '  - <object> at nodes[1].faker.generator: faker has no generator "lorem.constructor". Please use one listed at https://fakerjs.dev/api/, such as lorem.paragraphs.',
        "  - <object> at nodes[2].faker.args: faker's helpers.arrayElement refused these arguments: Cannot get value from empty dataset. Please check them against https://fakerjs.dev/api/.",
        'Please fix them and start again.',
      ].join('\n'),
    )
  })

  it('guesses mime types from names, and keeps a given mime type, encoding and type', () => {
    expect(files('inline.txt').content).toMatchObject({ mimeType: 'text/plain', mimeTypeName: 'Plain Text', encoding: 'UTF-8' })
    expect(files('encoded.bin').content).toMatchObject({ mimeType: 'application/octet-stream', mimeTypeName: 'Binary File (Octet Stream)' })
    expect(files('typed.xyz')).toMatchObject({ nodeType: 'cm:thumbnail', content: { mimeType: 'text/plain', encoding: 'ISO-8859-1' } })
    expect(files('Empty')).toMatchObject({ isFolder: true, nodeType: 'cm:folder' })
    expect(files('inline.txt')).toMatchObject({ isFolder: false, nodeType: 'cm:content' })
  })

  it('turns title, description, aspects and properties into ACS properties and aspect names', () => {
    // Properties are converted to their data types ("3" is a d:int) and add the aspects declaring them.
    expect(at(seed, 'Files')).toMatchObject({
      aspectNames: ['cm:auditable', 'cm:titled', 'cm:author', 'custom:counted', 'cm:taggable'],
      properties: { 'cm:title': 'All files', 'cm:description': 'Every kind of content', 'cm:author': 'Carol', 'custom:count': 3 },
      alias: '-files-',
      system: true,
    })
    expect(files('inline.txt').aspectNames).toEqual(['cm:auditable'])
  })

  it('declares the custom model and locks a file until expiresAfter on the clock', () => {
    expect(seed.models?.classes.map((c) => c.name)).toEqual(['custom:counted'])
    expect(files('typed.xyz')).toMatchObject({
      aspectNames: expect.arrayContaining(['cm:lockable']),
      properties: { 'cm:lockOwner': 'carol', 'cm:lockType': 'READ_ONLY_LOCK', 'cm:lockLifetime': 'PERSISTENT', 'cm:expiryDate': new Date(ctx.defaultDate + 30_000).toISOString().replace('Z', '+0000') },
    })
  })

  it('names the root as given and gives users their defaults', () => {
    expect(seed.nodes[0]).toMatchObject({ id: 'repo-root', name: 'Repository', properties: { 'cm:title': 'The top' } })
    expect(seed.users).toEqual([
      { id: 'admin', password: 'admin', admin: true, firstName: 'admin', displayName: 'admin', enabled: true },
      { id: 'carol', password: 'secret', admin: false, firstName: 'Carol', lastName: 'Jones', displayName: 'Carol Jones', email: 'carol@example.com', homeFolderId: 'files', enabled: true },
      { id: 'dave', password: 'dave', admin: false, firstName: 'dave', displayName: 'Dave D.', enabled: false },
    ])
    expect(seed.tickets).toEqual([{ id: 'TICKET_0123abcd', userId: 'carol' }])
  })

  it('reads dates as UTC unless a zone is given, and users from defaults unless the node names its own', () => {
    const may1 = Date.UTC(2023, 4, 1)
    const june1 = Date.UTC(2023, 5, 1, 10)
    expect(files('inline.txt')).toMatchObject({ createdAt: may1, modifiedAt: june1, createdBy: 'carol', modifiedBy: 'carol' })
    const typed = Date.UTC(2022, 0, 1)
    expect(files('typed.xyz')).toMatchObject({ createdAt: typed, modifiedAt: typed, createdBy: 'dave', modifiedBy: 'dave' })
    expect(files('edited.txt')).toMatchObject({ createdAt: may1, modifiedAt: Date.parse('2024-03-01T10:00:00Z'), modifiedBy: 'admin' })
  })

  it('parses settings into milliseconds and bytes', () => {
    expect(seed.settings).toEqual({
      downloads: {
        progression: 'polls',
        pendingMs: 2_000,
        bytesPerSecond: 1_048_576,
        pendingPolls: 3,
        inProgressPolls: 4,
        maxContentSize: 10_000,
        compression: 'STORE',
        compressionLevel: 9,
        cleaner: { enabled: false, startDelayMs: 300_000, intervalMs: 3_600_000, maxAgeMs: 250 },
      },
      tickets: { lifetimeMs: 1_800_000 },
    })
  })
})

describe('fixture inputs', () => {
  it('take an object, with the clock as the date of nodes that give none and admin as their creator', () => {
    const seed = loadFixtures({ users: [{ id: 'admin', password: 'pw', admin: true }], nodes: [{ name: 'a.txt', content: 'A' }] }, ctx)
    expect(seed.source).toBe('<object>')
    expect(seed.nodes.map((n) => n.name)).toEqual(['Company Home', 'a.txt'])
    expect(seed.nodes[1]).toMatchObject({ createdAt: ctx.defaultDate, modifiedAt: ctx.defaultDate, createdBy: 'admin' })
    expect(seed.settings).toEqual({})
  })

  it('make an empty object an empty repository whose nodes System created', () => {
    const seed = loadFixtures({}, ctx)
    expect(seed.nodes).toHaveLength(1)
    expect(seed.nodes[0]).toMatchObject({ name: 'Company Home', createdBy: 'System', aspectNames: ['cm:auditable'] })
    expect(seed.users).toEqual([])
  })

  it('take a JSON file', () => {
    const seed = loadFixtures(data('tiny.json'), ctx)
    expect(seed.nodes[1]).toMatchObject({ id: 'doc-1', name: 'doc.txt' })
    expect(seed.source).toBe('test/fixtures-data/tiny.json')
  })

  it('take the packaged minimal set by name: admin, one folder and one file', () => {
    const seed = loadFixtures('minimal', ctx)
    expect(seed.users.map((u) => u.id)).toEqual(['admin'])
    expect(seed.nodes.map((n) => [n.name, n.isFolder])).toEqual([['Company Home', true], ['Shared', true], ['hello.txt', false]])
    expect(text(seed.nodes[2]!)).toBe('Hello, world!\n')
  })
})
