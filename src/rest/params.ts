import { readFields } from './fields.js'
import { parseOrderBy, type SortColumn } from './order-by.js'
import { DEFAULT_PAGING, readPaging, type Paging } from './paging.js'
import { parseSelect, parseWhere, type WhereQuery } from './where/query.js'

/**
 * The parameters ACS's REST framework reads for every request of every method, before the resource
 * runs (RecognizedParamsExtractor.getRecognizedParams, called by ResourceWebScriptGet/Post/Put/Delete):
 * so a bad `skipCount` or `where` is a 400 even on a GET of one entity, and comes before a 404.
 */
export interface RecognizedParams {
  paging: Paging
  /** `orderBy`, parsed; [] when absent (the operation's default order). */
  sorting: SortColumn[]
  /** `where`, parsed; undefined when absent. */
  where: WhereQuery | undefined
  /** `include`, parsed; [] when absent. */
  include: string[]
  /** `fields` (else the deprecated `properties`) plus includes; undefined: no filter. */
  fields: ReadonlySet<string> | undefined
  /** `includeSource=true` (Boolean.valueOf). */
  includeSource: boolean
}

/** A request's query: the first value of a parameter, as the servlet API's getParameter gives it. */
export type QueryReader = (name: string) => string | undefined

export const NO_PARAMS: RecognizedParams = Object.freeze({
  paging: DEFAULT_PAGING,
  sorting: [],
  where: undefined,
  include: [],
  fields: undefined,
  includeSource: false,
})

/** In ACS's order: paging, orderBy, where, include, then fields; the first problem is the answer. */
export function readRecognizedParams(query: QueryReader): RecognizedParams {
  const paging = readPaging(query('skipCount'), query('maxItems'))
  const sorting = parseOrderBy(query('orderBy'))
  const where = parseWhere(query('where'))
  const include = parseSelect(query('include'), 'INCLUDE')
  // `select` (deprecated) is parsed as ACS does, so its errors are ACS's; no operation here reads it.
  parseSelect(query('select'), 'SELECT')
  const fields = readFields(query('fields') ?? query('properties'), include)
  return { paging, sorting, where, include, fields, includeSource: javaBooleanValueOf(query('includeSource')) }
}

/** Boolean.valueOf(String): "true" in any case; anything else, or nothing, is false. */
export function javaBooleanValueOf(raw: string | undefined): boolean {
  return raw?.toLowerCase() === 'true'
}
