/**
 * The content model (dictionary) as plain data: models, types, aspects, their properties,
 * associations and constraints, shaped after ACS's M2 model XML. ACS's own models are generated
 * into acs-models.json (test/tools/acs-models.ts); fixtures add custom models of the same shape.
 */

export interface NamespaceDef {
  uri: string
  prefix: string
}

export interface ModelDef {
  /** The model's prefixed name, such as cm:contentmodel. */
  name: string
  author?: string
  description?: string
  namespaces: NamespaceDef[]
}

export interface ConstraintDef {
  name: string
  /** REGEX, LIST, MINMAX, LENGTH, REGISTERED or a Java class name. */
  type: string
  title?: string
  description?: string
  parameters: Record<string, unknown>
}

export interface PropertyDef {
  name: string
  title?: string
  description?: string
  /** A data type such as d:text, d:int, d:datetime. */
  type: string
  multiple?: boolean
  mandatory?: boolean
  /** `<mandatory enforced="true">`: checked on every write, not only at commit. */
  enforced?: boolean
  protected?: boolean
  /** The default as written in the model (a string, as ACS keeps it). */
  default?: string
  /** `<index enabled="false">` (default: indexed). */
  indexed?: boolean
  /** `<index><atomic>false</atomic>` (default: atomic). */
  atomic?: boolean
  constraints?: ConstraintDef[]
}

export interface AssociationEnd {
  class?: string
  role?: string
  mandatory: boolean
  enforced?: boolean
  many: boolean
}

export interface AssociationDef {
  name: string
  title?: string
  description?: string
  child: boolean
  protected?: boolean
  source: AssociationEnd
  target: AssociationEnd & { class: string }
  /** Child associations: whether children may share a name. */
  duplicate?: boolean
  requiredChildName?: string
}

export interface PropertyOverride {
  name: string
  default?: string
  mandatory?: boolean
}

export interface ClassDef {
  name: string
  kind: 'type' | 'aspect'
  /** The model's prefixed name. */
  model: string
  title?: string
  description?: string
  parent?: string
  archive?: boolean
  /** Default true. */
  includedInSuperTypeQuery?: boolean
  properties: PropertyDef[]
  associations: AssociationDef[]
  mandatoryAspects: string[]
  overrides?: PropertyOverride[]
}

/** Models and classes of one source: ACS's built-in set, or a fixture file's custom models. */
export interface ModelSet {
  readonly models: readonly ModelDef[]
  readonly classes: readonly ClassDef[]
  readonly dataTypes?: readonly string[]
}

/** The generated file of ACS's own models. */
export interface BuiltinModels extends ModelSet {
  source: string
  dataTypes: string[]
  models: ModelDef[]
  classes: ClassDef[]
}
