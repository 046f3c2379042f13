import { describe, expect, it } from 'vitest'
import { mimeTypeFor, mimeTypeName } from '../../src/fixtures/mime.js'
import { formatSize, parseDuration, parseIsoDate, parseSize } from '../../src/fixtures/units.js'

describe('parseSize', () => {
  it('reads bytes, decimal units and binary units', () => {
    expect(parseSize(1024)).toBe(1024)
    expect(parseSize('512')).toBe(512)
    expect(parseSize('7B')).toBe(7)
    expect(parseSize('10kB')).toBe(10_000)
    expect(parseSize('1.5MB')).toBe(1_500_000)
    expect(parseSize('1.1kB')).toBe(1_100)
    expect(parseSize('2GB')).toBe(2_000_000_000)
    expect(parseSize('1KiB')).toBe(1024)
    expect(parseSize('50MiB')).toBe(52_428_800)
    expect(parseSize('3GiB')).toBe(3_221_225_472)
    expect(parseSize(' 1 TiB ')).toBe(2 ** 40)
  })

  it('rejects unknown units, negative and fractional byte counts with a message that says what to write', () => {
    expect(() => parseSize('12XB')).toThrow('"12XB" is not a size. Please use a number of bytes or a number with one of B, kB, MB, GB, TB, KiB, MiB, GiB, TiB, such as "50MiB".')
    expect(() => parseSize('1mb')).toThrow('"1mb" is not a size.')
    expect(() => parseSize(-1)).toThrow('-1 is not a size.')
    expect(() => parseSize(1.5)).toThrow('1.5 is not a whole number of bytes (1.5). Please round it.')
    expect(() => parseSize('1e3')).toThrow('"1e3" is not a size.')
  })

  it('refuses sizes past Number.MAX_SAFE_INTEGER instead of rounding them, and reads constructor as no unit', () => {
    expect(parseSize(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER)
    const past = ' is more than 9007199254740991, the largest amount the mock counts exactly. Please use a smaller one.'
    expect(() => parseSize(2 ** 53)).toThrow(`9007199254740992${past}`) // what YAML reads 9007199254740993 as
    expect(() => parseSize('9007199254740993')).toThrow(`"9007199254740993"${past}`)
    expect(() => parseSize('8193TiB')).toThrow(`"8193TiB"${past}`)
    expect(() => parseSize('1constructor')).toThrow('"1constructor" is not a size.')
    expect(() => parseDuration(`1${' '.repeat(100_000)}x`)).toThrow('is not a duration.')
  })

  it('formats sizes for messages', () => {
    expect(formatSize(3 * 2 ** 30)).toBe('3 GiB')
    expect(formatSize(1536)).toBe('1.5 KiB')
    expect(formatSize(12)).toBe('12 B')
  })
})

describe('parseDuration', () => {
  it('reads milliseconds and ms, s, m, min, h and d', () => {
    expect(parseDuration(250)).toBe(250)
    expect(parseDuration('250ms')).toBe(250)
    expect(parseDuration('2s')).toBe(2_000)
    expect(parseDuration('1.5s')).toBe(1_500)
    expect(parseDuration('5m')).toBe(300_000)
    expect(parseDuration('5min')).toBe(300_000)
    expect(parseDuration('1h')).toBe(3_600_000)
    expect(parseDuration('1d')).toBe(86_400_000)
    expect(parseDuration('0')).toBe(0)
  })

  it('rejects other units and negative durations', () => {
    expect(() => parseDuration('2 weeks')).toThrow('"2 weeks" is not a duration. Please use milliseconds or a number with one of ms, s, m, h, d, such as "2s".')
    expect(() => parseDuration(-5)).toThrow('-5 is not a duration.')
    expect(() => parseDuration(Number.NaN)).toThrow('NaN is not a duration.')
  })
})

describe('parseIsoDate', () => {
  it('reads dates and date-times as UTC unless a zone is given, including ACS\'s +0000 form', () => {
    expect(parseIsoDate('2024-01-15')).toBe(Date.UTC(2024, 0, 15))
    expect(parseIsoDate('2024-01-15T09:00')).toBe(Date.UTC(2024, 0, 15, 9))
    expect(parseIsoDate('2024-01-15 09:00:00')).toBe(Date.UTC(2024, 0, 15, 9))
    expect(parseIsoDate('2024-01-15T09:00:00.123Z')).toBe(Date.UTC(2024, 0, 15, 9, 0, 0, 123))
    expect(parseIsoDate('2019-09-09T09:58:51.492+0000')).toBe(Date.UTC(2019, 8, 9, 9, 58, 51, 492))
    expect(parseIsoDate('2024-01-15T09:00:00+02:00')).toBe(Date.UTC(2024, 0, 15, 7))
  })

  it('rejects anything else', () => {
    for (const bad of ['yesterday', '15/01/2024', '2024-13-01', '2024-01-15T25:00:00Z', '']) expect(parseIsoDate(bad), bad).toBeUndefined()
  })
})

describe('mime types', () => {
  it("are guessed from the extension, ignoring case, with ACS's display names", () => {
    const cases: [string, string, string][] = [
      ['a.txt', 'text/plain', 'Plain Text'],
      ['a.md', 'text/x-markdown', 'Markdown'],
      ['a.csv', 'text/csv', 'Comma Separated Values (CSV)'],
      ['a.json', 'application/json', 'JSON'],
      ['a.xml', 'text/xml', 'XML'],
      ['a.html', 'text/html', 'HTML'],
      ['a.js', 'application/x-javascript', 'JavaScript'],
      ['A.PDF', 'application/pdf', 'Adobe PDF Document'],
      ['a.png', 'image/png', 'PNG Image'],
      ['a.jpeg', 'image/jpeg', 'JPEG Image'],
      ['a.gif', 'image/gif', 'GIF Image'],
      ['a.svg', 'image/svg+xml', 'Scalable Vector Graphics Image'],
      ['a.tiff', 'image/tiff', 'TIFF Image'],
      ['a.bmp', 'image/bmp', 'Bitmap Image'],
      ['a.zip', 'application/zip', 'ZIP'],
      ['a.mp4', 'video/mp4', 'MPEG4 Video'],
      ['a.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Microsoft Word 2007'],
      ['a.xls', 'application/vnd.ms-excel', 'Microsoft Excel'],
      ['a.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'Microsoft PowerPoint 2007'],
      ['a.odt', 'application/vnd.oasis.opendocument.text', 'OpenDocument Text (OpenOffice 2.0)'],
      ['a.iso', 'application/octet-stream', 'Binary File (Octet Stream)'],
      ['a.unknown', 'application/octet-stream', 'Binary File (Octet Stream)'],
      ['README', 'application/octet-stream', 'Binary File (Octet Stream)'],
      ['.txt', 'application/octet-stream', 'Binary File (Octet Stream)'],
    ]
    for (const [name, type, display] of cases) expect([name, mimeTypeFor(name), mimeTypeName(mimeTypeFor(name))]).toEqual([name, type, display])
  })

  it('show a type ACS does not list as itself', () => {
    expect(mimeTypeName('application/x-custom')).toBe('application/x-custom')
  })
})
