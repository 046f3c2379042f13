import { errors } from '../../errors.js'
import { RecognitionError } from './antlr.js'
import { WhereParser, type WhereNode } from './parser.js'
import { T } from './tokens.js'

/**
 * `where=` and `include=`/`select=` as ACS's RecognizedParamsExtractor reads them
 * (remote-api/src/main/java/org/alfresco/rest/framework/tools/RecognizedParamsExtractor.java), and
 * QueryHelper.walk, which hands each clause of the tree to a resource's callbacks.
 */

/** A parsed `where`: the tree ACS's parser builds (see parser.ts), or none without the parameter. */
export interface WhereQuery {
  readonly tree: WhereNode
}

/**
 * getWhereClause. A lexer failure is thrown by ACS's lexer as it happens, so its message is only the
 * position; a parser failure is caught and reported with the clause: WhereTests, and
 * `An invalid WHERE query was received. (a=1, Error at char position 4` for a missing ')'.
 */
export function parseWhere(where: string | undefined): WhereQuery | undefined {
  if (where === undefined) return undefined
  try {
    return { tree: new WhereParser(where).whereClause() }
  } catch (e) {
    if (!(e instanceof RecognitionError)) throw e
    throw errors.invalidQuery(e.fromLexer ? e.message : `${where}, ${e.message}`)
  }
}

/**
 * getClause("INCLUDE"|"SELECT"): a comma list of property names (`a,b/c,d:e`). A parser failure names
 * the whole parameter; a lexer failure only the position (RecognizedParamsExtractorTest.getClauseTest).
 * Text after a complete list is ignored, as ACS's selectClause rule does not ask for EOF.
 */
export function parseSelect(param: string | undefined, paramName: 'INCLUDE' | 'SELECT'): string[] {
  if (param === undefined) return []
  try {
    return new WhereParser(param).selectClause()
  } catch (e) {
    if (!(e instanceof RecognitionError)) throw e
    throw errors.invalidSelect(paramName, e.fromLexer ? e.message : param)
  }
}

/** The comparison clause types, as ACS's callbacks receive them. */
export type Comparison = 'EQUALS' | 'LESSTHAN' | 'GREATERTHAN' | 'LESSTHANOREQUALS' | 'GREATERTHANOREQUALS'

const COMPARISONS: ReadonlyMap<number, Comparison> = new Map([
  [T.EQUALS, 'EQUALS'],
  [T.LESSTHAN, 'LESSTHAN'],
  [T.GREATERTHAN, 'GREATERTHAN'],
  [T.LESSTHANOREQUALS, 'LESSTHANOREQUALS'],
  [T.GREATERTHANOREQUALS, 'GREATERTHANOREQUALS'],
])

/**
 * QueryHelper.WalkerCallback: what a resource accepts. A callback left out is ACS's default, which
 * throws `InvalidQueryException("Unsupported Predicate")`; so is `and`/`or` when the tree joins clauses
 * with a word the resource did not declare.
 */
export interface WhereCallbacks {
  exists?(property: string, negated: boolean): void
  between?(property: string, first: string, second: string, negated: boolean): void
  comparison?(type: Comparison, property: string, value: string, negated: boolean): void
  in?(property: string, negated: boolean, values: string[]): void
  matches?(property: string, value: string, negated: boolean): void
  and?(): void
  or?(): void
}

export const unsupportedPredicate = () => errors.invalidQuery('Unsupported Predicate')

/** QueryHelper.walk/callbackTree: depth-first, in clause order; NOT marks the clause under it. */
export function walkWhere(query: WhereQuery | undefined, callbacks: WhereCallbacks): void {
  if (query) visit(query.tree, callbacks, false)
}

function visit(node: WhereNode, cb: WhereCallbacks, negated: boolean): void {
  const [first, second] = node.children
  const name = first?.type === T.PROPERTYNAME ? first.text : undefined
  const values = () => node.children.slice(1).map((c) => stripQuotes(c.text))
  const call = <F extends keyof WhereCallbacks>(f: F): NonNullable<WhereCallbacks[F]> => {
    const fn = cb[f]
    if (!fn) throw unsupportedPredicate()
    return fn.bind(cb) as NonNullable<WhereCallbacks[F]>
  }
  const comparison = COMPARISONS.get(node.type)
  if (comparison && name !== undefined && second?.type === T.PROPERTYVALUE) {
    return call('comparison')(comparison, name, stripQuotes(second.text), negated)
  }
  switch (node.type) {
    case T.EXISTS:
      if (name !== undefined) return call('exists')(name, negated)
      break
    case T.MATCHES:
      if (name !== undefined) return call('matches')(name, values()[0] ?? '', negated)
      break
    case T.IN:
      if (name !== undefined) return call('in')(name, negated, values())
      break
    case T.BETWEEN:
      if (name !== undefined) return call('between')(name, values()[0] ?? '', values()[1] ?? '', negated)
      break
    case T.NEGATION:
      return first && visit(first, cb, true)
    case T.AND:
    case T.OR:
      call(node.type === T.AND ? 'and' : 'or')()
      for (const child of node.children) visit(child, cb, negated)
      return
  }
  if (first) visit(first, cb, negated)
}

/** QueryHelper.stripQuotes: one leading and trailing `'` go; escapes inside stay as written (`\'`). */
export function stripQuotes(text: string): string {
  return text.length >= 2 && text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1) : text
}
