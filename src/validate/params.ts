import { specRegExp, type LinearPattern } from './patterns.js'
import type { OperationSpec, ParamSpec } from './types.js'

/** Values in messages are cut: a message lands in a header and the journal, a value can be megabytes. */
export const SHOWN_VALUE_CHARS = 60

/** A value for a message: JSON-quoted, at most SHOWN_VALUE_CHARS characters of it. */
export function shown(raw: string): string {
  const cut = raw.length > SHOWN_VALUE_CHARS ? `${raw.slice(0, SHOWN_VALUE_CHARS)}…` : raw
  return `${JSON.stringify(cut)}${raw.length > SHOWN_VALUE_CHARS ? ` (${raw.length} characters)` : ''}`
}

/**
 * Path and query parameters against the operation's declarations. Only declared parameters are
 * checked: ACS ignores query parameters it does not know (alf_ticket, a client's cache buster).
 */
export function checkParams(op: OperationSpec, pathParams: Record<string, string>, query: URLSearchParams): string[] {
  const out: string[] = []
  for (const p of op.parameters) {
    if (p.in === 'path') {
      out.push(...checkValue(p, pathParams[p.name] ?? '').map((m) => `path ${p.name}: ${m}`))
      continue
    }
    const values = query.getAll(p.name)
    if (values.length === 0) {
      if (p.required) out.push(`query ${p.name}: required, but not sent`)
      continue
    }
    // A repeated array parameter is one list (`include=a&include=b`), as ACS reads it.
    const checked = p.type === 'array' ? [values.join(',')] : values.slice(0, 1)
    if (p.type !== 'array' && values.length > 1) out.push(`query ${p.name}: sent ${values.length} times, expected once`)
    for (const v of checked) out.push(...checkValue(p, v).map((m) => `query ${p.name}: ${m}`))
  }
  return out
}

function checkValue(p: ParamSpec, raw: string): string[] {
  if (p.type === 'array') {
    const items = raw.split(p.collectionFormat === 'pipes' ? '|' : p.collectionFormat === 'ssv' ? ' ' : ',')
    return items.flatMap((item) => checkScalar({ ...p, type: asType(p.items?.type), enum: p.items?.enum }, item.trim()))
  }
  return checkScalar(p, raw)
}

function asType(t: string | undefined): ParamSpec['type'] {
  return t === 'integer' || t === 'number' || t === 'boolean' ? t : 'string'
}

const patterns = new Map<string, LinearPattern>()
function patternFor(source: string): LinearPattern {
  let found = patterns.get(source)
  if (!found) patterns.set(source, (found = specRegExp(source)))
  return found
}

function checkScalar(p: Pick<ParamSpec, 'type' | 'enum' | 'minimum' | 'maximum' | 'pattern'>, raw: string): string[] {
  const got = `got ${shown(raw)}`
  switch (p.type) {
    case 'integer':
      if (!/^-?\d+$/.test(raw)) return [`must be an integer, ${got}`]
      return bounds(p, Number(raw), got)
    case 'number':
      if (raw.trim() === '' || !Number.isFinite(Number(raw))) return [`must be a number, ${got}`]
      return bounds(p, Number(raw), got)
    case 'boolean':
      return /^(true|false)$/i.test(raw) ? [] : [`must be true or false, ${got}`]
    default: {
      if (p.enum && !p.enum.includes(raw)) return [`must be one of ${p.enum.join(', ')}, ${got}`]
      // In linear time, as ajv's patterns (src/validate/patterns.ts): a parameter is request data.
      if (p.pattern && !patternFor(p.pattern).test(raw)) return [`must match the pattern ${p.pattern}, ${got}`]
      return []
    }
  }
}

function bounds(p: Pick<ParamSpec, 'minimum' | 'maximum'>, n: number, got: string): string[] {
  if (p.minimum !== undefined && n < p.minimum) return [`must be >= ${p.minimum}, ${got}`]
  if (p.maximum !== undefined && n > p.maximum) return [`must be <= ${p.maximum}, ${got}`]
  return []
}
