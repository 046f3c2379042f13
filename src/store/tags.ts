import { idList, setIdList } from './id-lists.js'
import type { MockNode } from './types.js'

/** cm:taggable: the aspect a tagged node has, and its property listing the tag ids (d:category). */
export const TAGGABLE = 'cm:taggable'

/** A tag: in ACS a cm:category below the cm:taggable classification root, named in lower case. */
export interface TagRecord {
  readonly id: string
  name: string
}

/** The tags of the repository by id and by (lower-case) name. */
export class TagStore {
  readonly #byId = new Map<string, TagRecord>()
  readonly #byName = new Map<string, TagRecord>()

  get(id: string): TagRecord | undefined {
    return this.#byId.get(id)
  }

  named(name: string): TagRecord | undefined {
    return this.#byName.get(name.toLowerCase())
  }

  all(): TagRecord[] {
    return [...this.#byId.values()]
  }

  add(tag: TagRecord): TagRecord {
    this.#byId.set(tag.id, tag)
    this.#byName.set(tag.name, tag)
    return tag
  }

  rename(tag: TagRecord, name: string): void {
    this.#byName.delete(tag.name)
    tag.name = name
    this.#byName.set(name, tag)
  }

  remove(tag: TagRecord): void {
    this.#byId.delete(tag.id)
    this.#byName.delete(tag.name)
  }

  clear(): void {
    this.#byId.clear()
    this.#byName.clear()
  }
}

/** The ids in a node's cm:taggable property. */
export function nodeTagIds(node: MockNode): string[] {
  return idList(node, TAGGABLE)
}

/** Sets cm:taggable; the aspect stays once added, as TaggingServiceImpl leaves it. */
export function setNodeTagIds(node: MockNode, ids: readonly string[]): void {
  setIdList(node, TAGGABLE, TAGGABLE, ids, false)
}
