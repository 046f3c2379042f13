import type { Context } from 'hono'
import { errors } from '../errors.js'
import { DepthError, MAX_JSON_DEPTH, parseJsonText } from '../safe-parse.js'

/** The largest request body the mock reads (JSON and multipart alike); larger ones get 413. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024

/** Reads the raw body, refusing more than `limit` bytes without buffering them all. */
export async function readBody(c: Context, limit: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > limit) throw errors.payloadTooLarge(limit)
  const stream = c.req.raw.body as ReadableStream<Uint8Array> | null
  if (!stream) return new Uint8Array()
  const parts: Uint8Array[] = []
  let total = 0
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      await reader.cancel()
      throw errors.payloadTooLarge(limit)
    }
    parts.push(value)
  }
  return Buffer.concat(parts)
}

/**
 * A JSON request body as Jackson would read it. Malformed JSON → ACS's 400
 * "Could not read content from HTTP request body: …". An empty body gives `undefined`.
 */
export async function readJson(c: Context, limit: number): Promise<unknown> {
  const bytes = await readBody(c, limit)
  const text = new TextDecoder().decode(bytes)
  if (text.trim() === '') return undefined
  try {
    return parseJsonText(text, MAX_JSON_DEPTH)
  } catch (err) {
    if (err instanceof DepthError) throw tooDeep(err)
    throw errors.unreadableBody((err as Error).message)
  }
}

/**
 * Jackson's StreamConstraintsException, as ACS wraps it (JacksonHelper: "Could not read content
 * from HTTP request body: …"); the wording is Jackson 2.16+'s (derived from Jackson's source).
 */
export function tooDeep(err: DepthError) {
  return errors.unreadableBody(
    `Document nesting depth (${err.depth}) exceeds the maximum allowed (${err.limit}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`,
  )
}

/** Property names of `body` that are not in `known`, as Jackson's FAIL_ON_UNKNOWN_PROPERTIES sees them. */
export function unknownProperty(body: Record<string, unknown>, known: readonly string[]): string | undefined {
  return Object.keys(body).find((k) => !known.includes(k))
}
