import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }

// ESM for modern users and the CLI, CommonJS for Jest users who `require()` the package.
export default defineConfig([
  {
    // The test-runner helpers sit beside index at the top of dist/ (src/paths.ts finds the package
    // root one level up) and are separate entries, so loading the package never loads a runner.
    entry: { index: 'src/index.ts', vitest: 'src/testing/vitest.ts', jest: 'src/testing/jest.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    clean: true,
    shims: true,
  },
  {
    entry: { cli: 'src/cli.ts' },
    // One CommonJS file: Node 20 loads it faster than ESM chunks, which keeps the CLI ready within
    // 1.5x of a bare node:http server (test/bench/startup.mjs).
    format: ['cjs'],
    splitting: false,
    shims: true,
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(version) },
    // hono is ~60 small ESM files: bundled, they start measurably faster.
    noExternal: [/^hono(\/|$)/, /^@hono\/node-server(\/|$)/],
  },
])
