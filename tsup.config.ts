import { readFileSync } from 'node:fs'
import { defineConfig, type Options } from 'tsup'

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }

// The package's modules (ESM for modern users, CommonJS for Jest users who `require()` it) and the CLI.
const library: Options = {
  // The test-runner helpers sit beside index at the top of dist/ (src/paths.ts finds the package
  // root one level up) and are separate entries, so loading the package never loads a runner.
  entry: { index: 'src/index.ts', vitest: 'src/testing/vitest.ts', jest: 'src/testing/jest.ts' },
  format: ['esm', 'cjs'],
  // Shared chunks in both formats: require('alfresco-mock-server') and require('…/jest') must be one
  // module graph, or a class from one is not the class of the other (instanceof fails across them).
  splitting: true,
  dts: true,
  target: 'node20',
  platform: 'node',
  // Maps without the sources' text: stack traces (node --enable-source-maps) still name src/ files
  // and lines, at a tenth of the size; the sources themselves are in the repository.
  sourcemap: true,
  esbuildOptions: (options) => void (options.sourcesContent = false),
  clean: true,
  shims: true,
}

const cli: Options = {
  entry: { cli: 'src/cli.ts' },
  // One CommonJS file: Node 20 loads it faster than ESM chunks, which keeps the CLI ready within
  // 1.5x of a bare node:http server (test/bench/startup.mjs). No source map: it would be mostly hono's.
  format: ['cjs'],
  splitting: false,
  shims: true,
  target: 'node20',
  platform: 'node',
  banner: { js: '#!/usr/bin/env node' },
  define: { __VERSION__: JSON.stringify(version) },
  // hono is ~60 small ESM files: bundled, they start measurably faster.
  noExternal: [/^hono(\/|$)/, /^@hono\/node-server(\/|$)/],
}

// TSUP_ONLY=cli builds the CLI alone (npm start, test/tools/start.mjs): no types, no clean, a second.
export default defineConfig(process.env.TSUP_ONLY === 'cli' ? [cli] : [library, cli])
