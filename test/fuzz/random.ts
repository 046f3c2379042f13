/** A seeded source of choices: the same seed, the same requests (mulberry32). */
export class Random {
  #a: number

  constructor(readonly seed: number) {
    this.#a = seed >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.#a = (this.#a + 0x6d2b79f5) >>> 0
    let t = Math.imul(this.#a ^ (this.#a >>> 15), this.#a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  int(max: number): number {
    return Math.floor(this.next() * max)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }
}

/** The seed CI runs with: a fixed one, so a red run is the code's doing, never the dice's. */
export const DEFAULT_FUZZ_SEED = 20261201

/**
 * The seed of a run: FUZZ_SEED when set (a number replays a failure, `random` explores a new
 * one), else DEFAULT_FUZZ_SEED. It is printed by the suite and named in every failure message.
 */
export function fuzzSeed(): number {
  const given = process.env.FUZZ_SEED
  if (given === 'random') return Math.floor(Math.random() * 2 ** 32)
  if (given !== undefined && given !== '') return Number(given) >>> 0
  return DEFAULT_FUZZ_SEED
}

/** Strings that have broken parsers, routers and lookups somewhere. */
export const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  '..',
  '%2e%2e',
  '%00',
  '%ZZ',
  '%',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '-root-',
  '-my-',
  '-shared-',
  '-me-',
  ';pwc',
  'x;1.0',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '文件',
  '💥',
  'a\u0000b',
  'a\r\nb',
  '\u2028',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e308',
  '99999999999999999999999',
  'true',
  'TRUE',
  '{id}',
  '[]',
  '{}',
]

/** A long string of `n` repeated units, such as the inputs regexps backtrack on. */
export function long(r: Random): string {
  const unit = r.pick(['a', ' ', '.', '(', ',', 'a ', '\t', '%41', 'é'])
  return unit.repeat(r.pick([1_000, 10_000, 100_000]))
}

export function oddString(r: Random): string {
  return r.chance(0.1) ? long(r) : r.pick(ODD_STRINGS)
}
