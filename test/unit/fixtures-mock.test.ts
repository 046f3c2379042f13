import { describe, expect, it } from 'vitest'
import { ConfigFileError, createAlfrescoMock } from '../../src/index.js'
import { call, ticketAuth } from '../support/http.js'

describe('createAlfrescoMock with fixtures', () => {
  it('serves the nodes, users and tickets of a fixtures object', async () => {
    const mock = createAlfrescoMock({
      clock: 'manual',
      fixtures: {
        users: [{ id: 'admin', password: 'admin', admin: true }, { id: 'zoe', password: 'z' }],
        tickets: [{ id: 'TICKET_1234abcd', user: 'zoe' }],
        nodes: [{ name: 'Docs', id: 'docs', children: [{ name: 'a.txt', id: 'doc-a', content: 'A!' }] }],
      },
    })
    expect(mock.store.get('doc-a')).toMatchObject({ name: 'a.txt', parentId: 'docs', createdAt: mock.clock.now() })
    expect(mock.auth.users.get('zoe')).toMatchObject({ displayName: 'zoe', admin: false })
    const me = await call(mock, 'GET', '/tickets/-me-', { base: 'auth', auth: ticketAuth('TICKET_1234abcd') })
    expect(me.status).toBe(200)
    expect(me.json.entry.id).toBe('TICKET_1234abcd')
  })

  it('serves a fixture file given by path, and re-seeds it on reset', () => {
    const mock = createAlfrescoMock({ clock: 'manual', fixtures: 'test/fixtures-data/every-source.yaml' })
    expect(mock.store.get('files')).toMatchObject({ name: 'Files', alias: '-files-' })
    mock.store.remove('files')
    expect(mock.store.get('files')).toBeUndefined()
    mock.reset()
    expect(mock.store.get('files')).toMatchObject({ name: 'Files' })
    expect(mock.downloadSettings).toMatchObject({ progression: 'polls', pendingMs: 2_000, maxContentSize: 10_000 })
  })

  it('refuses to start with broken fixtures, naming every problem', () => {
    expect(() => createAlfrescoMock({ fixtures: { nodes: [{ name: 'x' }], users: 3 } })).toThrow(ConfigFileError)
    expect(() => createAlfrescoMock({ fixtures: { nodes: [{ name: 'x' }], users: 3 } })).toThrow(
      'Failed to load fixtures "<object>": 2 problems:\n' +
        '  - <object> at users: expected a list, got number 3.\n' +
        "  - <object> at nodes[0]: is neither a folder nor a file. Please add children: [] for an empty folder or content: '' for an empty file.\n" +
        'Please fix them and start again.',
    )
  })
})
