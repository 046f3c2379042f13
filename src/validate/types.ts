/**
 * The shape of src/openapi/request-spec.json: what request validation needs from ACS's OpenAPI
 * (Swagger 2.0) files, and nothing else (no descriptions, no responses). Generated from test/spec/
 * by test/tools/request-spec.ts; read at run time only when validation is on.
 */
export type JsonSchema = Record<string, unknown>

/** A path or query parameter as the spec declares it (`$ref`s resolved). */
export interface ParamSpec {
  name: string
  in: 'path' | 'query'
  required?: boolean
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array'
  items?: { type?: string; enum?: unknown[] }
  collectionFormat?: string
  enum?: unknown[]
  minimum?: number
  maximum?: number
  pattern?: string
  format?: string
}

/** One operation: a path template and method of one spec. */
export interface OperationSpec {
  /** The template relative to the spec's basePath, e.g. `/nodes/{nodeId}/children`. */
  path: string
  /** Lower case, as in the spec. */
  method: string
  operationId: string
  parameters: ParamSpec[]
  /** The `in: body` parameter: its schema (`$ref`s into `definitions`) and whether it is required. */
  body?: { name: string; required: boolean; schema: JsonSchema }
  /** Request content types other than JSON the operation accepts (multipart, octet-stream). */
  consumes?: string[]
}

/** One spec file (core or authentication). */
export interface ApiSpec {
  file: string
  basePath: string
  operations: OperationSpec[]
  /** The definitions the body schemas reference, transitively. */
  definitions: Record<string, JsonSchema>
}

export interface RequestSpec {
  /** Where the data came from, and that it is generated. */
  source: string
  apis: ApiSpec[]
}
