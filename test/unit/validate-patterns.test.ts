import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { RequestValidator } from '../../src/validate/validator.js'
import { ACS_NAME_PATTERN, acsNameMatches, KNOWN_PATTERNS, specRegExp } from '../../src/validate/patterns.js'

/** Every `pattern` value anywhere in a parsed spec document. */
function patternsIn(doc: unknown): Set<string> {
  const out = new Set<string>()
  const stack: unknown[] = [doc]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v !== 'object' || v === null) continue
    for (const [k, child] of Object.entries(v)) {
      if (k === 'pattern' && typeof child === 'string') out.add(child)
      else stack.push(child)
    }
  }
  return out
}

/** mulberry32: the same strings on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Each character class the pattern distinguishes: plain, the end checks, a forbidden one, each line terminator.
const ALPHABET = ['a', '.', ' ', ':', '"', '\\', '|', '\n', '\r', '\u2028', '\u2029', 'é', '\u0000']

describe('the patterns of ACS spec, evaluated in linear time', () => {
  it('knows every pattern the shipped request spec and the source definitions contain', () => {
    const shipped = patternsIn(JSON.parse(readFileSync('src/openapi/request-spec.json', 'utf8')))
    const sources = ['test/spec/alfresco-core.yaml', 'test/spec/alfresco-auth.yaml'].map((f) => patternsIn(parse(readFileSync(f, 'utf8'))))
    const all = new Set([...shipped, ...sources.flatMap((s) => [...s])])
    expect(shipped.size).toBeGreaterThan(0)
    expect([...all].filter((p) => !KNOWN_PATTERNS.includes(p))).toEqual([])
  })

  it('answers exactly as the ECMAScript regexp for every string of up to four characters, and for long random ones', () => {
    const native = new RegExp(ACS_NAME_PATTERN)
    const differ: string[] = []
    const check = (s: string) => {
      if (native.test(s) !== acsNameMatches(s)) differ.push(JSON.stringify(s))
    }
    let level = ['']
    for (let n = 0; n <= 4; n++) {
      level.forEach(check)
      level = level.flatMap((s) => ALPHABET.map((c) => s + c))
    }
    const next = random(8)
    for (let i = 0; i < 5_000; i++) {
      const length = 5 + Math.floor(next() * 40)
      check(Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(''))
    }
    expect(differ).toEqual([])
  })

  it('reads each character of the input at most once, on the inputs that make the regexp backtrack', () => {
    const n = 1_000_000
    for (const input of ['a'.repeat(n), `${'a'.repeat(n)}.`, `${' '.repeat(n)}x`, `${'.'.repeat(n)}a`, `${'a'.repeat(n)}\n`]) {
      let steps = 0
      acsNameMatches(input, () => steps++)
      expect(steps).toBeLessThanOrEqual(input.length)
    }
  })

  it('refuses to compile a pattern it has no linear matcher for', () => {
    expect(() => specRegExp('^(a+)+$')).toThrow(
      'Failed to compile the spec pattern /^(a+)+$/: it has no linear-time matcher. Please add one to src/validate/patterns.ts.',
    )
  })

  it('validates a body with a 1 MB name through ajv with the linear matcher', () => {
    const validator = new RequestValidator()
    const facts = (name: string) => ({
      method: 'POST',
      path: '/alfresco/api/-default-/public/alfresco/versions/1/nodes/-root-/children',
      query: new URLSearchParams(),
      contentType: 'application/json',
      body: new TextEncoder().encode(JSON.stringify({ name, nodeType: 'cm:content' })),
      hasBody: true,
    })
    expect(validator.check(facts('a'.repeat(1_000_000))).violations).toEqual([])
    expect(validator.check(facts(`${'a'.repeat(1_000_000)}.`)).violations).toEqual([
      `body /name: must match pattern "${ACS_NAME_PATTERN}", got "${'a'.repeat(60)}…" (1000001 characters)`,
    ])
  })
})
