/**
 * The README's endpoint matrix, generated from the routes the mock registers (`mock.app.routes`)
 * and ACS's spec: each route is matched to the spec's path template and operationId; a route the
 * spec lacks is asked what it answers (ACS's 405 for the methods a resource does not support).
 * Then every spec operation the mock does not implement, which answers 501. Run `npm run readme`;
 * test/readme/endpoints.test.ts fails while the README's copy differs.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AUTH_BASE, CORE_BASE } from '../../src/http/context.js'
import { createAlfrescoMock, type AlfrescoMock } from '../../src/index.js'
import { readRequestSpec } from '../../src/validate/spec.js'
import type { OperationSpec } from '../../src/validate/types.js'
import { replaceSection } from './readme-sections.js'

const ROOT = process.cwd()
const BASES = [
  { api: 'core', base: CORE_BASE, file: 'alfresco-core.yaml' },
  { api: 'auth', base: AUTH_BASE, file: 'alfresco-auth.yaml' },
  // The model API (/types, /aspects) is its own file on the core base.
  { api: 'model', base: CORE_BASE, file: 'alfresco-model.yaml' },
] as const
const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']

export interface MatrixOptions {
  /** Registers more routes before the walk (the test that a new route changes the matrix). */
  extend?: (app: AlfrescoMock['app']) => void
}

export interface MatrixRow {
  api: 'core' | 'auth' | 'model'
  method: string
  /** The spec's template, or the mock's route with `{param}`s where the spec has none. */
  path: string
  operationId: string | undefined
  status: string
}

/** The mock's API routes, each with the spec operation it implements or the status it answers. */
export async function matrixRows(options: MatrixOptions = {}): Promise<{ rows: MatrixRow[]; missing: (OperationSpec & { api: string })[] }> {
  const spec = readRequestSpec(join(ROOT, 'src/openapi/request-spec.json'))
  const mock = createAlfrescoMock({ clock: 'manual', validate: false, fixtures: join(ROOT, 'fixtures/default.yaml') })
  options.extend?.(mock.app)
  const rows: MatrixRow[] = []
  const implemented = new Set<OperationSpec>()
  const seen = new Set<string>()
  for (const route of mock.app.routes) {
    const first = BASES.find((b) => route.path.startsWith(`${b.base}/`))
    if (!first || route.method === 'ALL' || seen.has(`${route.method} ${route.path}`)) continue
    seen.add(`${route.method} ${route.path}`)
    const relative = route.path.slice(first.base.length)
    let where: (typeof BASES)[number] = first
    let op: OperationSpec | undefined
    for (const b of BASES.filter((x) => x.base === first.base)) {
      const ops = spec.apis.find((a) => a.file === b.file)!.operations
      op = bestMatch(ops.filter((o) => o.method.toUpperCase() === route.method), relative)
      if (op) {
        where = b
        break
      }
    }
    if (op) {
      implemented.add(op)
      rows.push({ api: where.api, method: route.method, path: op.path, operationId: op.operationId, status: 'implemented' })
      continue
    }
    const status = await probe(mock, route.method, `${where.base}${relative.replace(/:[^/]+/g, 'x')}`)
    rows.push({ api: where.api, method: route.method, path: relative.replace(/:([^/]+)/g, '{$1}'), operationId: undefined, status: status === 405 ? '405 as ACS' : String(status) })
  }
  mock.dispose()
  rows.sort((a, b) => a.path.localeCompare(b.path) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method))
  const missing = spec.apis.flatMap((a) =>
    a.operations.filter((o) => !implemented.has(o)).map((o) => ({ ...o, api: BASES.find((b) => b.file === a.file)!.api })),
  )
  return { rows, missing }
}

/** The spec operation a Hono route implements: segment by segment, `:param` fits anything; most literal wins. */
function bestMatch(ops: OperationSpec[], honoPath: string): OperationSpec | undefined {
  const route = honoPath.split('/')
  let best: { op: OperationSpec; score: number } | undefined
  for (const op of ops) {
    const tpl = op.path.split('/')
    if (tpl.length !== route.length) continue
    let score = 0
    const fits = tpl.every((t, i) => {
      const r = route[i]!
      const tParam = t.startsWith('{')
      if (r.startsWith(':')) return (score += tParam ? 1 : 0), true
      if (tParam) return true
      return t === r && (score += 2) > 0
    })
    if (fits && (!best || score > best.score)) best = { op, score }
  }
  return best?.op
}

async function probe(mock: { fetch(r: Request): Promise<Response> }, method: string, path: string): Promise<number> {
  const headers = { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }
  return (await mock.fetch(new Request(`http://mock.test${path}`, { method, headers }))).status
}

/** The Markdown between the README's `<!-- endpoints -->` markers (without the request-validation notes). */
export async function renderEndpointMatrix(options: MatrixOptions = {}): Promise<string> {
  const { rows, missing } = await matrixRows(options)
  const total = rows.filter((r) => r.operationId).length + missing.length
  const table = [
    '| API | method | path | operationId | status |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.api} | ${r.method} | \`${r.path}\` | ${r.operationId ? `\`${r.operationId}\`` : '—'} | ${r.status} |`),
  ]
  const list = missing.map((o) => `- ${o.api} \`${o.method.toUpperCase()} ${o.path}\` (\`${o.operationId}\`)`)
  return [
    `Generated from the mock's routes and ACS's OpenAPI spec (\`npm run readme\`). The mock implements`,
    `${total - missing.length} of the ${total} operations in ACS's spec; \`core\` is`,
    `\`${CORE_BASE}\` (\`model\`, the types and aspects of ACS's model API, shares it), \`auth\` is \`${AUTH_BASE}\`.`,
    '',
    ...table,
    '',
    '<details>',
    `<summary>The ${missing.length} operations of ACS's spec the mock does not implement (501 <code>mock.NotImplemented</code>)</summary>`,
    '',
    ...list,
    '',
    '</details>',
    '',
    ...VALIDATION_NOTES,
  ].join('\n')
}

/** How to check a client's requests against the same spec; static text, kept with the matrix. */
const VALIDATION_NOTES = [
  "**Checking your client's requests against ACS's spec.** Start the mock with `--validate` (or",
  "`validate: true`, or the environment variable `ALFRESCO_MOCK_VALIDATE=1`) and every request under",
  "the two API bases is checked against the operation the spec declares for its path and method:",
  'the operation exists, declared path and query parameters have the declared type, minimum and',
  "pattern (parameters the spec does not declare are ignored, as ACS ignores them), and a JSON",
  "body fits the operation's body schema (`DownloadBodyCreate`, `NodeBodyCreate`, `TicketBody`, …;",
  'multipart uploads and binary content are not checked, nor are headers). The answer is unchanged;',
  'violations are named in an `X-Mock-Validation: 1 violation: body /nodeIds: must be array, got "…"`',
  'header and in the request journal entry (`validation`). With `--validate=strict` (`validate:',
  "'strict'`) a request with parameter or body violations gets ACS's `400`",
  '`framework.exception.InvalidArgument` listing them instead — after authentication, as ACS checks',
  "credentials first; an operation the spec lacks keeps the mock's own answer (ACS's `405`, or `501`)",
  'and is only reported. The spec data ships in the package as `src/openapi/request-spec.json`,',
  "extracted from ACS's definitions (see `src/openapi/SOURCE.md`); it is loaded only when validation is on.",
  'Where ACS accepts or answers what its own spec denies — a list body for the creates whose',
  "descriptions allow one, ratings' `myRating` as a boolean or an integer, a comment without `title` —",
  "the spec is corrected as `test/spec/corrections.ts` lists, naming the ACS code each follows.",
]

export const ENDPOINTS_MARKER = 'endpoints'
export const COVERAGE_MARKER = 'coverage'

/**
 * The README's first-screen statement of what is covered, with the matrix's numbers, so it stays
 * true as routes are added (test/readme/endpoints.test.ts compares it with a fresh render).
 */
export async function renderCoverage(): Promise<string> {
  const { rows, missing } = await matrixRows()
  const implemented = rows.filter((r) => r.operationId).length
  return [
    `It implements ${implemented} of the ${implemented + missing.length} operations in ACS's OpenAPI spec (listed under [Supported endpoints](#supported-endpoints));`,
    'every other operation answers `501` with an error that names it. For those it implements, it answers as ACS',
    'does — status codes, error bodies, headers, the download state machine, ZIP layout — except where',
    '[Differences from Alfresco](#differences-from-alfresco) says otherwise, so a client that keeps to those operations',
    'and passes here passes against ACS.',
  ].join('\n')
}

// `npm run readme` (bundled first, so the check is on argv).
if (process.argv[1]?.includes('endpoint-matrix')) {
  const path = join(ROOT, 'README.md')
  const before = readFileSync(path, 'utf8')
  const after = replaceSection(replaceSection(before, ENDPOINTS_MARKER, await renderEndpointMatrix()), COVERAGE_MARKER, await renderCoverage())
  if (after !== before) writeFileSync(path, after)
  console.log(after === before ? 'README endpoint matrix and coverage are up to date' : 'wrote the README endpoint matrix and coverage')
}
