import type { Clock } from '../clock.js'
import type { IdSource } from '../ids.js'
import { ArchiveStore } from './archive.js'
import { CategoryStore, type CategoryRecord } from './categories.js'
import { CommentStore, type CommentRecord } from './comments.js'
import type { NodeStore } from './node-store.js'
import { RatingStore, type RatingRecord } from './ratings.js'
import { TagStore, type TagRecord } from './tags.js'
import { VersionStore, type VersionRecord } from './versions.js'

/** What the repository keeps beside the node tree: versions, the trashcan, tags, comments, categories, ratings. */
export interface NodeExtras {
  versions: VersionStore
  archive: ArchiveStore
  tags: TagStore
  comments: CommentStore
  categories: CategoryStore
  ratings: RatingStore
}

/** The frozen fixture data of the extras (fixtures/build-extras.ts makes it), parents before children. */
export interface ExtrasSeed {
  readonly versions: readonly { readonly nodeId: string; readonly records: readonly VersionRecord[] }[]
  readonly tags: readonly TagRecord[]
  readonly comments: readonly CommentRecord[]
  readonly categories: readonly CategoryRecord[]
  readonly ratings: readonly { readonly nodeId: string; readonly rating: RatingRecord }[]
}

export const EMPTY_EXTRAS: ExtrasSeed = { versions: [], tags: [], comments: [], categories: [], ratings: [] }

export function createNodeExtras(): NodeExtras {
  return {
    versions: new VersionStore(),
    archive: new ArchiveStore(),
    tags: new TagStore(),
    comments: new CommentStore(),
    categories: new CategoryStore(),
    ratings: new RatingStore(),
  }
}

/** Empties the extras and fills them from seed data; mutable records are copied, the seed stays untouched. */
export function seedExtras(seed: ExtrasSeed, extras: NodeExtras): void {
  for (const store of [extras.versions, extras.archive, extras.tags, extras.comments, extras.ratings]) store.clear()
  for (const { nodeId, records } of seed.versions) for (const r of records) extras.versions.append(nodeId, r)
  for (const t of seed.tags) extras.tags.add({ ...t })
  for (const c of seed.comments) extras.comments.add({ ...c })
  extras.categories.load(seed.categories)
  for (const { nodeId, rating } of seed.ratings) extras.ratings.put(nodeId, rating)
}

/** Drops what belongs to nodes that are gone for good (deleted permanently, purged). */
export function forgetNodes(extras: NodeExtras, nodeIds: Iterable<string>): void {
  for (const id of nodeIds) {
    extras.versions.forget(id)
    extras.comments.forget(id)
    extras.ratings.forget(id)
  }
}

/** What the domain services of these areas work on. */
export interface RepoDeps {
  store: NodeStore
  extras: NodeExtras
  clock: Clock
  ids: IdSource
}
