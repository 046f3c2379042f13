import type { MockNode, MockUser } from '../store/types.js'

export const DOWNLOAD_STATUSES = ['PENDING', 'IN_PROGRESS', 'DONE', 'MAX_CONTENT_SIZE_EXCEEDED', 'CANCELLED'] as const
export type DownloadStatus = (typeof DOWNLOAD_STATUSES)[number]

/** The six fields of ACS's Download entity. */
export interface DownloadView {
  id: string
  status: DownloadStatus
  bytesAdded: number
  totalBytes: number
  filesAdded: number
  totalFiles: number
}

export const PROGRESSIONS = ['time', 'polls', 'manual', 'instant'] as const
export type Progression = (typeof PROGRESSIONS)[number]

/**
 * What a scripted download reports while a step applies; `deleted` removes the download node
 * (404 from then on, as after the cleaner). Declared here, below scenarios, which re-export it.
 */
export const STEP_STATUSES = ['PENDING', 'IN_PROGRESS', 'DONE', 'CANCELLED', 'MAX_CONTENT_SIZE_EXCEEDED', 'deleted'] as const
export type ScriptStepStatus = (typeof STEP_STATUSES)[number]

/**
 * One step of a scripted download. It lasts `polls` status reads (GET /downloads/{id}) or
 * `forMs` on the mock's clock from when it began; the last step holds for ever.
 */
export interface ScriptStep {
  readonly status: ScriptStepStatus
  /** IN_PROGRESS only: the fraction of bytes reported as added (0–1, default 0). */
  readonly progress?: number
  readonly polls?: number
  readonly forMs?: number
}

/** The steps a download follows instead of its progression policy, and the scenario they came from. */
export interface DownloadScript {
  readonly scenario: string
  /** Index of the rule in the scenario's `downloads` list, when it came from a file. */
  readonly rule?: number
  readonly steps: readonly ScriptStep[]
}

/** Every setting of the simulated zipper and the cleaner, with ACS's defaults where it has one. */
export interface DownloadSettings {
  /** How a download moves from PENDING to DONE. */
  progression: Progression
  /** `time`: how long a download stays PENDING. */
  pendingMs: number
  /** `time`: how fast the zipper reads source bytes while IN_PROGRESS. */
  bytesPerSecond: number
  /** `polls`: number of status reads that answer PENDING. */
  pendingPolls: number
  /** `polls`: number of status reads that answer IN_PROGRESS. */
  inProgressPolls: number
  /** download.maxContentSize: larger estimates end MAX_CONTENT_SIZE_EXCEEDED; ≤ 0 disables. */
  maxContentSize: number
  /** ZIP entry compression. ACS uses DEFLATE. */
  compression: 'DEFLATE' | 'STORE'
  /** DEFLATE level 1–9. */
  compressionLevel: number
  cleaner: CleanerSettings
}

export interface CleanerSettings {
  enabled: boolean
  /** download.cleaner.startDelayMilliseconds */
  startDelayMs: number
  /** download.cleaner.repeatIntervalMilliseconds */
  intervalMs: number
  /** download.cleaner.maxAgeMins, in milliseconds */
  maxAgeMs: number
}

/** One download as the control API shows it (`GET /__mock/downloads`). */
export interface DownloadInfo extends DownloadView {
  name: string
  owner: string
  nodeIds: string[]
  progression: Progression
  /** What drives the status: the scenario's script, or the progression policy. */
  policy: Progression | 'script'
  /** The scenario the download was created under, when it follows a script. */
  scenario: string | null
  /** The current step of the script (0-based, as `steps[i]` in the file), or null. */
  step: number | null
  createdAt: number
  /** When the status or counters last changed (what the cleaner compares with maxAge). */
  lastChangeAt: number
  cancelRequested: boolean
  /** Size of the ZIP once it has been built. */
  zipBytes: number | undefined
}

export type ScriptSource = DownloadScript | (() => DownloadScript | undefined)

/** What the HTTP layer needs from the download job service. */
export interface DownloadService {
  /**
   * POST /downloads: ACS's checks in ACS's order, then the PENDING view. With a script (or a
   * function giving one, called only once the checks pass, so a rejected POST claims nothing)
   * the download follows its steps instead of the policy, for its whole life.
   */
  create(user: MockUser, nodeIds: readonly string[], script?: ScriptSource): DownloadView
  /** GET /downloads/{id}: the current view (a status read; waits for the ZIP before reporting DONE). */
  status(user: MockUser, id: string): Promise<DownloadView>
  /** DELETE /downloads/{id}: sets the cancel flag (a scripted download notices it at its next step change). */
  cancel(user: MockUser, id: string): void
  /** The ZIP of a DONE download, or ACS's 404 for no content. */
  content(id: string): Promise<Uint8Array>
  /**
   * Brings the download node up to date (content size once DONE) before GET /nodes/{id}; ACS's
   * 404 when a scripted `deleted` step has just removed it.
   */
  refreshNode(node: MockNode): Promise<void>
  /** The node was deleted through DELETE /nodes/{id}. */
  forget(id: string): void
  /**
   * `manual` progression: moves a download `steps` progress points on (default 1), or to the end
   * with `'done'`. Returns the new view; the ZIP is built when DONE is next read.
   */
  advance(id: string, steps?: number | 'done'): DownloadView
  /** Every download as it stands now. Looking does not count as a status read. */
  overview(): DownloadInfo[]
  /** Runs the cleaner now; returns the ids it deleted. */
  runCleaner(): string[]
  /** Drops every download; restarts the cleaner schedule. */
  reset(): void
  /** Stops the cleaner's timers. */
  stop(): void
}
