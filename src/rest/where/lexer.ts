import { CharStream, EOF, HIDDEN, loadDfa, predict, type DfaInput } from './antlr.js'
import { TABLES } from './tables.js'
import { T } from './tokens.js'

/**
 * ACS's WhereClauseLexer (remote-api/src/main/generated/org/alfresco/rest/antlr/WhereClauseLexer.java,
 * from WhereClause.g), rule for rule. Keywords carry their whitespace: `NOT ` (NEGATION), ` IN`,
 * ` MATCHES`, ` BETWEEN`, ` AND `, ` OR `; the comparison operators swallow whitespace around them;
 * WS goes to the hidden channel. Any failure throws at once with the column, as ACS's overridden
 * `recover` does ("Error at char position N").
 */

export interface Token {
  type: number
  channel: number
  text: string
  /** Column of the token's first character (ANTLR's charPositionInLine). */
  col: number
}

const DFA26 = loadDfa(TABLES.dfa26)
const DFA28 = loadDfa(TABLES.dfa28)

const inRanges = (c: number, ranges: readonly number[]): boolean => {
  for (let i = 0; i < ranges.length; i += 2) if (c >= ranges[i]! && c <= ranges[i + 1]!) return true
  return false
}

// The character sets exactly as the generated code tests them (which differ a little from the .g file).
const LETTER = [0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a, 0xc0, 0xd6, 0xd8, 0xf6, 0xf8, 0x1fff, 0x3040, 0x318f, 0x3300, 0x337f, 0x3400, 0x3d2d, 0x4e00, 0x9fff, 0xf900, 0xfaff]
const LETTER_OR_DIGIT = [0x30, 0x39, ...LETTER]
const DIGIT = [
  0x30, 0x39, 0x660, 0x669, 0x6f0, 0x6f9, 0x966, 0x96f, 0x9e6, 0x9ef, 0xa66, 0xa6f, 0xae6, 0xaef, 0xb66, 0xb6f, 0xbe7, 0xbef,
  0xc66, 0xc6f, 0xce6, 0xcef, 0xd66, 0xd6f, 0xe50, 0xe59, 0xed0, 0xed9, 0x1040, 0x1049,
]
const isWs = (c: number): boolean => c === 9 || c === 10 || c === 13 || c === 32
const Q = 0x27 // '
const BACKSLASH = 0x5c

export class WhereLexer {
  readonly input: CharStream

  constructor(text: string) {
    this.input = new CharStream(text)
  }

  /** Lexer.nextToken: EOF tokens forever at the end; the token type is the rule mTokens chose. */
  nextToken(): Token {
    const input = this.input
    const start = input.p
    const col = input.charPositionInLine
    if (input.la(1) === EOF) return { type: EOF, channel: 0, text: '', col }
    const type = this.mTokens()
    return { type, channel: type === T.WS ? HIDDEN : 0, text: input.data.slice(start, input.p), col }
  }

  private mTokens(): number {
    const alt = predict(DFA28, this.input, (s, input) => specialState28(s, input))
    switch (alt) {
      case 1: return this.keyword(false, ['not', 'NOT'], true, T.NEGATION)
      case 2: return this.keyword(false, ['exists', 'EXISTS'], false, T.EXISTS)
      case 3: return this.keyword(true, ['in', 'IN'], false, T.IN)
      case 4: return this.keyword(true, ['matches', 'MATCHES'], false, T.MATCHES)
      case 5: return this.keyword(true, ['between', 'BETWEEN'], false, T.BETWEEN)
      case 6: return this.keyword(true, ['or', 'OR'], true, T.OR)
      case 7: return this.keyword(true, ['and', 'AND'], true, T.AND)
      case 8: return this.operator('=', T.EQUALS)
      case 9: return this.operator('<', T.LESSTHAN)
      case 10: return this.operator('>', T.GREATERTHAN)
      case 11: return this.operator('<=', T.LESSTHANOREQUALS)
      case 12: return this.operator('>=', T.GREATERTHANOREQUALS)
      case 13: return this.single('(', T.LEFTPAREN)
      case 14: return this.single(')', T.RIGHTPAREN)
      case 15: return this.single(',', T.COMMA)
      case 16: return this.single(':', T.COLON)
      case 17: return this.single("'", T.SINGLEQUOTE)
      case 18: return this.mPropertyValue()
      case 19: return this.mPropertyName()
      default: return this.mWs()
    }
  }

  private match(s: string): void {
    for (let i = 0; i < s.length; i++) {
      if (this.input.la(1) !== s.charCodeAt(i)) this.input.fail()
      this.input.consume()
    }
  }

  /** `WS? ('x'|'X') WS?` shapes: the lower- or upper-case spelling, chosen by the first letter. */
  private keyword(wsBefore: boolean, spellings: [string, string], wsAfter: boolean, type: number): number {
    if (wsBefore) this.mWs()
    const c = this.input.la(1)
    if (c === spellings[0].charCodeAt(0)) this.match(spellings[0])
    else if (c === spellings[1].charCodeAt(0)) this.match(spellings[1])
    else this.input.fail()
    if (wsAfter) this.mWs()
    return type
  }

  private operator(op: string, type: number): number {
    if (isWs(this.input.la(1))) this.mWs()
    this.match(op)
    if (isWs(this.input.la(1))) this.mWs()
    return type
  }

  private single(ch: string, type: number): number {
    this.match(ch)
    return type
  }

  private mWs(): number {
    if (!isWs(this.input.la(1))) this.input.fail()
    while (isWs(this.input.la(1))) this.input.consume()
    return T.WS
  }

  /** `'…'` (a backslash-quote pair does not end it) or a run of digits. */
  private mPropertyValue(): number {
    const input = this.input
    const c = input.la(1)
    if (c === Q) return this.quoted()
    if (!inRanges(c, DIGIT)) input.fail()
    while (inRanges(input.la(1), DIGIT)) input.consume()
    return T.PROPERTYVALUE
  }

  private quoted(): number {
    const input = this.input
    this.match("'")
    for (;;) {
      const c = input.la(1)
      let alt = 3
      if (c === BACKSLASH) {
        const c2 = input.la(2)
        if (c2 === Q) alt = input.la(3) !== EOF ? 2 : 1
        else if (c2 !== EOF) alt = 1
      } else if (c !== EOF && c !== Q) alt = 1
      if (alt === 3) break
      if (alt === 2) {
        this.match("\\'")
        continue
      }
      // The generated set for ~SINGLEQUOTE leaves out U+001A (the token number of SINGLEQUOTE, 26), not "'".
      if (c === 0x1a) input.fail()
      input.consume()
    }
    this.match("'")
    return T.PROPERTYVALUE
  }

  /** `'/'? IDENTIFIER ('/' IDENTIFIER)*`. */
  private mPropertyName(): number {
    if (this.input.la(1) === 0x2f) this.input.consume()
    this.mIdentifier()
    while (this.input.la(1) === 0x2f) {
      this.input.consume()
      this.mIdentifier()
    }
    return T.PROPERTYNAME
  }

  /** A letter, then letters and digits, with at most one `:` inside (DFA26 decides whether one comes). */
  private mIdentifier(): void {
    const input = this.input
    if (!inRanges(input.la(1), LETTER)) input.fail()
    input.consume()
    const withColon = predict(DFA26, input) === 2
    while (inRanges(input.la(1), LETTER_OR_DIGIT)) input.consume()
    if (!withColon) return
    this.match(':')
    while (inRanges(input.la(1), LETTER_OR_DIGIT)) input.consume()
  }
}

/** DFA28's one special state (after a `'`): anything but EOF means a quoted value, EOF a lone quote. */
function specialState28(s: number, input: DfaInput): number {
  if (s === 0) return input.la1() !== EOF ? 16 : 31
  return -1
}
