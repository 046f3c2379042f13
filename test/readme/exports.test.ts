/**
 * Every export of the package is documented in the README's Exports table, with the entry points
 * it comes from, and the table names nothing the package does not export.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = process.cwd()
const ENTRIES = { 'alfresco-mock-server': 'src/index.ts', '…/vitest': 'src/testing/vitest.ts', '…/jest': 'src/testing/jest.ts' } as const
type Entry = keyof typeof ENTRIES

/** The names each entry point exports, values and types, as TypeScript sees them. */
function exportsOf(): Map<Entry, string[]> {
  const files = Object.values(ENTRIES).map((f) => join(ROOT, f))
  const program = ts.createProgram(files, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, skipLibCheck: true, noEmit: true })
  const checker = program.getTypeChecker()
  return new Map(
    (Object.entries(ENTRIES) as [Entry, string][]).map(([entry, file]) => {
      const symbol = checker.getSymbolAtLocation(program.getSourceFile(join(ROOT, file))!)!
      return [entry, checker.getExportsOfModule(symbol).map((s) => s.name)]
    }),
  )
}

/** The README's table: each documented name with the entry points its row names. */
function documented(): Map<string, Entry[]> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const table = readme.slice(readme.indexOf('## Exports'), readme.indexOf('\n## ', readme.indexOf('## Exports') + 1))
  const out = new Map<string, Entry[]>()
  for (const line of table.split('\n').filter((l) => l.startsWith('| `'))) {
    const [names = '', from = ''] = line.split(' | ')
    const entries = from.includes('all three') ? (Object.keys(ENTRIES) as Entry[]) : (Object.keys(ENTRIES) as Entry[]).filter((e) => from.includes(`\`${e}\``))
    for (const [, name] of names.matchAll(/`([A-Za-z_$][\w$]*)/g)) out.set(name!, entries)
  }
  return out
}

describe("the README's Exports table", () => {
  const actual = exportsOf()
  const table = documented()

  it('documents every export of every entry point, with that entry point', () => {
    const missing = [...actual].flatMap(([entry, names]) => names.filter((n) => !table.get(n)?.includes(entry)).map((n) => `${n} (${entry})`))
    expect(missing, 'exports the README does not document (or not for this entry point)').toEqual([])
    expect([...actual.values()].flat().length).toBeGreaterThan(40)
  })

  it('names nothing the package does not export from the entry points it gives', () => {
    const extra = [...table].flatMap(([name, entries]) => (entries.length === 0 ? [`${name} (no entry point)`] : entries.filter((e) => !actual.get(e)!.includes(name)).map((e) => `${name} (${e})`)))
    expect(extra).toEqual([])
  })
})

describe("the README's npx commands", () => {
  it('name this package, never the bare alfresco-mock (a name npx would look up in the registry)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const shell = [...readme.matchAll(/\bnpx\s+(?:-{1,2}[\w-]+(?:[= ]\S+)?\s+)*([\w@./-]+)/g)].map((m) => m[1])
    const spawned = [...readme.matchAll(/spawn\('npx', \['([^']+)'/g)].map((m) => m[1])
    // Other npx commands (npx vitest in a clone) are not the mock's.
    const mock = [...shell, ...spawned].filter((name) => name?.startsWith('alfresco'))
    expect(mock.length).toBeGreaterThanOrEqual(4)
    expect([...new Set(mock)]).toEqual(['alfresco-mock-server'])
  })
})
