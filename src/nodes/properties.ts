import { errors } from '../errors.js'
import type { Dictionary } from '../model/dictionary.js'
import { convertValue, type StoredValue } from '../model/values.js'
import type { AuthStore } from '../store/auth-store.js'

/** cm:auditable's properties are the repository's to set (AuditablePropertiesEntity). */
const AUDITABLE = new Set(['cm:created', 'cm:creator', 'cm:modified', 'cm:modifier', 'cm:accessed'])

/**
 * NodesImpl.createQName: a prefixed name or `{uri}local`, else InvalidArgumentException with the
 * NamespaceException's text. Returns the prefixed name, or undefined for a namespace-less name
 * (ACS makes `{}name` of it, which no class declares).
 */
export function qnameOf(dict: Dictionary, raw: string): string | undefined {
  const m = /^\{([^}]*)\}(.*)$/.exec(raw)
  if (m) return dict.prefixOf(m[1]!) === undefined ? undefined : dict.prefixed(raw)
  const colon = raw.indexOf(':')
  if (colon < 0) return undefined
  const prefix = raw.slice(0, colon)
  if (dict.uriOf(prefix) === undefined) {
    throw errors.invalidLiteral(`${raw} isn't a valid QName. Namespace prefix ${prefix} is not mapped to a namespace URI`)
  }
  return raw
}

/** NodesImpl.mapToNodeAspects: every name must be an aspect ("Unknown aspect: X"). */
export function mapAspects(dict: Dictionary, names: readonly string[]): string[] {
  return names.map((raw) => {
    const name = qnameOf(dict, raw)
    if (!name || !dict.aspect(name)) throw errors.invalidLiteral(`Unknown aspect: ${raw}`)
    return name
  })
}

/** NodesImpl.validateAspects: known aspects, none of the sys namespace. */
export function validateAspects(dict: Dictionary, names: readonly string[] | undefined): string[] {
  const aspects = mapAspects(dict, names ?? [])
  for (const a of aspects) if (a.startsWith('sys:')) throw errors.illegalArgument(`NameSpace cannot be used by API: ${a}`)
  return aspects
}

/**
 * NodesImpl.validateProperties (mapToNodeProperties, then the excluded namespace and cm:auditable):
 * every key a known property. Returns the keys by their prefixed names, values untouched.
 */
export function validateProperties(dict: Dictionary, props: Readonly<Record<string, unknown>> | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [raw, value] of Object.entries(props ?? {})) {
    const name = qnameOf(dict, raw)
    if (!name || !dict.property(name)) throw errors.invalidLiteral(`Unknown property: ${raw}`)
    out.set(name, value)
  }
  for (const name of out.keys()) {
    if (name.startsWith('sys:')) throw errors.illegalArgument(`NameSpace cannot be used by API: ${name}`)
    if (AUDITABLE.has(name)) throw errors.illegalArgument(`Cannot be used by API: ${name}`)
  }
  return out
}

/**
 * The values converted to their data types, as nodeService.addProperties stores them (null
 * unsets), after NodesImpl.validatePropValues: cm:owner must name a person ("Unknown owner: x").
 */
export function convertProperties(dict: Dictionary, auth: AuthStore, props: ReadonlyMap<string, unknown>): Map<string, StoredValue> {
  const owner = props.get('cm:owner')
  if (typeof owner === 'string' && owner !== '' && !auth.users.has(owner)) throw errors.invalidLiteral(`Unknown owner: ${owner}`)
  const out = new Map<string, StoredValue>()
  for (const [name, value] of props) out.set(name, convertValue(dict, dict.property(name)!, value))
  return out
}
