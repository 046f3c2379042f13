/**
 * The `pattern`s of ACS's spec, evaluated in linear time. ECMAScript regexps backtrack, and the
 * one pattern ACS's spec uses (cm:name's constraint, as a negative lookahead) is quadratic: a
 * 160,000-character name held the event loop for 9.5 s (issue 8). Every pattern the validator
 * compiles — ajv's `pattern` keyword and declared parameters alike — comes through
 * {@link specRegExp}, which knows each spec pattern as a single-pass function proved equal to the
 * regexp by test/unit/validate-patterns.test.ts (which also checks the spec holds no other).
 * A pattern it does not know is refused when compiled, never run as a backtracking regexp.
 */

/** What ajv (code.regExp) and the parameter checks call: `test` only. */
export interface LinearPattern {
  readonly source: string
  test(input: string): boolean
  toString(): string
}

/**
 * `^(?!(.*["*\\><?/:|]+.*)|(.*[.]?.*[.]+$)|(.*[ ]+$))`, the spec's `name` pattern (Node,
 * NodeBodyCreate, NodeBodyUpdate, …). Without the `s` and `m` flags `.` stops at a line
 * terminator and `$` is the end of the input, so the lookahead refuses exactly:
 * a character of `"*\><?/:|` before the first line terminator, or — when the input has no line
 * terminator at all — a last character `.` or space.
 */
export const ACS_NAME_PATTERN = '^(?!(.*[\\"\\*\\\\\\>\\<\\?\\/\\:\\|]+.*)|(.*[\\.]?.*[\\.]+$)|(.*[ ]+$))'

const isLineTerminator = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029

/** `"*\><?/:|` */
const isNameMeta = (c: number): boolean =>
  c === 0x22 || c === 0x2a || c === 0x5c || c === 0x3e || c === 0x3c || c === 0x3f || c === 0x2f || c === 0x3a || c === 0x7c

/** One pass over `input`; `count`, when given, is called once per character read (tests count the work). */
export function acsNameMatches(input: string, count?: () => void): boolean {
  for (let i = 0; i < input.length; i++) {
    count?.()
    const c = input.charCodeAt(i)
    if (isLineTerminator(c)) return true // the first line had none of the characters; the end checks need one line
    if (isNameMeta(c)) return false
  }
  const last = input.charCodeAt(input.length - 1)
  return !(last === 0x2e || last === 0x20)
}

const KNOWN: ReadonlyMap<string, (input: string) => boolean> = new Map([[ACS_NAME_PATTERN, (s: string) => acsNameMatches(s)]])

/** The patterns this module evaluates in linear time. */
export const KNOWN_PATTERNS: readonly string[] = [...KNOWN.keys()]

/**
 * A spec pattern as a linear-time matcher, in the shape ajv's `code.regExp` option takes. Throws
 * for a pattern it does not know (a spec regenerated with new patterns must add them here).
 */
export const specRegExp = Object.assign(
  (source: string): LinearPattern => {
    const test = KNOWN.get(source)
    if (!test) {
      throw new Error(
        `Failed to compile the spec pattern /${source}/: it has no linear-time matcher. Please add one to src/validate/patterns.ts.`,
      )
    }
    return { source, test, toString: () => `linear:${source}` }
  },
  // ajv writes this into standalone code only; the mock never generates standalone validators.
  { code: 'specRegExp' },
)
