import type { Hono } from 'hono'
import { createApp } from './app.js'
import type { Clock, ManualClock } from './clock.js'
import { createDownloadService } from './downloads/service.js'
import type { DownloadService, DownloadSettings } from './downloads/types.js'
import { loadFixtures } from './fixtures/load.js'
import type { AppDeps, Env, NodeBindings } from './http/context.js'
import { settleInProcess } from './http/faults.js'
import { randomIds, sequentialIds } from './ids.js'
import { createLogger, type Logger } from './log.js'
import { builtinModels } from './model/builtin.js'
import { Dictionary } from './model/dictionary.js'
import { mergeDownloadSettings, resolveOptions, type DownloadOptions, type MockOptions, type ResolvedOptions } from './options.js'
import { PACKAGED_FIXTURES_DIR, PACKAGED_SCENARIOS_DIR } from './paths.js'
import { RequestJournal, type JournalEntry, type RequestMatcher, type WaitOptions } from './http/journal.js'
import { ScenarioRegistry } from './scenarios/registry.js'
import type { Scenario, ScenarioInput } from './scenarios/types.js'
import { AuthStore } from './store/auth-store.js'
import { createNodeExtras, EMPTY_EXTRAS, seedExtras } from './store/extras.js'
import { NodeStore } from './store/node-store.js'
import { seedStores, type SeedData } from './store/seed.js'

/** A mock Alfresco without a socket: drive it with `fetch(request)` or `app.request(path)`. */
export interface AlfrescoMock {
  /** The mock's clock. With `clock: 'manual'` it is a ManualClock: call `advance(ms)`. */
  readonly clock: Clock
  /** The Hono app, for `app.request()` in tests. */
  readonly app: Hono<Env>
  /** The resolved settings of the zipper and the cleaner. */
  readonly downloadSettings: Readonly<DownloadSettings>
  /** The repository (nodes, content, permissions); read it in tests, change it with care. */
  readonly store: NodeStore
  /** Users and tickets. */
  readonly auth: AuthStore
  /** The content model: ACS's types and aspects plus the fixtures' own models. */
  readonly dictionary: Dictionary
  /** The download jobs. */
  readonly downloads: DownloadService
  /**
   * Handles a request in-process, as the server would. `env` is what @hono/node-server passes
   * (the socket, for faults such as connection-reset); without it those faults reject as fetch does.
   */
  fetch(request: Request, env?: NodeBindings): Promise<Response>
  /** The request journal, oldest first (a copy; the last 10,000 API requests; /__mock is not journaled). */
  readonly requests: JournalEntry[]
  /**
   * Resolves with the first API request matching `matcher` — one already journaled, unless
   * `{ past: false }`, else the next to complete — and rejects after `timeout` wall-clock ms
   * (default 5000) with a message listing the requests that did arrive.
   *
   * @example
   * await mock.waitForRequest({ method: 'DELETE', path: '/downloads/{id}' }, { timeout: 1_000 })
   */
  waitForRequest(matcher: RequestMatcher, options?: WaitOptions): Promise<JournalEntry>
  /** Empties the journal. */
  clearRequests(): void
  /** The scenario that applies to requests without an X-Mock-Scenario header. */
  readonly scenario: Scenario | undefined
  /**
   * Makes a scenario the active one (its counters from zero): a packaged or registered name, a
   * path, or an object; `undefined` clears it. `reset()` restores the one given at start.
   *
   * @example
   * mock.useScenario('flaky-status')
   */
  useScenario(input: ScenarioInput | undefined): Scenario | undefined
  /** Makes a scenario available to `X-Mock-Scenario: NAME` without activating it; survives reset(). */
  registerScenario(input: ScenarioInput, name?: string): Scenario
  /** Back to the state right after start: fixtures re-seeded, downloads and tickets dropped. */
  reset(): void
  /** Stops the cleaner's timers. Idempotent. */
  dispose(): void
}

/**
 * An empty fixture file, or one without an enabled user, starts a mock every API call answers 401:
 * allowed (a test may only use the control API), but never silently.
 */
function warnIfNobodyCanLogIn(seed: SeedData, log: Logger): void {
  if (seed.users.some((u) => u.enabled)) return
  const none = seed.users.length === 0 ? 'define no users' : 'define no enabled user'
  log.warn(
    `The fixtures "${seed.source}" ${none}: nobody can log in, so every API request will answer 401. ` +
      'Please add one, such as users: [{ id: admin, password: admin, admin: true }].',
  )
}

/** A mock whose clock is manual (the type `createAlfrescoMock({ clock: 'manual' })` returns). */
export type ManualAlfrescoMock = AlfrescoMock & { readonly clock: ManualClock }

/**
 * Builds a mock Alfresco in memory, with no socket. The composition root: every concrete
 * service is made here.
 *
 * @example
 * const mock = createAlfrescoMock({ clock: 'manual' })
 * const res = await mock.fetch(new Request('http://mock/alfresco/api/-default-/public/alfresco/versions/1/nodes/-root-', {
 *   headers: { authorization: 'Basic ' + btoa('admin:admin') },
 * }))
 */
export function createAlfrescoMock(options: MockOptions & { clock: 'manual' }): ManualAlfrescoMock
export function createAlfrescoMock(options?: MockOptions): AlfrescoMock
export function createAlfrescoMock(options: MockOptions = {}): AlfrescoMock {
  return buildMock(resolveOptions(options))
}

export function buildMock(resolved: ResolvedOptions): AlfrescoMock {
  const { clock } = resolved
  const ids = resolved.ids === 'sequential' ? sequentialIds() : randomIds
  const log = createLogger(resolved.logLevel, resolved.logger)
  const seed: SeedData = loadFixtures(resolved.fixtures, { packagedDir: PACKAGED_FIXTURES_DIR, defaultDate: clock.now() })
  warnIfNobodyCanLogIn(seed, log)
  const settings = mergeDownloadSettings(seed.settings.downloads as DownloadOptions | undefined, resolved.downloads)
  const ticketLifetime =
    resolved.ticketLifetimeMs ?? (seed.settings.tickets as { lifetimeMs?: number } | undefined)?.lifetimeMs

  // Loaded before any service starts a timer: a broken scenario fails the start with nothing to stop.
  const scenarios = new ScenarioRegistry({ packagedDir: PACKAGED_SCENARIOS_DIR, start: resolved.scenario })
  const store = new NodeStore()
  const extras = createNodeExtras()
  const auth = new AuthStore(ids)
  // ACS's models are read on first use of the dictionary, not at start.
  const dictionary = new Dictionary(() => [builtinModels(), ...(seed.models ? [seed.models] : [])])
  if (ticketLifetime !== undefined) auth.ticketLifetimeMs = ticketLifetime
  const downloads = createDownloadService({ clock, ids, store, auth, settings, log })
  const journal = new RequestJournal(undefined, resolved.journalMaxBytes)
  // A scenario's `auth.ticketLifetime` holds while it is active; without one, the configured lifetime.
  const baseTicketLifetime = auth.ticketLifetimeMs
  scenarios.onChange((active) => {
    auth.ticketLifetimeMs = active?.scenario.auth?.ticketLifetimeMs ?? baseTicketLifetime
  })
  let errorNumber = 0

  const reset = (): void => {
    seedStores(seed, store, auth, clock.now())
    seedExtras(seed.extras ?? EMPTY_EXTRAS, extras)
    downloads.reset()
    scenarios.reset()
    journal.clear()
    errorNumber = 0
  }
  const deps: AppDeps = {
    clock,
    ids,
    store,
    extras,
    auth,
    dictionary,
    downloads,
    downloadSettings: settings,
    log,
    control: { reset },
    maxBodyBytes: resolved.maxBodyBytes,
    nextErrorNumber: () => errorNumber++,
    scenarios,
    journal,
    validate: resolved.validate,
    host: resolved.host,
    cors: resolved.cors,
  }
  reset()
  const app = createApp(deps)
  let disposed = false
  return {
    clock,
    app,
    downloadSettings: settings,
    store,
    auth,
    dictionary,
    downloads,
    fetch: async (request, env) => settleInProcess(await app.fetch(request, env)),
    get requests() {
      return journal.entries()
    },
    waitForRequest: (matcher, options) => journal.waitFor(matcher, options),
    clearRequests: () => journal.clear(),
    get scenario() {
      return scenarios.active?.scenario
    },
    useScenario: (input) => scenarios.use(input),
    registerScenario: (input, name) => scenarios.register(input, name),
    reset,
    dispose: () => {
      if (disposed) return
      disposed = true
      downloads.stop()
    },
  }
}
