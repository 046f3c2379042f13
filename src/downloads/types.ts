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
  createdAt: number
  /** When the status or counters last changed (what the cleaner compares with maxAge). */
  lastChangeAt: number
  cancelRequested: boolean
  /** Size of the ZIP once it has been built. */
  zipBytes: number | undefined
}

/** What the HTTP layer needs from the download job service. */
export interface DownloadService {
  /** POST /downloads: ACS's checks in ACS's order, then the PENDING view. */
  create(user: MockUser, nodeIds: readonly string[]): DownloadView
  /** GET /downloads/{id}: the current view (a status read; waits for the ZIP before reporting DONE). */
  status(user: MockUser, id: string): Promise<DownloadView>
  /** DELETE /downloads/{id}: sets the cancel flag. */
  cancel(user: MockUser, id: string): void
  /** The ZIP of a DONE download, or ACS's 404 for no content. */
  content(id: string): Promise<Uint8Array>
  /** Brings the download node up to date (content size once DONE) before GET /nodes/{id}. */
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
