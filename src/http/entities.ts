import { errors } from '../errors.js'
import { applyFields } from '../rest/fields.js'
import { createdBody, pageOf, postedEntities, type Paging } from '../rest/paging.js'
import { jsonResponse } from './respond.js'

/**
 * Request bodies as the REST framework reads them into its model classes (ResourceWebScriptPost,
 * JacksonHelper): unknown properties fail (FAIL_ON_UNKNOWN_PROPERTIES), "" reads as null
 * (RestApiStringDeserializer), and a create takes one entity or a list of them.
 */
export interface EntityShape {
  /** The model class, for Jackson's messages (org.alfresco.rest.api.model.Tag). */
  className: string
  /** The properties Jackson can set. */
  fields: readonly string[]
}

/** A create's body: one object or a list of objects (an empty body is Jackson's end-of-input). */
export function readEntities(body: unknown, shape: EntityShape): Record<string, unknown>[] {
  if (body === undefined) throw errors.unreadableBody('No content to map due to end-of-input')
  return postedEntities(body, true).map((item) => entityOf(item, shape))
}

/** A body that must be one object: PUT, operations (revert, restore) and allowMultiple=false creates. */
export function readEntity(body: unknown, shape: EntityShape, onList: 'unsupported' | 'unreadable' = 'unreadable'): Record<string, unknown> {
  if (body === undefined) throw errors.unreadableBody('No content to map due to end-of-input')
  if (Array.isArray(body)) {
    // ResourceWebScriptPost: a list where one entity is declared (allowMultiple=false) is a 405.
    if (onList === 'unsupported') postedEntities(body, false)
    throw errors.unreadableBody(`Cannot deserialize value of type \`${shape.className}\` from Array value (token \`JsonToken.START_ARRAY\`)`)
  }
  return entityOf(body, shape)
}

function entityOf(item: unknown, shape: EntityShape): Record<string, unknown> {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw errors.unreadableBody(`Cannot construct instance of \`${shape.className}\` from ${JSON.stringify(item)}: a JSON object is expected`)
  }
  const record = item as Record<string, unknown>
  const unknown = Object.keys(record).find((k) => !shape.fields.includes(k))
  if (unknown !== undefined) {
    const known = shape.fields.map((f) => `"${f}"`).join(', ')
    throw errors.unreadableBody(
      `Unrecognized field "${unknown}" (class ${shape.className}), not marked as ignorable (${shape.fields.length} known properties: ${known}])`,
    )
  }
  return record
}

/** A String property: "" and null read as null, scalars are coerced, objects and arrays fail. */
export function stringField(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  throw errors.unreadableBody(`Cannot deserialize value of type \`java.lang.String\` from ${Array.isArray(value) ? 'Array' : 'Object'} value (field "${field}")`)
}

/** A Boolean property: true/false, and Jackson's coercions of "true"/"false" and 0/1. */
export function booleanField(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value === 'boolean') return value
  if (value === 'true' || value === 'false') return value === 'true'
  if (value === 0 || value === 1) return value === 1
  throw errors.unreadableBody(`Cannot deserialize value of type \`java.lang.Boolean\` from ${JSON.stringify(value)} (field "${field}")`)
}

/** What a create answers, 201 with `{entry}` for one entity or a list for several (src/rest createdBody). */
export function createdResponse(entries: readonly unknown[]): Response {
  return jsonResponse(createdBody(entries), 201)
}

/**
 * One page of a list as `{list:{pagination, entries}}`: only the page's items are turned into JSON,
 * each filtered by `fields` (paging and fields as src/rest read them).
 */
export function pagedResponse<T>(items: readonly T[], params: { paging: Paging; fields: ReadonlySet<string> | undefined }, toJson: (item: T) => object): Response {
  const { list } = pageOf(items, params.paging)
  return jsonResponse({ list: { pagination: list.pagination, entries: list.entries.map((e) => ({ entry: applyFields(toJson(e.entry), params.fields) })) } })
}
