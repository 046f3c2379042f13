import { errors } from '../errors.js'
import type { Paging } from './envelope.js'

type Query = (name: string) => string | undefined

/** skipCount/maxItems with ACS's defaults and messages (RecognizedParamsExtractor, Paging). */
export function parsePaging(query: Query): Paging {
  return {
    skipCount: parseCount(query('skipCount'), 'skipCount', 0),
    maxItems: parseCount(query('maxItems'), 'maxItems', 100),
  }
}

function parseCount(raw: string | undefined, name: 'skipCount' | 'maxItems', fallback: number): number {
  if (raw === undefined || raw === '') return fallback
  if (!/^-?\d+$/.test(raw.trim())) throw errors.invalidParameter(`Invalid paging parameter ${name}:${raw}`)
  const value = Number(raw)
  if (name === 'skipCount' && value < 0) throw errors.invalidParameter('Negative values not supported for skipCount.')
  if (name === 'maxItems' && value < 1) throw errors.invalidParameter('Only positive values supported for maxItems.')
  return value
}

/** A comma-separated list parameter (`include`, `fields`); repeated parameters are merged. */
export function parseList(values: readonly string[] | undefined): string[] | undefined {
  if (!values || values.length === 0) return undefined
  const out = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '')
  return out.length ? out : undefined
}

/** ACS parses booleans with Boolean.valueOf: only "true" (any case) is true. */
export function parseBool(raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback
  return raw.toLowerCase() === 'true'
}
