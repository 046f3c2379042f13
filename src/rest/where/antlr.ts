import type { DfaTables } from './tables.js'

/**
 * The few pieces of the ANTLR 3.4 Java runtime that ACS's generated where-clause recogniser uses,
 * ported line for line so that every quirk (which token wins, where an error is reported) is ACS's:
 * ANTLRStringStream, DFA.predict/unpackEncodedString, the lexer's error positions. Nothing here
 * recurses, so hostile input costs time linear in its length and no stack.
 */

export const EOF = -1
export const HIDDEN = 99

/** A recognition error at `position`, ANTLR's charPositionInLine (column within the current line). */
export class RecognitionError extends Error {
  constructor(
    readonly position: number,
    /** True when the lexer failed: ACS's lexer throws at once (WhereClause.g's `recover`). */
    readonly fromLexer: boolean,
  ) {
    super(`Error at char position ${position}`)
    this.name = 'RecognitionError'
  }
}

/** Anything a DFA can read: a character stream or a token stream. */
export interface DfaInput {
  /** The next symbol (a UTF-16 code unit or a token type), or EOF. */
  la1(): number
  consume(): void
  mark(): number
  rewind(marker: number): void
  /** Where an error found now would be reported. */
  errorPosition(): number
}

/** ANTLRStringStream: UTF-16 units, with line and column tracked as ANTLR tracks them. */
export class CharStream implements DfaInput {
  p = 0
  line = 1
  charPositionInLine = 0
  private readonly marks: { p: number; line: number; col: number }[] = []

  constructor(readonly data: string) {}

  la(i: number): number {
    const k = this.p + i - 1
    return k < this.data.length ? this.data.charCodeAt(k) : EOF
  }

  la1(): number {
    return this.la(1)
  }

  consume(): void {
    if (this.p >= this.data.length) return
    this.charPositionInLine++
    if (this.data.charCodeAt(this.p) === 10) {
      this.line++
      this.charPositionInLine = 0
    }
    this.p++
  }

  mark(): number {
    this.marks.push({ p: this.p, line: this.line, col: this.charPositionInLine })
    return this.marks.length - 1
  }

  rewind(marker: number): void {
    const m = this.marks[marker]!
    this.marks.length = marker
    this.p = m.p
    this.line = m.line
    this.charPositionInLine = m.col
  }

  errorPosition(): number {
    return this.charPositionInLine
  }

  fail(): never {
    throw new RecognitionError(this.charPositionInLine, true)
  }
}

/** DFA.unpackEncodedString: (count, value) pairs; 0xFFFF reads as -1, as Java's (short) cast does. */
function unpack(encoded: string, signed: boolean): number[] {
  const out: number[] = []
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    const n = encoded.charCodeAt(i)
    const v = encoded.charCodeAt(i + 1)
    const value = signed && v >= 0x8000 ? v - 0x10000 : v
    for (let j = 0; j < n; j++) out.push(value)
  }
  return out
}

export interface Dfa {
  eot: number[]
  eof: number[]
  min: number[]
  max: number[]
  accept: number[]
  special: number[]
  transition: number[][]
}

export function loadDfa(t: DfaTables): Dfa {
  return {
    eot: unpack(t.eot, true),
    eof: unpack(t.eof, true),
    min: unpack(t.min, false),
    max: unpack(t.max, false),
    accept: unpack(t.accept, true),
    special: unpack(t.special, true),
    transition: t.transition.map((s) => unpack(s, true)),
  }
}

/** A state-transition hook for DFA states ANTLR marks special (-1 means no viable alternative). */
export type SpecialTransition = (state: number, input: DfaInput) => number

/** DFA.predict of ANTLR 3.4, including its EOT edges that consume a symbol and its final rewind. */
export function predict(dfa: Dfa, input: DfaInput, special?: SpecialTransition): number {
  const marker = input.mark()
  try {
    let s = 0
    for (;;) {
      const sp = dfa.special[s] ?? -1
      if (sp >= 0 && special) {
        s = special(sp, input)
        if (s === -1) throw noViableAlt(input)
        input.consume()
        continue
      }
      const accept = dfa.accept[s] ?? -1
      if (accept >= 1) return accept
      // Java's (char) cast: EOF (-1) becomes 0xFFFF.
      const c = input.la1() & 0xffff
      const min = dfa.min[s] ?? 0
      const eot = dfa.eot[s] ?? -1
      if (c >= min && c <= (dfa.max[s] ?? -1)) {
        const next = dfa.transition[s]?.[c - min] ?? -1
        if (next >= 0) s = next
        else if (eot >= 0) s = eot
        else throw noViableAlt(input)
        input.consume()
        continue
      }
      if (eot >= 0) {
        s = eot
        input.consume()
        continue
      }
      const eof = dfa.eof[s] ?? -1
      if (c === 0xffff && eof >= 0) return dfa.accept[eof] ?? 0
      throw noViableAlt(input)
    }
  } finally {
    input.rewind(marker)
  }
}

function noViableAlt(input: DfaInput): RecognitionError {
  return new RecognitionError(input.errorPosition(), input instanceof CharStream)
}
