import { loadDfa, predict, RecognitionError, type DfaInput } from './antlr.js'
import { WhereLexer, type Token } from './lexer.js'
import { TABLES } from './tables.js'
import { T } from './tokens.js'

/**
 * ACS's WhereClauseParser (remote-api/src/main/generated/org/alfresco/rest/antlr/WhereClauseParser.java)
 * over a CommonTokenStream, rule for rule, building the same tree its rewrite rules build:
 *
 *   whereclause : '(' predicate ')'                 (nothing after the ')' is read but one token)
 *   predicate   : simple | simple (AND simple)+ -> ^(AND simple+) | simple (OR simple)+ -> ^(OR simple+)
 *   simple      : allowed | NEGATION allowed -> ^(NEGATION allowed)
 *   allowed     : name op value -> ^(op name value) | EXISTS '(' name ')' -> ^(EXISTS name)
 *               | name BETWEEN '(' value ',' value ')' | name IN '(' value (',' value)* ')' | name MATCHES '(' value ')'
 *   value       : PROPERTYVALUE | PROPERTYNAME     (both become a PROPERTYVALUE node)
 *   selectClause: name (',' name)*                 (include=… and select=…; trailing text is ignored)
 *
 * The grammar is flat (no nested parentheses), so the parser never recurses more than four rules deep.
 */

export interface WhereNode {
  type: number
  text: string
  children: WhereNode[]
}

const DFA6 = loadDfa(TABLES.dfa6)

/** CommonTokenStream (ANTLR 3.4): tokens pulled from the lexer only as far as the parser looks. */
class TokenStream implements DfaInput {
  private readonly tokens: Token[] = []
  private p = -1

  constructor(private readonly lexer: WhereLexer) {}

  private sync(i: number): void {
    while (this.tokens.length <= i) this.tokens.push(this.lexer.nextToken())
  }

  private skipOffChannel(i: number): number {
    this.sync(i)
    while (this.tokens[i]!.channel !== 0) this.sync(++i)
    return i
  }

  private setup(): void {
    if (this.p === -1) this.p = this.skipOffChannel(0)
  }

  lt(k: number): Token {
    this.setup()
    let i = this.p
    for (let n = 1; n < k; n++) i = this.skipOffChannel(i + 1)
    return this.tokens[i]!
  }

  la(k: number): number {
    return this.lt(k).type
  }

  la1(): number {
    return this.la(1)
  }

  consume(): void {
    this.setup()
    this.p = this.skipOffChannel(this.p + 1)
  }

  mark(): number {
    this.setup()
    return this.p
  }

  rewind(marker: number): void {
    this.p = marker
  }

  errorPosition(): number {
    return this.lt(1).col
  }
}

const leaf = (type: number, text: string): WhereNode => ({ type, text, children: [] })

export class WhereParser {
  private readonly input: TokenStream

  constructor(text: string) {
    this.input = new TokenStream(new WhereLexer(text))
  }

  private fail(): never {
    throw new RecognitionError(this.input.errorPosition(), false)
  }

  private match(type: number): Token {
    const t = this.input.lt(1)
    if (t.type !== type) this.fail()
    this.input.consume()
    return t
  }

  whereClause(): WhereNode {
    this.match(T.LEFTPAREN)
    const tree = this.predicate()
    this.match(T.RIGHTPAREN)
    // `WS?` at the end: one token of lookahead is read (a lexer error there still counts).
    this.input.la(1)
    return tree
  }

  /** selectClause: the names, in order. */
  selectClause(): string[] {
    const names = [this.match(T.PROPERTYNAME).text]
    while (this.input.la(1) === T.COMMA) {
      this.input.consume()
      names.push(this.match(T.PROPERTYNAME).text)
    }
    return names
  }

  private predicate(): WhereNode {
    const alt = predict(DFA6, this.input)
    const first = this.simplePredicate()
    if (alt === 1) return first
    const joiner = alt === 2 ? T.AND : T.OR
    const children = [first]
    let text: string | undefined
    for (;;) {
      if (this.input.la(1) !== joiner) {
        if (children.length > 1) break
        this.fail() // EarlyExitException: `(AND simple)+` needs one at least
      }
      const t = this.match(joiner)
      text ??= t.text
      children.push(this.simplePredicate())
    }
    return { type: joiner, text: text ?? '', children }
  }

  private simplePredicate(): WhereNode {
    const t = this.input.la(1)
    if (t === T.EXISTS || t === T.PROPERTYNAME) return this.allowedPredicate()
    if (t !== T.NEGATION) this.fail()
    const not = this.match(T.NEGATION)
    return { type: T.NEGATION, text: not.text, children: [this.allowedPredicate()] }
  }

  private allowedPredicate(): WhereNode {
    if (this.input.la(1) === T.EXISTS) return this.exists()
    if (this.input.la(1) !== T.PROPERTYNAME) this.fail()
    switch (this.input.la(2)) {
      case T.BETWEEN:
        return this.listPredicate(T.BETWEEN, 2)
      case T.IN:
        return this.listPredicate(T.IN, Infinity)
      case T.MATCHES:
        return this.listPredicate(T.MATCHES, 1)
      case T.EQUALS:
      case T.GREATERTHAN:
      case T.GREATERTHANOREQUALS:
      case T.LESSTHAN:
      case T.LESSTHANOREQUALS:
        return this.comparison()
      default:
        return this.fail()
    }
  }

  private comparison(): WhereNode {
    const name = this.match(T.PROPERTYNAME)
    const op = this.input.lt(1)
    this.input.consume()
    return { type: op.type, text: op.text, children: [leaf(T.PROPERTYNAME, name.text), this.value()] }
  }

  private exists(): WhereNode {
    const kw = this.match(T.EXISTS)
    this.match(T.LEFTPAREN)
    const name = this.match(T.PROPERTYNAME)
    this.match(T.RIGHTPAREN)
    return { type: T.EXISTS, text: kw.text, children: [leaf(T.PROPERTYNAME, name.text)] }
  }

  /** BETWEEN (exactly two values), IN (one or more) and MATCHES (exactly one), all in parentheses. */
  private listPredicate(type: number, count: number): WhereNode {
    const name = this.match(T.PROPERTYNAME)
    const kw = this.match(type)
    this.match(T.LEFTPAREN)
    const values = [this.value()]
    while (values.length < count && (count !== Infinity || this.input.la(1) === T.COMMA)) {
      this.match(T.COMMA)
      values.push(this.value())
    }
    this.match(T.RIGHTPAREN)
    return { type, text: kw.text, children: [leaf(T.PROPERTYNAME, name.text), ...values] }
  }

  private value(): WhereNode {
    const t = this.input.lt(1)
    if (t.type !== T.PROPERTYVALUE && t.type !== T.PROPERTYNAME) this.fail()
    this.input.consume()
    return leaf(T.PROPERTYVALUE, t.text)
  }
}
