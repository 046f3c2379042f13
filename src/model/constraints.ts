import { errors } from '../errors.js'
import { refuseControlChars } from '../store/names.js'
import type { Dictionary } from './dictionary.js'
import type { ConstraintDef, PropertyDef } from '../store/model-types.js'

/** What the integrity check reads of a node (the mock checks before it writes, ACS at commit). */
export interface IntegrityTarget {
  id: string
  name: string
  nodeType: string
  aspectNames: readonly string[]
  properties: Readonly<Record<string, unknown>>
}

/**
 * PropertiesIntegrityEvent: enforced mandatory properties must be set and every property value
 * must pass its constraints, for the type and each aspect (cm:auditable and sys:referenceable are
 * skipped). Violations → IntegrityException → 422 ApiDefault, in IntegrityChecker's layout.
 * The constraint messages are data-model's dictionary-messages.properties.
 */
export function checkIntegrity(dict: Dictionary, node: IntegrityTarget): void {
  // Before the constraints: every create, update, copy and move names its node through here.
  refuseControlChars(node.name)
  const records: string[] = []
  const classes = [node.nodeType, ...node.aspectNames.filter((a) => a !== 'cm:auditable' && a !== 'sys:referenceable')]
  for (const cls of classes) {
    if (!dict.getClass(cls)) continue
    for (const def of dict.properties(cls)) {
      const record = checkProperty(dict, node, cls, def)
      if (record) records.push(record)
    }
  }
  if (records.length === 0) return
  throw errors.apiDefault(422, `Found ${records.length} integrity violations:\n${records.join('\n')}`)
}

function checkProperty(dict: Dictionary, node: IntegrityTarget, cls: string, def: PropertyDef): string | undefined {
  const value = def.name === 'cm:name' ? node.name : node.properties[def.name]
  const head = (what: string) =>
    `${what}: \n   Node: workspace://SpacesStore/${node.id}\n   Name: ${node.name}\n   Type: ${dict.expanded(cls)}\n   Property: ${dict.expanded(def.name)}`
  if (def.mandatory && def.enforced && (value === undefined || value === null)) return head('Mandatory property not set')
  if (value === undefined || value === null) return undefined
  for (const c of def.constraints ?? []) {
    const failure = evaluate(c, value)
    if (failure) return `${head('Invalid property value')}\n   Constraint: ${failure}`
  }
  return undefined
}

/** AbstractConstraint.evaluate: each entry of a list on its own; the message of the first failure. */
export function evaluate(c: ConstraintDef, value: unknown): string | undefined {
  for (const v of Array.isArray(value) ? value : [value]) {
    if (v === null || v === undefined) continue
    const failure = evaluateOne(c, v)
    if (failure) return failure
  }
  return undefined
}

function evaluateOne(c: ConstraintDef, value: unknown): string | undefined {
  const text = typeof value === 'string' ? value : String(value)
  const p = c.parameters
  const param = (k: string, fallback: string) => {
    const v = p[k]
    return typeof v === 'string' || typeof v === 'number' ? String(v) : fallback
  }
  switch (c.type) {
    case 'REGEX': {
      const requiresMatch = p.requiresMatch !== false
      const matches = javaRegex(String(p.expression)).test(text)
      if (matches === requiresMatch) return undefined
      // RegexConstraint: a message named after the constraint wins over the generic one.
      if (c.name === 'cm:filename') return `Value '${text}' is not valid as a file name. This property must be a valid file name.`
      return `Value '${text}' ${requiresMatch ? 'does not match' : 'matches'} regular expression: ${String(p.expression)}`
    }
    case 'LIST': {
      const allowed = (p.allowedValues as string[] | undefined) ?? []
      const caseSensitive = p.caseSensitive !== false
      const ok = allowed.some((a) => (caseSensitive ? a === text : a.toLowerCase() === text.toLowerCase()))
      return ok ? undefined : `The value is not an allowed value: ${text}`
    }
    case 'MINMAX': {
      const n = Number(value)
      const min = p.minValue === undefined ? -Infinity : Number(p.minValue)
      const max = p.maxValue === undefined ? Infinity : Number(p.maxValue)
      if (Number.isNaN(n)) return `Property value could not be converted to a double: ${text}`
      return n < min || n > max ? `Numeric value '${text}' is not in range [${param('minValue', '')}; ${param('maxValue', '')}]` : undefined
    }
    case 'LENGTH': {
      const min = Number(p.minLength ?? 0)
      const max = Number(p.maxLength ?? Infinity)
      return text.length < min || text.length > max ? `String length of '${text}' is not in range [${param('minLength', '0')}; ${param('maxLength', '')}]` : undefined
    }
    default:
      // REGISTERED and Java-class constraints (user names, authorities) are not modelled.
      return undefined
  }
}

const compiled = new Map<string, RegExp>()

/** Java's Matcher.matches(): the whole value must match. */
function javaRegex(expression: string): RegExp {
  let re = compiled.get(expression)
  if (!re) {
    re = new RegExp(`^(?:${expression})$`, 's')
    compiled.set(expression, re)
  }
  return re
}
