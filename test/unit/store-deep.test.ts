import { describe, expect, it } from 'vitest'
import { CategoryStore } from '../../src/store/categories.js'
import { NodeStore } from '../../src/store/node-store.js'
import type { MockNode } from '../../src/store/types.js'

// Issue 8 item 3: walks of the stores are iterative, so chains thousands deep neither overflow
// the stack nor cost quadratic time.
const DEPTH = 20_000

describe('deep chains in the stores', () => {
  it('detaches a node chain 20,000 deep, parents before children, and lists its ancestors in order', () => {
    const store = new NodeStore()
    const node = (i: number): MockNode => ({
      id: `n${i}`,
      name: `n${i}`,
      nodeType: 'cm:folder',
      isFolder: true,
      parentId: i === 0 ? undefined : `n${i - 1}`,
      createdAt: 0,
      modifiedAt: 0,
      createdBy: 'admin',
      modifiedBy: 'admin',
      aspectNames: [],
      properties: {},
    })
    for (let i = 0; i < DEPTH; i++) store.add(node(i))
    const ancestors = store.ancestors(`n${DEPTH - 1}`)
    expect(ancestors).toHaveLength(DEPTH - 1)
    expect([ancestors[0]!.id, ancestors.at(-1)!.id]).toEqual(['n0', `n${DEPTH - 2}`])
    const detached = store.detach('n1')
    expect(detached.map((n) => n.id)).toEqual(Array.from({ length: DEPTH - 1 }, (_, i) => `n${i + 1}`))
    expect(store.size).toBe(1)
    expect(store.children('n0')).toEqual([])
  })

  it('removes a category chain 20,000 deep, and names its deepest category', () => {
    const store = new CategoryStore()
    for (let i = 0; i < DEPTH; i++) store.add({ id: `c${i}`, name: `c${i}`, parentId: i === 0 ? undefined : `c${i - 1}` })
    expect(store.names(`c${DEPTH - 1}`)).toHaveLength(DEPTH)
    expect(store.remove('c1')).toHaveLength(DEPTH - 1)
    expect([...store.all()].map((c) => c.id)).toEqual(['c0'])
    expect(store.children('c0')).toEqual([])
  })
})
