import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Clock } from '../clock.js'
import type { DownloadService, DownloadSettings } from '../downloads/types.js'
import type { IdSource } from '../ids.js'
import type { Logger } from '../log.js'
import type { Dictionary } from '../model/dictionary.js'
import type { PermissionUpdater } from '../nodes/update.js'
import type { AuthStore } from '../store/auth-store.js'
import type { NodeExtras } from '../store/extras.js'
import type { NodeStore } from '../store/node-store.js'
import type { MockUser } from '../store/types.js'
import type { ScenarioEngine } from '../scenarios/engine.js'
import type { ScenarioRegistry } from '../scenarios/registry.js'
import type { FaultHit } from '../scenarios/types.js'
import type { RecognizedParams } from '../rest/params.js'
import type { CorsPolicy } from './cors-policy.js'
import type { RequestJournal } from './journal.js'

export const CORE_BASE = '/alfresco/api/-default-/public/alfresco/versions/1'
export const AUTH_BASE = '/alfresco/api/-default-/public/authentication/versions/1'
export const API_ROOT = '/alfresco/api'


/** Operations of the control API that live above the HTTP layer (in mock.ts). */
export interface ControlHooks {
  reset(): void
}

/** Everything the routes use; built once by mock.ts. */
export interface AppDeps {
  clock: Clock
  ids: IdSource
  store: NodeStore
  /** Versions, the trashcan, tags, comments, categories and ratings. */
  extras: NodeExtras
  auth: AuthStore
  /** The content model: ACS's models and the fixtures' own (src/model). */
  dictionary: Dictionary
  downloads: DownloadService
  downloadSettings: DownloadSettings
  log: Logger
  control: ControlHooks
  maxBodyBytes: number
  /** The ACS-wide error counter behind briefSummary's NNNN. */
  nextErrorNumber(): number
  /** The active scenario and the named ones (X-Mock-Scenario). */
  scenarios: ScenarioRegistry
  /** Every API request, for mock.requests and /__mock/requests. */
  journal: RequestJournal
  /** Applies `permissions` of PUT /nodes/{id}; without one, such a body answers 501. */
  permissionUpdater?: PermissionUpdater | undefined
  /** The interface the server binds (options.host): requests over a loopback binding must name loopback. */
  host: string
  /** Request validation against ACS's spec (src/validate): off when undefined. */
  validate?: 'report' | 'strict' | undefined
  /** ACS's CORS filter in front of its API (src/http/cors.ts): off when undefined, as in ACS. */
  cors?: CorsPolicy | undefined
}

/**
 * What @hono/node-server passes as the fetch callback's second argument; absent in-process.
 * The faults that act on the connection (reset, empty response, truncation) need the socket.
 */
export interface NodeBindings {
  incoming?: IncomingMessage
  outgoing?: ServerResponse
}

export interface Env {
  Bindings: NodeBindings
  Variables: {
    /**
     * The scenario governing this request: the X-Mock-Scenario header's, else the active one.
     * A download created by the request keeps it (claimDownloadScript).
     */
    scenario: ScenarioEngine | undefined
    /** The fault rule that fired for this request, for the journal. */
    fault: FaultHit | undefined
    user: MockUser
    /** The ticket the request authenticated with, if any. */
    ticket: string | undefined
    /** What request validation found (with validation on): ACS spec violations, [] if none. */
    validation: string[] | undefined
    /** paging, orderBy, where, include and fields, read before any route (http/params.ts). */
    params: RecognizedParams | undefined
  }
}
