import { resolveWhere } from '../rest/where/basic-walker.js'
import type { WhereQuery } from '../rest/where/query.js'

/** The names a `where` on GET /tags asks for: exact (= and IN) and MATCHES patterns, lower-cased. */
export interface TagFilter {
  equals: string[]
  matches: string[]
}

/**
 * TagsImpl.resolveTagNamesQuery: QueryHelper.resolve(query).usingOrOperator().withoutNegations()
 * .getProperty("tag").getExpectedValuesForAnyOf(EQUALS, IN, MATCHES); EQUALS and IN merge, values
 * lower-cased (TagsImplTest.testGetTags_with*WhereQuery). Anything else is src/rest's InvalidQuery.
 */
export function tagFilter(where: WhereQuery | undefined): TagFilter | undefined {
  if (!where) return undefined
  const tag = resolveWhere(where, ['tag'], { or: true, negatable: false }).property('tag')
  const found = tag?.expectedValuesForAnyOf('EQUALS', 'IN', 'MATCHES') ?? new Map<string, ReadonlySet<string>>()
  const lower = (key: string) => [...(found.get(key) ?? [])].map((v) => v.toLowerCase())
  return { equals: [...lower('EQUALS'), ...lower('IN')], matches: lower('MATCHES') }
}

/** MATCHES as the search engine reads a cm:name pattern: `*` any run, `?` one character, no case. */
export function matchesPattern(name: string, pattern: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')
  return new RegExp(`^${source}$`, 'is').test(name)
}
