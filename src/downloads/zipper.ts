import { Readable } from 'node:stream'
import type JSZip from 'jszip'
import { contentChunks, readContent } from '../store/content.js'
import type { PlanEntry } from './plan.js'
import type { DownloadSettings } from './types.js'
import { registerZlibDeflate } from './zlib-deflate.js'

/** Sources above this size are fed to jszip as a stream of chunks rather than one buffer. */
const STREAM_THRESHOLD = 1024 * 1024
const UTF8_NAME_FLAG = 0x0800

/**
 * The ZIP of a plan, as ZipDownloadExporter writes it: entries in plan order (duplicates kept),
 * `name/` directory entries, each entry dated with its node's modifiedAt, DEFLATE by default,
 * UTF-8 names with the language-encoding flag on every entry. Same plan, same bytes.
 */
export async function buildZip(
  entries: readonly PlanEntry[],
  settings: Pick<DownloadSettings, 'compression' | 'compressionLevel'>,
): Promise<Uint8Array> {
  // Loaded on the first ZIP, not at start-up: jszip costs ~10 ms of every cold start otherwise.
  const { default: JSZipClass } = await import('jszip')
  const zip = new JSZipClass()
  const ordered: [string, JSZip.JSZipObject][] = []
  for (const entry of entries) {
    const options = { date: new Date(entry.date), createFolders: false, binary: true }
    if (entry.kind === 'folder') zip.file(entry.path, null, { ...options, dir: true })
    else zip.file(entry.path, entryData(entry), options)
    ordered.push([entry.path, zip.files[entry.path]!])
    // jszip keys entries by name: take each one out so a later entry with the same path cannot
    // replace it (ACS writes duplicates), and let generation follow our list, not object-key order
    // (which would put integer-like names such as "2024" first). jszip's generator walks forEach.
    delete zip.files[entry.path]
  }
  zip.forEach = (callback) => {
    for (const [path, file] of ordered) callback(path, file)
  }
  const bytes = await zip.generateAsync({
    type: 'nodebuffer',
    // DEFLATE through node:zlib: the same method (8) in the archive, faster than pako. jszip's
    // types know only its own two names.
    compression: settings.compression === 'DEFLATE' ? (registerZlibDeflate() as 'DEFLATE') : settings.compression,
    compressionOptions: { level: settings.compressionLevel },
    platform: 'DOS',
  })
  return markUtf8Names(bytes)
}

function entryData(entry: PlanEntry): Uint8Array | Readable {
  const source = entry.source
  if (!source || entry.size === 0) return new Uint8Array()
  if (source.kind === 'synthetic' && entry.size > STREAM_THRESHOLD) {
    // Deterministic bytes made as jszip pulls them: a large synthetic file is never held whole.
    return Readable.from(contentChunks(source))
  }
  return readContent(source)
}

/**
 * commons-compress sets general purpose bit 11 (UTF-8 names) on every entry; jszip only on
 * non-ASCII names. The flag sits outside the CRC, so set it in both headers of every entry.
 */
export function markUtf8Names(zip: Buffer): Buffer {
  const eocd = zip.length - 22
  if (eocd < 0 || zip.readUInt32LE(eocd) !== 0x06054b50) return zip
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) break
    zip.writeUInt16LE(zip.readUInt16LE(at + 8) | UTF8_NAME_FLAG, at + 8)
    const local = zip.readUInt32LE(at + 42)
    zip.writeUInt16LE(zip.readUInt16LE(local + 6) | UTF8_NAME_FLAG, local + 6)
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return zip
}
