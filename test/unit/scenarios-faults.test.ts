import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { inspectZip, unzip } from '../support/unzip.js'
import { corruptZip, looksLikeZip, truncatedLength } from '../../src/scenarios/faults.js'

async function zipOf(compression: 'STORE' | 'DEFLATE', streamFiles = false): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.folder('Reports')
  zip.file('Reports/q1.txt', 'first quarter '.repeat(50))
  zip.file('notes.txt', 'second file')
  return zip.generateAsync({ type: 'uint8array', compression, streamFiles })
}

describe('corrupting a ZIP', () => {
  it.each([
    ['STORE', false],
    ['DEFLATE', false],
    ['DEFLATE', true],
  ] as const)('makes the first file fail its CRC check while the archive still opens (%s, data descriptors: %s)', async (compression, streamFiles) => {
    const original = await zipOf(compression, streamFiles)
    const copy = original.slice()
    const damaged = corruptZip(original)!
    expect(damaged).toBeDefined()
    expect(damaged.length).toBe(original.length)
    expect(original).toEqual(copy) // the input is not touched

    // Opened by yauzl (not the jszip that wrote it): it still lists, only the first file is damaged.
    const listed = await inspectZip(damaged)
    expect(listed.map((e) => e.name)).toEqual(['Reports/', 'Reports/q1.txt', 'notes.txt'])
    expect(listed.map((e) => e.crcOk)).toEqual([true, false, true])
    expect(listed[2]!.bytes.toString()).toBe('second file')
    await expect(unzip(damaged)).rejects.toThrow(/CRC mismatch in Reports\/q1\.txt/)
  })

  it('leaves archives without a non-empty file alone', async () => {
    const zip = new JSZip()
    zip.folder('empty')
    zip.file('zero.txt', '')
    expect(corruptZip(await zip.generateAsync({ type: 'uint8array' }))).toBeUndefined()
  })

  it('recognises ZIPs by their first local header', async () => {
    expect(looksLikeZip(await zipOf('STORE'))).toBe(true)
    expect(looksLikeZip(new TextEncoder().encode('%PDF-1.7'))).toBe(false)
    expect(corruptZip(new TextEncoder().encode('not a zip at all, but long enough to scan'))).toBeUndefined()
  })
})

describe('truncating a body', () => {
  it('keeps the given bytes or fraction, and always less than the whole body', () => {
    expect(truncatedLength(1000, { fraction: 0.5 })).toBe(500)
    expect(truncatedLength(1000, { bytes: 10 })).toBe(10)
    expect(truncatedLength(1000, { bytes: 5000 })).toBe(999)
    expect(truncatedLength(1000, { fraction: 1 })).toBe(999)
    expect(truncatedLength(0, { fraction: 0.5 })).toBe(0)
  })
})
