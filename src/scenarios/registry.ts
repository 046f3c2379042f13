import { ConfigFileError } from '../errors.js'
import { ScenarioEngine } from './engine.js'
import { BARE_NAME, loadScenario, packagedScenarioNames, parseScenarioText, type LoadContext } from './load.js'
import type { Scenario, ScenarioInput } from './types.js'

export interface ScenarioRegistryOptions extends LoadContext {
  /** The scenario given at start (options.scenario / --scenario); `reset()` comes back to it. */
  start?: ScenarioInput | undefined
}

/** Registered scenarios kept at most, and their total size (JSON characters, about their memory). */
export const MAX_REGISTERED_SCENARIOS = 100
export const MAX_REGISTERED_BYTES = 16 * 1024 * 1024

/**
 * The scenarios a mock knows: the active one (applies to every request), and named ones that a
 * request picks with `X-Mock-Scenario: NAME` (registered ones, then packaged ones, loaded on first
 * use). Each name has one engine, so its counters persist across requests until `reset()`.
 * Registrations survive `reset()`: they are set up once per test file, like fixtures. They are
 * bounded: past MAX_REGISTERED_SCENARIOS names or MAX_REGISTERED_BYTES, the registration used
 * least recently (registered, picked by a header or activated) is dropped — never the active one
 * or the one given at start.
 */
export class ScenarioRegistry {
  readonly #ctx: LoadContext
  readonly #engines = new Map<string, ScenarioEngine>()
  readonly #start: ScenarioEngine | undefined
  readonly #listeners = new Set<(active: ScenarioEngine | undefined) => void>()
  /** Registered names, least recently used first, with their sizes. */
  readonly #registered = new Map<string, number>()
  #registeredBytes = 0
  #packaged: string[] | undefined
  #active: ScenarioEngine | undefined

  constructor(options: ScenarioRegistryOptions) {
    this.#ctx = { packagedDir: options.packagedDir, ...(options.cwd ? { cwd: options.cwd } : {}) }
    this.#start = options.start === undefined ? undefined : this.#engineFor(loadScenario(options.start, this.#ctx))
    this.#active = this.#start
  }

  /** The scenario that applies to requests without an X-Mock-Scenario header. */
  get active(): ScenarioEngine | undefined {
    return this.#active
  }

  /** Makes a scenario the active one (counters from zero); `undefined` clears it. */
  use(input: ScenarioInput | Scenario | undefined): Scenario | undefined {
    const engine = input === undefined ? undefined : this.#engineFor(this.#load(input))
    engine?.reset()
    this.#setActive(engine)
    return engine?.scenario
  }

  /**
   * Activates a scenario sent as text (PUT /__mock/scenario): YAML or JSON, or just the name of a
   * registered or packaged scenario. Paths are not read from requests: the files are the caller's.
   */
  useText(text: string, source: string): Scenario {
    const name = text.trim()
    if (!BARE_NAME.test(name)) return this.use(parseScenarioText(text, source, 'request-body')) as Scenario
    const engine = this.named(name)
    if (!engine) throw unknownName(name, source, this.registeredNames(), this.packagedNames())
    return this.use(engine.scenario) as Scenario
  }

  /** Makes a scenario available to `X-Mock-Scenario` under `name` (default: its own name). */
  register(input: ScenarioInput | Scenario, name?: string): Scenario {
    const scenario = this.#load(input)
    const named = name === undefined || name === scenario.name ? scenario : { ...scenario, name }
    const engine = this.#engineFor(Object.freeze(named))
    this.#remember(engine.name, JSON.stringify(engine.scenario).length)
    return engine.scenario
  }

  /** Registers a scenario sent as YAML or JSON text (PUT /__mock/scenarios/NAME). */
  registerText(text: string, source: string, name: string): Scenario {
    return this.register(parseScenarioText(text, source, name), name)
  }

  /** The engine of a registered or packaged scenario, or undefined when there is none by that name. */
  named(name: string): ScenarioEngine | undefined {
    const known = this.#engines.get(name)
    if (known) {
      this.#touch(name)
      return known
    }
    if (!this.packagedNames().includes(name)) return undefined
    return this.#engineFor(loadScenario(name, this.#ctx))
  }

  /** Registered names, then packaged ones. */
  registeredNames(): string[] {
    return [...this.#engines.keys()].sort()
  }

  /** Read once: X-Mock-Scenario with an unknown name must not list a directory per request. */
  packagedNames(): string[] {
    return [...(this.#packaged ??= packagedScenarioNames(this.#ctx.packagedDir))]
  }

  /** Back to the start scenario; every counter to zero. */
  reset(): void {
    for (const engine of this.#engines.values()) engine.reset()
    this.#setActive(this.#start)
  }

  /** Called whenever the active scenario changes (mock.ts applies its auth settings). */
  onChange(listener: (active: ScenarioEngine | undefined) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  #load(input: ScenarioInput | Scenario): Scenario {
    if (isScenario(input)) return input
    // A registered name wins over a packaged scenario or a file of the same name.
    if (typeof input === 'string') {
      const registered = this.#engines.get(input)
      if (registered) return registered.scenario
    }
    return loadScenario(input, this.#ctx)
  }

  #engineFor(scenario: Scenario): ScenarioEngine {
    const known = this.#engines.get(scenario.name)
    if (known?.scenario === scenario) return known
    const engine = new ScenarioEngine(scenario)
    this.#engines.set(scenario.name, engine)
    return engine
  }

  /** A registration (re)made: it becomes the most recent; the least recent go past the bounds. */
  #remember(name: string, bytes: number): void {
    this.#registeredBytes -= this.#registered.get(name) ?? 0
    this.#registered.delete(name)
    this.#registered.set(name, bytes)
    this.#registeredBytes += bytes
    for (const [old, size] of this.#registered) {
      if (this.#registered.size <= MAX_REGISTERED_SCENARIOS && this.#registeredBytes <= MAX_REGISTERED_BYTES) break
      if (old === name || this.#engines.get(old) === this.#active || this.#engines.get(old) === this.#start) continue
      this.#registered.delete(old)
      this.#registeredBytes -= size
      this.#engines.delete(old)
    }
  }

  #touch(name: string): void {
    const size = this.#registered.get(name)
    if (size === undefined) return
    this.#registered.delete(name)
    this.#registered.set(name, size)
  }

  #setActive(engine: ScenarioEngine | undefined): void {
    if (engine) this.#touch(engine.name)
    this.#active = engine
    for (const listener of this.#listeners) listener(engine)
  }
}

function unknownName(name: string, source: string, registered: string[], packaged: string[]): ConfigFileError {
  const known = [...registered, ...packaged.filter((p) => !registered.includes(p))]
  return new ConfigFileError('scenario', source, [
    { file: source, path: '', message: `there is no scenario named "${name}". Please use one of ${known.join(', ')}.` },
  ])
}

/** A compiled scenario (from this module) rather than a file's raw object. */
function isScenario(value: unknown): value is Scenario {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.isFrozen(value) &&
    typeof (value as Scenario).source === 'string' &&
    Array.isArray((value as Scenario).faults)
  )
}
