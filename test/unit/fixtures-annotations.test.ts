/** Versions, tags, comments, ratings and categories in the fixture format: what they build, and what is refused. */
import { describe, expect, it } from 'vitest'
import { categoryId } from '../../src/categories/service.js'
import { ConfigFileError, type FileProblem } from '../../src/errors.js'
import { loadFixtures } from '../../src/fixtures/load.js'
import { createAlfrescoMock } from '../../src/index.js'
import { PACKAGED_FIXTURES_DIR } from '../../src/paths.js'
import { readContent } from '../../src/store/content.js'
import { call, fixtureNode, get } from '../support/http.js'

const ctx = { packagedDir: PACKAGED_FIXTURES_DIR, defaultDate: Date.UTC(2024, 0, 1) }
const users = [
  { id: 'admin', password: 'admin', admin: true, email: 'admin@example.com' },
  { id: 'alice', password: 'alice', email: 'alice@example.com' },
]

function problems(nodes: unknown[], extra: Record<string, unknown> = {}): string[] {
  try {
    loadFixtures({ users, nodes, ...extra }, ctx)
  } catch (e) {
    if (e instanceof ConfigFileError) return e.problems.map((p: FileProblem) => `${p.path}: ${p.message}`)
    throw e
  }
  throw new Error('expected the fixtures to be rejected')
}

describe('fixture versions', () => {
  it('build a history oldest first with ACS’s labels; the last entry is the file, earlier ones keep their own bytes', () => {
    const seed = loadFixtures(
      {
        users,
        nodes: [
          {
            name: 'doc.txt',
            content: 'now',
            modifiedAt: '2024-03-01T00:00:00Z',
            versions: [{ content: 'first', comment: 'one' }, { major: true }, { comment: 'three', modifiedBy: 'alice' }],
          },
        ],
      },
      ctx,
    )
    const [history] = seed.extras!.versions
    expect(history!.records.map((v) => [v.label, v.type, v.comment])).toEqual([['1.0', 'MAJOR', 'one'], ['2.0', 'MAJOR', undefined], ['2.1', 'MINOR', 'three']])
    const text = (i: number) => Buffer.from(readContent(history!.records[i]!.frozen.content!.source)).toString()
    expect([text(0), text(1), text(2)]).toEqual(['first', 'now', 'now'])
    expect(history!.records[2]!.frozen).toMatchObject({ modifiedAt: Date.parse('2024-03-01T00:00:00Z'), modifiedBy: 'alice' })
    const node = seed.nodes.find((n) => n.name === 'doc.txt')!
    expect(node.aspectNames).toContain('cm:versionable')
    expect(node.properties).toMatchObject({ 'cm:versionLabel': '2.1', 'cm:versionType': 'MINOR' })
  })

  it('take given labels, which must rise, and refuse versions of folders and content on the last entry', () => {
    expect(
      problems([
        { name: 'a.txt', content: 'x', versions: [{ label: '1.2' }, { label: '1.1' }] },
        { name: 'b.txt', content: 'x', versions: [{ content: 'y', size: 3 }, { content: 'z' }] },
        { name: 'F', children: [], versions: [{}] },
        { name: 'c.txt', content: 'x', versions: [{ modifiedBy: 'nobody' }] },
      ]),
    ).toEqual([
      'nodes[0].versions[1].label: "1.1" does not come after 1.2. Please list versions oldest first with rising labels.',
      'nodes[1].versions[0]: has 2 content sources (content and size). Please keep one.',
      "nodes[1].versions[1]: is the file as it is now, so its content is the file's. Please move content to the file itself.",
      'nodes[2].versions: applies to files only: ACS versions content, not folders. Please remove it.',
      'nodes[3].versions[0].modifiedBy: unknown user "nobody". Please add it to users or use one of admin, alice.',
    ])
  })
})

describe('fixture tags, comments, ratings and categories', () => {
  it('serve through the API as if they had been made by it', async () => {
    const mock = createAlfrescoMock({
      clock: 'manual',
      fixtures: {
        users,
        tags: ['Orphan'],
        categories: { acs: false, tree: [{ name: 'Projects', children: [{ name: 'Apollo' }] }] },
        nodes: [
          {
            name: 'doc.txt',
            content: 'x',
            tags: ['Beta', 'alpha'],
            categories: ['projects/apollo'],
            comments: [{ content: 'hi', by: 'alice', at: '2024-02-01T00:00:00Z', modifiedAt: '2024-02-02T00:00:00Z' }],
            ratings: [{ by: 'alice', scheme: 'fiveStar', rating: 5 }, { by: 'admin', scheme: 'likes' }],
          },
        ],
      },
    })
    const doc = fixtureNode(mock, 'doc.txt')
    const tags = (await get(mock, `/nodes/${doc.id}/tags`)).json.list.entries.map((e: { entry: { tag: string } }) => e.entry.tag)
    expect(tags).toEqual(['alpha', 'beta'])
    expect((await get(mock, '/tags')).json.list.entries.map((e: { entry: { tag: string } }) => e.entry.tag)).toEqual(['alpha', 'beta', 'orphan'])
    expect((await get(mock, '/categories/-root-/subcategories')).json.list.entries.map((e: { entry: { name: string } }) => e.entry.name)).toEqual(['Projects'])
    expect((await get(mock, `/nodes/${doc.id}/category-links`)).json.list.entries[0].entry.id).toBe(categoryId(['Projects', 'Apollo']))
    const comment = (await get(mock, `/nodes/${doc.id}/comments`)).json.list.entries[0].entry
    expect(comment).toMatchObject({ content: 'hi', createdBy: { id: 'alice' }, edited: true })
    const ratings = await call(mock, 'GET', `/nodes/${doc.id}/ratings`)
    expect(ratings.json.list.entries.map((e: { entry: { aggregate: unknown } }) => e.entry.aggregate)).toEqual([{ numberOfRatings: 1, average: 5 }, { numberOfRatings: 1 }])
    mock.dispose()
  })

  it('add to ACS’s category tree by name: an existing name is that category', () => {
    const seed = loadFixtures({ users, categories: { tree: [{ name: 'Languages', children: [{ name: 'Klingon' }] }] }, nodes: [] }, ctx)
    const languages = seed.extras!.categories.filter((c) => c.name === 'Languages')
    expect(languages).toHaveLength(1)
    expect(seed.extras!.categories.find((c) => c.name === 'Klingon')!.parentId).toBe(languages[0]!.id)
  })

  it('refuse unknown users and categories, repeated or self-made fiveStar ratings, likes other than true, and tag delimiters', () => {
    expect(
      problems(
        [
          {
            name: 'd.txt',
            content: 'x',
            createdBy: 'alice',
            tags: ['a|b'],
            categories: ['Languages/Klingon'],
            comments: [{ content: 'c', by: 'nobody' }],
            ratings: [
              { by: 'alice', scheme: 'fiveStar', rating: 3 },
              { by: 'admin', scheme: 'likes', rating: 2 },
              { by: 'admin', scheme: 'fiveStar' },
              { by: 'admin', scheme: 'fiveStar', rating: 1 },
            ],
          },
        ],
      ),
    ).toEqual([
      'nodes[0].tags[0]: must not contain | or a line break (ACS refuses them).',
      'nodes[0].comments[0].by: unknown user "nobody". Please add it to users or use one of admin, alice.',
      "nodes[0].ratings[0].by: alice created this node, and ACS does not let users rate their own content with fiveStar. Please use another user.",
      'nodes[0].ratings[1].rating: a like is true (ACS keeps no other value). Please remove rating or make it true.',
      'nodes[0].ratings[2].rating: fiveStar needs a rating from 1 to 5. Please add rating: 4, say.',
      'nodes[0].ratings[3]: admin already rated this node with fiveStar. Please keep one rating per user and scheme.',
      'nodes[0].categories[0]: there is no category "Languages/Klingon". Please name one by its path of names, such as "Languages/English", or add it to categories.tree.',
    ])
  })
})
