import type { Dictionary } from '../model/dictionary.js'
import { convertValue, type StoredValue } from '../model/values.js'

/** The parts of a node that aspects change. */
export interface AspectTarget {
  aspectNames: string[]
  properties: Record<string, unknown>
}

/**
 * DbNodeServiceImpl.addAspect: the aspect, the mandatory aspects of it and its ancestors, and the
 * defaults of their properties where the node has no value yet. sys: aspects are implied by every
 * node and not stored (NodesImpl never shows them).
 */
export function addAspect(dict: Dictionary, node: AspectTarget, name: string): void {
  if (name.startsWith('sys:') || node.aspectNames.includes(name)) return
  node.aspectNames.push(name)
  applyDefaults(dict, node, name)
  for (const m of dict.mandatoryAspects(name)) addAspect(dict, node, m)
}

/** The mandatory aspects and property defaults a new node of `type` gets (createNode). */
export function initType(dict: Dictionary, node: AspectTarget, type: string): void {
  applyDefaults(dict, node, type)
  for (const m of dict.mandatoryAspects(type)) addAspect(dict, node, m)
}

function applyDefaults(dict: Dictionary, node: AspectTarget, cls: string): void {
  for (const p of dict.properties(cls)) {
    if (p.default === undefined || node.properties[p.name] !== undefined) continue
    try {
      node.properties[p.name] = convertValue(dict, dict.property(p.name)!, p.default)
    } catch {
      // A default the model cannot convert is left unset, as ACS logs and skips it.
    }
  }
}

/**
 * DbNodeServiceImpl.addProperties adds the aspect that declares a property the node does not have
 * yet (setting cm:title adds cm:titled).
 */
export function addImpliedAspects(dict: Dictionary, node: AspectTarget & { nodeType: string }, names: Iterable<string>): void {
  for (const name of names) {
    if (node.properties[name] === undefined || node.properties[name] === null) continue
    const container = dict.property(name)?.container
    if (!container || container.kind !== 'aspect') continue
    if (!node.aspectNames.some((a) => dict.isSubClass(a, container.name))) addAspect(dict, node, container.name)
  }
}

/** removeAspect: the aspect goes, with the properties only it declared. */
export function removeAspect(dict: Dictionary, node: AspectTarget & { nodeType: string }, name: string): void {
  node.aspectNames = node.aspectNames.filter((a) => a !== name)
  const kept = new Set([node.nodeType, ...node.aspectNames].flatMap((c) => dict.properties(c).map((p) => p.name)))
  for (const p of dict.properties(name)) if (!kept.has(p.name)) delete node.properties[p.name]
}

/** Sets (or with null, unsets) converted properties on a node. */
export function setProperties(node: AspectTarget, values: ReadonlyMap<string, StoredValue>): void {
  for (const [name, value] of values) {
    if (value === null) delete node.properties[name]
    else node.properties[name] = value
  }
}
