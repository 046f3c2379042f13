import { Hono } from 'hono'
import { isManualClock } from '../clock.js'
import { errors } from '../errors.js'
import { readJson } from '../http/body.js'
import type { AppDeps, Env } from '../http/context.js'
import { alfrescoDate } from '../http/format.js'
import { jsonResponse } from '../http/respond.js'

/** The mock's own control API under /__mock: health, reset, clock, cleaner. No authentication. */
export function controlRoutes(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()

  app.get('/health', () => jsonResponse({ status: 'UP', clock: deps.clock.kind, nodes: deps.store.size }))

  app.post('/reset', () => {
    deps.control.reset()
    return jsonResponse({ reset: true })
  })

  app.get('/clock', () => jsonResponse(clockView(deps)))

  app.post('/clock/advance', async (c) => {
    const body = await readJson(c, deps.maxBodyBytes)
    const ms = typeof body === 'object' && body !== null ? (body as { ms?: unknown }).ms : undefined
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw errors.invalidArgument('Failed to advance the clock: "ms" must be a non-negative number. Please send {"ms": 1000}.')
    }
    if (!isManualClock(deps.clock)) {
      throw errors.invalidArgument(
        "Failed to advance the clock: the mock runs on the system clock. Please start it with --clock manual (or { clock: 'manual' }).",
      )
    }
    deps.clock.advance(ms)
    return jsonResponse(clockView(deps))
  })

  app.post('/cleaner/run', () => jsonResponse({ deleted: deps.downloads.runCleaner() }))

  app.all('*', (c) => {
    throw errors.notImplemented(c.req.method, c.req.path)
  })
  return app
}

function clockView(deps: AppDeps): { kind: string; now: number; iso: string } {
  const now = deps.clock.now()
  return { kind: deps.clock.kind, now, iso: alfrescoDate(now) }
}
