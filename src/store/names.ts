import { errors } from '../errors.js'

/**
 * The index of the first of Unicode's Cc characters (C0, DEL, C1) in a node name, or -1. ACS
 * stores such names as given and writes them into ZIP entries that tools cannot extract; the mock
 * refuses them wherever a name comes in (fixtures, create, upload, rename).
 */
export function controlCharAt(name: string): number {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i)
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) return i
  }
  return -1
}

/**
 * ACS's source has no rule against control characters in cm:name (its constraint cannot see past
 * a line break), so the mock refuses them with a 400 of its own (README: Differences).
 */
export function refuseControlChars(name: string): void {
  const at = controlCharAt(name)
  if (at < 0) return
  const code = `U+${name.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}`
  throw errors.invalidLiteral(`Name must not contain control characters (${code} at index ${at})`)
}
