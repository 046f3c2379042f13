import Ajv from 'ajv'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadFixtures } from '../../src/fixtures/load.js'
import { PACKAGED_FIXTURES_DIR } from '../../src/paths.js'
import type { SeedData } from '../../src/store/seed.js'
import { generatedFiles } from '../tools/write-schemas.js'

const ctx = { packagedDir: PACKAGED_FIXTURES_DIR, defaultDate: 0 }
const tmp = mkdtempSync(join(tmpdir(), 'alfresco-mock-fixtures-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** Seed data as plain JSON (lazy loaders are functions, compared by what they make). */
const plain = (seed: SeedData) =>
  JSON.parse(JSON.stringify(seed, (key, value: unknown) => (key === 'load' && typeof value === 'function' ? 'lazy' : value))) as unknown

/** A copy of the packaged fixtures without the compiled files, so they load from YAML. */
function yamlOnlyCopy(): string {
  const dir = mkdtempSync(join(tmp, 'copy-'))
  cpSync(PACKAGED_FIXTURES_DIR, dir, { recursive: true, filter: (src) => !src.endsWith('.compiled.json') })
  return dir
}

describe('the generated fixture files', () => {
  it('are up to date: fixtures.schema.json and every .compiled.json match a fresh generation (npm run schemas)', () => {
    const files = generatedFiles(PACKAGED_FIXTURES_DIR)
    expect(files.map((f) => f.path.slice(PACKAGED_FIXTURES_DIR.length)).sort()).toEqual([
      'default.compiled.json',
      'fixtures.schema.json',
      'minimal.compiled.json',
    ])
    for (const { path, text } of files) expect(readFileSync(path, 'utf8'), path).toBe(text)
  })

  it('include a JSON Schema that accepts the packaged fixtures and rejects typos, with descriptions for editors', () => {
    const schema = JSON.parse(readFileSync(join(PACKAGED_FIXTURES_DIR, 'fixtures.schema.json'), 'utf8'))
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)
    for (const name of ['default', 'minimal']) {
      const ok = validate(parse(readFileSync(join(PACKAGED_FIXTURES_DIR, `${name}.yaml`), 'utf8')))
      expect(validate.errors ?? [], name).toEqual([])
      expect(ok).toBe(true)
    }
    expect(validate({ nodes: [{ name: 'a', contnet: 'x' }] })).toBe(false)
    expect(schema.definitions.Node.properties.size.description).toContain('50MiB')
    expect(schema.definitions.Node.properties.children.items).toEqual({ $ref: '#/definitions/Node' })
  })

  it('load the packaged fixtures exactly as their YAML does', () => {
    const dir = yamlOnlyCopy()
    for (const name of ['default', 'minimal']) {
      const fromYaml = loadFixtures(name, { ...ctx, packagedDir: dir })
      const fromCompiled = loadFixtures(name, ctx)
      expect({ ...(plain(fromCompiled) as object), source: '' }).toEqual({ ...(plain(fromYaml) as object), source: '' })
    }
  })

  it('are ignored once the YAML changes, so a stale compiled file never serves old data', () => {
    const dir = mkdtempSync(join(tmp, 'stale-'))
    cpSync(PACKAGED_FIXTURES_DIR, dir, { recursive: true })
    const file = join(dir, 'minimal.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('Hello, world!', 'Changed text!'))
    const seed = loadFixtures('minimal', { ...ctx, packagedDir: dir })
    const hello = seed.nodes.find((n) => n.name === 'hello.txt')!
    expect(Buffer.from((hello.content!.source as { bytes: Uint8Array }).bytes).toString()).toBe('Changed text!\n')
  })
})
