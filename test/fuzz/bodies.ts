import { long, oddString, type Random } from './random.js'

type Schema = Record<string, unknown>

/** What a request carries: the body and, when it has a type of its own, that type. */
export interface FuzzBody {
  body: string | Uint8Array | FormData
  type?: string
  /** For failure messages. */
  preview: string
}

const text = (body: string, type = 'application/json'): FuzzBody => ({ body, type, preview: preview(body) })

export function preview(body: string): string {
  return body.length > 300 ? `${JSON.stringify(body.slice(0, 300))}… (${body.length} characters)` : JSON.stringify(body)
}

/** Nesting of the kind that killed the mock (issue 8): arrays, objects, YAML block sequences. */
function deep(r: Random): FuzzBody {
  const depth = r.pick([200, 999, 1_001, 5_000, 100_000])
  switch (r.int(4)) {
    case 0:
      return text('['.repeat(depth) + ']'.repeat(depth))
    case 1:
      return text('{"a":'.repeat(depth) + '1' + '}'.repeat(depth))
    case 2:
      return text(`${'- '.repeat(Math.min(depth, 20_000))}x\n`, 'application/yaml')
    default:
      return text(`{"name":"n","nodeType":"cm:content","properties":{"cm:title":${'['.repeat(depth)}${']'.repeat(depth)}},"nodeIds":${'['.repeat(depth)}"x"${']'.repeat(depth)}}`)
  }
}

const MALFORMED = ['{', '[1,]', 'nul', '{"a":}', '\u0000', '"unterminated', '{"a":1}{"b":2}', '[[[[', ']]]', '{"__proto__":{"x":1}}', 'a: [b', '*a', '&a [*a]', '%YAML 9.9\n---\nx']

/** A value for a schema, sometimes of the wrong type, recursing a few levels at most. */
function valueFor(r: Random, schema: Schema | undefined, definitions: Record<string, Schema>, depth: number): unknown {
  const ref = typeof schema?.$ref === 'string' ? schema.$ref.replace('#/definitions/', '') : undefined
  const s = ref ? definitions[ref] : schema
  if (r.chance(0.15) || depth > 3 || !s) return r.pick([null, 42, -1, true, oddString(r), [], {}, [oddString(r)], { a: 1 }])
  if (Array.isArray(s.enum)) return r.chance(0.8) ? r.pick(s.enum) : oddString(r)
  switch (s.type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Schema>
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(props)) if (r.chance(0.6)) out[k] = valueFor(r, v, definitions, depth + 1)
      if (r.chance(0.1)) out[oddString(r)] = oddString(r)
      return out
    }
    case 'array':
      return Array.from({ length: r.int(4) }, () => valueFor(r, s.items as Schema, definitions, depth + 1))
    case 'integer':
    case 'number':
      return r.pick([0, 1, -1, 2 ** 31, 2 ** 53 + 1, 1.5, 1e308])
    case 'boolean':
      return r.chance(0.5)
    default:
      return r.chance(0.7) ? r.pick(['cm:content', 'cm:folder', 'x.txt', 'New folder', 'a/b', 'cm:title']) : oddString(r)
  }
}

/** A multipart form with odd fields, as uploads are fuzzed. */
function multipart(r: Random): FuzzBody {
  const form = new FormData()
  const names = ['filedata', 'name', 'nodeType', 'relativePath', 'autoRename', 'overwrite', 'majorVersion', 'cm:title', oddString(r)]
  for (let i = 0; i < 1 + r.int(6); i++) {
    const field = r.pick(names)
    if (field === 'filedata' && r.chance(0.7)) form.append(field, new Blob([r.chance(0.1) ? long(r) : 'bytes']), r.chance(0.7) ? r.pick(['a.txt', oddString(r)]) : undefined)
    else form.append(field || 'x', r.chance(0.2) ? long(r) : oddString(r))
  }
  return { body: form, preview: `multipart(${[...form.keys()].map((k) => JSON.stringify(k.slice(0, 40))).join(', ')})` }
}

/** A body for an operation (its schema, if any), or for an endpoint without a schema. */
export function fuzzBody(r: Random, schema: Schema | undefined, definitions: Record<string, Schema>): FuzzBody | undefined {
  const roll = r.int(20)
  if (roll === 0) return undefined
  if (roll <= 2) return deep(r)
  if (roll <= 4) return text(r.pick(MALFORMED))
  if (roll === 5) return multipart(r)
  if (roll === 6) return text(JSON.stringify({ name: long(r), nodeType: 'cm:content' }))
  if (roll === 7) return text(oddString(r), r.pick(['text/plain', 'application/octet-stream', 'application/json', '', 'multipart/form-data; boundary=', 'multipart/form-data']))
  if (roll === 8) return { body: new Uint8Array(Array.from({ length: 64 }, () => r.int(256))), type: 'application/json', preview: 'random bytes' }
  const value = valueFor(r, schema, definitions, 0)
  return text(JSON.stringify(r.chance(0.1) ? [value, value] : value))
}

/** Bodies of the control API: scenario texts (YAML or JSON), clock and download bodies. */
export function controlBody(r: Random): FuzzBody | undefined {
  const roll = r.int(10)
  if (roll === 0) return undefined
  if (roll <= 2) return deep(r)
  if (roll === 3) return text(r.pick(MALFORMED))
  if (roll === 4) return text(`a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`, 'application/yaml')
  if (roll === 5) return text(`name: fz\nfaults:\n  - match: { method: GET, path: /downloads/{id} }\n    respond: { status: 418 }\n`, 'application/yaml')
  if (roll === 6) return text(JSON.stringify({ ms: r.pick([0, 1_000, -1, 1e300, '5', null]), steps: r.pick([1, 0, -1, 'x', 1e9]), to: r.pick(['DONE', 'x', null]) }))
  if (roll === 7) return text(`description: ${long(r)}\n`, 'application/yaml')
  return text(oddString(r), 'text/plain')
}
