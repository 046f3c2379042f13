/**
 * `extends`: a fixture file that adds to packaged (or other) fixture sets instead of copying them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigFileError } from '../../src/errors.js'
import { loadFixtures } from '../../src/fixtures/load.js'
import { PACKAGED_FIXTURES_DIR } from '../../src/paths.js'
import { readContent } from '../../src/store/content.js'
import type { SeedData } from '../../src/store/seed.js'
import type { MockNode } from '../../src/store/types.js'

const ctx = { packagedDir: PACKAGED_FIXTURES_DIR, defaultDate: Date.UTC(2020, 0, 1) }
const dir = mkdtempSync(join(tmpdir(), 'alfresco-mock-extends-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function file(name: string, ...lines: string[]): string {
  const path = join(dir, name)
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}
const load = (path: string): SeedData => loadFixtures(path, ctx)
function at(seed: SeedData, ...names: string[]): MockNode {
  let node = seed.nodes[0]!
  for (const name of names) {
    const child = seed.nodes.find((n) => n.parentId === node.id && n.name === name)
    if (!child) throw new Error(`no ${name} below ${node.name}: ${seed.nodes.filter((n) => n.parentId === node.id).map((n) => n.name).join(', ')}`)
    node = child
  }
  return node
}
const names = (seed: SeedData, parent: MockNode) => seed.nodes.filter((n) => n.parentId === parent.id).map((n) => n.name)
const text = (node: MockNode) => Buffer.from(readContent(node.content!.source)).toString('utf8')
function problemsOf(fn: () => unknown): string[] {
  try {
    fn()
  } catch (err) {
    if (err instanceof ConfigFileError) return err.problems.map((p) => `${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.message}`)
    throw err
  }
  throw new Error('expected a ConfigFileError')
}
const shown = (path: string) => relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path)

describe('extends: default', () => {
  const defaults = loadFixtures('default', ctx)

  it('alone gives exactly the default fixtures, every section of them', () => {
    const { source: _a, ...alone } = loadFixtures({ extends: 'default' }, ctx)
    const { source: _b, ...packaged } = defaults
    // As JSON: lazily made content compares by its key, not by the closure that makes it.
    expect(JSON.stringify(alone)).toBe(JSON.stringify(packaged))
  })
  const seed = load(
    file(
      'mine.yaml',
      'extends: default',
      'users:',
      '  - { id: carol, password: carol, firstName: Carol }',
      'nodes:',
      '  - name: Shared',
      '    children:',
      '      - name: Agreements',
      '        children: [{ name: nda.txt, content: "sign here" }]',
      '      - { name: test-file-1.txt, id: 7279b5c5-da55-4e98-8b12-72d33b90c810, content: "replaced" }',
    ),
  )

  it('keeps everything of the packaged set and adds a folder where the file says', () => {
    const shared = at(seed, 'Shared')
    expect(names(seed, shared)).toEqual([...names(defaults, at(defaults, 'Shared')), 'Agreements'])
    expect(text(at(seed, 'Shared', 'Agreements', 'nda.txt'))).toBe('sign here')
    expect(seed.nodes).toHaveLength(defaults.nodes.length + 2)
    // The merged folder keeps what the packaged file said of it.
    expect(shared).toMatchObject({ alias: '-shared-', system: true, writers: ['GROUP_EVERYONE'], id: at(defaults, 'Shared').id })
  })

  it('replaces a file of the same name, and adds users to the packaged ones', () => {
    expect(text(at(seed, 'Shared', 'test-file-1.txt'))).toBe('replaced')
    expect(seed.users.map((u) => u.id)).toEqual(['admin', 'alice', 'bob', 'carol'])
    expect(seed.tickets).toEqual(defaults.tickets)
  })

  it("dates the packaged nodes with the packaged file's defaults and its own nodes with its own", () => {
    const mine = load(file('dated.yaml', 'extends: default', 'defaults: { createdAt: 2030-05-01T00:00:00.000Z, createdBy: alice }', 'nodes:', '  - { name: Shared, children: [{ name: new.txt, content: x }] }'))
    expect(at(mine, 'Shared', 'new.txt')).toMatchObject({ createdAt: Date.UTC(2030, 4, 1), modifiedAt: Date.UTC(2030, 4, 1), createdBy: 'alice', modifiedBy: 'alice' })
    expect(at(mine, 'Shared', 'test-file-2.txt')).toMatchObject({ createdAt: Date.UTC(2024, 0, 15, 9), createdBy: 'admin' })
    expect(at(mine, 'Shared')).toMatchObject({ createdAt: Date.UTC(2024, 0, 15, 9) })
    expect(mine.nodes[0]).toMatchObject({ name: 'Company Home', createdAt: Date.UTC(2024, 0, 15, 9) })
  })
})

describe('extends chains', () => {
  it('takes a list, base first, and reads each contentFile relative to its own file', () => {
    file('base/asset.txt', 'from the base folder')
    file('base/base.yaml', 'users: [{ id: admin, password: one, admin: true }]', 'nodes:', '  - { name: Docs, children: [{ name: a.txt, contentFile: ./asset.txt }] }')
    const top = file('top/top.yaml', 'extends: [minimal, ../base/base.yaml]', 'users: [{ id: admin, password: two, admin: true }]', 'nodes:', '  - { name: Docs, children: [{ name: b.txt, content: b }] }')
    const seed = load(top)
    expect(names(seed, seed.nodes[0]!)).toEqual(['Shared', 'Docs'])
    expect(names(seed, at(seed, 'Docs'))).toEqual(['a.txt', 'b.txt'])
    expect(text(at(seed, 'Docs', 'a.txt'))).toBe('from the base folder\n')
    expect(seed.users).toEqual([expect.objectContaining({ id: 'admin', password: 'two' })])
  })

  it('merges settings key by key', () => {
    const base = file('s-base.yaml', 'settings: { downloads: { progression: polls, pendingPolls: 4, cleaner: { enabled: false } }, tickets: { lifetime: 5m } }')
    const seed = load(file('s-top.yaml', `extends: ${base}`, 'settings: { downloads: { pendingPolls: 1, cleaner: { maxAgeMs: 2s } } }'))
    expect(seed.settings).toEqual({ downloads: { progression: 'polls', pendingPolls: 1, cleaner: { enabled: false, maxAgeMs: 2_000 } }, tickets: { lifetimeMs: 300_000 } })
  })

  it('works for an object passed as the fixtures option', () => {
    const seed = loadFixtures({ extends: 'minimal', users: [{ id: 'dave', password: 'dave' }] }, ctx)
    expect(seed.users.map((u) => u.id)).toEqual(['admin', 'dave'])
    expect(text(at(seed, 'Shared', 'hello.txt'))).toBe('Hello, world!\n')
  })
})

describe('problems in a chain', () => {
  it('are reported in the file and at the line that holds them, all at once', () => {
    const base = file('p-base.yaml', 'users:', '  - { id: admin, password: admin, admin: maybe }', 'nodes: []')
    const top = file('p-top.yaml', `extends: [default, ${base}, ./p-missing.yaml]`, 'nodes:', '  - name: Shared', '    children:', '      - { name: x.txt, content: x, createdBy: nobody }')
    expect(problemsOf(() => load(top))).toEqual([
      `${shown(base)}:2 at users[0].admin: expected true or false, got "maybe".`,
      `${shown(join(dir, 'p-missing.yaml'))} at extends: the file does not exist (looked for ${join(dir, 'p-missing.yaml')}). Please check the path, or use a packaged name: default, minimal. (extended by ${shown(top)})`,
    ])
    // With the files fixed, the cross-checks run on the merged result, still pointing into each file.
    const fixed = file('p-top2.yaml', 'extends: default', 'nodes:', '  - name: Shared', '    children:', '      - { name: x.txt, content: x, createdBy: nobody }', '      - { name: y.txt, id: 1cf35d69-f85f-4446-94cd-f31ccf16c2e3, content: y }')
    expect(problemsOf(() => load(fixed))).toEqual([
      `${shown(fixed)}:5 at nodes[0].children[0].createdBy: unknown user "nobody". Please add it to users or use one of admin, alice, bob.`,
      expect.stringMatching(new RegExp(`^${shown(fixed).replace(/[.]/g, '\\.')}:6 at nodes\\[0\\]\\.children\\[1\\]\\.id: duplicate node id "1cf35d69-f85f-4446-94cd-f31ccf16c2e3"`)),
    ])
  })

  it('refuse a file that extends itself, naming the loop', () => {
    const a = join(dir, 'loop-a.yaml')
    file('loop-b.yaml', 'extends: ./loop-a.yaml')
    file('loop-a.yaml', 'extends: ./loop-b.yaml')
    expect(problemsOf(() => load(a))).toEqual([`${shown(a)} at extends: extends itself through ${a} → ${join(dir, 'loop-b.yaml')} → ${a}. Please remove the loop.`])
  })

  it('refuse an extends that is neither a name nor a list of names', () => {
    expect(problemsOf(() => load(file('bad-extends.yaml', 'extends: [1]')))).toEqual([`${shown(join(dir, 'bad-extends.yaml'))}:1 at extends[0]: expected text, got number 1.`])
    expect(problemsOf(() => load(file('bad-extends-2.yaml', 'extends: { name: default }')))).toEqual([
      `${shown(join(dir, 'bad-extends-2.yaml'))}:1 at extends: expected a fixture set (default, minimal or a path) or a list of them, such as extends: default.`,
    ])
  })
})
