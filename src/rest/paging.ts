import { errors } from '../errors.js'
import { parseJavaInt } from './java-int.js'

/** skipCount and maxItems of a request (ACS's Paging: defaults 0 and 100). */
export interface Paging {
  skipCount: number
  maxItems: number
}

export const DEFAULT_PAGING: Paging = Object.freeze({ skipCount: 0, maxItems: 100 })

/**
 * RecognizedParamsExtractor.getPaging: each value given is read with Integer.parseInt (so `+5` and `05`
 * are 5, while ` 5`, `5.0`, an empty value and anything past 2147483647 fail), skipCount first; then
 * the range checks. The texts are literal sentences, so each is its own errorKey. `null` in a text is
 * Java's string for a parameter not given.
 */
export function readPaging(skip: string | undefined, max: string | undefined): Paging {
  if (skip === undefined && max === undefined) return DEFAULT_PAGING
  const skipCount = skip === undefined ? 0 : parseJavaInt(skip)
  const maxItems = max === undefined ? 100 : parseJavaInt(max)
  if (skipCount === undefined || maxItems === undefined) {
    const text =
      skip === undefined
        ? `Invalid paging parameter maxItems:${max}`
        : max === undefined
          ? `Invalid paging parameter skipCount:${skip}`
          : `Invalid paging parameters skipCount: ${skip}, maxItems:${max}`
    throw errors.invalidLiteral(text)
  }
  if (skipCount < 0) throw errors.invalidLiteral('Negative values not supported for skipCount.')
  if (maxItems < 1) throw errors.invalidLiteral('Only positive values supported for maxItems.')
  return { skipCount, maxItems }
}

export interface Pagination {
  count: number
  hasMoreItems: boolean
  totalItems?: number
  skipCount: number
  maxItems: number
}

/** `{list:{pagination, entries}}`, ACS's collection envelope (SerializerOfCollectionWithPaging). */
export interface ListBody<T> {
  list: { pagination: Pagination; entries: { entry: T }[] }
}

/**
 * One page of `all` (CollectionWithPagingInfo.asPaged over ACS's in-memory paging, as most list
 * operations page): `totalItems` is the whole size, `hasMoreItems` whether anything follows the page.
 */
export function pageOf<T>(all: readonly T[], paging: Paging): ListBody<T> {
  const page = all.slice(paging.skipCount, paging.skipCount + paging.maxItems)
  return listBody(page, paging, { hasMoreItems: paging.skipCount + page.length < all.length, totalItems: all.length })
}

/** The envelope around a page a resource computed itself (`totalItems` left out when not known). */
export function listBody<T>(
  page: readonly T[],
  paging: Paging,
  more: { hasMoreItems: boolean; totalItems?: number | undefined },
): ListBody<T> {
  // SerializerOfCollectionWithPaging's order: count, hasMoreItems, totalItems (if known), skipCount, maxItems.
  const pagination: Pagination = {
    count: page.length,
    hasMoreItems: more.hasMoreItems,
    ...(more.totalItems !== undefined && { totalItems: more.totalItems }),
    skipCount: paging.skipCount,
    maxItems: paging.maxItems,
  }
  return { list: { pagination, entries: page.map((entry) => ({ entry })) } }
}

/**
 * ResourceWebScriptPost: a create takes `{…}` or `[{…},…]`; a resource declared single
 * (`allowMultiple = false`: people, groups, sites, downloads, …) answers an array with 405
 * "Only 1 entity is supported in the HTTP request body" (the sentence is the key; TestSites).
 */
export function postedEntities(body: unknown, allowMultiple: boolean): unknown[] {
  if (!Array.isArray(body)) return [body]
  if (!allowMultiple) throw errors.literal(405, 'Only 1 entity is supported in the HTTP request body')
  return body
}

/**
 * What a create answers: one entity → `{entry}` (even from a one-element array), more → a list with
 * skipCount 0 and maxItems the count (ResourceWebScriptPost.wrapWithCollectionWithPaging).
 */
export function createdBody<T>(created: readonly T[]): { entry: T } | ListBody<T> {
  if (created.length === 1) return { entry: created[0]! }
  return listBody(created, { skipCount: 0, maxItems: created.length }, { hasMoreItems: false, totalItems: created.length })
}
