/**
 * Installing from source, as `npm install git+https://…/alfresco-mock-server.git` does (issue 14,
 * item 1): npm clones the repository, installs its dependencies there, runs `prepare` (which
 * builds dist/), packs the result by `files` and installs that. Here the repository is this
 * checkout's committed HEAD, through git+file://, from npm's cache (`--prefer-offline`).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { childEnv, run, type RunResult } from './run.js'

const ROOT = process.cwd()
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
let work: string
let project: string
let installed: string

async function succeeds(result: Promise<RunResult>): Promise<RunResult> {
  const r = await result
  if (r.code !== 0) throw new Error(`exit ${r.code ?? r.signal}:\n${r.output}`)
  return r
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'alfresco-mock-git-'))
  // A bare copy of the committed history: what a git host serves.
  const repo = join(work, 'alfresco-mock-server.git')
  execFileSync('git', ['clone', '--quiet', '--bare', '--no-hardlinks', ROOT, repo])
  project = join(work, 'consumer')
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }))
  // npm installs the clone's dev dependencies and builds there: minutes on a busy machine.
  await succeeds(run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `git+file://${repo}`], project, childEnv(), 540_000))
  installed = join(project, 'node_modules', 'alfresco-mock-server')
}, 600_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('a git install of the repository', () => {
  it('has dist/ built by prepare, with types, and only the published files', () => {
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/jest.cjs', 'dist/vitest.js', 'dist/cli.cjs']) {
      expect(existsSync(join(installed, file)), file).toBe(true)
    }
    expect(existsSync(join(installed, 'src', 'index.ts'))).toBe(false)
    expect(existsSync(join(installed, 'tsup.config.ts'))).toBe(false)
  })

  it('runs both bins', async () => {
    for (const bin of ['alfresco-mock-server', 'alfresco-mock']) {
      const r = await succeeds(run(join(project, 'node_modules', '.bin', bin), ['--version'], project))
      expect(r.stdout, bin).toBe(`${version}\n`)
    }
  })

  it('loads with require() and with import, and serves a request in-process', async () => {
    const script = (load: string) =>
      `${load}\nconst mock = createAlfrescoMock({ clock: 'manual' })\n` +
      "mock.fetch(new Request('http://mock/__mock/health')).then((r) => r.json()).then((h) => console.log(h.status, typeof mock.clock.advance))"
    const cjs = await succeeds(run(process.execPath, ['-e', script("const { createAlfrescoMock } = require('alfresco-mock-server')")], project))
    expect(cjs.stdout).toBe('UP function\n')
    const esm = await succeeds(run(process.execPath, ['--input-type=module', '-e', script("import { createAlfrescoMock } from 'alfresco-mock-server'")], project))
    expect(esm.stdout).toBe('UP function\n')
  })

  it('keeps prepare harmless in the installed copy, should npm ever run it there', async () => {
    const before = readFileSync(join(installed, 'dist', 'index.js'), 'utf8')
    await succeeds(run('npm', ['run', 'prepare', '--silent'], installed))
    expect(readFileSync(join(installed, 'dist', 'index.js'), 'utf8')).toBe(before)
  })
})
