/** A small store and a download service on a manual clock, for the downloads unit tests. */
import { ManualClock } from '../../src/clock.js'
import { createDownloadService } from '../../src/downloads/service.js'
import type { DownloadView } from '../../src/downloads/types.js'
import { sequentialIds } from '../../src/ids.js'
import { createLogger } from '../../src/log.js'
import { mergeDownloadSettings, type DownloadOptions } from '../../src/options.js'
import { AuthStore } from '../../src/store/auth-store.js'
import { NodeStore } from '../../src/store/node-store.js'
import { seedStores } from '../../src/store/seed.js'
import { EVERYONE, type MockNode, type MockUser } from '../../src/store/types.js'

export const T0 = Date.UTC(2024, 0, 15, 9, 0, 0)
export const GiB = 1024 ** 3

const user = (id: string, admin = false): MockUser => ({ id, password: id, admin, firstName: id, displayName: id, enabled: true })
function node(id: string, parentId: string | undefined, extra: Partial<MockNode> = {}): MockNode {
  return {
    id,
    name: id,
    nodeType: extra.isFolder ? 'cm:folder' : 'cm:content',
    isFolder: false,
    parentId,
    createdAt: T0,
    modifiedAt: T0,
    createdBy: 'admin',
    modifiedBy: 'admin',
    aspectNames: [],
    properties: {},
    ...extra,
  }
}
const dir = (id: string, parentId: string | undefined, extra: Partial<MockNode> = {}) =>
  node(id, parentId, { isFolder: true, nodeType: 'cm:folder', ...extra })
const txt = (id: string, parentId: string, body: string, extra: Partial<MockNode> = {}) =>
  node(id, parentId, {
    content: { mimeType: 'text/plain', mimeTypeName: 'Plain Text', encoding: 'UTF-8', source: { kind: 'bytes', bytes: Buffer.from(body) } },
    ...extra,
  })
const synthetic = (id: string, parentId: string, size: number) =>
  node(id, parentId, { content: { mimeType: 'application/octet-stream', mimeTypeName: 'Binary', encoding: 'UTF-8', source: { kind: 'synthetic', size, seed: id } } })

const NODES: MockNode[] = [
  dir('root', undefined, { readers: [EVERYONE] }),
  txt('a.txt', 'root', 'This is test file number 1.\n'),
  txt('b.txt', 'root', 'This is test file number 2.\n'),
  txt('empty.txt', 'root', ''),
  dir('folder1', 'root'),
  txt('docTest3.txt', 'folder1', 'docTest3 text'),
  dir('subFolder1', 'folder1'),
  txt('docTest4.txt', 'subFolder1', 'docTest4 text'),
  txt('bobs.txt', 'folder1', 'only bob reads this', { readers: ['bob'] }),
  synthetic('big.bin', 'root', 20_480 * 502 + 5),
  synthetic('dvd-image.iso', 'root', 3 * GiB),
]

export function setup(options: DownloadOptions = {}) {
  const clock = new ManualClock(T0)
  const store = new NodeStore()
  const auth = new AuthStore(sequentialIds())
  const data = { users: [user('admin', true), user('alice'), user('bob')], tickets: [], nodes: NODES, settings: {}, source: 'test' }
  seedStores(data, store, auth, T0)
  const settings = mergeDownloadSettings(options)
  const service = createDownloadService({ clock, ids: sequentialIds(), store, auth, settings, log: createLogger('silent') })
  const u = (id: string) => auth.users.get(id)!
  return { clock, store, service, u, alice: u('alice') }
}

export const counters = (v: DownloadView) => [v.status, v.bytesAdded, v.totalBytes, v.filesAdded, v.totalFiles]
