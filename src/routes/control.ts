import { Hono } from 'hono'
import { isManualClock, MAX_CLOCK_MS, tooFarMessage } from '../clock.js'
import { errors } from '../errors.js'
import { parseDuration } from '../fixtures/units.js'
import { readJson } from '../http/body.js'
import type { AppDeps, Env } from '../http/context.js'
import { alfrescoDate } from '../http/format.js'
import { jsonResponse } from '../http/respond.js'

/** The control API's JSON bodies are a few bytes ({"ms": 1000}); anything past this gets 413. */
const CONTROL_BODY_BYTES = 64 * 1024

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
    // The clock kind first: on the system clock no body can help, so say what can.
    if (!isManualClock(deps.clock)) {
      throw errors.invalidArgument(
        "Failed to advance the clock: the mock runs on the system clock. Please start it with --clock manual (or { clock: 'manual' }).",
      )
    }
    const body = await readJson(c, CONTROL_BODY_BYTES)
    const ms = advanceBy(typeof body === 'object' && body !== null ? (body as { ms?: unknown }).ms : undefined)
    if (deps.clock.now() + ms > MAX_CLOCK_MS) throw errors.invalidArgument(tooFarMessage(ms))
    deps.clock.advance(ms)
    return jsonResponse(clockView(deps))
  })

  app.post('/cleaner/run', () => jsonResponse({ deleted: deps.downloads.runCleaner() }))

  // Every download as it stands (looking is not a status read), with ISO dates for people.
  app.get('/downloads', () =>
    jsonResponse({
      downloads: deps.downloads.overview().map((d) => ({
        ...d,
        createdAtIso: alfrescoDate(d.createdAt),
        lastChangeAtIso: alfrescoDate(d.lastChangeAt),
      })),
    }),
  )

  // `manual` progression: {"steps": N} (default 1) or {"to": "DONE"}.
  app.post('/downloads/:downloadId/advance', async (c) => {
    const body = (await readJson(c, CONTROL_BODY_BYTES)) ?? {}
    const { steps, to } = (typeof body === 'object' && body !== null ? body : {}) as { steps?: unknown; to?: unknown }
    if (to !== undefined && to !== 'DONE') {
      throw errors.invalidArgument(`Failed to advance the download: "to" must be "DONE", not ${JSON.stringify(to)}. Please send {"to": "DONE"} or {"steps": 1}.`)
    }
    const view = deps.downloads.advance(c.req.param('downloadId'), to === 'DONE' ? 'done' : ((steps ?? 1) as number))
    return jsonResponse({ entry: view })
  })

  app.all('*', (c) => {
    throw errors.notImplemented(c.req.method, c.req.path)
  })
  return app
}

/** `ms` as the CLI reads durations: milliseconds, or a string such as "1500", "2s", "5m". */
function advanceBy(ms: unknown): number {
  let value: number | undefined
  try {
    value = typeof ms === 'number' ? ms : typeof ms === 'string' ? parseDuration(ms) : undefined
  } catch {
    value = undefined
  }
  if (value === undefined || !Number.isFinite(value) || value < 0) {
    throw errors.invalidArgument(`Failed to advance the clock: "ms" must be a duration such as 1500 or "2s", not ${JSON.stringify(ms) ?? 'missing'}. Please send {"ms": 1000} or {"ms": "1s"}.`)
  }
  return value
}

function clockView(deps: AppDeps): { kind: string; now: number; iso: string } {
  const now = deps.clock.now()
  return { kind: deps.clock.kind, now, iso: alfrescoDate(now) }
}
