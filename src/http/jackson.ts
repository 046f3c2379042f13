import { errors } from '../errors.js'
import { readJson, unknownProperty } from './body.js'
import type { Context } from 'hono'

/**
 * Reading request bodies as ACS's Jackson set-up does (JacksonHelper, RestApiStringDeserializer,
 * ACCEPT_SINGLE_VALUE_AS_ARRAY, FAIL_ON_UNKNOWN_PROPERTIES): the shared rules of every JSON body.
 */

/** Fields Jackson can set on ACS's Node model; anything else fails FAIL_ON_UNKNOWN_PROPERTIES. */
export const NODE_FIELDS = [
  'id', 'name', 'nodeType', 'aspectNames', 'properties', 'relativePath', 'association', 'secondaryChildren', 'targets',
  'permissions', 'definition', 'isFolder', 'isFile', 'isLink', 'isLocked', 'isFavorite', 'isDirectLinkEnabled',
  'createdAt', 'createdByUser', 'modifiedAt', 'modifiedByUser', 'parentId', 'content', 'allowableOperations', 'path',
]

/** RestApiStringDeserializer: "" reads as null; numbers and booleans are coerced, objects are not. */
export function text(v: unknown, field: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  throw errors.unreadableBody(`Cannot deserialize value of type \`java.lang.String\` from Object value (field "${field}")`)
}

export function record(v: unknown): Record<string, unknown> {
  if (v === undefined || v === null) return {}
  if (typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>
  throw errors.unreadableBody('Cannot deserialize value of type `java.util.Map` (field "properties")')
}

/** ACCEPT_SINGLE_VALUE_AS_ARRAY: a lone string is a one-element list. */
export function strings(v: unknown, field = 'aspectNames'): string[] {
  if (v === undefined || v === null) return []
  const list = Array.isArray(v) ? v : [v]
  if (list.every((s): s is string => typeof s === 'string')) return list
  throw errors.unreadableBody(`Cannot deserialize value of type \`java.util.ArrayList<java.lang.String>\` (field "${field}")`)
}

export interface ObjectBodyOptions {
  /** The Java class, for Jackson's messages. */
  className: string
  /** The fields the class has; anything else is refused. */
  fields: readonly string[]
  /** An operation (copy, move, lock) takes one entity: a list → 405 (ResourceWebScriptPost). */
  single?: boolean
}

/** A JSON object body; an empty body reads as `{}`. */
export async function readObjectBody(c: Context, limit: number, o: ObjectBodyOptions): Promise<Record<string, unknown>> {
  const body = await readJson(c, limit)
  if (body === undefined) return {}
  if (Array.isArray(body) && o.single) {
    const text = 'Only 1 entity is supported in the HTTP request body'
    throw errors.unsupportedOperation(text)
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw errors.unreadableBody(`Cannot construct instance of \`${o.className}\``)
  }
  const b = body as Record<string, unknown>
  const unknown = unknownProperty(b, o.fields)
  if (unknown) throw errors.unreadableBody(`Unrecognized field "${unknown}" (class ${o.className}), not marked as ignorable`)
  return b
}
