import type { AssociationDef, ClassDef, ConstraintDef, PropertyDef } from '../store/model-types.js'
import type { Dictionary } from './dictionary.js'

/**
 * The JSON of ACS's legacy dictionary web scripts (remote-api templates/webscripts/org/alfresco/
 * repository/dictionary: classdetails.lib.ftl, propertydefinition.lib.ftl, assocdefinition.lib.ftl),
 * which ADF's metadata panel reads. Keys in the templates' order; "" where the template writes "".
 */

const underscore = (qname: string) => qname.replace(':', '_')

/** classDefJSON: one class with its (inherited) properties and associations. */
export function classDetailsJson(dict: Dictionary, cls: ClassDef): Record<string, unknown> {
  const key = underscore(cls.name)
  const assocs = dict.associations(cls.name)
  const parent = cls.parent
  return {
    name: cls.name,
    isAspect: cls.kind === 'aspect',
    isContainer: dict.isContainer(cls.name),
    title: cls.title ?? '',
    description: cls.description ?? '',
    parent: parent ? { name: parent, title: parent.split(':')[1], url: `/api/classes/${underscore(parent)}` } : {},
    defaultAspects: Object.fromEntries(
      dict.mandatoryAspects(cls.name).map((a) => [
        a,
        // The template's URL really says /property/ here.
        { name: a, title: dict.getClass(a)?.title ?? '', url: `/api/classes/${key}/property/${underscore(a)}` },
      ]),
    ),
    properties: Object.fromEntries(dict.properties(cls.name).map((p) => [p.name, classProperty(key, p)])),
    associations: Object.fromEntries(assocs.filter((a) => !a.child).map((a) => [a.name, classAssociation(key, a, true)])),
    childassociations: Object.fromEntries(assocs.filter((a) => a.child).map((a) => [a.name, classAssociation(key, a, false)])),
    url: `/api/classes/${key}`,
  }
}

function classProperty(key: string, p: PropertyDef): Record<string, unknown> {
  return {
    name: p.name,
    title: p.title ?? '',
    description: p.description ?? '',
    dataType: p.type,
    defaultValue: p.default ?? null,
    multiValued: p.multiple === true,
    mandatory: p.mandatory === true,
    enforced: p.enforced === true,
    protected: p.protected === true,
    indexed: p.indexed !== false,
    url: `/api/classes/${key}/property/${underscore(p.name)}`,
  }
}

function classAssociation(key: string, a: AssociationDef, roles: boolean): Record<string, unknown> {
  const end = (e: AssociationDef['source']) => ({
    ...(e.class ? { class: e.class } : {}),
    ...(roles && e.role ? { role: e.role } : {}),
    mandatory: e.mandatory,
    many: e.many,
  })
  return { name: a.name, title: a.title ?? '', url: `/api/classes/${key}/association/${underscore(a.name)}`, source: end(a.source), target: end(a.target) }
}

/** propertyDefJSON (GET /api/classes/{c}/properties): sorted by title as PropertyDefinitionComparator sorts. */
export function propertyDefinitionsJson(defs: readonly PropertyDef[]): Record<string, unknown>[] {
  return [...defs].sort((a, b) => byTitle(a.title ?? a.name, b.title ?? b.name)).map((p) => ({
    name: p.name,
    ...(p.title ? { title: p.title } : {}),
    ...(p.description ? { description: p.description } : {}),
    // The template asks for `defaultValues`, which PropertyDefinition has not: always "".
    defaultValues: '',
    dataType: p.type,
    multiValued: p.multiple === true,
    mandatory: p.mandatory === true,
    enforced: p.enforced === true,
    protected: p.protected === true,
    indexed: p.indexed !== false,
    indexedAtomically: p.atomic !== false,
    constraints: (p.constraints ?? []).map(constraintJson),
    url: `/api/property/${underscore(p.name)}`,
  }))
}

function constraintJson(c: ConstraintDef): Record<string, unknown> {
  return { type: c.type, parameters: Object.entries(c.parameters).map(([k, v]) => ({ [k]: Array.isArray(v) ? v.map(String) : typeof v === 'boolean' ? v : String(v as string) })) }
}

/** assocDefJSON (GET /api/classes/{c}/associations); `classname` is the URL's, as the template uses it. */
export function associationDefinitionJson(a: AssociationDef, classname: string): Record<string, unknown> {
  const end = (e: AssociationDef['source']) => ({ ...(e.class ? { class: e.class } : {}), ...(e.role ? { role: e.role } : {}), mandatory: e.mandatory, many: e.many })
  return {
    name: a.name,
    title: a.title ?? '',
    description: a.description ?? '',
    isChildAssociation: a.child,
    protected: a.protected === true,
    source: end(a.source),
    target: end(a.target),
    ...(a.child ? { ...(a.requiredChildName ? { requiredChildName: a.requiredChildName } : {}), duplicateChildNameAllowed: a.duplicate !== false } : {}),
    url: `/api/classes/${classname}/association/${underscore(a.name)}`,
  }
}

/** DictionaryComparators: case-insensitive by title (the prefixed name when there is none). */
export function byTitle(a: string, b: string): number {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  return x < y ? -1 : x > y ? 1 : 0
}
