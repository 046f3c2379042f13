/**
 * 500 downloads created at once over a real socket, by three users, over ten different node sets
 * of the default fixtures. Each download also takes a file uploaded for it alone, so every ZIP is
 * different: each is fetched, opened with yauzl and compared with its own entries and bytes, and
 * a download that got another's plan, ZIP or counters would fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAlfrescoMock, type ManualStartedAlfrescoMock } from '../../src/index.js'
import { basic } from '../support/http.js'
import { conformingFetch } from '../support/spec.js'
import { unzip } from '../support/unzip.js'

const DOWNLOADS = 500
const ADMIN = basic('admin', 'admin')
const ALICE = basic('alice', 'alice')
const BOB = basic('bob', 'bob')

/**
 * A request and the ZIP it must give: `nodes` are paths under Company Home; `entries` lists each
 * entry name with the path of the file whose bytes it holds (undefined for a folder entry).
 */
interface NodeSet {
  auth: string
  nodes: string[]
  entries: [name: string, file?: string][]
}

const P = 'Shared/Projects/Apollo'
const SETS: NodeSet[] = [
  {
    auth: ADMIN,
    nodes: ['Shared/test-file-1.txt', 'Shared/test-file-2.txt'],
    entries: [
      ['test-file-1.txt', 'Shared/test-file-1.txt'],
      ['test-file-2.txt', 'Shared/test-file-2.txt'],
    ],
  },
  {
    auth: ALICE,
    nodes: ['Shared/Projects'],
    entries: [
      ['Projects/'],
      ['Projects/Apollo/'],
      ['Projects/Apollo/plan.md', `${P}/plan.md`],
      ['Projects/Apollo/budget.csv', `${P}/budget.csv`],
      ['Projects/Apollo/Specs/'],
      ['Projects/Apollo/Specs/design.txt', `${P}/Specs/design.txt`],
      ['Projects/Archive/'],
    ],
  },
  {
    auth: BOB,
    nodes: ['Shared/Images'],
    entries: [['Images/'], ['Images/logo.png', 'Shared/Images/logo.png'], ['Images/pixel.gif', 'Shared/Images/pixel.gif']],
  },
  {
    auth: BOB,
    nodes: ['Shared/HR Confidential'],
    entries: [['HR Confidential/'], ['HR Confidential/salaries.csv', 'Shared/HR Confidential/salaries.csv']],
  },
  {
    auth: ALICE,
    nodes: ['Shared/Résumé – Ünïcödé.txt', 'Shared/Документы'],
    entries: [
      ['Résumé – Ünïcödé.txt', 'Shared/Résumé – Ünïcödé.txt'],
      ['Документы/'],
      ['Документы/отчёт.txt', 'Shared/Документы/отчёт.txt'],
    ],
  },
  {
    auth: ADMIN,
    nodes: ['Shared/lorem.txt', 'Shared/brochure.pdf', 'Shared/test-file-1.txt'],
    entries: [
      ['lorem.txt', 'Shared/lorem.txt'],
      ['brochure.pdf', 'Shared/brochure.pdf'],
      ['test-file-1.txt', 'Shared/test-file-1.txt'],
    ],
  },
  {
    auth: ALICE,
    nodes: ['User Homes/alice'],
    entries: [
      ['alice/'],
      ['alice/todo.txt', 'User Homes/alice/todo.txt'],
      ['alice/Private/'],
      ['alice/Private/diary.txt', 'User Homes/alice/Private/diary.txt'],
    ],
  },
  {
    auth: BOB,
    nodes: ['User Homes/bob/notes.txt', 'Shared/test-file-2.txt'],
    entries: [
      ['notes.txt', 'User Homes/bob/notes.txt'],
      ['test-file-2.txt', 'Shared/test-file-2.txt'],
    ],
  },
  {
    auth: ADMIN,
    nodes: [`${P}/Specs`, `${P}/Specs/design.txt`],
    entries: [['Specs/'], ['Specs/design.txt', `${P}/Specs/design.txt`], ['design.txt', `${P}/Specs/design.txt`]],
  },
  {
    auth: ADMIN,
    nodes: ['Data Dictionary/Scripts/backup.js'],
    entries: [['backup.js', 'Data Dictionary/Scripts/backup.js']],
  },
]

/** One download: a set plus the file uploaded for it (its last entry). */
interface Planned {
  set: NodeSet
  own: string
}

interface Created extends Planned {
  id: string
}

let mock: ManualStartedAlfrescoMock
const ids = new Map<string, string>()
const bytes = new Map<string, Buffer>()

async function json<T>(res: Promise<Response>, status = 200): Promise<T> {
  const r = await res
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${await r.text()}`)
  return (await r.json()) as T
}
const getJson = <T>(path: string, auth: string) =>
  json<T>(conformingFetch(`${mock.apiUrl}${path}`, { headers: { authorization: auth } }))

/** Node ids and original bytes of every path the sets name, through the API (as admin). */
async function learnFixtures(): Promise<void> {
  const paths = new Set(SETS.flatMap((s) => [...s.nodes, ...s.entries.flatMap(([, f]) => (f ? [f] : []))]))
  for (const path of paths) {
    const { entry } = await getJson<{ entry: { id: string; isFile: boolean } }>(
      `/nodes/-root-?relativePath=${encodeURIComponent(path)}`,
      ADMIN,
    )
    ids.set(path, entry.id)
    if (!entry.isFile) continue
    const res = await conformingFetch(`${mock.apiUrl}/nodes/${entry.id}/content`, { headers: { authorization: ADMIN } })
    bytes.set(path, Buffer.from(await res.arrayBuffer()))
  }
}

/** Uploads `Shared/Concurrency/own-<i>.txt` for each download, whose bytes name the download. */
async function uploadOwnFiles(): Promise<Planned[]> {
  const folder = await json<{ entry: { id: string } }>(
    conformingFetch(`${mock.apiUrl}/nodes/-shared-/children`, {
      method: 'POST',
      headers: { authorization: ADMIN, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Concurrency', nodeType: 'cm:folder' }),
    }),
    201,
  )
  const upload = async (i: number): Promise<Planned> => {
    const own = `Shared/Concurrency/own-${i}.txt`
    const text = Buffer.from(`download ${i} of ${DOWNLOADS}, set ${i % SETS.length}\n`)
    const form = new FormData()
    form.set('filedata', new File([text], `own-${i}.txt`, { type: 'text/plain' }))
    const init = { method: 'POST', headers: { authorization: ADMIN }, body: form }
    const { entry } = await json<{ entry: { id: string } }>(
      conformingFetch(`${mock.apiUrl}/nodes/${folder.entry.id}/children`, init),
      201,
    )
    ids.set(own, entry.id)
    bytes.set(own, text)
    return { set: SETS[i % SETS.length]!, own }
  }
  return Promise.all(Array.from({ length: DOWNLOADS }, (_, i) => upload(i)))
}

/** The entry names of a download with the file paths whose bytes they hold. */
const expectedEntries = ({ set, own }: Planned) => [...set.entries, [own.split('/').at(-1)!, own] as const]

function create({ set, own }: Planned): Promise<Created> {
  const body = JSON.stringify({ nodeIds: [...set.nodes, own].map((p) => ids.get(p)!) })
  const init = { method: 'POST', headers: { authorization: set.auth, 'content-type': 'application/json' }, body }
  return json<{ entry: { id: string; status: string } }>(conformingFetch(`${mock.apiUrl}/downloads`, init), 202).then(
    ({ entry }) => {
      expect(entry.status).toBe('PENDING')
      return { set, own, id: entry.id }
    },
  )
}

async function checkZip(download: Created): Promise<void> {
  const { set, id } = download
  const res = await conformingFetch(`${mock.apiUrl}/nodes/${id}/content`, { headers: { authorization: set.auth } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-disposition')).toContain('filename="archive.zip"')
  const expected = expectedEntries(download)
  const entries = await unzip(Buffer.from(await res.arrayBuffer()))
  expect(entries.map((e) => e.name)).toEqual(expected.map(([name]) => name))
  entries.forEach((e, i) => {
    const file = expected[i]![1]
    expect(e.bytes.equals(file ? bytes.get(file)! : Buffer.alloc(0)), `${id}: ${e.name}`).toBe(true)
  })
}

let planned: Planned[]

beforeAll(async () => {
  mock = await startAlfrescoMock({ port: 0, clock: 'manual' })
  await learnFixtures()
  planned = await uploadOwnFiles()
})

afterAll(async () => {
  await mock?.close()
})

describe('500 downloads at once over a socket', () => {
  it('all reach DONE with the counters and the ZIP of their own node set, and the mock stays healthy', async () => {
    const created = await Promise.all(planned.map(create))
    expect(new Set(created.map((c) => c.id)).size).toBe(DOWNLOADS)

    mock.clock.advance(1_000)
    const polled = await Promise.all(
      created.map(({ set, id }) => getJson<{ entry: Record<string, unknown> }>(`/downloads/${id}`, set.auth)),
    )
    polled.forEach(({ entry }, i) => {
      const { id } = created[i]!
      const files = expectedEntries(created[i]!).filter(([, f]) => f)
      const total = files.reduce((n, [, f]) => n + bytes.get(f!)!.byteLength, 0)
      const n = files.length
      expect(entry).toEqual({ id, status: 'DONE', filesAdded: n, totalFiles: n, bytesAdded: total, totalBytes: total })
    })

    await Promise.all(created.map(checkZip))

    const health = await json<{ status: string }>(fetch(`${mock.url}/__mock/health`))
    expect(health.status).toBe('UP')
    const overview = await json<{ downloads: { id: string; status: string }[] }>(fetch(`${mock.url}/__mock/downloads`))
    expect(overview.downloads).toHaveLength(DOWNLOADS)
    expect(overview.downloads.every((d) => d.status === 'DONE')).toBe(true)
    // Still serving new work: one more download goes the whole way.
    const after = await create(planned[0]!)
    mock.clock.advance(1_000)
    expect((await getJson<{ entry: { status: string } }>(`/downloads/${after.id}`, ADMIN)).entry.status).toBe('DONE')
    await checkZip(after)
  })

  it('keeps other users out of each download: alice gets 403 on a download bob created', async () => {
    const bobs = await create(planned[2]!)
    const res = await conformingFetch(`${mock.apiUrl}/downloads/${bobs.id}`, { headers: { authorization: ALICE } })
    expect(res.status).toBe(403)
    const content = await conformingFetch(`${mock.apiUrl}/nodes/${bobs.id}/content`, { headers: { authorization: ALICE } })
    expect(content.status).toBe(403)
  })
})
