import { Readable } from 'node:stream'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { PlanEntry } from '../../src/downloads/plan.js'
import { buildZip } from '../../src/downloads/zipper.js'
import { registerZlibDeflate, ZLIB_DEFLATE } from '../../src/downloads/zlib-deflate.js'
import { unzip } from '../support/unzip.js'

const MiB = 1024 * 1024
const DATE = Date.UTC(2024, 0, 15, 9, 0, 0)

/** Text that compresses, different at every offset (so a misplaced piece would show). */
function bytesOf(size: number): Buffer {
  const out = Buffer.alloc(size)
  let line = 0
  for (let at = 0; at < size; line++) at += out.write(`line ${line}: the quick brown fox jumps over the lazy dog\n`, at)
  return out
}

const entry = (path: string, bytes: Uint8Array): PlanEntry => ({
  path,
  kind: 'file',
  nodeId: path,
  size: bytes.byteLength,
  source: { kind: 'bytes', bytes },
  date: DATE,
})

/** The raw DEFLATE data of the one entry of a ZIP, read from its local header. */
function rawData(zip: Uint8Array): Buffer {
  const b = Buffer.from(zip)
  const compressedSize = b.readUInt32LE(18)
  const start = 30 + b.readUInt16LE(26) + b.readUInt16LE(28)
  return b.subarray(start, start + compressedSize)
}

describe('DEFLATE through node:zlib in jszip', () => {
  it.each([
    ['one byte', 1],
    ['just under a piece', MiB - 1],
    ['exactly one piece', MiB],
    ['one byte over a piece', MiB + 1],
    ['several pieces', 3 * MiB + 12_345],
  ])('writes a valid raw DEFLATE stream that inflates to the bytes: %s', async (_, size) => {
    const bytes = bytesOf(size)
    const zip = await buildZip([entry('a.txt', bytes)], { compression: 'DEFLATE', compressionLevel: 6 })
    expect(inflateRawSync(rawData(zip)).equals(bytes)).toBe(true)
    const [read] = await unzip(zip)
    expect(read).toMatchObject({ name: 'a.txt', method: 8 })
    expect(read!.bytes.equals(bytes)).toBe(true)
  })

  it('gives an entry under 1 MiB exactly the bytes of zlib.deflateRawSync at the configured level', async () => {
    const bytes = bytesOf(200_000)
    for (const level of [1, 6, 9]) {
      const zip = await buildZip([entry('a.txt', bytes)], { compression: 'DEFLATE', compressionLevel: level })
      expect(rawData(zip).equals(deflateRawSync(bytes, { level }))).toBe(true)
    }
  })

  it('compresses large text nearly as well as one zlib call over the whole file', async () => {
    const bytes = bytesOf(8 * MiB)
    const zip = await buildZip([entry('a.txt', bytes)], { compression: 'DEFLATE', compressionLevel: 6 })
    const whole = deflateRawSync(bytes, { level: 6 }).byteLength
    expect(rawData(zip).byteLength).toBeLessThan(whole * 1.01)
  })

  it('gives the same bytes whatever sizes the chunks arrive in', async () => {
    const name = registerZlibDeflate() as 'DEFLATE'
    const bytes = bytesOf(2 * MiB + 999)
    const options = { type: 'nodebuffer', compression: name, platform: 'DOS' } as const
    const date = new Date(DATE)
    // A buffer arrives in jszip's 16 KiB chunks; a stream in whatever sizes it yields.
    const whole = await new JSZip().file('a.txt', bytes, { binary: true, date }).generateAsync(options)
    const sizes = [1, 70_000, 333, MiB, 5]
    const chunks: Buffer[] = []
    for (let at = 0, i = 0; at < bytes.length; i++) {
      const n = sizes[i % sizes.length]!
      chunks.push(bytes.subarray(at, at + n))
      at += n
    }
    const streamed = await new JSZip().file('a.txt', Readable.from(chunks), { binary: true, date }).generateAsync(options)
    expect(rawData(streamed).equals(rawData(whole))).toBe(true)
    expect(inflateRawSync(rawData(whole)).equals(bytes)).toBe(true)
  })

  it("adds its own name to jszip's table and leaves jszip's pako DEFLATE working for everyone else", async () => {
    expect(registerZlibDeflate()).toBe(ZLIB_DEFLATE)
    expect(registerZlibDeflate()).toBe(ZLIB_DEFLATE)
    const bytes = bytesOf(50_000)
    const pako = await new JSZip().file('b.txt', bytes).generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
    const [read] = await unzip(pako)
    expect(read).toMatchObject({ name: 'b.txt', method: 8 })
    expect(read!.bytes.equals(bytes)).toBe(true)
  })
})
