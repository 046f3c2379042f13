import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GENERATED, section } from '../tools/readme-sections.js'

const README = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8')

describe('README sections generated from the code', () => {
  for (const [marker, render] of Object.entries(GENERATED)) {
    it(`shows the current ${marker} (regenerate with the "readme" npm script)`, () => {
      expect(section(README, marker)).toBe(render().trim())
    })
  }

  it('lists every packaged scenario with its description', () => {
    const list = section(README, 'scenario-list')
    for (const name of ['stuck-pending', 'stuck-in-progress', 'flaky-status', 'slow-zip', 'ticket-expires']) {
      expect(list).toContain(`\`${name}\``)
    }
  })
})
