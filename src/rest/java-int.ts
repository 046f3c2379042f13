/**
 * java.lang.Integer.parseInt(s) (radix 10): an optional '+' or '-', then one or more decimal digits,
 * nothing else (no spaces, no '.', no exponent); any Unicode decimal digit counts, as
 * Character.digit(ch, 10) reads it (Arabic-Indic, fullwidth, …), but only in the BMP, since Java looks
 * at one UTF-16 unit at a time. Outside [-2147483648, 2147483647] is a NumberFormatException too.
 * Returns undefined where Java throws.
 */
export function parseJavaInt(s: string): number | undefined {
  let i = 0
  let negative = false
  const first = s.charCodeAt(0)
  if (first === 0x2d || first === 0x2b) {
    negative = first === 0x2d
    i = 1
  }
  if (i >= s.length) return undefined
  let value = 0
  for (; i < s.length; i++) {
    const d = digitValue(s, i)
    if (d === undefined) return undefined
    value = value * 10 + d
    if (value > 2147483648) return undefined
  }
  if (!negative && value > 2147483647) return undefined
  return negative ? 0 - value : value // not -value: "-0" is 0, never JavaScript's -0
}

const DECIMAL = /\p{Nd}/u

/**
 * The value of a decimal digit: Unicode lays every decimal digit set out as ten consecutive code points
 * from zero, and adjacent sets in whole tens, so the position within the run of digits tells it.
 */
function digitValue(s: string, i: number): number | undefined {
  const c = s.charCodeAt(i)
  if (c >= 0x30 && c <= 0x39) return c - 0x30
  if (c >= 0xd800 && c <= 0xdfff) return undefined
  const ch = String.fromCharCode(c)
  if (!DECIMAL.test(ch)) return undefined
  let n = 0
  while (DECIMAL.test(String.fromCharCode(c - n - 1))) n++
  return n % 10
}
