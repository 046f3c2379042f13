import type { DownloadScript, ScriptStep, ScriptStepStatus } from '../downloads/types.js'

/**
 * A scenario after loading: validated, durations in milliseconds, paths normalised, frozen.
 * The download script shapes belong to the downloads layer (below this one, which must not
 * import scenarios); they are re-exported here under their scenario names so both agree.
 */

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'] as const
export type HttpMethod = (typeof HTTP_METHODS)[number]

/** What a download reports while a step applies; `deleted` means 404 from then on (as after the cleaner). */
export { STEP_STATUSES } from '../downloads/types.js'
export type DownloadStepStatus = ScriptStepStatus
/** Statuses after which nothing but `deleted` can follow. */
export const TERMINAL_STATUSES: readonly DownloadStepStatus[] = ['DONE', 'CANCELLED', 'MAX_CONTENT_SIZE_EXCEEDED']

/**
 * One step of a download's progression. It lasts `polls` status reads or `forMs` on the mock's
 * clock; a step with neither holds for ever (only the last step may do that, and the last step
 * always holds, whatever it says).
 */
export type DownloadStep = ScriptStep

/** Which downloads a script applies to; every given criterion must hold. `{}` matches all. */
export interface DownloadMatch {
  /** The nth download created under the scenario (1-based). */
  readonly nth?: number
  /** The download asks for at least one of these node ids. */
  readonly nodeIds?: readonly string[]
}

export interface DownloadScriptRule {
  readonly match: DownloadMatch
  readonly steps: readonly DownloadStep[]
}

/** The script a download follows, with where it came from (`rule`: index in `downloads`). */
export type { DownloadScript }

/** What the downloads service needs from a scenario: the script of a new download, if any. */
export interface DownloadScriptSource {
  readonly name: string
  /** Counts the download as created under this scenario and returns its script. */
  claimDownloadScript(nodeIds: readonly string[]): DownloadScript | undefined
  /** The script for the nth download (1-based) with these node ids; no side effects. */
  downloadScriptFor(download: { nth: number; nodeIds: readonly string[] }): DownloadScript | undefined
}

export interface RequestMatch {
  readonly method?: HttpMethod
  /** Relative to the API base; `{x}` matches one segment. Normalised: no trailing slash. */
  readonly path?: string
  readonly user?: string
  /** Header names in lower case; values compared exactly. */
  readonly header?: Readonly<Record<string, string>>
}

/** When a rule fires, counting the requests it matches (1-based). */
export type Firing =
  | { readonly kind: 'always' }
  | { readonly kind: 'on'; readonly matches: readonly number[] }
  | { readonly kind: 'count'; readonly after: number; readonly times?: number }
  | { readonly kind: 'probability'; readonly probability: number; readonly seed: number }

export const FAULT_KINDS = ['connection-reset', 'empty-response', 'truncate', 'corrupt-zip', 'delay', 'dribble'] as const
export type FaultKind = (typeof FAULT_KINDS)[number]

export interface RespondAction {
  readonly kind: 'respond'
  readonly status: number
  readonly errorKey?: string
  readonly message?: string
  /** Sent as it is (objects as JSON) instead of ACS's error body. */
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
  /** Seconds, for the Retry-After header (429 sends 1 unless set). */
  readonly retryAfter?: number
  /** Wait this long on the mock's clock before answering. */
  readonly delayMs?: number
}

export type FaultAction =
  | RespondAction
  | { readonly kind: 'connection-reset' }
  | { readonly kind: 'empty-response' }
  | { readonly kind: 'truncate'; readonly bytes?: number; readonly fraction?: number }
  | { readonly kind: 'corrupt-zip' }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'dribble'; readonly chunkBytes: number; readonly everyMs: number }

export interface FaultRule {
  readonly index: number
  readonly match: RequestMatch
  readonly firing: Firing
  readonly action: FaultAction
}

export interface ScenarioAuth {
  /** Ticket lifetime after inactivity while this scenario is the active one. */
  readonly ticketLifetimeMs?: number
}

export interface Scenario {
  readonly name: string
  readonly description?: string
  /** The file it was read from, or `<object>` / `<request body>`. */
  readonly source: string
  readonly downloads: readonly DownloadScriptRule[]
  readonly faults: readonly FaultRule[]
  readonly auth?: ScenarioAuth
}

/** A fault rule that fired for a request. */
export interface FaultHit {
  readonly scenario: string
  readonly rule: number
  readonly action: FaultAction
}

/** A scenario to load: a packaged name, a path to a YAML/JSON file, or the object itself. */
export type ScenarioInput = string | Record<string, unknown>
