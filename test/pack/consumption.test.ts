/**
 * The package as its users get it: `npm pack`, the tarball installed into a fresh project in a temp
 * directory, and there the CLI through npx, an ESM import under Vitest and a CommonJS require under
 * Jest. The Vitest and Jest code is README.md's own examples, so an example that stops working
 * fails here. Needs the build (`npm test` builds first; by hand: `npx tsup`).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { portIsFree } from '../support/net.js'
import { readmeExamples, type ExampleFile } from './readme-examples.js'
import { childEnv, run, startDaemon, type Daemon, type RunResult } from './run.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const bin = (path: string) => join(ROOT, 'node_modules', path)
const VITEST = bin('vitest/vitest.mjs')
const JEST = bin('jest/bin/jest.js')
const TSC = bin('typescript/bin/tsc')
const ADMIN = `Basic ${Buffer.from('admin:admin').toString('base64')}`
// The test runners and the example's client come from this project; the package under test does not.
const TOOLS = ['vitest', '@alfresco/js-api', '@types/node']

const examples = readmeExamples(join(ROOT, 'README.md'))
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
let work: string
let project: string
let tarball: string
const daemons: Daemon[] = []

beforeAll(async () => {
  for (const built of ['dist/index.js', 'dist/index.cjs', 'dist/cli.cjs', 'dist/vitest.js', 'dist/jest.cjs']) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing. Please build first: npx tsup (npm test does it).`)
  }
  work = mkdtempSync(join(tmpdir(), 'alfresco-mock-pack-'))
  project = join(work, 'consumer')
  mkdirSync(project)
  // --ignore-scripts: prepare would rebuild (and first clean) dist/ under the other test files' feet.
  const packed = await succeeds(run('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--json'], ROOT))
  tarball = join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename)
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }))
  await succeeds(run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], project))
  for (const tool of TOOLS) {
    mkdirSync(dirname(join(project, 'node_modules', tool)), { recursive: true })
    symlinkSync(bin(tool), join(project, 'node_modules', tool), 'dir')
  }
}, 120_000)

afterAll(() => {
  for (const d of daemons) d.signal('SIGKILL')
  if (work) rmSync(work, { recursive: true, force: true })
})

async function succeeds(result: Promise<RunResult>): Promise<RunResult> {
  const r = await result
  if (r.code !== 0) throw new Error(`exit ${r.code ?? r.signal}:\n${r.output}`)
  return r
}

/** Writes README example NAME (and any extra files) into the consumer project; returns its folder. */
function writeExample(name: string, extra: Omit<ExampleFile, 'example'>[] = [], type = 'module'): string {
  const files = examples.get(name)
  if (!files) throw new Error(`README.md has no <!-- example: ${name}/… --> block. Examples: ${[...examples.keys()].join(', ')}`)
  const dir = join(project, 'examples', name)
  mkdirSync(dir, { recursive: true })
  // A CommonJS or ESM project as the example says; one that brings its package.json decides itself.
  if (!files.some((f) => f.file === 'package.json')) writeFileSync(join(dir, 'package.json'), JSON.stringify({ type }))
  for (const f of [...files, ...extra]) writeFileSync(join(dir, f.file), f.code)
  return dir
}

const headers = { authorization: ADMIN }
const json = async (url: string) => {
  const res = await fetch(url, { headers })
  expect(res.status, url).toBe(200)
  return (await res.json()) as { entry: { id: string } }
}

describe('the packed tarball', () => {
  it('passes publint (entry points, exports and types as published)', async () => {
    await succeeds(run(process.execPath, [bin('publint/src/cli.js'), 'run', tarball, '--strict'], ROOT))
  })

  it('npx alfresco-mock-server --port 0 --json serves the packaged fixtures and scenarios, and stops on SIGTERM', async () => {
    const d = startDaemon('npx', ['alfresco-mock-server', '--port', '0', '--json', '--scenario', 'flaky-status'], project)
    daemons.push(d)
    const ready = JSON.parse(await d.firstLine) as { event: string; url: string; apiUrl: string }
    expect(ready.event).toBe('ready')
    expect(await (await fetch(`${ready.url}/__mock/health`)).json()).toMatchObject({ status: 'UP' })
    expect(((await (await fetch(`${ready.url}/__mock/scenario`)).json()) as { scenario: { name: string } }).scenario.name).toBe('flaky-status')
    // A file from fixtures/assets, and generated text (faker, loaded lazily) from the CommonJS bin.
    const pdf = await json(`${ready.apiUrl}/nodes/-shared-?relativePath=brochure.pdf`)
    const bytes = await (await fetch(`${ready.apiUrl}/nodes/${pdf.entry.id}/content`, { headers })).text()
    expect(bytes.startsWith('%PDF')).toBe(true)
    const lorem = await json(`${ready.apiUrl}/nodes/-shared-?relativePath=lorem.txt`)
    expect((await (await fetch(`${ready.apiUrl}/nodes/${lorem.entry.id}/content`, { headers })).text()).length).toBeGreaterThan(100)

    d.signal('SIGTERM')
    await d.closed
    expect(d.lines.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['ready', 'closing'])
    await expect(fetch(`${ready.url}/__mock/health`)).rejects.toThrow()
  })

  it('installs the bin as alfresco-mock-server and as alfresco-mock, each exiting 0 on SIGTERM', async () => {
    for (const name of ['alfresco-mock-server', 'alfresco-mock']) {
      const d = startDaemon(join(project, 'node_modules/.bin', name), ['--port', '0', '--json', '--log-level', 'silent'], project)
      daemons.push(d)
      const { url } = JSON.parse(await d.firstLine) as { url: string }
      expect((await fetch(`${url}/__mock/health`)).status).toBe(200)
      d.signal('SIGTERM')
      expect(await d.closed, name).toEqual({ code: 0, signal: null })
    }
  })

  it('npx alfresco-mock-server outside any project resolves to this package: its bin has the package name', async () => {
    // Unpublished here, so the tarball stands in for the registry's package of that name.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; bin: Record<string, string> }
    expect(Object.keys(pkg.bin)).toEqual([pkg.name, 'alfresco-mock'])
    const outside = mkdtempSync(join(work, 'outside-'))
    for (const bin of Object.keys(pkg.bin)) {
      const r = await succeeds(run('npx', ['--yes', '--prefer-offline', '--package', tarball, bin, '--version'], outside))
      expect(r.stdout.trim().split('\n').at(-1), bin).toBe(version)
    }
  })

  it('SIGTERM to the npx process alone (not its group) still stops the mock and frees its port', async () => {
    const d = startDaemon('npx', ['alfresco-mock-server', '--port', '0', '--json', '--log-level', 'silent'], project)
    daemons.push(d)
    const { url, port } = JSON.parse(await d.firstLine) as { url: string; port: number }
    expect((await fetch(`${url}/__mock/health`)).status).toBe(200)
    process.kill(d.child.pid!, 'SIGTERM')
    await d.closed // the pipe closes only once the mock, npx's grandchild, has exited too
    expect(await portIsFree(port)).toBe(true)
  })

  it('CommonJS and ESM entry points each share one module graph, so classes match across them', async () => {
    // The error a client from the jest entry throws is the main entry's MockControlError.
    const same = [
      'assert.strictEqual(main.connectAlfrescoMock, jest.connectAlfrescoMock)',
      'assert.strictEqual(main.connectAlfrescoMock, vitest.connectAlfrescoMock)',
      'const mock = await main.startAlfrescoMock({ port: 0 })',
      'const error = await jest.connectAlfrescoMock(mock.url).clock.advance(1).catch((e) => e)',
      'await mock.close()',
      'assert.ok(error instanceof main.MockControlError, String(error))',
      "console.log('one graph')",
    ]
    const cjs = [
      "const assert = require('node:assert')",
      "const main = require('alfresco-mock-server'), jest = require('alfresco-mock-server/jest'), vitest = require('alfresco-mock-server/vitest')",
      ';(async () => {',
      ...same,
      '})()',
    ]
    const esm = [
      "import assert from 'node:assert'",
      "const [main, jest, vitest] = await Promise.all(['', '/jest', '/vitest'].map((p) => import('alfresco-mock-server' + p)))",
      ...same,
    ]
    expect((await succeeds(run(process.execPath, ['-e', cjs.join('\n')], project))).stdout).toBe('one graph\n')
    expect((await succeeds(run(process.execPath, ['--input-type=module', '-e', esm.join('\n')], project))).stdout).toBe('one graph\n')
  })

  it("serves the README's $schema paths from node_modules", () => {
    const paths = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/\$schema=(\S+\.schema\.json)/g)].map((m) => m[1]!)
    expect(paths.length).toBeGreaterThanOrEqual(2)
    for (const path of paths) expect(existsSync(join(project, path)), path).toBe(true)
  })
})

describe("README's examples, run in the consumer project", () => {
  const vitest = (dir: string) => succeeds(run(process.execPath, [VITEST, 'run'], dir))

  it("the first screen's test runs as written", async () => {
    expect((await vitest(writeExample('first-test'))).output).toMatch(/Tests +1 passed/)
  })

  it('Vitest in-process: imports the package as ESM', async () => {
    expect((await vitest(writeExample('vitest-in-process'))).output).toMatch(/Tests +1 passed/)
  })

  it('Vitest with a socket and @alfresco/js-api', async () => {
    expect((await vitest(writeExample('vitest-js-api'))).output).toMatch(/Tests +1 passed/)
  })

  it('Vitest globalSetup: one mock for the run, its URL injected and in the workers’ environment', async () => {
    const envCheck = {
      file: 'env.test.ts',
      code: [
        "import { expect, inject, it } from 'vitest'",
        "import { connectAlfrescoMock } from 'alfresco-mock-server'",
        "it('sees the URL in ALFRESCO_MOCK_URL too', async () => {",
        "  expect(process.env.ALFRESCO_MOCK_URL).toBe(inject('alfrescoMockUrl'))",
        "  expect((await connectAlfrescoMock().health()).clock).toBe('manual')",
        '})',
      ].join('\n'),
    }
    expect((await vitest(writeExample('vitest-global-setup', [envCheck]))).output).toMatch(/Tests +2 passed/)
  })

  it('the Vitest examples type-check against the published types (subpath exports, inject)', async () => {
    const tsconfig = {
      compilerOptions: { strict: true, noEmit: true, module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022', lib: ['ES2023', 'DOM'], types: ['node'], skipLibCheck: true },
      include: ['examples/vitest-*/**/*.ts', 'examples/first-test/**/*.ts'],
    }
    for (const name of ['first-test', 'vitest-in-process', 'vitest-js-api', 'vitest-global-setup']) writeExample(name)
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig))
    symlinkOnce('typescript')
    await succeeds(run(process.execPath, [TSC, '-p', 'tsconfig.json'], project))
  })

  it('Jest globalSetup: requires the package as CommonJS, in two workers', async () => {
    const envCheck = {
      file: 'env.test.js',
      code: [
        "const { connectAlfrescoMock } = require('alfresco-mock-server')",
        "test('sees ALFRESCO_MOCK_URL in a worker', async () => {",
        "  expect((await connectAlfrescoMock(process.env.ALFRESCO_MOCK_URL).health()).status).toBe('UP')",
        '})',
      ].join('\n'),
    }
    const dir = writeExample('jest-global-setup', [envCheck], 'commonjs')
    const result = await succeeds(run(process.execPath, [JEST, '--ci', '--maxWorkers=2'], dir))
    expect(result.output).toMatch(/Tests: +3 passed, 3 total/)
  })

  it('npx from a script: the command runs with ALFRESCO_MOCK_URL and the mock stops after it', async () => {
    const check = {
      file: 'check.mjs',
      code: [
        "import { connectAlfrescoMock } from 'alfresco-mock-server'",
        'const mock = connectAlfrescoMock()',
        `const res = await fetch(\`\${mock.apiUrl}/nodes/-root-\`, { headers: { authorization: '${ADMIN}' } })`,
        "console.log('checked', (await mock.health()).status, res.status, mock.url)",
      ].join('\n'),
    }
    // No package.json of its own: npx finds the bin the consumer project installed.
    const dir = writeExample('npx-script', [check], '')
    rmSync(join(dir, 'package.json'))
    const result = await succeeds(run(process.execPath, ['with-mock.mjs', process.execPath, 'check.mjs'], dir, childEnv()))
    const url = /checked UP 200 (\S+)/.exec(result.stdout)?.[1]
    expect(url, result.output).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    await expect(fetch(`${url}/__mock/health`)).rejects.toThrow()
  })

  it('npx from a script, interrupted: the command gets the signal, and the mock stops with the script', async () => {
    // The command prints the mock's URL, then waits for a signal (an idle timer keeps it alive).
    const waiting = {
      file: 'wait.mjs',
      code: "console.log(process.env.ALFRESCO_MOCK_URL)\nprocess.on('SIGTERM', () => (console.log('got SIGTERM'), process.exit(143)))\nsetInterval(() => undefined, 1 << 30)\n",
    }
    const dir = writeExample('npx-script', [waiting], '')
    rmSync(join(dir, 'package.json'))
    const d = startDaemon(process.execPath, ['with-mock.mjs', process.execPath, 'wait.mjs'], dir)
    daemons.push(d)
    const url = await d.firstLine
    expect((await fetch(`${url}/__mock/health`)).status).toBe(200)
    process.kill(d.child.pid!, 'SIGTERM') // the script alone, as a CI runner's timeout would
    // Resolves once every writer of the pipe has gone: the script, the command and the mock.
    expect(await d.closed).toEqual({ code: 143, signal: null })
    expect(d.lines).toContain('got SIGTERM')
    await expect(fetch(`${url}/__mock/health`)).rejects.toThrow()
  })

  it('npx from a script, with a command that cannot start: it says so, exits 127 and stops the mock', async () => {
    const dir = writeExample('npx-script', [], '')
    rmSync(join(dir, 'package.json'), { force: true })
    // run() resolves when the output pipes close, which the mock (it inherits stderr) holds until it exits.
    const result = await run(process.execPath, ['with-mock.mjs', 'no-such-command-anywhere'], dir, childEnv())
    expect(result.code).toBe(127)
    expect(result.output).toContain('with-mock: cannot run no-such-command-anywhere: spawn no-such-command-anywhere ENOENT')
  })
})


function symlinkOnce(tool: string): void {
  const target = join(project, 'node_modules', tool)
  if (!existsSync(target)) symlinkSync(bin(tool), target, 'dir')
}
