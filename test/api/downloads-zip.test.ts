import { describe, expect, it } from 'vitest'
import { createAlfrescoMock } from '../../src/index.js'
import { basic, get, post } from '../support/http.js'
import { unzip, UTF8_FLAG } from '../support/unzip.js'

/** The tree of ACS's TestDownloads.test004, in the default fixture format. */
const fixtures = {
  users: [
    { id: 'admin', password: 'admin', admin: true },
    { id: 'user1', password: 'user1' },
    { id: 'user2', password: 'user2' },
  ],
  nodes: [
    {
      name: 'folder1',
      id: 'folder1-id',
      children: [
        { name: 'docTest3.txt', id: 'doc3-id', content: 'docTest3 text', modifiedAt: '2024-02-01T14:30:00.000Z' },
        { name: 'subFolder1', children: [{ name: 'docTest4.txt', id: 'doc4-id', content: 'docTest4 text' }] },
        { name: 'private.txt', content: 'user2 only', readers: ['user2'] },
        { name: 'empty', children: [] },
      ],
    },
    { name: 'Ünïcödé – ファイル.txt', id: 'unicode-id', content: 'ü' },
  ],
}

const USER1 = basic('user1', 'user1')

describe('the ZIP of a download, through the API', () => {
  const mock = createAlfrescoMock({ clock: 'manual', fixtures, downloads: { progression: 'instant' } })

  async function zipOf(nodeIds: string[], auth = USER1) {
    const { id } = (await post(mock, '/downloads', { nodeIds }, { auth })).json.entry
    const status = (await get(mock, `/downloads/${id}`, { auth })).json.entry
    const content = await get(mock, `/nodes/${id}/content`, { auth })
    return { status, bytes: content.bytes, entries: await unzip(content.bytes) }
  }

  it('gives the entry order of ACS TestDownloads for a folder plus a file it contains, counting that file twice', async () => {
    const { status, entries } = await zipOf(['folder1-id', 'doc3-id'])
    expect(entries.map((e) => e.name)).toEqual([
      'folder1/',
      'folder1/docTest3.txt',
      'folder1/subFolder1/',
      'folder1/subFolder1/docTest4.txt',
      'folder1/empty/',
      'docTest3.txt',
    ])
    expect(status).toMatchObject({ status: 'DONE', totalFiles: 3, totalBytes: 39, filesAdded: 3, bytesAdded: 39 })
    expect(entries[5]!.bytes.toString()).toBe('docTest3 text')
  })

  it('leaves out children the owner cannot read', async () => {
    const mine = await zipOf(['folder1-id'])
    expect(mine.entries.map((e) => e.name)).not.toContain('folder1/private.txt')
    const theirs = await zipOf(['folder1-id'], basic('user2', 'user2'))
    expect(theirs.entries.map((e) => e.name)).toContain('folder1/private.txt')
  })

  it('deflates files, flags every name as UTF-8 and dates entries with the node modifiedAt', async () => {
    const { entries } = await zipOf(['unicode-id', 'doc3-id'])
    expect(entries.map((e) => [e.name, e.method, e.flags & UTF8_FLAG])).toEqual([
      ['Ünïcödé – ファイル.txt', 8, UTF8_FLAG],
      ['docTest3.txt', 8, UTF8_FLAG],
    ])
    expect(entries[1]!.date.toISOString()).toBe('2024-02-01T14:30:00.000Z')
  })

  it('builds identical bytes for the same request on the same store and clock', async () => {
    const a = await zipOf(['folder1-id', 'unicode-id'])
    const b = await zipOf(['folder1-id', 'unicode-id'])
    expect(a.bytes.equals(b.bytes)).toBe(true)
  })
})

describe('many downloads at once', () => {
  it('500 downloads created together all reach DONE with valid ZIPs of their own nodes', async () => {
    const mock = createAlfrescoMock({ clock: 'manual', fixtures })
    const choices = [['doc3-id'], ['doc4-id'], ['doc3-id', 'doc4-id'], ['folder1-id'], ['unicode-id', 'doc3-id']]
    const created = await Promise.all(
      Array.from({ length: 500 }, (_, i) => post(mock, '/downloads', { nodeIds: choices[i % choices.length] }, { auth: USER1 })),
    )
    expect(created.every((r) => r.status === 202)).toBe(true)
    const ids: string[] = created.map((r) => r.json.entry.id)
    expect(new Set(ids).size).toBe(500)
    mock.clock.advance(1_000)
    const statuses = await Promise.all(ids.map((id) => get(mock, `/downloads/${id}`, { auth: USER1 })))
    expect(statuses.map((r) => r.json.entry.status)).toEqual(ids.map(() => 'DONE'))
    const zips = await Promise.all(ids.map(async (id) => unzip((await get(mock, `/nodes/${id}/content`, { auth: USER1 })).bytes)))
    const expected = [['docTest3.txt'], ['docTest4.txt'], ['docTest3.txt', 'docTest4.txt'], 5, ['Ünïcödé – ファイル.txt', 'docTest3.txt']]
    zips.forEach((entries, i) => {
      const want = expected[i % expected.length]!
      if (typeof want === 'number') expect(entries).toHaveLength(want)
      else expect(entries.map((e) => e.name)).toEqual(want)
    })
  })
})
