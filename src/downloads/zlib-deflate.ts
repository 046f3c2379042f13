import { createRequire } from 'node:module'
import { constants, deflateRawSync } from 'node:zlib'

/**
 * DEFLATE for jszip on node:zlib instead of pako, which is several times slower. jszip (3.10)
 * finds a compression by name in its `lib/compressions.js` table (an object passed as the
 * `compression` option is not accepted), so this adds one more entry to that table under its own
 * name: the built-in STORE and DEFLATE stay as they are for anyone else using jszip.
 *
 * The worker compresses each 1 MiB piece of an entry with its own deflateRawSync call: every
 * piece but the last ends with a sync flush (an empty stored block, byte-aligned, not final) and
 * the last with a final block, so the pieces joined are one valid raw DEFLATE stream. Memory per
 * entry stays at one piece; an entry under 1 MiB is exactly what zlib gives for the whole file.
 * Pieces are cut at fixed offsets, so the bytes depend on the content only, not on chunking.
 */
export const ZLIB_DEFLATE = 'ZLIB_DEFLATE'
const PIECE = 1024 * 1024

interface Chunk {
  data: Uint8Array | string | number[]
  meta: unknown
}

/** The parts of jszip's GenericWorker (lib/stream/GenericWorker.js) a compression worker uses. */
interface GenericWorker {
  push(chunk: Chunk): void
  processChunk(chunk: Chunk): void
  flush(): void
  cleanUp(): void
}

interface Compression {
  magic: string
  compressWorker(options: { level?: number } | null): GenericWorker
  uncompressWorker(): GenericWorker
}

/** Adds ZLIB_DEFLATE to jszip's table (once) and returns its name for `generateAsync`. */
export function registerZlibDeflate(): string {
  // The same require cache as `import('jszip')`, so this is the table jszip's generator reads.
  const require = createRequire(import.meta.url)
  const compressions = require('jszip/lib/compressions') as Record<string, Compression>
  if (compressions[ZLIB_DEFLATE]) return ZLIB_DEFLATE
  const deflate = compressions.DEFLATE
  if (!deflate) throw new Error('Failed to set up DEFLATE: jszip has no DEFLATE compression. Please install jszip 3.10.')
  const Base = require('jszip/lib/stream/GenericWorker') as new (name: string) => GenericWorker
  compressions[ZLIB_DEFLATE] = {
    magic: deflate.magic,
    compressWorker: (options) => new (zlibWorker(Base))(options?.level ?? constants.Z_DEFAULT_COMPRESSION),
    // Reading is jszip's own inflate: only writing goes through here.
    uncompressWorker: () => deflate.uncompressWorker(),
  }
  return ZLIB_DEFLATE
}

function zlibWorker(Base: new (name: string) => GenericWorker) {
  return class ZlibDeflateWorker extends Base {
    private parts: Buffer[] = []
    private size = 0
    private meta: unknown = {}

    constructor(private readonly level: number) {
      super('ZlibDeflateWorker')
    }

    override processChunk(chunk: Chunk): void {
      this.meta = chunk.meta
      const bytes = toBuffer(chunk.data)
      this.parts.push(bytes)
      this.size += bytes.byteLength
      while (this.size >= PIECE) {
        const all = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts)
        this.emitPiece(all.subarray(0, PIECE), constants.Z_SYNC_FLUSH)
        this.parts = [all.subarray(PIECE)]
        this.size -= PIECE
      }
    }

    override flush(): void {
      super.flush()
      this.emitPiece(Buffer.concat(this.parts), constants.Z_FINISH)
      this.parts = []
      this.size = 0
    }

    override cleanUp(): void {
      super.cleanUp()
      this.parts = []
    }

    private emitPiece(bytes: Buffer, finishFlush: number): void {
      this.push({ data: deflateRawSync(bytes, { level: this.level, finishFlush }), meta: this.meta })
    }
  }
}

/** jszip hands binary data as Uint8Array; binary strings and arrays are its older forms. */
function toBuffer(data: Chunk['data']): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'latin1')
  if (Array.isArray(data)) return Buffer.from(data)
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
}
