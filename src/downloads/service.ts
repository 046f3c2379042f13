import type { Clock } from '../clock.js'
import { errors } from '../errors.js'
import type { IdSource } from '../ids.js'
import type { Logger } from '../log.js'
import type { AuthStore } from '../store/auth-store.js'
import type { NodeStore } from '../store/node-store.js'
import type { DownloadService, DownloadSettings } from './types.js'

export interface DownloadServiceDeps {
  clock: Clock
  ids: IdSource
  store: NodeStore
  auth: AuthStore
  settings: DownloadSettings
  log: Logger
}

/** (Being written.) */
export function createDownloadService(_deps: DownloadServiceDeps): DownloadService {
  const missing = () => {
    throw errors.notImplemented('POST', '/downloads')
  }
  return {
    create: missing,
    status: missing,
    cancel: missing,
    content: missing,
    refreshNode: () => Promise.resolve(),
    forget: () => undefined,
    runCleaner: () => [],
    reset: () => undefined,
    stop: () => undefined,
  }
}
