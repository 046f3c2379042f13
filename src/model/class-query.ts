import { errors } from '../errors.js'
import { walkWhere, type WhereQuery } from '../rest/index.js'
import type { ClassDef } from '../store/model-types.js'
import type { Dictionary } from './dictionary.js'

/**
 * GET /types and /aspects: AbstractClassImpl's ClassQueryWalker over the where clauses those
 * resources accept — `modelId IN (…)` (each optionally `… INCLUDESUBTYPES|INCLUDESUBASPECTS`),
 * `parentId IN (…)` and `[NOT] namespaceUri MATCHES('regex')` — and TypesImpl/AspectsImpl.list*.
 * Rules from TAS `models/types/GetTypesTests.java` and `models/aspects/GetAspectsTests.java`.
 */
export interface ClassQuery {
  modelIds?: string[]
  parentIds?: string[]
  matchedPrefix?: string
  notMatchedPrefix?: string
}

/**
 * ClassQueryWalker over the parsed `where` (src/rest): IN on modelId/parentId (NOT refused), MATCHES
 * on namespaceUri (NOT flips it), EQUALS on modelId/parentId accepted and unused (MapBasedQueryWalker's
 * supportedEqualsParameters), AND only; everything else is the framework's 400.
 */
export function classQuery(where: WhereQuery | undefined): ClassQuery | undefined {
  if (!where) return undefined
  const q: ClassQuery = {}
  walkWhere(where, {
    in(property, negated, values) {
      if (negated) throw errors.invalidLiteral(`Cannot use NOT for ${property}`)
      if (property.toLowerCase() === 'modelid') q.modelIds = values
      if (property.toLowerCase() === 'parentid') q.parentIds = values
    },
    matches(property, value, negated) {
      if (property !== 'namespaceUri') return
      if (negated) q.notMatchedPrefix = value
      else q.matchedPrefix = value
    },
    comparison(type, property, value, negated) {
      if (type !== 'EQUALS' || (property !== 'modelId' && property !== 'parentId')) throw errors.invalidProperty(property, value, type)
      if (negated) throw errors.invalidLiteral(`Cannot use NOT for ${type} comparison.`)
    },
    and() {},
  })
  return q
}

/** validateListParam: a filter list must not be empty nor hold blanks (IllegalArgumentException → 400). */
function validateList(values: readonly string[], param: string): void {
  const name = param[0]!.toUpperCase() + param.slice(1)
  if (values.length === 0) throw errors.illegalArgument(`${name}s filter list cannot be empty.`)
  if (values.some((v) => v.trim() === '')) throw errors.illegalArgument(`${name} cannot be empty (i.e. '')`)
}

/** The classes of `kind` the query selects, sorted by id, sys: ones never (filterByNamespace). */
export function selectClasses(dict: Dictionary, kind: ClassDef['kind'], q: ClassQuery | undefined): ClassDef[] {
  let found: ClassDef[]
  if (q?.modelIds) {
    validateList(q.modelIds, 'modelId')
    found = q.modelIds.flatMap((m) => modelClasses(dict, kind, m))
  } else if (q?.parentIds) {
    validateList(q.parentIds, 'parentId')
    found = q.parentIds.flatMap((p) => {
      const parent = qname(dict, p)
      return dict.subClasses(parent, true).filter((c) => c.kind === kind)
    })
  } else found = dict.all(kind)
  const matcher = namespaceMatcher(q)
  const seen = new Set<string>()
  return found
    .filter((c) => !c.name.startsWith('sys:') && matcher(dict.uriOf(c.name.split(':')[0]!) ?? '') && !seen.has(c.name) && seen.add(c.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

function modelClasses(dict: Dictionary, kind: ClassDef['kind'], raw: string): ClassDef[] {
  const suffix = kind === 'type' ? ' INCLUDESUBTYPES' : ' INCLUDESUBASPECTS'
  const idx = raw.lastIndexOf(' ')
  const withSubs = idx > 0 && raw.slice(idx).toUpperCase() === suffix
  const id = withSubs ? raw.slice(0, idx) : raw
  const name = qname(dict, id)
  // DictionaryService.getModel of an unknown model throws; TypesImpl turns it into a 400.
  if (!dict.model(name)) throw errors.invalidLiteral(`Model '${dict.expanded(name)}' does not exist`)
  const own = dict.all(kind).filter((c) => c.model === name)
  return withSubs ? [...own, ...own.flatMap((c) => dict.subClasses(c.name, false))] : own
}

/** QName.createQName(id, namespaceService): an unknown prefix is a NamespaceException (400 here). */
function qname(dict: Dictionary, raw: string): string {
  const colon = raw.indexOf(':')
  const prefix = colon < 0 ? '' : raw.slice(0, colon)
  if (colon < 0 || dict.uriOf(prefix) === undefined) throw errors.invalidLiteral(`Namespace prefix ${prefix} is not mapped to a namespace URI`)
  return raw
}

/** Pattern.matches on the namespace URI; a pattern Java cannot compile is a PatternSyntaxException (400). */
function namespaceMatcher(q: ClassQuery | undefined): (uri: string) => boolean {
  const compile = (p: string): RegExp => {
    try {
      return new RegExp(`^(?:${p})$`)
    } catch {
      throw errors.illegalArgument(`Dangling meta character '${p[0] ?? ''}' near index 0\n${p}\n^`)
    }
  }
  if (q?.matchedPrefix !== undefined) {
    const re = compile(q.matchedPrefix)
    return (uri) => re.test(uri)
  }
  if (q?.notMatchedPrefix !== undefined) {
    const re = compile(q.notMatchedPrefix)
    return (uri) => !re.test(uri)
  }
  return () => true
}
