/**
 * Writes the generated files beside the packaged fixtures: fixtures/fixtures.schema.json (the
 * JSON Schema for editors) and fixtures/<name>.compiled.json (the validated form start-up reads).
 * Run `npm run schemas` after changing src/fixtures/schema.ts or a packaged fixture file;
 * test/unit/fixtures-schema.test.ts fails while they are stale.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { compiledPathFor } from '../../src/fixtures/compiled.js'
import { fixturesJsonSchemaText } from '../../src/fixtures/json-schema.js'
import { compileFixtureFile } from '../../src/fixtures/load.js'

export interface GeneratedFile {
  path: string
  text: string
}

/** Every generated file under `fixturesDir`, with the text it should have. */
export function generatedFiles(fixturesDir: string): GeneratedFile[] {
  const yamls = readdirSync(fixturesDir).filter((f) => /\.ya?ml$/.test(f)).sort()
  return [
    { path: join(fixturesDir, 'fixtures.schema.json'), text: fixturesJsonSchemaText() },
    ...yamls.map((f) => ({ path: compiledPathFor(join(fixturesDir, f)), text: compileFixtureFile(join(fixturesDir, f)) })),
  ]
}

/** Writes the files that changed; returns their paths. */
export function writeGeneratedFiles(fixturesDir: string): string[] {
  const written: string[] = []
  for (const { path, text } of generatedFiles(fixturesDir)) {
    let current: string | undefined
    try {
      current = readFileSync(path, 'utf8')
    } catch {
      current = undefined
    }
    if (current === text) continue
    writeFileSync(path, text)
    written.push(path)
  }
  return written
}

// Run by `npm run schemas` from the package root (bundled first, so the check is on argv).
if (process.argv[1]?.includes('write-schemas')) {
  const written = writeGeneratedFiles(join(process.cwd(), 'fixtures'))
  console.log(written.length ? `wrote ${written.join(', ')}` : 'generated files are up to date')
}
