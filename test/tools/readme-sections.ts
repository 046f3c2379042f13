/**
 * README sections generated from the code: the CLI's --help and the packaged scenario list.
 * test/unit/readme-sections.test.ts fails while README.md differs from a fresh render.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { HELP } from '../../src/cli-args.js'

const ROOT = process.cwd()

export function renderCliHelp(): string {
  return '```text\n' + HELP + '\n```'
}

export function renderScenarioList(): string {
  const dir = join(ROOT, 'scenarios')
  const rows = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const doc = parse(readFileSync(join(dir, f), 'utf8')) as { name?: string; description?: string }
      const name = doc.name ?? f.replace(/\.yaml$/, '')
      return `| \`${name}\` | ${(doc.description ?? '').replace(/\s+/g, ' ').trim()} |`
    })
  return ['| scenario | what it does |', '| --- | --- |', ...rows].join('\n')
}

/** The README with one generated section replaced. */
export function replaceSection(readme: string, marker: string, body: string): string {
  const open = `<!-- ${marker} -->`
  const close = `<!-- /${marker} -->`
  const i = readme.indexOf(open)
  const j = readme.indexOf(close)
  if (i < 0 || j < i) throw new Error(`README.md has no ${open} … ${close} section`)
  return `${readme.slice(0, i + open.length)}\n${body}\n${readme.slice(j)}`
}

export function section(readme: string, marker: string): string {
  const open = `<!-- ${marker} -->`
  const i = readme.indexOf(open)
  const j = readme.indexOf(`<!-- /${marker} -->`)
  return readme.slice(i + open.length, j).trim()
}

export const GENERATED: Record<string, () => string> = {
  'cli-help': renderCliHelp,
  'scenario-list': renderScenarioList,
}

// `npm run readme` (bundled first, so the check is on argv): rewrites the generated sections.
if (process.argv[1]?.includes('readme-sections')) {
  const { writeFileSync } = await import('node:fs')
  const path = join(process.cwd(), 'README.md')
  const before = readFileSync(path, 'utf8')
  let after = before
  for (const [marker, render] of Object.entries(GENERATED)) after = replaceSection(after, marker, render())
  if (after !== before) writeFileSync(path, after)
  console.log(after === before ? 'README sections are up to date' : 'wrote README.md sections')
}
