/**
 * The README's Node.js table says what CI does: the lines .ci/run tests are the ones the table
 * lists, and package.json's engines accept the oldest.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { section } from '../tools/readme-sections.js'

const ROOT = process.cwd()

describe("the README's Node.js versions", () => {
  it('are the lines .ci/run runs the whole suite on, and engines allows the oldest', () => {
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8')
    const lines = /^NODE_LINES=\(([\d ]+)\)$/m.exec(ci)?.[1]?.split(' ').map(Number)
    expect(lines).toEqual([20, 22, 24, 26])
    const table = section(readFileSync(join(ROOT, 'README.md'), 'utf8'), 'node-support')
    const rows = table.split('\n').filter((l) => /^\| \d/.test(l))
    expect(rows.map((r) => Number(/^\| (\d+)/.exec(r)![1]))).toEqual(lines)
    for (const row of rows) expect(row).toMatch(/\| the whole suite \|$/)
    const { engines } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }
    expect(engines.node).toBe('>=20.19')
    expect(rows[0]).toContain('20.19 or later')
  })

  it('include the one running this test', () => {
    const major = Number(process.versions.node.split('.')[0])
    expect(section(readFileSync(join(ROOT, 'README.md'), 'utf8'), 'node-support')).toMatch(new RegExp(`^\\| ${major} `, 'm'))
  })
})
