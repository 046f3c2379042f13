import type { AssociationDef, ClassDef, ConstraintDef, PropertyDef } from '../store/model-types.js'
import type { Dictionary } from './dictionary.js'

/**
 * The model API's JSON (remote-api's rest/api/model Type, Aspect, PropertyDefinition, Association,
 * Model) as ACS writes it: JacksonHelper's NON_EMPTY drops nulls and empty lists, primitive
 * booleans are always written.
 */

export interface ConstraintJson {
  id: string
  type: string
  title?: string
  description?: string
  parameters?: Record<string, unknown>
}

export interface PropertyJson {
  id: string
  title?: string
  description?: string
  defaultValue?: string
  dataType: string
  isMultiValued: boolean
  isMandatory: boolean
  isMandatoryEnforced: boolean
  isProtected: boolean
  constraints?: ConstraintJson[]
}

export interface ClassDefinitionJson {
  properties?: PropertyJson[]
}

const EXCLUDED_NS = 'sys:'

/** ClassDefinitionMapperImpl: properties of a class, without the sys namespace and cm:content. */
export function propertiesJson(defs: readonly PropertyDef[]): PropertyJson[] {
  return defs.filter((p) => !p.name.startsWith(EXCLUDED_NS) && p.name !== 'cm:content').map(propertyJson)
}

function propertyJson(p: PropertyDef): PropertyJson {
  const out: PropertyJson = {
    id: p.name,
    ...(p.title ? { title: p.title } : {}),
    ...(p.description ? { description: p.description } : {}),
    ...(p.default !== undefined && p.default !== '' ? { defaultValue: p.default } : {}),
    dataType: p.type,
    isMultiValued: p.multiple === true,
    isMandatory: p.mandatory === true,
    isMandatoryEnforced: p.enforced === true,
    isProtected: p.protected === true,
  }
  const constraints = (p.constraints ?? []).map(constraintJson)
  if (constraints.length) out.constraints = constraints
  return out
}

/** Constraint.getParameters(): the declared ones plus the implementation's defaults. */
function constraintJson(c: ConstraintDef): ConstraintJson {
  const defaults: Record<string, Record<string, unknown>> = {
    REGEX: { requiresMatch: true },
    LIST: { caseSensitive: true, sorted: false },
  }
  return {
    id: c.name,
    type: c.type,
    ...(c.title ? { title: c.title } : {}),
    ...(c.description ? { description: c.description } : {}),
    parameters: { ...defaults[c.type], ...c.parameters },
  }
}

/**
 * include=definition (NodesImpl.getTypeDefinition): the anonymous type of the node's type with
 * all its aspects — their properties together, each once.
 */
export function classDefinitionJson(dict: Dictionary, classes: readonly string[]): ClassDefinitionJson {
  const byName = new Map<string, PropertyDef>()
  const all = [...classes, ...classes.flatMap((c) => dict.mandatoryAspects(c))]
  for (const c of all) for (const p of dict.properties(c)) if (!byName.has(p.name)) byName.set(p.name, p)
  const properties = propertiesJson([...byName.values()])
  return properties.length ? { properties } : {}
}

export interface ClassJson {
  id: string
  title?: string
  description?: string
  parentId?: string
  properties?: PropertyJson[]
  mandatoryAspects?: string[]
  associations?: AssociationJson[]
  isContainer: boolean
  isArchive?: boolean
  includedInSupertypeQuery: boolean
  model: { id: string; author?: string; description?: string; namespaceUri: string; namespacePrefix: string }
}

interface AssociationJson {
  id: string
  title?: string
  description?: string
  isChild: boolean
  isProtected: boolean
  source: { role?: string; cls?: string; isMany: boolean; isMandatory: boolean }
  target: { role?: string; cls?: string; isMany: boolean; isMandatory: boolean; isMandatoryEnforced: boolean }
}

/** `properties`, `mandatoryAspects`, `associations`: what include may ask for (AbstractClassImpl.ALL_PROPERTIES). */
export const CLASS_INCLUDES = ['properties', 'mandatoryAspects', 'associations'] as const

/** TypesImpl.convertToType / AspectsImpl.convertToAspect with AbstractClassImpl.constructFromFilters. */
export function classJson(dict: Dictionary, cls: ClassDef, include: readonly string[]): ClassJson {
  const model = dict.modelOf(cls)
  const prefix = cls.name.split(':')[0]!
  const ns = model.namespaces.find((n) => n.prefix === prefix) ?? model.namespaces[0]!
  const out: ClassJson = {
    id: cls.name,
    ...(cls.title ? { title: cls.title } : {}),
    ...(cls.description ? { description: cls.description } : {}),
    ...(cls.parent ? { parentId: cls.parent } : {}),
    isContainer: dict.isContainer(cls.name),
    includedInSupertypeQuery: cls.includedInSuperTypeQuery !== false,
    model: { id: model.name, ...(model.author ? { author: model.author } : {}), ...(model.description ? { description: model.description } : {}), namespaceUri: ns.uri, namespacePrefix: ns.prefix },
  }
  const archive = dict.isArchive(cls.name)
  if (archive !== undefined) out.isArchive = archive
  if (include.includes('properties')) setIfAny(out, 'properties', propertiesJson(dict.properties(cls.name)))
  if (include.includes('mandatoryAspects')) setIfAny(out, 'mandatoryAspects', dict.mandatoryAspects(cls.name))
  if (include.includes('associations')) setIfAny(out, 'associations', dict.associations(cls.name).map(associationJson))
  return out
}

function setIfAny<K extends 'properties' | 'mandatoryAspects' | 'associations'>(out: ClassJson, key: K, value: NonNullable<ClassJson[K]>): void {
  if (value.length > 0) out[key] = value
}

function associationJson(a: AssociationDef): AssociationJson {
  const end = (e: AssociationDef['source'], cls: string | undefined) => ({
    ...(e.role ? { role: e.role } : {}),
    ...(cls ? { cls } : {}),
    isMany: e.many,
    isMandatory: e.mandatory,
  })
  return {
    id: a.name,
    ...(a.title ? { title: a.title } : {}),
    ...(a.description ? { description: a.description } : {}),
    isChild: a.child,
    isProtected: a.protected === true,
    source: end(a.source, a.source.class),
    target: { ...end(a.target, a.target.class), isMandatoryEnforced: a.target.enforced !== false && a.target.mandatory },
  }
}
