import type { NodeStore } from '../store/node-store.js'
import type { MockNode } from '../store/types.js'

/**
 * NodesImpl.isSpecialNode: Company Home, the Sites folder (st:sites) and sites (st:site), and the
 * Data Dictionary (Company Home's app:dictionary child). ACS refuses to lock, unlock, move or
 * delete these ("Cannot move: <id>", …), whoever asks.
 */
export function isSpecialNode(store: NodeStore, node: MockNode): boolean {
  if (node.id === store.rootId) return true
  if (node.nodeType === 'st:sites' || node.nodeType === 'st:site') return true
  return node.parentId === store.rootId && node.name === 'Data Dictionary'
}
