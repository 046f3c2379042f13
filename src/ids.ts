import { createHash, randomBytes, randomUUID } from 'node:crypto'

/** Where the mock gets its identifiers. `sequential` gives predictable ids for snapshot tests. */
export interface IdSource {
  /** A node id (ACS: a bare UUID). */
  uuid(): string
  /** A ticket: `TICKET_` + 40 lowercase hex characters, as ACS issues. */
  ticket(): string
  /** The `logId` of an error body (ACS ≥ 23.2: a random UUID). */
  logId(): string
}

export const randomIds: IdSource = {
  uuid: () => randomUUID(),
  ticket: () => `TICKET_${randomBytes(20).toString('hex')}`,
  logId: () => randomUUID(),
}

/** Deterministic ids: uuid-shaped strings derived from a counter and a seed. */
export function sequentialIds(seed = 'alfresco-mock'): IdSource {
  let n = 0
  const next = (kind: string) => createHash('sha1').update(`${seed}:${kind}:${n++}`).digest('hex')
  return {
    uuid: () => uuidFromHex(next('uuid')),
    ticket: () => `TICKET_${next('ticket')}`,
    logId: () => uuidFromHex(next('log')),
  }
}

/** A stable node id derived from a path, so fixtures without ids keep the same ids across runs. */
export function stableId(...parts: string[]): string {
  return uuidFromHex(createHash('sha1').update(parts.join('\u0000')).digest('hex'))
}

function uuidFromHex(hex: string): string {
  const h = hex.slice(0, 32)
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}
