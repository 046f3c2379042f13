import type { Clock } from '../clock.js'
import type { DownloadService, DownloadSettings } from '../downloads/types.js'
import type { IdSource } from '../ids.js'
import type { Logger } from '../log.js'
import type { AuthStore } from '../store/auth-store.js'
import type { NodeStore } from '../store/node-store.js'
import type { MockUser } from '../store/types.js'

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
  auth: AuthStore
  downloads: DownloadService
  downloadSettings: DownloadSettings
  log: Logger
  control: ControlHooks
  maxBodyBytes: number
  /** The ACS-wide error counter behind briefSummary's NNNN. */
  nextErrorNumber(): number
}

export interface Env {
  Variables: {
    user: MockUser
    /** The ticket the request authenticated with, if any. */
    ticket: string | undefined
  }
}
