import { matchesPattern, segments } from './routes.js'
import type { DownloadScript, DownloadScriptSource, FaultHit, FaultRule, Firing, Scenario } from './types.js'

/** What the engine needs to know about a request. The user is asked for only when a rule needs it. */
export interface RequestFacts {
  method: string
  /** The concrete path relative to the API base, e.g. `/downloads/abc`. */
  path: string
  user?: () => string | undefined
  header: (name: string) => string | undefined
}

/**
 * Runs one scenario: picks the fault for each request and the script for each new download.
 * Pure (no HTTP, no clock): counters and seeded random draws only, so the same requests in the
 * same order always get the same faults.
 *
 * Each rule counts the requests it matches, whether or not an earlier rule fired for them, so
 * `on: [3]` always means "the third matching request"; the first rule that fires wins.
 */
export class ScenarioEngine implements DownloadScriptSource {
  readonly #patterns: readonly (readonly string[] | undefined)[]
  #hits: number[] = []
  #draws: (() => number)[] = []
  #downloads = 0

  constructor(readonly scenario: Scenario) {
    this.#patterns = scenario.faults.map((r) => (r.match.path ? segments(r.match.path) : undefined))
    this.reset()
  }

  get name(): string {
    return this.scenario.name
  }

  /** The fault to apply to this request, if a rule fires. */
  pick(request: RequestFacts): FaultHit | undefined {
    const path = segments(request.path)
    let user: { id: string | undefined } | undefined
    const userId = () => (user ??= { id: request.user?.() }).id
    let hit: FaultHit | undefined
    for (const rule of this.scenario.faults) {
      if (!this.#matches(rule, request, path, userId)) continue
      const n = ++this.#hits[rule.index]!
      if (this.#fires(rule.firing, n, rule.index) && !hit) {
        hit = { scenario: this.name, rule: rule.index, action: rule.action }
      }
    }
    return hit
  }

  /** How many requests each rule has matched since the last reset. */
  get hits(): readonly number[] {
    return [...this.#hits]
  }

  /** How many downloads were created under this scenario since the last reset. */
  get downloadsCreated(): number {
    return this.#downloads
  }

  claimDownloadScript(nodeIds: readonly string[]): DownloadScript | undefined {
    this.#downloads += 1
    return this.downloadScriptFor({ nth: this.#downloads, nodeIds })
  }

  downloadScriptFor(download: { nth: number; nodeIds: readonly string[] }): DownloadScript | undefined {
    const index = this.scenario.downloads.findIndex(({ match }) => {
      if (match.nth !== undefined && match.nth !== download.nth) return false
      return match.nodeIds === undefined || match.nodeIds.some((id) => download.nodeIds.includes(id))
    })
    const rule = this.scenario.downloads[index]
    return rule ? { scenario: this.name, rule: index, steps: rule.steps } : undefined
  }

  /** Counters to zero, random draws back to their seeds. */
  reset(): void {
    this.#hits = this.scenario.faults.map(() => 0)
    this.#draws = this.scenario.faults.map((r) => mulberry32(r.firing.kind === 'probability' ? r.firing.seed : 0))
    this.#downloads = 0
  }

  #matches(rule: FaultRule, request: RequestFacts, path: string[], userId: () => string | undefined): boolean {
    const m = rule.match
    if (m.method && m.method !== request.method.toUpperCase()) return false
    const pattern = this.#patterns[rule.index]
    if (pattern && !matchesPattern(pattern, path)) return false
    if (m.header && Object.entries(m.header).some(([k, v]) => request.header(k) !== v)) return false
    return m.user === undefined || m.user === userId()
  }

  #fires(firing: Firing, n: number, index: number): boolean {
    switch (firing.kind) {
      case 'always':
        return true
      case 'on':
        return firing.matches.includes(n)
      case 'count':
        return n > firing.after && (firing.times === undefined || n <= firing.after + firing.times)
      case 'probability':
        // One draw per match, fired or not, so the sequence depends only on the seed and the count.
        return this.#draws[index]!() < firing.probability
    }
  }
}

/** A small seeded PRNG (mulberry32): uniform in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
