import { fileURLToPath } from 'node:url'

// This file sits one level below the package root both as src/paths.ts and bundled into dist/*.js.
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url))
export const PACKAGED_FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url))
export const PACKAGED_SCENARIOS_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url))
