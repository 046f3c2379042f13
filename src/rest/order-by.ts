import { errors } from '../errors.js'

/** One `orderBy` column: `name DESC` → { column: 'name', asc: false }. */
export interface SortColumn {
  column: string
  asc: boolean
}

/**
 * RecognizedParamsExtractor.getSort: Java StringTokenizers, first on ',' then on ' ' (only the space:
 * a tab stays part of the name), so empty columns vanish (`name,,` is `name`). A direction is ASC or
 * DESC in any case. The messages are literal sentences, hence their own errorKeys. A column of spaces
 * only makes ACS's second tokenizer throw NoSuchElementException: a 500 without a message.
 */
export function parseOrderBy(raw: string | undefined): SortColumn[] {
  if (raw === undefined) return []
  const columns: SortColumn[] = []
  for (const token of raw.split(',')) {
    if (token === '') continue
    const words = token.split(' ').filter((w) => w !== '')
    if (words.length > 2) {
      throw errors.invalidLiteral(
        `Unknown sort order definition '${token}', expected 'field1,field2' or 'field1 asc,field2 desc' or similar`,
      )
    }
    const [column, direction] = words
    if (column === undefined) throw errors.javaRuntime()
    const dir = direction?.toUpperCase() ?? 'ASC'
    if (dir !== 'ASC' && dir !== 'DESC') throw errors.invalidLiteral(`Unknown sort order direction '${dir}', expected asc or desc`)
    columns.push({ column, asc: dir === 'ASC' })
  }
  return columns
}

/** How to read a sort value from an item; undefined is ACS's null. */
export type SortKey<T> = (item: T) => string | number | boolean | undefined

/**
 * What an operation sorts by: the columns it knows, and its answer for any other. ACS's resources
 * mostly say `InvalidArgumentException("Invalid sort field: " + column)` (People, Sites, Groups,
 * Favourites, Queries); NodesImpl reads an unknown column as a property QName instead (`unknown`).
 */
export interface SortSpec<T> {
  fields: ReadonlyMap<string, SortKey<T>>
  /** A column outside `fields`: a key for it, or throw ACS's error for it. Default: "Invalid sort field". */
  unknown?: (column: string) => SortKey<T>
  /** GroupsImpl, AuditImpl: "Multiple sort fields not allowed." */
  single?: boolean
}

export interface SortBy<T> {
  key: SortKey<T>
  asc: boolean
}

/** Columns → keys, with the operation's errors; an empty list stays empty (the caller's default order). */
export function resolveSort<T>(columns: readonly SortColumn[], spec: SortSpec<T>): SortBy<T>[] {
  if (spec.single && columns.length > 1) throw errors.invalidLiteral('Multiple sort fields not allowed.')
  return columns.map(({ column, asc }) => {
    const key = spec.fields.get(column) ?? spec.unknown?.(column)
    if (!key) throw errors.invalidLiteral(`Invalid sort field: ${column}`)
    return { key, asc }
  })
}

// Made on first sort: creating a Collator loads ICU data, a few milliseconds of start-up.
let collator: Intl.Collator | undefined

/**
 * A stable sort by `by`, as GetChildrenCannedQuery.PropComparatorAsc compares: nulls first ascending
 * (so last descending), strings by collator, booleans false before true; a tie goes to the next column.
 */
export function sortItems<T>(items: readonly T[], by: readonly SortBy<T>[]): T[] {
  if (by.length === 0) return [...items]
  return [...items].sort((a, b) => {
    for (const { key, asc } of by) {
      const d = compareValues(key(a), key(b))
      if (d !== 0) return asc ? d : -d
    }
    return 0
  })
}

export function compareValues(a: string | number | boolean | undefined, b: string | number | boolean | undefined): number {
  if (a === b) return 0
  if (a === undefined) return -1
  if (b === undefined) return 1
  if (typeof a === 'string' && typeof b === 'string') return (collator ??= new Intl.Collator('en')).compare(a, b)
  return a < b ? -1 : 1
}
