import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // vitest's own report, then one plain `N passed, N failed` line for CI (test/support/summary-reporter.ts).
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Every mock in the suite validates requests against ACS's spec; the setup file fails a test
    // whose request breaks the spec yet succeeds (see test/support/validate-setup.ts).
    env: { ALFRESCO_MOCK_VALIDATE: '1' },
    setupFiles: ['test/support/validate-setup.ts'],
  },
})
