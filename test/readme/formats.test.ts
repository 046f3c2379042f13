/**
 * The README's format examples are real: its fixture YAML loads and serves what it says, its
 * scenario YAML loads and behaves as its comments say, and its journal snippet runs.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { del, get, post } from '../support/http.js'

const ROOT = process.cwd()
const README = readFileSync(join(ROOT, 'README.md'), 'utf8')
const dir = mkdtempSync(join(tmpdir(), 'alfresco-mock-readme-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The one fenced block of `lang` that contains `marker`. */
function block(lang: string, marker: string): string {
  const found = [...README.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))]
    .map((m) => m[1]!)
    .filter((b) => b.includes(marker))
  expect(found, `README.md: one \`\`\`${lang} block containing ${marker}`).toHaveLength(1)
  return found[0]!
}

describe('the README', () => {
  it('shows a fixture file that loads and serves what it declares', async () => {
    writeFileSync(join(dir, 'fixtures.yaml'), block('yaml', 'defaults: { createdAt'))
    symlinkSync(join(ROOT, 'fixtures', 'assets'), join(dir, 'assets'))
    const mock = createAlfrescoMock({ clock: 'manual', fixtures: join(dir, 'fixtures.yaml') })
    const report = await get(mock, '/nodes/7279b5c5-da55-4e98-8b12-72d33b90c810/content')
    expect(report.text).toBe('inline text')
    const shared = await get(mock, '/nodes/-shared-/children')
    expect(shared.json.list.entries.map((e: { entry: { name: string } }) => e.entry.name)).toEqual([
      'Empty',
      'big.bin',
      'notes.txt',
      'photo.png',
      'pixel.gif',
      'plan.md',
      'report.txt',
    ])
    const plan = shared.json.list.entries.find((e: { entry: { name: string } }) => e.entry.name === 'plan.md').entry.id
    const versions = (await get(mock, `/nodes/${plan}/versions`)).json.list.entries.map((e: { entry: { id: string; versionComment: string } }) => [e.entry.id, e.entry.versionComment])
    expect(versions).toEqual([['1.1', 'Steps added'], ['1.0', 'First draft']])
    expect((await get(mock, `/nodes/${plan}/versions/1.0/content`)).text).toBe('# Plan')
    expect((await get(mock, `/nodes/${plan}/tags`)).json.list.pagination.totalItems).toBe(2)
    expect((await get(mock, `/nodes/${plan}/comments`)).json.list.entries[0].entry.createdBy.id).toBe('alice')
    expect((await get(mock, `/nodes/${plan}/ratings/fiveStar`)).json.entry.aggregate).toEqual({ numberOfRatings: 1, average: 4 })
    expect((await get(mock, `/nodes/${plan}/category-links`)).json.list.entries[0].entry.name).toBe('English')
    const projects = (await get(mock, '/categories/-root-/subcategories')).json.list.entries.map((e: { entry: { name: string } }) => e.entry.name)
    expect(projects).toEqual(['Software Document Classification', 'Languages', 'Regions', 'Tags', 'Projects'])
    expect((await get(mock, '/tags')).json.list.entries.map((e: { entry: { tag: string } }) => e.entry.tag)).toEqual(['apollo', 'draft', 'planning'])
    const big = shared.json.list.entries.find((e: { entry: { name: string } }) => e.entry.name === 'big.bin').entry
    expect(big.content.sizeInBytes).toBe(50 * 1024 * 1024)
    expect((await get(mock, '/nodes/-shared-/children', { auth: `Basic ${btoa('alice:alice')}` })).status).toBe(200)
    expect(mock.downloadSettings.progression).toBe('polls')
    expect(mock.downloadSettings.pendingPolls).toBe(2)
  })

  it('shows a fixture file that extends the default fixtures: their content and its own', async () => {
    writeFileSync(join(dir, 'my-fixtures.yaml'), block('yaml', 'extends: default'))
    const mock = createAlfrescoMock({ clock: 'manual', fixtures: join(dir, 'my-fixtures.yaml') })
    const carol = `Basic ${btoa('carol:carol')}`
    const nda = await get(mock, '/nodes/-shared-?relativePath=Agreements/nda.txt', { auth: carol })
    expect(nda.json.entry).toMatchObject({ name: 'nda.txt', createdByUser: { id: 'carol' } })
    expect((await get(mock, `/nodes/${nda.json.entry.id}/content`, { auth: carol })).text).toBe('Sign here.')
    // Everything of the default fixtures is still there, for their users too.
    expect((await get(mock, '/nodes/7279b5c5-da55-4e98-8b12-72d33b90c810/content', { auth: `Basic ${btoa('alice:alice')}` })).text).toBe('This is test file number 1.\n')
  })

  it('shows a scenario file that loads and keeps downloads stuck at 40 %', async () => {
    writeFileSync(join(dir, 'stuck.yaml'), block('yaml', 'name: stuck-in-progress'))
    const mock = createAlfrescoMock({ clock: 'manual', scenario: join(dir, 'stuck.yaml') })
    expect(mock.scenario?.name).toBe('stuck-in-progress')
    const ids = ['7279b5c5-da55-4e98-8b12-72d33b90c810', '1cf35d69-f85f-4446-94cd-f31ccf16c2e3']
    const { entry } = (await post(mock, '/downloads', { nodeIds: ids })).json
    const poll = () => get(mock, `/downloads/${entry.id}`)
    expect((await poll()).json.entry.status).toBe('PENDING')
    mock.clock.advance(60_000)
    expect((await poll()).json.entry).toMatchObject({ status: 'IN_PROGRESS', totalBytes: 56 })
    expect((await poll()).status).toBe(503) // `on: [3]`: the 3rd status poll
    for (let i = 0; i < 3; i++) {
      mock.clock.advance(600_000) // under the cleaner's hour, which would delete it
      expect((await poll()).json.entry).toMatchObject({ status: 'IN_PROGRESS', totalBytes: 56 })
    }
  })

  it('shows a journal snippet that runs', async () => {
    const mock = createAlfrescoMock({ clock: 'manual', downloads: { progression: 'manual' } })
    const { entry } = (await post(mock, '/downloads', { nodeIds: ['7279b5c5-da55-4e98-8b12-72d33b90c810'] })).json
    await del(mock, `/downloads/${entry.id}`)
    // A 5xx for the predicate form: a scenario that answers 503 once.
    mock.useScenario({ faults: [{ match: { method: 'GET', path: '/downloads/{id}' }, times: 1, respond: { status: 503 } }] })
    await get(mock, `/downloads/${entry.id}`, { validate: false })
    const snippet = block('ts', 'a copy, oldest first')
    const AsyncFunction = Object.getPrototypeOf(async () => {
      await Promise.resolve()
    }).constructor as new (
      ...args: string[]
    ) => (mock: unknown) => Promise<void>
    await new AsyncFunction('mock', snippet)(mock)
    expect(mock.requests).toEqual([])
  })
})
