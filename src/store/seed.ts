import type { AuthStore } from './auth-store.js'
import type { ExtrasSeed } from './extras.js'
import type { ModelSet } from './model-types.js'
import type { NodeStore } from './node-store.js'
import { DOWNLOADS_CONTAINER_ID, type MockNode, type MockUser } from './types.js'

/**
 * The frozen result of loading a fixture file: plain data, parents before children.
 * `reset()` re-seeds the stores from it, so it must never be mutated.
 */
export interface SeedData {
  readonly users: readonly MockUser[]
  readonly tickets: readonly { readonly id: string; readonly userId: string }[]
  readonly nodes: readonly MockNode[]
  /** The `settings:` block of the fixture file, already validated (see fixtures/schema.ts). */
  readonly settings: Readonly<Record<string, unknown>>
  /** The fixture file's own content models (`models:`), added to ACS's. */
  readonly models?: ModelSet
  /** Where the data came from, for messages. */
  readonly source: string
  /** Versions, tags, comments, categories and ratings (seeded by seedExtras). */
  readonly extras?: ExtrasSeed
}

/** Fills empty stores from seed data. Nodes are copied so the seed stays untouched. */
export function seedStores(data: SeedData, store: NodeStore, auth: AuthStore, now: number): void {
  store.clear()
  auth.clear()
  for (const user of data.users) auth.addUser({ ...user })
  for (const node of data.nodes) {
    store.add({
      ...node,
      aspectNames: [...node.aspectNames],
      properties: { ...node.properties },
      ...(node.readers ? { readers: [...node.readers] } : {}),
      ...(node.writers ? { writers: [...node.writers] } : {}),
    })
  }
  if (!store.get(DOWNLOADS_CONTAINER_ID)) {
    // /sys:system/sys:downloads: outside Company Home, readable by nobody but admins (downloadsSpace.xml).
    store.add({
      id: DOWNLOADS_CONTAINER_ID,
      name: 'downloads',
      nodeType: 'cm:folder',
      isFolder: true,
      parentId: undefined,
      createdAt: now,
      modifiedAt: now,
      createdBy: 'System',
      modifiedBy: 'System',
      aspectNames: ['cm:auditable'],
      properties: {},
      readers: [],
      writers: [],
      system: true,
    })
  }
  for (const t of data.tickets) auth.addTicket(t.id, t.userId, now)
}
