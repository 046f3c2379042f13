/**
 * The REST framework's shared parameter rules, as ACS's remote-api `fw/` package applies them to every
 * resource: paging, `orderBy`, `where`, `include`, `fields`, the list envelope and the POST
 * object-or-array rule. Plain functions over strings (no hono): src/http/params.ts reads them for
 * every request into `c.get('params')` (`paramsOf(c)`), before any route runs, so a route only
 * declares what its operation accepts.
 *
 * How a route uses it (the children listing, src/routes/nodes-query.ts, is a full example):
 *
 * ```ts
 * import { paramsOf } from '../http/params.js'
 * import { pageOf, resolveSort, sortItems, mapBasedWhere } from '../rest/index.js'
 *
 * app.get('/people', (c) => {
 *   const params = paramsOf(c)                       // paging, sorting, where, include, fields
 *   // where: declare per clause type which properties the operation takes (MapBasedQueryWalker),
 *   // or use resolveWhere (BasicQueryWalker, the "Where query error: …" family), or walkWhere
 *   // with your own callbacks for a resource with its own rules; each throws ACS's exact 400.
 *   const where = mapBasedWhere(params.where, { equals: ['id'], matches: ['firstName'] })
 *   // orderBy: the operation's sortable fields; others answer "Invalid sort field: x" unless
 *   // `unknown` says otherwise; `single: true` for "Multiple sort fields not allowed."
 *   const by = resolveSort(params.sorting, { fields: new Map([['firstName', (p) => p.firstName]]) })
 *   const people = sortItems(all.filter(...), by.length ? by : DEFAULT_ORDER)
 *   // one page in {list:{pagination,entries}}; apply `fields` to each entry
 *   const body = pageOf(people.map((p) => applyFields(toJson(p, params.include), params.fields)), params.paging)
 *   return jsonResponse(body)
 * })
 * ```
 *
 * `include` values an operation does not know are ignored (ACS's resources only test for the ones
 * they know); unparseable ones already answered InvalidSelect. For POST, `postedEntities(body,
 * allowMultiple)` gives the entities and `createdBody(created)` the `{entry}` or list to answer.
 * Errors built from a literal sentence use it as the errorKey: `errors.literal(status, sentence)`.
 */
export { applyFields, readFields } from './fields.js'
export { parseJavaInt } from './java-int.js'
export { compareValues, parseOrderBy, resolveSort, sortItems, type SortBy, type SortColumn, type SortKey, type SortSpec } from './order-by.js'
export { createdBody, DEFAULT_PAGING, listBody, pageOf, postedEntities, readPaging, type ListBody, type Pagination, type Paging } from './paging.js'
export { javaBooleanValueOf, NO_PARAMS, readRecognizedParams, type QueryReader, type RecognizedParams } from './params.js'
export { clauseKey, resolveWhere, WhereProperty, type Clause, type ResolvedWhere, type ResolveOptions } from './where/basic-walker.js'
export { javaBoolean, mapBasedWhere, type MapClause, type MapWhere, type MapWhereSpec } from './where/map-walker.js'
export { parseSelect, parseWhere, stripQuotes, unsupportedPredicate, walkWhere, type Comparison, type WhereCallbacks, type WhereQuery } from './where/query.js'
export { TOKEN_NAMES } from './where/tokens.js'
