import { errors } from '../errors.js'
import { contentSize } from '../store/content.js'
import type { MockNode } from '../store/types.js'

/**
 * `orderBy` and `where` of GET /nodes/{id}/children, as NodesImpl.listChildren reads them.
 * Default order: folders first, then name ascending (getListChildrenSortPropsDefault).
 */

type Key = (n: MockNode) => string | number | boolean | undefined

// Made on first sort: creating a Collator loads ICU data, a few milliseconds of start-up.
let collator: Intl.Collator | undefined

/** The orderBy synonyms of NodesImpl.PARAM_SYNONYMS_QNAME; anything else is read as a property name. */
const KEYS: Readonly<Record<string, Key>> = {
  isFolder: (n) => n.isFolder,
  name: (n) => n.name,
  mimeType: (n) => n.content?.mimeType,
  nodeType: (n) => n.nodeType,
  sizeInBytes: (n) => (n.content ? contentSize(n.content.source) : undefined),
  modifiedAt: (n) => n.modifiedAt,
  createdAt: (n) => n.createdAt,
  modifiedByUser: (n) => n.modifiedBy,
  createdByUser: (n) => n.createdBy,
}

interface SortColumn {
  key: Key
  asc: boolean
}

export function sortChildren(nodes: MockNode[], orderBy: string | undefined): MockNode[] {
  const columns = orderBy?.trim() ? parseOrderBy(orderBy) : [{ key: KEYS.isFolder!, asc: false }, { key: KEYS.name!, asc: true }]
  return [...nodes].sort((a, b) => {
    for (const col of columns) {
      const d = compare(col.key(a), col.key(b))
      if (d !== 0) return col.asc ? d : -d
    }
    return 0
  })
}

/** `name DESC, createdAt`: each column with an optional ASC/DESC (RecognizedParamsExtractor.getSorting). */
function parseOrderBy(raw: string): SortColumn[] {
  return raw.split(',').map((part) => {
    const [field = '', dir = 'ASC', ...rest] = part.trim().split(/\s+/)
    if (rest.length > 0 || !/^(ASC|DESC)$/i.test(dir)) throw errors.invalidArgument(`Invalid orderBy: ${raw}`)
    const key = KEYS[field] ?? ((n: MockNode) => scalar(n.properties[field]))
    return { key, asc: dir.toUpperCase() === 'ASC' }
  })
}

function scalar(v: unknown): string | number | boolean | undefined {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined
}

/** Missing values sort first, as nulls do in ACS's comparators. */
function compare(a: string | number | boolean | undefined, b: string | number | boolean | undefined): number {
  if (a === b) return 0
  if (a === undefined) return -1
  if (b === undefined) return 1
  if (typeof a === 'string' && typeof b === 'string') return (collator ??= new Intl.Collator('en')).compare(a, b)
  return a < b ? -1 : 1
}

/**
 * `where` filters ACS supports on children: isFolder, isFile, nodeType ('x' or 'x INCLUDESUBTYPES'),
 * isPrimary and assocType, joined by AND. Anything else is answered 501, never silently ignored.
 */
export function childFilter(where: string | undefined, what: string): (n: MockNode) => boolean {
  if (!where?.trim()) return () => true
  const clauses = parseWhere(where, what)
  const isFolder = bool(clauses.get('isFolder'), what)
  const isFile = bool(clauses.get('isFile'), what)
  const nodeType = clauses.get('nodeType')?.replace(/^'(.*)'$/, '$1')
  if (isFolder === true && isFile === true) {
    throw errors.invalidLiteral('Invalid filter (isFile=true and isFolder=true) - a node cannot be both a file and a folder')
  }
  if (nodeType && (isFile !== undefined || isFolder !== undefined)) {
    throw errors.invalidLiteral('Invalid filter - nodeType and isFile/isFolder are mutually exclusive')
  }
  const isPrimary = bool(clauses.get('isPrimary'), what)
  const assocType = clauses.get('assocType')?.replace(/^'(.*)'$/, '$1')
  return (n) => {
    if (isPrimary === false || (assocType !== undefined && assocType !== 'cm:contains')) return false
    if (isFolder !== undefined && n.isFolder !== isFolder) return false
    if (isFile !== undefined && !n.isFolder !== isFile) return false
    return nodeType === undefined || matchesType(n, nodeType)
  }
}

function parseWhere(where: string, what: string): Map<string, string> {
  const inner = where.trim().replace(/^\((.*)\)$/s, '$1')
  const out = new Map<string, string>()
  for (const clause of inner.split(/\s+and\s+/i)) {
    const m = /^\s*(isFolder|isFile|nodeType|isPrimary|assocType)\s*=\s*(.+?)\s*$/.exec(clause)
    if (!m) throw errors.notImplemented('GET', `${what}?where=${where}`)
    out.set(m[1]!, m[2]!)
  }
  return out
}

function bool(raw: string | undefined, what: string): boolean | undefined {
  if (raw === undefined) return undefined
  if (raw === 'true' || raw === 'false') return raw === 'true'
  throw errors.notImplemented('GET', `${what}?where=…${raw}`)
}

/** The mock knows cm:folder and cm:content and their own types; INCLUDESUBTYPES widens to those. */
function matchesType(n: MockNode, filter: string): boolean {
  const sub = /\s+INCLUDESUBTYPES$/i.test(filter)
  const type = filter.replace(/\s+INCLUDESUBTYPES$/i, '')
  if (n.nodeType === type) return true
  if (!sub) return false
  return (type === 'cm:folder' && n.isFolder) || (type === 'cm:content' && !n.isFolder) || type === 'cm:cmobject'
}
