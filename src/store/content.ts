import { createHash } from 'node:crypto'
import type { ContentSource } from './types.js'

const BLOCK = 64 * 1024
const blocks = new Map<string, Buffer>()
const lazyCache = new Map<string, Uint8Array>()

/** Size of a content source in bytes (a lazy source is made on first call). */
export function contentSize(source: ContentSource): number {
  switch (source.kind) {
    case 'bytes':
      return source.bytes.byteLength
    case 'synthetic':
      return source.size
    case 'lazy':
      return loadLazy(source).byteLength
  }
}

/** All the bytes. For synthetic sources this allocates: use `contentChunks` for large ones. */
export function readContent(source: ContentSource, start = 0, end = contentSize(source)): Uint8Array {
  switch (source.kind) {
    case 'bytes':
      return source.bytes.subarray(start, end)
    case 'lazy':
      return loadLazy(source).subarray(start, end)
    case 'synthetic':
      return syntheticSlice(source.seed, start, Math.min(end, source.size))
  }
}

/** The bytes in chunks of at most `chunkSize`, produced only as they are pulled. */
export function* contentChunks(
  source: ContentSource,
  start = 0,
  end = contentSize(source),
  chunkSize = BLOCK,
): Generator<Uint8Array> {
  for (let at = start; at < end; at += chunkSize) yield readContent(source, at, Math.min(end, at + chunkSize))
}

function loadLazy(source: Extract<ContentSource, { kind: 'lazy' }>): Uint8Array {
  let bytes = lazyCache.get(source.key)
  if (!bytes) {
    bytes = source.load()
    lazyCache.set(source.key, bytes)
  }
  return bytes
}

/** Byte i = block[i mod 64 KiB] XOR (i div 64 KiB): deterministic, cheap, not trivially compressible. */
function syntheticSlice(seed: string, start: number, end: number): Uint8Array {
  const out = Buffer.allocUnsafe(Math.max(0, end - start))
  const block = syntheticBlock(seed)
  let at = start
  while (at < end) {
    const offset = at % BLOCK
    const n = Math.min(BLOCK - offset, end - at)
    const salt = Math.floor(at / BLOCK) & 0xff
    const dest = at - start
    if (salt === 0) block.copy(out, dest, offset, offset + n)
    else for (let i = 0; i < n; i++) out[dest + i] = block[offset + i]! ^ salt
    at += n
  }
  return out
}

function syntheticBlock(seed: string): Buffer {
  let block = blocks.get(seed)
  if (!block) {
    block = Buffer.allocUnsafe(BLOCK)
    for (let i = 0; i < BLOCK / 32; i++) {
      createHash('sha256').update(`${seed}:${i}`).digest().copy(block, i * 32)
    }
    blocks.set(seed, block)
  }
  return block
}
