import type { AssociationDef, ClassDef, ModelDef, ModelSet, PropertyDef } from '../store/model-types.js'

export type { ModelSet }

/** A property with the class that declares it. */
export interface PropertyEntry {
  def: PropertyDef
  container: ClassDef
}

interface Index {
  classes: Map<string, ClassDef>
  models: Map<string, ModelDef>
  properties: Map<string, PropertyEntry>
  associations: Map<string, AssociationDef>
  uriOf: Map<string, string>
  prefixOf: Map<string, string>
  dataTypes: Set<string>
  children: Map<string, ClassDef[]>
}

/**
 * ACS's DictionaryService over plain model data: classes by prefixed name, inheritance
 * (DictionaryDAOImpl.getSubTypes, M2ClassDefinition.resolveInheritance), global property lookup.
 * The index is built on first use, so a mock that never asks costs nothing at start.
 */
export class Dictionary {
  #index: Index | undefined
  readonly #sets: () => readonly ModelSet[]
  readonly #inherited = new Map<string, PropertyDef[]>()

  /** `sets` is called on first use: ACS's own models are read from disk only then. */
  constructor(sets: readonly ModelSet[] | (() => readonly ModelSet[])) {
    this.#sets = typeof sets === 'function' ? sets : () => sets
  }

  get #idx(): Index {
    return (this.#index ??= buildIndex(this.#sets()))
  }

  getClass(name: string): ClassDef | undefined {
    return this.#idx.classes.get(name)
  }

  type(name: string): ClassDef | undefined {
    const c = this.getClass(name)
    return c?.kind === 'type' ? c : undefined
  }

  aspect(name: string): ClassDef | undefined {
    const c = this.getClass(name)
    return c?.kind === 'aspect' ? c : undefined
  }

  /** Every class of a kind, in declaration order. */
  all(kind: ClassDef['kind']): ClassDef[] {
    return [...this.#idx.classes.values()].filter((c) => c.kind === kind)
  }

  model(name: string): ModelDef | undefined {
    return this.#idx.models.get(name)
  }

  modelOf(cls: ClassDef): ModelDef {
    return this.#idx.models.get(cls.model)!
  }

  property(name: string): PropertyEntry | undefined {
    return this.#idx.properties.get(name)
  }

  association(name: string): AssociationDef | undefined {
    return this.#idx.associations.get(name)
  }

  isDataType(name: string): boolean {
    return this.#idx.dataTypes.has(name)
  }

  uriOf(prefix: string): string | undefined {
    return this.#idx.uriOf.get(prefix)
  }

  prefixOf(uri: string): string | undefined {
    return this.#idx.prefixOf.get(uri)
  }

  /** `cm:name` or `{http://…/content/1.0}name` → `cm:name`; undefined when the namespace is unknown. */
  prefixed(qname: string): string | undefined {
    const m = /^\{([^}]*)\}(.+)$/.exec(qname)
    if (!m) {
      const colon = qname.indexOf(':')
      return colon > 0 && this.#idx.uriOf.has(qname.slice(0, colon)) ? qname : undefined
    }
    const prefix = this.#idx.prefixOf.get(m[1]!)
    return prefix === undefined ? undefined : `${prefix}:${m[2]}`
  }

  /** `cm:name` → `{http://www.alfresco.org/model/content/1.0}name` (QName.toString). */
  expanded(qname: string): string {
    const colon = qname.indexOf(':')
    const uri = colon > 0 ? this.#idx.uriOf.get(qname.slice(0, colon)) : undefined
    return uri === undefined ? qname : `{${uri}}${qname.slice(colon + 1)}`
  }

  /** Whether `name` is `of` or inherits from it (DictionaryService.isSubClass). */
  isSubClass(name: string, of: string): boolean {
    for (let c = this.getClass(name); c; c = c.parent ? this.getClass(c.parent) : undefined) {
      if (c.name === of) return true
    }
    return false
  }

  /** getSubTypes/getSubAspects: `recursive` includes the class itself and every descendant; else direct children only. */
  subClasses(name: string, recursive: boolean): ClassDef[] {
    const direct = this.#idx.children.get(name) ?? []
    if (!recursive) return [...direct]
    const out: ClassDef[] = []
    const self = this.getClass(name)
    const queue = self ? [self] : []
    for (let c = queue.shift(); c; c = queue.shift()) {
      out.push(c)
      queue.push(...(this.#idx.children.get(c.name) ?? []))
    }
    return out
  }

  /** The class and its ancestors, nearest first. */
  lineage(name: string): ClassDef[] {
    const out: ClassDef[] = []
    for (let c = this.getClass(name); c && !out.includes(c); c = c.parent ? this.getClass(c.parent) : undefined) out.push(c)
    return out
  }

  /** ClassDefinition.getProperties(): own and inherited, with the class's overrides applied. */
  properties(name: string): PropertyDef[] {
    let found = this.#inherited.get(name)
    if (!found) {
      const byName = new Map<string, PropertyDef>()
      const lineage = this.lineage(name).reverse()
      for (const c of lineage) for (const p of c.properties) byName.set(p.name, p)
      for (const c of lineage) {
        for (const o of c.overrides ?? []) {
          const base = byName.get(o.name)
          if (base) byName.set(o.name, { ...base, ...(o.default !== undefined ? { default: o.default } : {}), ...(o.mandatory !== undefined ? { mandatory: o.mandatory } : {}) })
        }
      }
      found = [...byName.values()]
      this.#inherited.set(name, found)
    }
    return found
  }

  /** Own and inherited associations; the source class is the class that declares each. */
  associations(name: string): AssociationDef[] {
    return this.lineage(name).reverse().flatMap((c) => c.associations.map((a) => ({ ...a, source: { ...a.source, class: c.name } })))
  }

  /** getDefaultAspectNames(): the mandatory aspects of the class and its ancestors. */
  mandatoryAspects(name: string): string[] {
    return [...new Set(this.lineage(name).reverse().flatMap((c) => c.mandatoryAspects))]
  }

  /** A class is a container when it (or an ancestor) has a child association. */
  isContainer(name: string): boolean {
    return this.associations(name).some((a) => a.child)
  }

  /** `<archive>` is inherited: the nearest class that sets it decides. */
  isArchive(name: string): boolean | undefined {
    return this.lineage(name).find((c) => c.archive !== undefined)?.archive
  }
}

function buildIndex(sets: readonly ModelSet[]): Index {
  const idx: Index = {
    classes: new Map(),
    models: new Map(),
    properties: new Map(),
    associations: new Map(),
    uriOf: new Map(),
    prefixOf: new Map(),
    dataTypes: new Set(),
    children: new Map(),
  }
  for (const set of sets) {
    for (const d of set.dataTypes ?? []) idx.dataTypes.add(d)
    for (const m of set.models) {
      idx.models.set(m.name, m)
      for (const ns of m.namespaces) {
        idx.uriOf.set(ns.prefix, ns.uri)
        idx.prefixOf.set(ns.uri, ns.prefix)
      }
    }
    for (const c of set.classes) {
      idx.classes.set(c.name, c)
      for (const p of c.properties) if (!idx.properties.has(p.name)) idx.properties.set(p.name, { def: p, container: c })
      for (const a of c.associations) idx.associations.set(a.name, a)
    }
  }
  for (const c of idx.classes.values()) {
    if (!c.parent) continue
    const list = idx.children.get(c.parent)
    if (list) list.push(c)
    else idx.children.set(c.parent, [c])
  }
  return idx
}
