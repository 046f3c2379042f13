import { crc32 } from 'node:zlib'
import yauzl from 'yauzl'

/** One ZIP entry as an independent reader (yauzl, not jszip) sees it. */
export interface UnzippedEntry {
  name: string
  bytes: Buffer
  /** 0 STORE, 8 DEFLATE. */
  method: number
  /** General purpose bit flags of the central directory header. */
  flags: number
  /** The same flags in the local file header. */
  localFlags: number
  isDirectory: boolean
  /** The DOS date, read as UTC (jszip writes UTC). */
  date: Date
  crc32: number
}

export const UTF8_FLAG = 0x0800

/**
 * Opens a ZIP with yauzl and returns its entries in order, each with its bytes. Throws when an
 * entry's CRC-32 (checked with zlib.crc32) or size does not match what the archive declares.
 */
export async function unzip(zip: Uint8Array): Promise<UnzippedEntry[]> {
  const entries = await inspectZip(zip)
  const bad = entries.find((e) => !e.crcOk)
  if (bad) throw new Error(`CRC mismatch in ${bad.name}: declared ${bad.crc32}, computed ${crc32(bad.bytes)}`)
  return entries
}

/** Like `unzip`, but reports each entry's CRC-32 check (`crcOk`) instead of throwing: for damaged ZIPs. */
export async function inspectZip(zip: Uint8Array): Promise<(UnzippedEntry & { crcOk: boolean })[]> {
  const file = await yauzl.fromBufferPromise(Buffer.from(zip), {
    lazyEntries: true,
    decodeStrings: true,
    validateEntrySizes: true,
    strictFileNames: true,
  })
  const out: (UnzippedEntry & { crcOk: boolean })[] = []
  try {
    for await (const entry of file.eachEntry()) {
      const local = await file.readLocalFileHeaderPromise(entry)
      const bytes = await readAll(await file.openReadStreamPromise(entry))
      out.push({
        crcOk: crc32(bytes) === entry.crc32,
        name: entry.fileName,
        bytes,
        method: entry.compressionMethod,
        flags: entry.generalPurposeBitFlag,
        localFlags: local.generalPurposeBitFlag,
        isDirectory: entry.fileName.endsWith('/'),
        date: entry.getLastModDate({ timezone: 'UTC' }),
        crc32: entry.crc32,
      })
    }
  } finally {
    file.close()
  }
  return out
}

/** Entry names in order. */
export async function entryNames(zip: Uint8Array): Promise<string[]> {
  return (await unzip(zip)).map((e) => e.name)
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(parts)
}
