import { describe, expect, it } from 'vitest'
import { withTotals, type PlanEntry } from '../../src/downloads/plan.js'
import { buildZip } from '../../src/downloads/zipper.js'
import { readContent } from '../../src/store/content.js'
import type { ContentSource } from '../../src/store/types.js'
import { unzip, UTF8_FLAG } from '../support/unzip.js'

const DATE = Date.UTC(2024, 0, 15, 9, 0, 0)
const DEFLATE = { compression: 'DEFLATE', compressionLevel: 6 } as const
const text = (s: string): ContentSource => ({ kind: 'bytes', bytes: Buffer.from(s) })

const folder = (path: string, date = DATE): PlanEntry => ({ path, kind: 'folder', nodeId: path, size: 0, date })
function file(path: string, source: ContentSource, date = DATE): PlanEntry {
  const size = source.kind === 'synthetic' ? source.size : readContent(source).byteLength
  return { path, kind: 'file', nodeId: path, size, source, date }
}

describe('the ZIP of a download', () => {
  it('holds the entries in plan order, folders as name/ entries, with the exact bytes of each file', async () => {
    const entries = [
      folder('folder1/'),
      file('folder1/docTest3.txt', text('docTest3 text')),
      folder('folder1/subFolder1/'),
      file('folder1/subFolder1/docTest4.txt', text('docTest4 text')),
      folder('folder1/empty/'),
      file('docTest3.txt', text('docTest3 text')),
    ]
    const zip = await unzip(await buildZip(entries, DEFLATE))
    expect(zip.map((e) => e.name)).toEqual(entries.map((e) => e.path))
    expect(zip[1]!.bytes.toString()).toBe('docTest3 text')
    expect(zip[3]!.bytes.toString()).toBe('docTest4 text')
    expect(zip.filter((e) => e.isDirectory).every((e) => e.bytes.length === 0)).toBe(true)
  })

  it('compresses files with DEFLATE by default and stores them with STORE when configured', async () => {
    const entries = [folder('a/'), file('a/t.txt', text('hello hello hello hello'))]
    const deflated = await unzip(await buildZip(entries, DEFLATE))
    expect(deflated.map((e) => e.method)).toEqual([0, 8])
    const stored = await unzip(await buildZip(entries, { compression: 'STORE', compressionLevel: 6 }))
    expect(stored.map((e) => e.method)).toEqual([0, 0])
    expect(stored[1]!.bytes.toString()).toBe('hello hello hello hello')
  })

  it('sets the UTF-8 language-encoding flag on every entry, in both headers, as commons-compress does', async () => {
    const entries = [file('plain.txt', text('x')), folder('Документы/'), file('Документы/отчёт.txt', text('Квартальный отчёт.\n'))]
    const zip = await unzip(await buildZip(entries, DEFLATE))
    expect(zip.map((e) => e.name)).toEqual(['plain.txt', 'Документы/', 'Документы/отчёт.txt'])
    for (const e of zip) {
      expect(e.flags & UTF8_FLAG).toBe(UTF8_FLAG)
      expect(e.localFlags & UTF8_FLAG).toBe(UTF8_FLAG)
    }
    expect(zip[2]!.bytes.toString()).toBe('Квартальный отчёт.\n')
  })

  it('dates each entry with its node date', async () => {
    const modified = Date.UTC(2024, 1, 1, 14, 30, 0)
    const zip = await unzip(await buildZip([folder('d/', DATE), file('d/x.txt', text('x'), modified)], DEFLATE))
    expect(zip.map((e) => e.date.getTime())).toEqual([DATE, modified])
  })

  it('gives identical bytes for the same plan', async () => {
    const entries = [folder('f/'), file('f/a.txt', text('a')), file('b.txt', { kind: 'synthetic', size: 70_000, seed: 'b' })]
    const a = Buffer.from(await buildZip(entries, DEFLATE))
    const b = Buffer.from(await buildZip(entries, DEFLATE))
    expect(a.equals(b)).toBe(true)
  })

  it('keeps two entries with the same path, as ACS does (no de-duplication)', async () => {
    const entries = [file('same.txt', text('first')), file('same.txt', text('second'))]
    const zip = await unzip(await buildZip(entries, DEFLATE))
    expect(zip.map((e) => [e.name, e.bytes.toString()])).toEqual([
      ['same.txt', 'first'],
      ['same.txt', 'second'],
    ])
  })

  it('keeps plan order for integer-like names that a plain object would sort first', async () => {
    const entries = [file('b.txt', text('b')), file('2024', text('year')), file('10', text('ten')), folder('7/')]
    const zip = await unzip(await buildZip(entries, DEFLATE))
    expect(zip.map((e) => e.name)).toEqual(['b.txt', '2024', '10', '7/'])
  })

  it('streams a large synthetic file into the ZIP with the same bytes the store serves', async () => {
    const source: ContentSource = { kind: 'synthetic', size: 3 * 1024 * 1024 + 17, seed: 'video' }
    const zip = await unzip(await buildZip([file('video.mp4', source)], DEFLATE))
    expect(zip[0]!.bytes.equals(Buffer.from(readContent(source)))).toBe(true)
  })

  it('writes empty files as empty entries', async () => {
    const zip = await unzip(await buildZip([file('empty.txt', { kind: 'bytes', bytes: new Uint8Array() })], DEFLATE))
    expect(zip.map((e) => [e.name, e.bytes.length])).toEqual([['empty.txt', 0]])
  })
})

describe('the plan totals and progress points', () => {
  it('counts files only, each occurrence, and places a point at the first chunk of each non-empty file', () => {
    const plan = withTotals([folder('f/'), file('f/a.txt', text('a'.repeat(28))), file('e.txt', text('')), file('b.txt', text('b'.repeat(28)))])
    expect(plan.totalFiles).toBe(3)
    expect(plan.totalBytes).toBe(56)
    expect(plan.points).toEqual([
      { offset: 0, bytesAdded: 28, filesAdded: 0 },
      { offset: 28, bytesAdded: 56, filesAdded: 2 },
    ])
  })

  it('adds a point every 500 chunks of 20,480 bytes inside a large file', () => {
    const size = 20_480 * 1_001 + 5
    const plan = withTotals([file('big.bin', { kind: 'synthetic', size, seed: 's' })])
    expect(plan.points).toEqual([
      { offset: 0, bytesAdded: 20_480, filesAdded: 0 },
      { offset: 20_480 * 500, bytesAdded: 20_480 * 501, filesAdded: 0 },
      { offset: 20_480 * 1_000, bytesAdded: 20_480 * 1_001, filesAdded: 0 },
    ])
  })

  it('has no points when every file is empty', () => {
    const plan = withTotals([file('a', text('')), file('b', text(''))])
    expect(plan).toMatchObject({ totalFiles: 2, totalBytes: 0, points: [] })
  })
})
