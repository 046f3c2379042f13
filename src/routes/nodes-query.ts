import { errors } from '../errors.js'
import type { Dictionary } from '../model/dictionary.js'
import { mapBasedWhere, type MapWhere } from '../rest/where/map-walker.js'
import type { SortBy, SortKey } from '../rest/order-by.js'
import type { RecognizedParams } from '../rest/params.js'
import { contentSize } from '../store/content.js'
import type { MockNode } from '../store/types.js'

/**
 * `where` and `orderBy` of GET /nodes/{id}/children, in the order NodesImpl.listChildren checks them
 * (remote-api/src/main/java/org/alfresco/rest/api/impl/NodesImpl.java; NodeApiTest.testListChildren*,
 * testListChildrenIsFileIsFolderFilter, testListChildrenWithAssocType): the where clause through a
 * MapBasedQueryWalker of EQUALS on isFolder, isFile, nodeType, isPrimary and assocType, then the
 * assocType, the sort columns, isPrimary, and the type filters.
 */

/**
 * Namespaces of models ACS loads that the mock's dictionary does not carry (src/model has cm, sys,
 * app, st, fm, qshare, download…): their prefixes still resolve, as in ACS, though no type of
 * theirs exists here.
 */
const OTHER_NAMESPACES: ReadonlyMap<string, string> = new Map([
  ['usr', 'http://www.alfresco.org/model/user/1.0'],
  ['dl', 'http://www.alfresco.org/model/datalist/1.0'],
  ['lnk', 'http://www.alfresco.org/model/linksmodel/1.0'],
  ['ver2', 'http://www.alfresco.org/model/versionstore/2.0'],
  ['bpm', 'http://www.alfresco.org/model/bpm/1.0'],
  ['wf', 'http://www.alfresco.org/model/workflow/1.0'],
  ['rule', 'http://www.alfresco.org/model/rule/1.0'],
  ['act', 'http://www.alfresco.org/model/action/1.0'],
])

/**
 * NodesImpl.createQName: `{uri}local` or `prefix:local` (no prefix is the default namespace);
 * a prefix ACS does not map fails as QName.createQName does. Returns the prefixed form.
 */
export function qname(dict: Dictionary, text: string): string {
  const invalid = (why: string) => errors.invalidLiteral(`${text} isn't a valid QName. ${why}`)
  const brace = text.indexOf('{')
  if (brace !== -1) {
    if (brace !== 0) throw invalid(`QName '${text}' must start with a namespaceURI`)
    const end = text.indexOf('}', 1)
    if (end === -1) throw invalid(`QName '${text}' is missing the closing namespace } token`)
    const local = text.slice(end + 1)
    if (local === '') throw invalid(`QName '${text}' must consist of a local name`)
    const uri = text.slice(1, end)
    const prefix = dict.prefixOf(uri) ?? [...OTHER_NAMESPACES].find(([, u]) => u === uri)?.[0]
    return prefix ? `${prefix}:${local}` : text
  }
  const colon = text.indexOf(':')
  const prefix = colon === -1 ? '' : text.slice(0, colon)
  const local = colon === -1 ? text : text.slice(colon + 1)
  if (local === '') throw invalid('A QName must consist of a local name')
  if (prefix !== '' && dict.uriOf(prefix) === undefined && !OTHER_NAMESPACES.has(prefix)) {
    throw invalid(`Namespace prefix ${prefix} is not mapped to a namespace URI`)
  }
  return text
}

/** What each sortable QName reads from a node (GetChildrenCannedQuery's SORT_QNAME_* and auditable props). */
const SORT_KEYS: ReadonlyMap<string, SortKey<MockNode>> = new Map<string, SortKey<MockNode>>([
  ['{isFolder}', (n) => n.isFolder],
  ['{nodeType}', (n) => n.nodeType],
  ['cm:name', (n) => n.name],
  ['cm:created', (n) => n.createdAt],
  ['cm:modified', (n) => n.modifiedAt],
  ['cm:creator', (n) => n.createdBy],
  ['cm:modifier', (n) => n.modifiedBy],
  ['cm:content.mimetype', (n) => n.content?.mimeType],
  ['cm:content.size', (n) => (n.content ? contentSize(n.content.source) : undefined)],
])
/** NodesImpl.PARAM_SYNONYMS_QNAME: the orderBy names that stand for a QName. */
const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['isFolder', '{isFolder}'],
  ['name', 'cm:name'],
  ['createdAt', 'cm:created'],
  ['modifiedAt', 'cm:modified'],
  ['createdByUser', 'cm:creator'],
  ['modifiedByUser', 'cm:modifier'],
  ['mimeType', 'cm:content.mimetype'],
  ['sizeInBytes', 'cm:content.size'],
  ['nodeType', '{nodeType}'],
])
/** getListChildrenSortPropsDefault: folders first, then by name. */
const DEFAULT_SORT: SortBy<MockNode>[] = [
  { key: (n) => n.isFolder, asc: false },
  { key: (n) => n.name, asc: true },
]

export interface ChildQuery {
  keep(node: MockNode): boolean
  order: SortBy<MockNode>[]
}

export function childQuery(params: RecognizedParams, dict: Dictionary): ChildQuery {
  const where = mapBasedWhere(params.where, { equals: ['isFolder', 'isFile', 'nodeType', 'isPrimary', 'assocType'] })
  const assocType = checkAssocType(dict, where.get('assocType'))
  // getListChildrenSortProps: a synonym, else the column read as a QName (an unknown one sorts as null).
  const sortNames = params.sorting.map((c) => SYNONYMS.get(c.column) ?? qname(dict, c.column))
  const isPrimary = where.bool('isPrimary')
  const types = typeFilter(dict, where)
  // GetChildrenCannedQuery: at most three distinct sort/filter properties (isPrimary is not one).
  const distinct = new Set(sortNames).size
  if (distinct > 3) throw errors.internal(`GetChildren: exceeded maximum number filter/sort properties: (max=3, actual=${distinct}`)
  const order = sortNames.length ? sortNames.map((name, i) => ({ key: sortKey(name), asc: params.sorting[i]!.asc })) : DEFAULT_SORT
  // Every child here is a primary cm:contains child.
  const assocOk = assocType === undefined || assocType === 'cm:contains'
  return { keep: (n) => isPrimary !== false && assocOk && types(n), order }
}

function sortKey(name: string): SortKey<MockNode> {
  return SORT_KEYS.get(name) ?? ((n) => scalar(Object.hasOwn(n.properties, name) ? n.properties[name] : undefined))
}

function scalar(v: unknown): string | number | boolean | undefined {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined
}

/** NodesImpl.getAssocType(…, mandatory): checked whenever the clause is there, even empty. */
function checkAssocType(dict: Dictionary, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  if (raw === '') throw errors.invalidLiteral('Missing assocType')
  const q = qname(dict, raw)
  if (!dict.association(q)) throw errors.invalidLiteral(`Unknown assocType: ${raw}`)
  if (q.startsWith('sys:')) throw errors.invalidLiteral(`Invalid assocType: ${raw}`)
  return q
}

/** buildSearchTypesAndIgnoreAspects: isFile/isFolder (sub-types included), or nodeType (optionally with sub-types). */
function typeFilter(dict: Dictionary, where: MapWhere): (n: MockNode) => boolean {
  const isFolder = where.bool('isFolder')
  const isFile = where.bool('isFile')
  if (isFile === true && isFolder === true) {
    throw errors.invalidLiteral('Invalid filter (isFile=true and isFolder=true) - a node cannot be both a file and a folder')
  }
  const nodeType = where.get('nodeType')
  if (nodeType) {
    if (isFile !== undefined || isFolder !== undefined) {
      throw errors.invalidLiteral('Invalid filter - nodeType and isFile/isFolder are mutually exclusive')
    }
    return nodeTypeFilter(dict, nodeType)
  }
  return (n) =>
    !(isFolder === true && (!n.isFolder || dict.isSubClass(n.nodeType, 'cm:systemfolder'))) &&
    !(isFolder === false && n.isFolder) &&
    !(isFile === true && n.isFolder) &&
    !(isFile === false && !n.isFolder)
}

/** parseNodeTypeFilter: `cm:folder` or `cm:folder INCLUDESUBTYPES` (any case); system folders never. */
function nodeTypeFilter(dict: Dictionary, raw: string): (n: MockNode) => boolean {
  let text = raw
  let withSubTypes = false
  const space = raw.lastIndexOf(' ')
  if (space > 0 && raw.slice(space).toUpperCase() === ' INCLUDESUBTYPES') {
    withSubTypes = true
    text = raw.slice(0, space)
  }
  const type = qname(dict, text)
  if (!dict.type(type)) throw errors.invalidLiteral(`Unknown filter nodeType: ${text}`)
  return (n) => !dict.isSubClass(n.nodeType, 'cm:systemfolder') && (n.nodeType === type || (withSubTypes && dict.isSubClass(n.nodeType, type)))
}
