import type { Clock } from '../clock.js'
import type { IdSource } from '../ids.js'
import type { Dictionary } from '../model/dictionary.js'
import type { AuthStore } from '../store/auth-store.js'
import type { NodeStore } from '../store/node-store.js'

/** What node operations need: the repository, its users, the content model, time and ids. */
export interface NodeDeps {
  store: NodeStore
  auth: AuthStore
  dictionary: Dictionary
  clock: Clock
  ids: IdSource
}
