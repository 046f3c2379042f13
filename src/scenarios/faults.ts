/**
 * The byte-level work of the body faults, with no HTTP: where to cut a truncated body, how to
 * corrupt a ZIP so that a CRC check fails while the archive still opens.
 */

const LOCAL_HEADER = 0x04034b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const DATA_DESCRIPTOR = 0x08074b50

/** How many bytes of a body of `total` bytes a truncate fault sends (always fewer than all, if any). */
export function truncatedLength(total: number, cut: { bytes?: number; fraction?: number }): number {
  const wanted = cut.bytes ?? Math.floor(total * (cut.fraction ?? 0.5))
  return Math.max(0, Math.min(wanted, total - 1))
}

/** True when the bytes start like a ZIP archive (a local file header). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && view(bytes).getUint32(0, true) === LOCAL_HEADER
}

/**
 * A copy of a ZIP whose first file entry fails its CRC-32 check; the central directory and every
 * header stay intact, so the archive lists and opens, and extracting that entry fails.
 * A STORED entry gets one data byte inverted (what damage in transit does). A DEFLATEd entry gets
 * its recorded CRC inverted instead, in both headers: flipping compressed bits could break the
 * deflate stream rather than the checksum, and the fault promises a CRC error.
 * Returns undefined when there is no non-empty file entry to damage.
 */
export function corruptZip(input: Uint8Array): Uint8Array | undefined {
  const bytes = new Uint8Array(input)
  const dv = view(bytes)
  const eocd = findEndOfCentralDirectory(dv)
  if (eocd === undefined) return undefined
  const entries = dv.getUint16(eocd + 10, true)
  let at = dv.getUint32(eocd + 16, true)
  for (let i = 0; i < entries && at + 46 <= bytes.length; i++) {
    if (dv.getUint32(at, true) !== CENTRAL_HEADER) return undefined
    const method = dv.getUint16(at + 10, true)
    const compressedSize = dv.getUint32(at + 20, true)
    const local = dv.getUint32(at + 42, true)
    if (compressedSize > 0 && dv.getUint32(local, true) === LOCAL_HEADER) {
      const data = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true)
      if (method === 0) {
        const target = data + Math.floor(compressedSize / 2)
        bytes[target] = bytes[target]! ^ 0xff
      } else {
        invertCrc(dv, at, local, data + compressedSize)
      }
      return bytes
    }
    at += 46 + dv.getUint16(at + 28, true) + dv.getUint16(at + 30, true) + dv.getUint16(at + 32, true)
  }
  return undefined
}

/** Inverts an entry's CRC-32 wherever it is recorded: central header, local header or data descriptor. */
function invertCrc(dv: DataView, central: number, local: number, afterData: number): void {
  const crc = ~dv.getUint32(central + 16, true) >>> 0
  dv.setUint32(central + 16, crc, true)
  const usesDescriptor = (dv.getUint16(local + 6, true) & 0x08) !== 0
  if (!usesDescriptor) {
    dv.setUint32(local + 14, crc, true)
    return
  }
  const descriptor = dv.getUint32(afterData, true) === DATA_DESCRIPTOR ? afterData + 4 : afterData
  if (descriptor + 4 <= dv.byteLength) dv.setUint32(descriptor, crc, true)
}

function findEndOfCentralDirectory(dv: DataView): number | undefined {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const lowest = Math.max(0, dv.byteLength - 22 - 0xffff)
  for (let i = dv.byteLength - 22; i >= lowest; i--) {
    if (dv.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) return i
  }
  return undefined
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
