import { Hono } from 'hono'
import { monotonicMs } from './clock.js'
import { errors, toAlfrescoError, toErrorBody, type AlfrescoError } from './errors.js'
import { requireAuth } from './http/auth.js'
import { API_ROOT, AUTH_BASE, CORE_BASE, type AppDeps, type Env } from './http/context.js'
import { corsFilter } from './http/cors.js'
import { applyScenarios } from './http/faults.js'
import { JSON_CONTENT_TYPE, NEVER_CACHE } from './http/format.js'
import { journalRequests } from './http/journal.js'
import { recognizeParams } from './http/params.js'
import { categoryRoutes } from './routes/categories.js'
import { categoryLinkRoutes } from './routes/category-links.js'
import { commentRoutes } from './routes/comments.js'
import { requestGuard } from './http/request-guard.js'
import { journalPath } from './http/journal-bounds.js'
import { controlRoutes } from './routes/control.js'
import { deletedNodeRoutes } from './routes/deleted-nodes.js'
import { dictionaryWebScripts, WEBSCRIPT_BASES } from './routes/dictionary-webscripts.js'
import { downloadRoutes } from './routes/downloads.js'
import { modelRoutes } from './routes/model.js'
import { nodeTagRoutes } from './routes/node-tags.js'
import { nodeRoutes } from './routes/nodes.js'
import { ratingRoutes } from './routes/ratings.js'
import { scenarioControlRoutes } from './routes/scenario-control.js'
import { tagRoutes } from './routes/tags.js'
import { ticketRoutes } from './routes/tickets.js'
import { versionRoutes } from './routes/versions.js'
import { validateRequests } from './http/validate.js'

/** The root Hono app: ACS's two API bases, the control API, one error mapper for everything. */
export function createApp(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()

  // One line per request at info and debug; not even a middleware below that (it is the hot path).
  if (deps.log.level === 'info' || deps.log.level === 'debug') {
    app.use('*', async (c, next) => {
      const started = monotonicMs()
      await next()
      const user = c.get('user')?.id ?? '-'
      deps.log.info(`${c.req.method} ${journalPath(c.req.path)} ${c.res.status} ${(monotonicMs() - started).toFixed(1)}ms ${user}`)
    })
  }

  // Before the journal and the routes (after the log line, which shows the refusal): a
  // DNS-rebinding or cross-site request must change nothing and see nothing.
  app.use('*', requestGuard(deps.host))

  // Journal outermost, so it sees what scenarios did; both only for ACS's API, not /__mock.
  app.use(`${API_ROOT}/*`, journalRequests(deps))
  // ACS's CORS filter (off by default, as cors.enabled): after the journal, so it shows preflights.
  if (deps.cors) app.use('/alfresco/*', corsFilter(deps.cors))
  // Validation (opt-in) sees every request as the client sent it, before faults and routes.
  if (deps.validate) app.use(`${API_ROOT}/*`, validateRequests(deps, deps.validate))
  app.use(`${API_ROOT}/*`, applyScenarios(deps))

  // Before controlRoutes: its catch-all answers 501 for anything under /__mock it does not know.
  app.route('/__mock', scenarioControlRoutes(deps))
  app.route('/__mock', controlRoutes(deps))
  app.use(`${AUTH_BASE}/*`, recognizeParams())
  app.route(AUTH_BASE, ticketRoutes(deps))

  const core = new Hono<Env>()
  core.use('*', requireAuth(deps))
  core.use('*', recognizeParams())
  core.route('/', downloadRoutes(deps))
  core.route('/', nodeRoutes(deps))
  core.route('/', versionRoutes(deps))
  core.route('/', deletedNodeRoutes(deps))
  core.route('/', nodeTagRoutes(deps))
  core.route('/', tagRoutes(deps))
  core.route('/', commentRoutes(deps))
  core.route('/', categoryRoutes(deps))
  core.route('/', categoryLinkRoutes(deps))
  core.route('/', ratingRoutes(deps))
  core.route('/', modelRoutes(deps))
  app.route(CORE_BASE, core)
  // ACS's web scripts (ADF's metadata panel reads the dictionary ones), with their own auth and errors.
  for (const base of WEBSCRIPT_BASES) app.route(base, dictionaryWebScripts(deps))

  // Anything else under ACS's API: an explicit 501 naming it, never a silent 200 or a bare 404.
  app.all(`${API_ROOT}/*`, (c) => {
    throw errors.notImplemented(c.req.method, c.req.path)
  })

  app.notFound((c) => errorResponse(deps, errors.entityNotFound(c.req.path)))
  app.onError((err, c) => {
    const e = toAlfrescoError(err)
    // An error a scenario asked for is no server error worth logging.
    const injected = c.get('fault')?.action.kind === 'respond'
    if (e.statusCode >= 500 && e.statusCode !== 501 && !injected) deps.log.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
    return errorResponse(deps, e)
  })
  return app
}

export function errorResponse(deps: Pick<AppDeps, 'clock' | 'ids' | 'nextErrorNumber'>, e: AlfrescoError): Response {
  const body = toErrorBody(e, { now: deps.clock.now(), counter: deps.nextErrorNumber(), logId: deps.ids.logId() })
  return new Response(JSON.stringify(body), {
    status: e.statusCode,
    headers: { 'Content-Type': JSON_CONTENT_TYPE, ...NEVER_CACHE, ...e.headers },
  })
}
