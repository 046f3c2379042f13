/**
 * Loads ACS's OpenAPI (Swagger 2.0) files from test/spec/ for the response validator (spec.ts):
 * parsed once per test worker, with the YAML parse cached on disk across workers, and one ajv
 * instance per file whose schemas are compiled lazily and cached per operation and status.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Ajv, { type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import YAML from 'yaml'
import { correctSpec } from '../spec/corrections.js'

export type Schema = Record<string, unknown>

interface SwaggerResponse {
  description?: string
  schema?: Schema
}

export interface SwaggerOperation {
  operationId?: string
  responses: Record<string, SwaggerResponse | undefined>
}

interface SwaggerSpec {
  basePath: string
  paths: Record<string, Record<string, unknown>>
  definitions: Record<string, Schema>
}

interface Route {
  template: string
  pattern: RegExp
  params: number
  ops: Record<string, SwaggerOperation | undefined>
}

export interface LoadedSpec {
  file: string
  basePath: string
  routes: Route[]
  ajv: Ajv
  compiled: Map<string, ValidateFunction>
}

const SPEC_FILES = ['alfresco-core.yaml', 'alfresco-auth.yaml', 'alfresco-model.yaml'] as const
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch'])

let loaded: LoadedSpec[] | undefined

/** Both specs, parsed once per test worker (and the YAML parse cached on disk across workers). */
export function specs(): LoadedSpec[] {
  loaded ??= SPEC_FILES.map((f) => prepare(f, readSpec(f)))
  return loaded
}

/** YAML.parse of the 330 KB core file takes ~300 ms; JSON.parse of a cached copy ~3 ms. */
function readSpec(file: string): SwaggerSpec {
  const text = readFileSync(fileURLToPath(new URL(`../spec/${file}`, import.meta.url)), 'utf8')
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 16)
  const cacheUrl = new URL('../../node_modules/.cache/alfresco-mock-spec/', import.meta.url)
  const cacheDir = fileURLToPath(cacheUrl)
  const cacheFile = `${cacheDir}${file}.${digest}.json`
  try {
    return JSON.parse(readFileSync(cacheFile, 'utf8')) as SwaggerSpec
  } catch {
    const spec = YAML.parse(text) as SwaggerSpec
    try {
      // Write then rename, so a parallel worker never reads half a file.
      mkdirSync(cacheDir, { recursive: true })
      const tmp = `${cacheFile}.${process.pid}.tmp`
      writeFileSync(tmp, JSON.stringify(spec))
      renameSync(tmp, cacheFile)
    } catch {
      // A read-only checkout only loses the cache.
    }
    return spec
  }
}

function prepare(file: string, spec: SwaggerSpec): LoadedSpec {
  correctSpec(spec)
  // unicodeRegExp: false: the Node `name` pattern has escapes that are invalid under /u.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false })
  addFormats(ajv)
  for (const f of ['int32', 'int64', 'bytes', 'binary', 'password']) ajv.addFormat(f, true)
  ajv.addSchema({ $id: file, definitions: spec.definitions })
  const routes = Object.entries(spec.paths).map(([template, ops]) => ({
    template,
    pattern: templatePattern(template),
    params: (template.match(/\{/g) ?? []).length,
    ops: Object.fromEntries(
      Object.entries(ops).filter(([m]) => HTTP_METHODS.has(m)),
    ) as Route['ops'],
  }))
  // Literal templates (`/tickets/-me-`) win over ones with parameters where both would match.
  routes.sort((a, b) => a.params - b.params)
  return { file, basePath: spec.basePath, routes, ajv, compiled: new Map() }
}

/** `/nodes/{nodeId}/content` → a RegExp where each `{param}` is one path segment. */
function templatePattern(template: string): RegExp {
  const literal = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
  return new RegExp(`^${literal.replace(/\{[^}]+\}/g, '[^/]+')}$`)
}

export function compile(spec: LoadedSpec, key: string, schema: Schema): ValidateFunction {
  let fn = spec.compiled.get(key)
  if (!fn) {
    const json = JSON.stringify(schema).replaceAll('"#/definitions/', `"${spec.file}#/definitions/`)
    fn = spec.ajv.compile(JSON.parse(json) as Schema)
    spec.compiled.set(key, fn)
  }
  return fn
}
