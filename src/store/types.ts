/** Plain data of the repository: nodes, content, users, tickets. No HTTP here. */

/** Where a file's bytes come from. Bytes of `synthetic` and `lazy` sources are only made when read. */
export type ContentSource =
  | { kind: 'bytes'; bytes: Uint8Array }
  /** Deterministic pseudo-random bytes: a fixture can declare 3 GiB without allocating it. */
  | { kind: 'synthetic'; size: number; seed: string }
  /** Made on first use and memoised (faker text). */
  | { kind: 'lazy'; key: string; load: () => Uint8Array }

export interface NodeContent {
  mimeType: string
  mimeTypeName: string
  encoding: string
  source: ContentSource
}

/** ACS's special authority that means "every user". */
export const EVERYONE = 'GROUP_EVERYONE'

export interface MockNode {
  id: string
  name: string
  nodeType: string
  isFolder: boolean
  parentId: string | undefined
  createdAt: number
  modifiedAt: number
  createdBy: string
  modifiedBy: string
  content?: NodeContent
  aspectNames: string[]
  properties: Record<string, unknown>
  /** Users (or GROUP_EVERYONE) who may read; undefined = inherited from the parent. */
  readers?: string[]
  /** Users (or GROUP_EVERYONE) who may create, update and delete; undefined = inherited. */
  writers?: string[]
  /** ACS refuses to delete these (Company Home, Sites, User Homes, …). */
  system?: boolean
  /** An alias the node answers to: -root-, -shared-. (-my- is per user.) */
  alias?: string
}

export interface MockUser {
  id: string
  password: string
  admin: boolean
  firstName: string
  lastName?: string
  displayName: string
  email?: string
  /** The node id of the user's home folder (-my-), if any. */
  homeFolderId?: string
  enabled: boolean
}

export interface Ticket {
  id: string
  userId: string
  lastUsedAt: number
}

/** The node id ACS bootstraps for /sys:system/sys:downloads (downloadsSpace.xml). */
export const DOWNLOADS_CONTAINER_ID = 'downloads_container'
export const DOWNLOAD_NODE_TYPE = 'download:download'
