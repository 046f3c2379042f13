import { createRequire } from 'node:module'
import type * as Yaml from 'yaml'

/**
 * The one guard every YAML or JSON text the mock reads goes through: request bodies, control-API
 * bodies, scenario files and texts, fixture files. V8's JSON.parse is iterative, but yaml's
 * composer, zod, structuredClone and JSON.stringify recurse, and a stack overflow inside V8's
 * regexp compiler aborts the process (issue 8: a 1,000-deep `- - - … x` killed it). So nesting is
 * measured on the text (JSON) or on yaml's concrete syntax tree, whose parser keeps its own stack,
 * before anything that recurses sees the document. Nothing here recurses.
 */

/**
 * Jackson's StreamReadConstraints.DEFAULT_MAX_DEPTH (ACS bundles Jackson 2.22, see its pom.xml):
 * ACS refuses request bodies nested deeper. The mock serialises such documents back (properties),
 * and JSON.stringify overflows between 2,000 and 5,000 levels, so this also keeps answers safe.
 */
export const MAX_JSON_DEPTH = 1000

/**
 * Fixture and scenario documents: yaml's composer overflows near 930 block levels and zod's
 * validation of the node tree near 2,000 (measured on Node 20 with the default stack), and the
 * mock reads them with its own frames below. 256 levels leave room and still allow a fixture tree
 * more than 120 folders deep.
 */
export const MAX_DOCUMENT_DEPTH = 256

/** A document nested deeper than allowed; `line` (1-based) where the limit was passed, when known. */
export class DepthError extends Error {
  constructor(
    readonly depth: number,
    readonly limit: number,
    readonly line?: number,
  ) {
    super(`the document nests deeper than ${limit} levels${line === undefined ? '' : ` (at line ${line})`}`)
    this.name = 'DepthError'
  }
}

/** Throws DepthError when the JSON text nests `[`/`{` deeper than `limit`; one pass over the text. */
export function checkJsonDepth(text: string, limit: number): void {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) throw new DepthError(depth, limit)
    } else if (c === 0x5d || c === 0x7d) depth--
  }
}

/** JSON.parse behind the depth guard. Throws DepthError, or JSON.parse's SyntaxError. */
export function parseJsonText(text: string, limit = MAX_JSON_DEPTH): unknown {
  checkJsonDepth(text, limit)
  return JSON.parse(text) as unknown
}

const load = createRequire(import.meta.url)
let yaml: typeof Yaml | undefined

/** yaml, loaded on first use: it costs start-up time, and the packaged fixtures load without it. */
export function requireYaml(): typeof Yaml {
  return (yaml ??= load('yaml') as typeof Yaml)
}

/**
 * A first pass before yaml's lexer, which needs about 15 µs per level of `[[[[…` (100,000 levels:
 * seconds): brackets outside double-quoted strings and comments bound the flow nesting from above.
 * Brackets inside plain scalars (`/a[1]`) count too, so this can only refuse a document with more
 * than `limit` of them unclosed; the syntax-tree check below is the exact one.
 */
function checkFlowBrackets(text: string, limit: number): void {
  let depth = 0
  let line = 1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a) line++
    else if (c === 0x22) {
      // A double-quoted string: to its closing quote, escapes skipped.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) {
        if (text.charCodeAt(i) === 0x5c) i++
        else if (text.charCodeAt(i) === 0x0a) line++
      }
    } else if (c === 0x23 && (i === 0 || text.charCodeAt(i - 1) <= 0x20)) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 0x0a) i++ // a comment, to the end of the line
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) throw new DepthError(depth, limit, line)
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--
  }
}

type CstToken = Yaml.CST.Token
interface CstItem {
  start?: unknown
  key?: CstToken | null
  sep?: unknown
  value?: CstToken | null
}

/**
 * Throws DepthError when a YAML text (JSON included) nests collections deeper than `limit`, read
 * from yaml's concrete syntax tree (its Parser and Lexer are iterative) with an explicit stack.
 */
export function checkYamlDepth(text: string, limit: number): void {
  checkFlowBrackets(text, limit)
  const { Parser } = requireYaml()
  const newlines: number[] = []
  const stack: [CstToken, number][] = []
  for (const token of new Parser((offset) => newlines.push(offset)).parse(text)) stack.push([token, 0])
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!
    const nested = token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection'
    const here = nested ? depth + 1 : depth
    if (here > limit) throw new DepthError(here, limit, lineAt(newlines, token.offset))
    for (const child of childrenOf(token)) stack.push([child, here])
  }
}

function childrenOf(token: CstToken): CstToken[] {
  switch (token.type) {
    case 'document':
      return token.value ? [token.value] : []
    case 'block-map':
    case 'block-seq':
    case 'flow-collection':
      return (token.items as CstItem[]).flatMap((item) => [item.key, item.value].filter((t): t is CstToken => !!t))
    default:
      return []
  }
}

/** The 1-based line of `offset`, from the offsets where lines start (ascending). */
function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0
  let hi = starts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (starts[mid]! <= offset) lo = mid + 1
    else hi = mid
  }
  return Math.max(1, lo)
}

/**
 * Depth of a composed document with aliases expanded, as toJS would build it; each node is
 * measured once (a memo per node), so an alias used a thousand times costs one lookup each.
 */
export function expandedDepth(doc: Yaml.Document.Parsed, limit: number): number {
  const { isAlias, isCollection, isPair } = requireYaml()
  const memo = new Map<unknown, number>()
  const stack: { node: unknown; done: boolean }[] = [{ node: doc.contents, done: false }]
  const kids = (node: unknown): unknown[] => {
    if (isAlias(node)) return [node.resolve(doc)]
    if (isCollection(node)) return node.items.flatMap((i: unknown) => (isPair(i) ? [i.key, i.value] : [i]))
    return []
  }
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!
    if (memo.has(top.node)) {
      stack.pop()
      continue
    }
    const children = kids(top.node).filter((k) => k !== null && k !== undefined)
    if (!top.done) {
      top.done = true
      for (const k of children) if (!memo.has(k)) stack.push({ node: k, done: false })
      // An alias cycle (an anchor used inside itself) would loop: toJS refuses those itself.
      if (stack.length > 100_000) throw new DepthError(limit + 1, limit)
      continue
    }
    stack.pop()
    let below = 0
    for (const k of children) below = Math.max(below, memo.get(k) ?? 0)
    const depth = below + (isCollection(top.node) ? 1 : 0)
    if (depth > limit) throw new DepthError(depth, limit)
    memo.set(top.node, depth)
  }
  return memo.get(doc.contents) ?? 0
}

/**
 * Throws DepthError when a value built in memory (an object handed to the API, not a text)
 * nests objects or arrays deeper than `limit`. Iterative; each object is visited once.
 */
export function checkValueDepth(value: unknown, limit: number): void {
  const seen = new Set<object>()
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (typeof v !== 'object' || v === null || seen.has(v) || ArrayBuffer.isView(v)) continue
    seen.add(v)
    if (depth + 1 > limit) throw new DepthError(depth + 1, limit)
    for (const child of Object.values(v)) stack.push([child, depth + 1])
  }
}
