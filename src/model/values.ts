import { errors } from '../errors.js'
import type { Dictionary, PropertyEntry } from './dictionary.js'

/**
 * Property values as ACS stores them: a JSON value from a request is converted to the property's
 * data type (NodePropertyHelper.makeNodePropertyValue with DefaultTypeConverter), and kept in the
 * form ACS writes back (dates as `yyyy-MM-dd'T'HH:mm:ss.SSS+0000`, numbers, booleans, node ids).
 */

/** A stored value: what the JSON answer shows (person properties become {id, displayName} there). */
export type StoredValue = string | number | boolean | null | StoredValue[] | { [k: string]: StoredValue }

const INT_MIN = -2147483648
const INT_MAX = 2147483647

/** Converts `value` for the property, or throws the error ACS answers for it. */
export function convertValue(dict: Dictionary, entry: PropertyEntry, value: unknown): StoredValue {
  if (value === null || value === undefined) return null
  const { def } = entry
  if (def.type === 'd:noderef') return nodeRefValue(def.multiple === true, value)
  if (Array.isArray(value)) {
    if (def.type === 'd:any') return value as StoredValue
    // NodePropertyHelper.addValueToPersistedProperties: a DictionaryException, unmapped → 500.
    if (!def.multiple) throw errors.apiDefault(500, `A single-valued property of this type may not be a collection: \n   Property: ${describe(dict, entry)}\n   Type: ${dict.expanded(def.type)}\n   Value: ${javaString(value)}`)
    return value.map((v) => {
      try {
        return single(dict, entry, v)
      } catch {
        // NodePropertyHelper wraps a failing entry in an AlfrescoRuntimeException: unmapped → 500.
        throw errors.apiDefault(500, `Failed to persist collection entry: \n   Property: ${describe(dict, entry)}\n   Index:    ${value.indexOf(v)}\n   Value:    ${javaString(v)}`)
      }
    })
  }
  // A lone value of a multi-valued property is stored as a one-entry list.
  return def.multiple ? [single(dict, entry, value)] : single(dict, entry, value)
}

function single(dict: Dictionary, entry: PropertyEntry, value: unknown): StoredValue {
  if (value === null) return null
  switch (entry.def.type) {
    case 'd:int':
    case 'd:long':
      return integer(dict, entry, value, entry.def.type === 'd:int')
    case 'd:float':
    case 'd:double':
      return decimal(dict, entry, value)
    case 'd:boolean':
      if (typeof value === 'boolean') return value
      if (typeof value === 'string') return value.toLowerCase() === 'true'
      if (typeof value === 'number') return value !== 0
      throw incompatible(dict, entry, value)
    case 'd:date':
    case 'd:datetime':
      return date(dict, entry, value)
    case 'd:any':
      return value as StoredValue
    case 'd:category':
      return nodeRefValue(false, value)
    default:
      if (typeof value === 'string') return value
      if (typeof value === 'number' || typeof value === 'boolean') return String(value)
      throw incompatible(dict, entry, value)
  }
}

/** NodesImpl.toNodeRef: a string, bare id or `workspace://SpacesStore/<id>`, kept as the bare id. */
function nodeRefValue(multiple: boolean, value: unknown): StoredValue {
  const one = (v: unknown): string => {
    if (typeof v !== 'string') throw errors.invalidLiteral(`Invalid node reference value: ${javaString(v)}`)
    const m = /^[a-z]+:\/\/[^/]+\/(.+)$/.exec(v)
    return m ? m[1]! : v
  }
  if (multiple && Array.isArray(value)) return value.map(one)
  return multiple ? [one(value)] : one(value)
}

/** Integer.valueOf / Long.valueOf on text (NumberFormatException → 400); Number.intValue on numbers. */
function integer(dict: Dictionary, entry: PropertyEntry, value: unknown, int32: boolean): number {
  if (typeof value === 'number') {
    const n = Math.trunc(value)
    if (!int32) return n
    // Integer.intValue of a Long wraps around; of a Double it saturates.
    if (Number.isInteger(value)) return Number(BigInt.asIntN(32, BigInt(n)))
    return Math.max(INT_MIN, Math.min(INT_MAX, n))
  }
  if (typeof value !== 'string') throw incompatible(dict, entry, value)
  const ok = /^[+-]?\d+$/.test(value)
  const n = ok ? Number(value) : NaN
  const limit = int32 ? [INT_MIN, INT_MAX] : [-(2 ** 63), 2 ** 63 - 1]
  if (!ok || n < limit[0]! || n > limit[1]!) throw errors.illegalArgument(`For input string: "${value}"`)
  return n
}

/** Double.valueOf: surrounding whitespace, exponents, NaN/Infinity and a d/f suffix are Java's grammar. */
function decimal(dict: Dictionary, entry: PropertyEntry, value: unknown): number | string {
  if (typeof value === 'number') return value
  if (typeof value !== 'string') throw incompatible(dict, entry, value)
  const t = value.trim()
  if (/^[+-]?NaN$/.test(t)) return 'NaN'
  if (/^[+-]?Infinity$/.test(t)) return t.startsWith('-') ? '-Infinity' : 'Infinity'
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?$/.test(t)) throw errors.illegalArgument(`For input string: "${value}"`)
  return Number(t.replace(/[fFdD]$/, ''))
}

/** ISO8601DateFormat.parse on text (failure → TypeConversionException 400); epoch millis on numbers. */
function date(dict: Dictionary, entry: PropertyEntry, value: unknown): string {
  if (typeof value === 'number') return isoDate(value)
  if (typeof value !== 'string') throw incompatible(dict, entry, value)
  const ms = parseIso8601(value)
  if (ms === undefined) throw incompatible(dict, entry, value)
  return isoDate(ms)
}

/** ACS's wire format for dates (JacksonHelper): UTC, milliseconds, `+0000`. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000')
}

/**
 * ISO8601DateFormat.parse: `yyyy[-MM[-dd]]` then optionally `Thh:mm[:ss[.SSS]]` and a zone (`Z`,
 * `±hh:mm`, `±hhmm`); a date without a zone is read as UTC (the mock's server time zone).
 */
export function parseIso8601(text: string): number | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim())
  if (!m) return undefined
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', frac = '0', zone] = m
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0')))
  const check = new Date(ms)
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined
  if (!zone || zone === 'Z') return ms
  const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!
  const offset = (Number(z[2]) * 60 + Number(z[3])) * 60_000
  return z[1] === '+' ? ms - offset : ms + offset
}

/** NodePropertyHelper's TypeConversionException: 400, ApiDefault, the Java message without a log number. */
function incompatible(dict: Dictionary, entry: PropertyEntry, value: unknown) {
  return errors.illegalArgument(
    'The property value is not compatible with the type defined for the property: \n' +
      `   property: ${describe(dict, entry)}\n` +
      `   value: ${javaString(value)}\n` +
      `   value type: class ${javaClass(value)}`,
  )
}

/** M2PropertyDefinition.toString, as ACS's messages embed it. */
function describe(dict: Dictionary, { def, container }: PropertyEntry): string {
  return [
    `Name: ${dict.expanded(def.name)}`,
    `Title: ${def.title ?? 'null'}`,
    `Description: ${def.description ?? 'null'}`,
    `Default Value: ${def.default ?? 'null'}`,
    `DataType Name: ${dict.expanded(def.type)}`,
    `ContainerClass Name: ${dict.expanded(container.name)}`,
    `isMultiValued: ${def.multiple === true}`,
    `isMandatory: ${def.mandatory === true}`,
    `isMandatoryEnforced: ${def.enforced === true}`,
    `isProtected: ${def.protected === true}`,
    `isIndexed: ${def.indexed !== false}`,
    '',
  ].join('\n')
}

/** The Java class Jackson gives a JSON value (UntypedObjectDeserializer). */
function javaClass(value: unknown): string {
  if (typeof value === 'string') return 'java.lang.String'
  if (typeof value === 'boolean') return 'java.lang.Boolean'
  if (typeof value === 'number') return Number.isInteger(value) ? (Math.abs(value) <= INT_MAX ? 'java.lang.Integer' : 'java.lang.Long') : 'java.lang.Double'
  if (Array.isArray(value)) return 'java.util.ArrayList'
  return 'java.util.LinkedHashMap'
}

/** toString of the Java value Jackson made: lists `[a, b]`, maps `{k=v}`. */
function javaString(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(javaString).join(', ')}]`
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}=${javaString(v)}`).join(', ')}}`
  return String(value)
}
