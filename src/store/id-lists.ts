import type { MockNode } from './types.js'

/**
 * A node's multi-valued reference property (d:category, d:noderef): the ids in it, written as
 * ACS's REST API shows NodeRefs, by their bare id. cm:taggable and cm:categories are two.
 */
export function idList(node: MockNode, property: string): string[] {
  const ids = node.properties[property]
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
}

/** Sets the list and adds its aspect; `dropWhenEmpty` removes both when the list is empty. */
export function setIdList(node: MockNode, property: string, aspect: string, ids: readonly string[], dropWhenEmpty: boolean): void {
  if (ids.length === 0 && dropWhenEmpty) {
    delete node.properties[property]
    node.aspectNames = node.aspectNames.filter((a) => a !== aspect)
    return
  }
  if (!node.aspectNames.includes(aspect)) node.aspectNames.push(aspect)
  node.properties[property] = [...ids]
}
