import type { Reporter, TestModule } from 'vitest/node'

/**
 * Prints one plain closing line after vitest's own summary — `N passed, N failed` (and
 * `, N skipped` when some were) — the form CI machines read in any language. It counts every test
 * of the run, so the conformance report's own `N passed, N failed` line is not the last word.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 }
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') counts.passed++
        else if (state === 'failed') counts.failed++
        else counts.skipped++
      }
      if (module.state() === 'failed' && module.children.size === 0) counts.failed++ // failed to load
    }
    const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : ''
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed${skipped}\n`)
  }
}
