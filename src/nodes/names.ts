import type { NodeStore } from '../store/node-store.js'

/** ACS compares child names case-insensitively (the child association's name is lower-cased). */
export function nameTakenBy(store: NodeStore, parentId: string, name: string, exceptId?: string): boolean {
  const lower = name.toLowerCase()
  return store.children(parentId).some((n) => n.id !== exceptId && n.name.toLowerCase() === lower)
}

/** NodesImpl.findUniqueName: `name-1.txt`, `name-2.txt`…; `.txt` → `1.txt`; no dot → `name-1`. */
export function uniqueName(store: NodeStore, parentId: string, name: string): string {
  const dot = name.lastIndexOf('.')
  for (let counter = 1; ; counter++) {
    const candidate =
      dot === 0 ? `${counter}${name}` : dot > 0 ? `${name.slice(0, dot)}-${counter}${name.slice(dot)}` : `${name}-${counter}`
    if (!nameTakenBy(store, parentId, candidate)) return candidate
  }
}
