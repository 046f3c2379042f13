import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { monotonicMs, wallDelay } from './clock.js'
import type { DownloadInfo, DownloadView } from './downloads/types.js'
import { AUTH_BASE, CORE_BASE } from './http/context.js'
import { timeoutMessage, toPredicate, type JournalEntry, type RequestMatcher, type WaitOptions } from './http/journal.js'
import type { Scenario, ScenarioInput } from './scenarios/types.js'

/** The environment variable the globalSetup helpers set to the mock's URL. */
export const ALFRESCO_MOCK_URL_ENV = 'ALFRESCO_MOCK_URL'

/** `GET /__mock/health` */
export interface MockHealth {
  status: 'UP'
  clock: 'system' | 'manual'
  nodes: number
}

/** `GET /__mock/clock`: the mock's time in ms since the epoch, and as ACS writes dates. */
export interface MockClockView {
  kind: 'system' | 'manual'
  now: number
  iso: string
}

/** One download as `GET /__mock/downloads` lists it. */
export type RemoteDownloadInfo = DownloadInfo & { createdAtIso: string; lastChangeAtIso: string }

/** `GET /__mock/scenario`: the active scenario (with its rules' hit counters) and the known names. */
export interface MockScenarioState {
  scenario: (Scenario & { hits?: number[] }) | null
  registered: string[]
  packaged: string[]
}

/**
 * A mock in another process (the CLI, or a globalSetup's), driven through its control API with the
 * method names of the in-process object; every call is async and goes over HTTP.
 */
export interface AlfrescoMockClient {
  /** `http://HOST:PORT` — what `@alfresco/js-api` calls `hostEcm`. */
  readonly url: string
  /** `${url}/alfresco/api/-default-/public/alfresco/versions/1` */
  readonly apiUrl: string
  /** `${url}/alfresco/api/-default-/public/authentication/versions/1` */
  readonly authUrl: string
  health(): Promise<MockHealth>
  /** As `mock.reset()`: fixtures re-seeded, downloads, tickets and the journal dropped. */
  reset(): Promise<void>
  readonly clock: {
    /** The mock's time, ms since the epoch. */
    now(): Promise<number>
    get(): Promise<MockClockView>
    /** A manual clock only: milliseconds or a duration such as `'2s'`; resolves with the new time. */
    advance(ms: number | string): Promise<number>
  }
  readonly downloads: {
    overview(): Promise<RemoteDownloadInfo[]>
    /** The `manual` progression: `steps` progress points on (default 1), or to the end with `'done'`. */
    advance(id: string, steps?: number | 'done'): Promise<DownloadView>
    /** Runs the cleaner now; resolves with the ids it deleted. */
    runCleaner(): Promise<string[]>
  }
  /** The request journal, oldest first. */
  requests(): Promise<JournalEntry[]>
  clearRequests(): Promise<void>
  /**
   * Resolves with the first API request matching `matcher` (by polling the journal), and rejects
   * after `timeout` ms (default 5000) listing the requests that did arrive.
   */
  waitForRequest(matcher: RequestMatcher, options?: WaitOptions): Promise<JournalEntry>
  getScenario(): Promise<MockScenarioState>
  /**
   * Activates a scenario: a packaged or registered name, a path to a YAML or JSON file (read here,
   * sent as text), YAML text of several lines, or an object; `undefined` clears it.
   */
  useScenario(input: ScenarioInput | undefined): Promise<Scenario | undefined>
  /** Makes a scenario available to `X-Mock-Scenario: NAME`; the name defaults to the object's or file's. */
  registerScenario(input: ScenarioInput, name?: string): Promise<Scenario>
}

/** The control API answered with an error: the server's message, its status and errorKey. */
export class MockControlError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errorKey: string | undefined,
  ) {
    super(message)
    this.name = 'MockControlError'
  }
}

// The first polls come quickly, so a wait ends soon after the request; later ones back off, so a
// long wait does not flood the server with journal reads.
const FIRST_POLL_MS = 10
const MAX_POLL_MS = 100

/**
 * A typed client for a mock started elsewhere (`npx alfresco-mock`, a globalSetup). The URL
 * defaults to `process.env.ALFRESCO_MOCK_URL`. Nothing is sent until a method is called.
 *
 * @example
 * const mock = connectAlfrescoMock(process.env.ALFRESCO_MOCK_URL)
 * await mock.useScenario('flaky-status')
 * await mock.clock.advance(1_500)
 * await mock.waitForRequest({ method: 'DELETE', path: '/downloads/{id}' })
 */
export function connectAlfrescoMock(url: string | undefined = process.env[ALFRESCO_MOCK_URL_ENV]): AlfrescoMockClient {
  const base = baseUrl(url)
  const call = <T>(method: string, path: string, body?: string): Promise<T> => control<T>(base, method, path, body)
  const requests = async () => (await call<{ requests: JournalEntry[] }>('GET', '/requests')).requests
  return {
    url: base,
    apiUrl: base + CORE_BASE,
    authUrl: base + AUTH_BASE,
    health: () => call('GET', '/health'),
    reset: async () => void (await call('POST', '/reset')),
    clock: {
      now: async () => (await call<MockClockView>('GET', '/clock')).now,
      get: () => call('GET', '/clock'),
      advance: async (ms) => (await call<MockClockView>('POST', '/clock/advance', JSON.stringify({ ms }))).now,
    },
    downloads: {
      overview: async () => (await call<{ downloads: RemoteDownloadInfo[] }>('GET', '/downloads')).downloads,
      advance: async (id, steps = 1) => {
        const body = JSON.stringify(steps === 'done' ? { to: 'DONE' } : { steps })
        return (await call<{ entry: DownloadView }>('POST', `/downloads/${encodeURIComponent(id)}/advance`, body)).entry
      },
      runCleaner: async () => (await call<{ deleted: string[] }>('POST', '/cleaner/run')).deleted,
    },
    requests,
    clearRequests: async () => void (await call('DELETE', '/requests')),
    waitForRequest: (matcher, options) => pollFor(requests, matcher, options),
    getScenario: () => call('GET', '/scenario'),
    useScenario: async (input) => {
      if (input === undefined) return void (await call('DELETE', '/scenario'))
      return (await call<{ scenario: Scenario }>('PUT', '/scenario', await scenarioText(input))).scenario
    },
    registerScenario: async (input, name) => {
      const path = `/scenarios/${encodeURIComponent(name ?? scenarioName(input))}`
      return (await call<{ scenario: Scenario }>('PUT', path, await scenarioText(input))).scenario
    },
  }
}

function baseUrl(url: string | undefined): string {
  if (url === undefined || url.trim() === '') {
    throw new TypeError(
      `Failed to connect to the mock: no URL given and ${ALFRESCO_MOCK_URL_ENV} is not set. ` +
        'Please pass the URL the mock printed, or start it in a globalSetup (alfresco-mock-server/vitest or /jest).',
    )
  }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new TypeError(`Failed to connect to the mock: "${url}" is not a URL. Please pass one such as http://127.0.0.1:8080.`)
  }
  // An apiUrl or authUrl is accepted too: the control API sits at the root.
  const path = parsed.pathname.replace(/\/alfresco(\/.*)?$/, '').replace(/\/+$/, '')
  return `${parsed.origin}${path}`
}

async function control<T>(base: string, method: string, path: string, body?: string): Promise<T> {
  let res: Response
  try {
    const headers = body === undefined ? undefined : { 'content-type': contentTypeOf(body) }
    res = await fetch(`${base}/__mock${path}`, { method, headers, body })
  } catch (err) {
    const reason = (err as Error & { cause?: Error }).cause?.message ?? (err as Error).message
    throw new Error(
      `Failed to reach the mock at ${base} (${method} /__mock${path}): ${reason}. Please check that it is running and the URL is right.`,
      { cause: err },
    )
  }
  const text = await res.text()
  if (!res.ok) throw controlError(res, text, method, path)
  return (text === '' ? undefined : JSON.parse(text)) as T
}

/** The server's own sentence, without ACS's `MMddNNNN` log number in front. */
function controlError(res: Response, text: string, method: string, path: string): MockControlError {
  let error: { briefSummary?: string; errorKey?: string } | undefined
  try {
    error = (JSON.parse(text) as { error?: typeof error }).error
  } catch {
    error = undefined
  }
  const summary = error?.briefSummary?.replace(/^\d{8} /, '')
  const message = summary ?? `Failed to call ${method} /__mock${path}: ${res.status} ${res.statusText} ${text.slice(0, 200)}`.trim()
  return new MockControlError(message, res.status, error?.errorKey)
}

function contentTypeOf(body: string): string {
  return /^\s*[{[]/.test(body) ? 'application/json' : 'application/yaml'
}

/** A bare name goes as it is; a path is read here (the server never reads a caller's files). */
async function scenarioText(input: ScenarioInput): Promise<string> {
  if (typeof input !== 'string') return JSON.stringify(input)
  if (!isPath(input)) return input
  try {
    return await readFile(input, 'utf8')
  } catch (err) {
    throw new Error(`Failed to read the scenario "${input}": ${(err as Error).message}. Please check the path.`, { cause: err })
  }
}

function scenarioName(input: ScenarioInput): string {
  if (typeof input !== 'string') {
    if (typeof input.name === 'string') return input.name
    throw new TypeError('Failed to register the scenario: it has no name. Please pass one: registerScenario(scenario, "my-name").')
  }
  return isPath(input) ? basename(input, extname(input)) : input
}

/** A path has a slash or a YAML/JSON extension; a string of several lines is the scenario itself. */
function isPath(input: string): boolean {
  return !input.includes('\n') && (/[/\\]/.test(input) || /\.(ya?ml|json)$/i.test(input))
}

async function pollFor(
  requests: () => Promise<JournalEntry[]>,
  matcher: RequestMatcher,
  options: WaitOptions = {},
): Promise<JournalEntry> {
  const matches = toPredicate(matcher)
  const timeout = options.timeout ?? 5_000
  const deadline = monotonicMs() + timeout
  let interval = FIRST_POLL_MS
  let entries = await requests()
  // `past: false`: only what arrives after the call (sequence numbers survive clear and reset).
  const since = options.past === false ? entries.reduce((max, e) => Math.max(max, e.seq), 0) : 0
  for (;;) {
    const found = entries.find((e) => e.seq > since && matches(e))
    if (found) return found
    const left = deadline - monotonicMs()
    if (left <= 0) throw new Error(timeoutMessage(matcher, timeout, entries, since))
    await wallDelay(Math.min(interval, left))
    interval = Math.min(interval * 2, MAX_POLL_MS)
    entries = await requests()
  }
}
