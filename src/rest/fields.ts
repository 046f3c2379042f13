/**
 * `fields=` as RecognizedParamsExtractor.getFilter reads it and SerializerOfExecutionResult applies it:
 * a StringTokenizer on ',' with each name trimmed (Java's trim: code units up to U+0020), plus the top
 * segment of every `include` value, since what is included is always shown. Only the top-level
 * properties of each entry are filtered. `fields=` with nothing in it keeps nothing but the includes.
 * Undefined means no filter.
 */
export function readFields(fields: string | undefined, include: readonly string[]): ReadonlySet<string> | undefined {
  if (fields === undefined) return undefined
  const keep = new Set<string>()
  for (const token of fields.split(',')) if (token !== '') keep.add(javaTrim(token))
  for (const inc of include) keep.add(inc.split('/')[0]!)
  return keep
}

/** An entry with only the allowed top-level properties (own ones: `fields=__proto__` selects nothing). */
export function applyFields<T extends object>(value: T, keep: ReadonlySet<string> | undefined): Partial<T> {
  if (!keep) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) if (keep.has(k)) out[k] = v
  return out as Partial<T>
}

/** String.trim in Java: every code unit up to and including the space goes, at both ends. */
export function javaTrim(s: string): string {
  let start = 0
  let end = s.length
  while (start < end && s.charCodeAt(start) <= 0x20) start++
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--
  return s.slice(start, end)
}
