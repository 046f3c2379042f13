import { errors } from '../../errors.js'
import { unsupportedPredicate, walkWhere, type Comparison, type WhereQuery } from './query.js'

/**
 * MapBasedQueryWalker (remote-api/src/main/java/org/alfresco/rest/workflow/api/impl/MapBasedQueryWalker.java),
 * the walker of the older resources (node children, workflow, …): each comparison type has its set of
 * accepted properties, clauses join with AND only (OR with `or: true`, MapBasedQueryWalkerOrSupported),
 * NOT is refused, EXISTS/IN/BETWEEN are "Unsupported Predicate".
 */
export interface MapWhereSpec {
  equals?: readonly string[]
  matches?: readonly string[]
  greaterThan?: readonly string[]
  greaterThanOrEquals?: readonly string[]
  lessThan?: readonly string[]
  lessThanOrEquals?: readonly string[]
  /** MapBasedQueryWalkerOrSupported: OR instead of AND. */
  or?: boolean
}

export type MapClause = Comparison | 'MATCHES'

/** What a resource reads back: the last value given per clause type and property. */
export interface MapWhere {
  get(property: string, clause?: MapClause): string | undefined
  /** `getProperty(name, type, Boolean.class)`: see `javaBoolean`. */
  bool(property: string, clause?: MapClause): boolean | undefined
}

const SPEC_KEYS: Record<MapClause, keyof MapWhereSpec> = {
  EQUALS: 'equals',
  MATCHES: 'matches',
  GREATERTHAN: 'greaterThan',
  GREATERTHANOREQUALS: 'greaterThanOrEquals',
  LESSTHAN: 'lessThan',
  LESSTHANOREQUALS: 'lessThanOrEquals',
}

/** Walks `query` with a MapBasedQueryWalker of `spec`: ACS's 400 for the first clause it refuses. */
export function mapBasedWhere(query: WhereQuery | undefined, spec: MapWhereSpec): MapWhere {
  const found = new Map<MapClause, Map<string, string>>()
  const accepts = (clause: MapClause, property: string): boolean => {
    const names = spec[SPEC_KEYS[clause]]
    return Array.isArray(names) && names.includes(property)
  }
  const put = (clause: MapClause, property: string, value: string) => {
    const m = found.get(clause) ?? new Map<string, string>()
    found.set(clause, m.set(property, value))
  }
  walkWhere(query, {
    matches(property, value, negated) {
      if (negated) throw errors.invalidLiteral(`Cannot use negated matching for property: ${property}`)
      if (!accepts('MATCHES', property)) throw errors.invalidLiteral(`Cannot use matching for property: ${property}`)
      put('MATCHES', property, value)
    },
    comparison(type, property, value, negated) {
      if (!accepts(type, property)) throw errors.invalidProperty(property, value, type)
      put(type, property, value)
      // "Throw error for the unsupported negation only if the property was valid for comparison".
      if (negated) throw errors.invalidLiteral(`Cannot use NOT for ${type} comparison.`)
    },
    and() {
      if (spec.or) throw unsupportedPredicate()
    },
    or() {
      if (!spec.or) throw unsupportedPredicate()
    },
  })
  const get = (property: string, clause: MapClause = 'EQUALS') => found.get(clause)?.get(property)
  return {
    get,
    bool: (property, clause) => {
      const raw = get(property, clause)
      return raw === undefined ? undefined : javaBoolean(raw)
    },
  }
}

const TRUE = new Set(['true', 'yes', 'y', 'on', '1'])

/**
 * commons-beanutils ConvertUtils.convert(value, Boolean.class) as ACS calls it: the default converter
 * is registered with a default of FALSE, so anything not in its true list ("true", "yes", "y", "on",
 * "1", any case) reads as false rather than failing (ConvertUtilsBean.deregister → BooleanConverter(FALSE)).
 */
export function javaBoolean(raw: string): boolean {
  return TRUE.has(raw.toLowerCase())
}
