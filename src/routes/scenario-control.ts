import { Hono, type Context } from 'hono'
import { ConfigFileError, errors } from '../errors.js'
import { readBody } from '../http/body.js'
import type { AppDeps, Env } from '../http/context.js'
import { emptyResponse, jsonResponse } from '../http/respond.js'
import type { Scenario } from '../scenarios/types.js'

/**
 * The control API of scenarios and the journal, under /__mock (mounted before controlRoutes, whose
 * catch-all answers 501):
 * - GET /scenario: the active scenario, the registered and the packaged names;
 * - PUT /scenario: activate one (YAML or JSON body, or the bare name of a known one);
 * - DELETE /scenario: no scenario;
 * - PUT /scenarios/NAME: register one for X-Mock-Scenario without activating it;
 * - GET and DELETE /requests: the journal.
 */
export function scenarioControlRoutes(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>()

  app.get('/scenario', () =>
    jsonResponse({
      scenario: deps.scenarios.active ? view(deps.scenarios.active.scenario, deps.scenarios.active.hits) : null,
      registered: deps.scenarios.registeredNames(),
      packaged: deps.scenarios.packagedNames(),
    }),
  )

  app.put('/scenario', async (c) => {
    const text = await bodyText(c, deps)
    const scenario = asBadRequest(() => deps.scenarios.useText(text, '<request body>'))
    return jsonResponse({ scenario: view(scenario) })
  })

  app.delete('/scenario', () => {
    deps.scenarios.use(undefined)
    return emptyResponse(204)
  })

  app.put('/scenarios/:name', async (c) => {
    const name = c.req.param('name')
    const text = await bodyText(c, deps)
    const scenario = asBadRequest(() => deps.scenarios.registerText(text, '<request body>', name))
    return jsonResponse({ scenario: view(scenario) })
  })

  app.get('/requests', () => jsonResponse({ requests: deps.journal.entries() }))

  app.delete('/requests', () => {
    deps.journal.clear()
    return emptyResponse(204)
  })

  return app
}

/**
 * Scenario texts are small; parsing and keeping megabytes of YAML per registration is not (the
 * registry keeps up to 100 of them). Larger bodies get 413.
 */
export const MAX_SCENARIO_TEXT_BYTES = 1024 * 1024

async function bodyText(c: Context<Env>, deps: AppDeps): Promise<string> {
  const text = new TextDecoder().decode(await readBody(c, Math.min(deps.maxBodyBytes, MAX_SCENARIO_TEXT_BYTES)))
  if (text.trim() === '') {
    throw errors.invalidArgument(
      'Failed to apply the scenario: the request body is empty. ' +
        'Please send the scenario as YAML or JSON, or the name of a packaged one.',
    )
  }
  return text
}

/** A scenario that does not load is the caller's mistake: 400 with every problem in the text. */
function asBadRequest<T>(load: () => T): T {
  try {
    return load()
  } catch (err) {
    if (err instanceof ConfigFileError) throw errors.invalidArgument(err.message)
    throw err
  }
}

function view(scenario: Scenario, hits?: readonly number[]): Record<string, unknown> {
  return { ...scenario, ...(hits ? { hits } : {}) }
}
