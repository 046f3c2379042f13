import { errors } from '../../errors.js'
import { unsupportedPredicate, walkWhere, type Comparison, type WhereQuery } from './query.js'

/**
 * BasicQueryWalker, WhereProperty and QueryHelper.resolve (remote-api/src/main/java/org/alfresco/rest/
 * framework/resource/parameters/where/), the walker of the newer resources (tags, categories, types,
 * aspects, …): every clause type, AND only (OR with `or: true`, `usingOrOperator`), strict by default
 * about which properties may appear, with the "Where query error: …" messages.
 */

export type Clause = Comparison | 'BETWEEN' | 'IN' | 'MATCHES' | 'EXISTS'

export interface ResolveOptions {
  /** `usingOrOperator()`: OR joins clauses and AND is refused. */
  or?: boolean
  /** `withoutNegations()`: NOT is refused. */
  negatable?: boolean
  /** `leniently()`: unknown properties and missing clauses pass. */
  strict?: boolean
}

/** WhereProperty: the values given for one property, per clause type and negation. */
export class WhereProperty {
  private readonly values = new Map<string, Set<string>>()

  constructor(
    readonly name: string,
    private readonly strict: boolean,
  ) {}

  add(clause: Clause, negated: boolean, values: readonly string[]): void {
    const key = clauseKey(clause, negated)
    const set = this.values.get(key) ?? new Set<string>()
    for (const v of values) set.add(v)
    this.values.set(key, set)
  }

  containsType(clause: Clause, negated = false): boolean {
    return this.values.has(clauseKey(clause, negated))
  }

  /** getExpectedValuesFor(type, negated): strict, the clause must be there. */
  expectedValuesFor(clause: Clause, negated = false): ReadonlySet<string> | undefined {
    if (this.strict && !this.containsType(clause, negated)) {
      throw errors.invalidQuery(`Where query error: property with name: ${this.name} expects clause: ${clause}`)
    }
    return this.values.get(clauseKey(clause, negated))
  }

  /** getExpectedValuesForAnyOf(int...): at least one of the clauses, negated or not. */
  expectedValuesForAnyOf(...clauses: Clause[]): Map<string, ReadonlySet<string>> {
    const out = new Map<string, ReadonlySet<string>>()
    for (const c of clauses) {
      for (const negated of [false, true]) {
        const v = this.values.get(clauseKey(c, negated))
        if (v) out.set(clauseKey(c, negated), v)
      }
    }
    if (this.strict && out.size === 0) {
      const list = [...new Set(clauses)].join(', ')
      throw errors.invalidQuery(`Where query error: property with name: ${this.name} expects at least one of clauses: [${list}]`)
    }
    return out
  }
}

/** `NOT_` + clause for a negated one, as WhereProperty.ClauseType names them. */
export function clauseKey(clause: Clause, negated: boolean): string {
  return negated ? `NOT_${clause}` : clause
}

export interface ResolvedWhere {
  /** getProperty(name): strict, it must have been given. */
  property(name: string): WhereProperty | undefined
  /** getPropertiesAsMap(names): the non-blank, distinct names, each required when strict. */
  properties(...names: string[]): Map<string, WhereProperty | undefined>
}

/** QueryHelper.resolve(query)…getProperty(...): walks once with a BasicQueryWalker expecting `names`. */
export function resolveWhere(query: WhereQuery | undefined, names: readonly string[], options: ResolveOptions = {}): ResolvedWhere {
  const strict = options.strict ?? true
  const negatable = options.negatable ?? true
  const found = new Map<string, WhereProperty>()
  const andSupported = !options.or

  const accept = (property: string, negated: boolean) => {
    if (strict && names.length > 0 && !names.includes(property)) {
      throw errors.invalidQuery(`Where query error: property with name: ${property} is not expected`)
    }
    if (strict && names.length === 0) throw errors.javaRuntime('Cannot verify WHERE query without expected property names')
    if (!negatable && negated) throw errors.invalidQuery(`Where query error: property with name: ${property} cannot be negated`)
  }
  const add = (property: string, clause: Clause, negated: boolean, values: readonly string[]) => {
    // Set.of(values): Java refuses duplicates with an IllegalArgumentException (400 ApiDefault).
    const dup = values.find((v, i) => values.indexOf(v) !== i)
    if (dup !== undefined) throw errors.illegalArgument(`duplicate element: ${dup}`)
    const p = found.get(property) ?? new WhereProperty(property, strict)
    p.add(clause, negated, values)
    found.set(property, p)
  }
  const equalsWithIn = (property: string, other: Clause, negated: boolean) => {
    if (andSupported && found.get(property)?.containsType(other, negated)) {
      throw errors.invalidQuery(`Where query error: cannot use '=' (EQUALS) AND 'IN' clauses with same property: ${property}`)
    }
  }

  walkWhere(query, {
    exists: (p, negated) => (accept(p, negated), add(p, 'EXISTS', negated, [])),
    between: (p, a, b, negated) => (accept(p, negated), add(p, 'BETWEEN', negated, [a, b])),
    comparison: (type, p, v, negated) => {
      accept(p, negated)
      if (type === 'EQUALS') equalsWithIn(p, 'IN', negated)
      add(p, type, negated, [v])
    },
    in: (p, negated, values) => (accept(p, negated), equalsWithIn(p, 'EQUALS', negated), add(p, 'IN', negated, values)),
    matches: (p, v, negated) => (accept(p, negated), add(p, 'MATCHES', negated, [v])),
    and: () => {
      if (!andSupported) throw unsupportedPredicate()
    },
    or: () => {
      if (andSupported) throw unsupportedPredicate()
    },
  })

  const property = (name: string) => {
    if (strict && !found.has(name)) throw errors.invalidQuery(`Where query error: property with name: ${name} not present`)
    return found.get(name)
  }
  return {
    property,
    properties: (...wanted) => {
      const out = new Map<string, WhereProperty | undefined>()
      for (const name of wanted) if (name.trim() !== '' && !out.has(name)) out.set(name, property(name))
      return out
    },
  }
}
