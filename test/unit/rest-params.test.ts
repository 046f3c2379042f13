import { describe, expect, it } from 'vitest'
import { applyFields, javaTrim, readFields } from '../../src/rest/fields.js'
import { parseJavaInt } from '../../src/rest/java-int.js'
import { compareValues, parseOrderBy, resolveSort, sortItems } from '../../src/rest/order-by.js'
import { createdBody, pageOf, postedEntities, readPaging } from '../../src/rest/paging.js'
import { NO_PARAMS, readRecognizedParams } from '../../src/rest/params.js'
import { thrown } from '../support/thrown.js'

/** A literal-sentence InvalidArgumentException: 400, the sentence is the key. */
const literal = (message: string) => ({ key: message, message, status: 400 })

describe('Integer.parseInt, as the paging values are read', () => {
  it.each<[string, number | undefined]>([
    ['5', 5],
    ['+5', 5],
    ['05', 5],
    ['-0', 0],
    ['-5', -5],
    ['2147483647', 2147483647],
    ['-2147483648', -2147483648],
    ['2147483648', undefined],
    ['-2147483649', undefined],
    ['99999999999999999999', undefined],
    [' 5', undefined],
    ['5 ', undefined],
    ['5.0', undefined],
    ['1e3', undefined],
    ['0x10', undefined],
    ['', undefined],
    ['+', undefined],
    ['-', undefined],
    ['+-5', undefined],
    // Character.digit(ch, 10) takes any decimal digit of the BMP
    ['\u0665', 5],
    ['\uff11\uff12', 12],
    ['\u0967\u0966', 10],
    // …but not one outside it (Java sees two surrogates), nor other numerals
    ['\u{1d7d9}', undefined],
    ['\u2165', undefined],
  ])('%j → %s', (text, value) => {
    expect(parseJavaInt(text)).toBe(value)
  })
})

describe('paging (RecognizedParamsExtractor.getPaging)', () => {
  it('defaults to 0 and 100 and reads both values', () => {
    expect(readPaging(undefined, undefined)).toEqual({ skipCount: 0, maxItems: 100 })
    expect(readPaging('+5', '05')).toEqual({ skipCount: 5, maxItems: 5 })
    expect(readPaging(undefined, '2147483647')).toEqual({ skipCount: 0, maxItems: 2147483647 })
  })

  it.each<[string | undefined, string | undefined, string]>([
    ['-1', undefined, 'Negative values not supported for skipCount.'],
    [undefined, '0', 'Only positive values supported for maxItems.'],
    ['-1', '0', 'Negative values not supported for skipCount.'],
    ['abc', undefined, 'Invalid paging parameter skipCount:abc'],
    [undefined, 'abc', 'Invalid paging parameter maxItems:abc'],
    [undefined, '', 'Invalid paging parameter maxItems:'],
    [' 5', undefined, 'Invalid paging parameter skipCount: 5'],
    [undefined, '5.0', 'Invalid paging parameter maxItems:5.0'],
    [undefined, '2147483648', 'Invalid paging parameter maxItems:2147483648'],
    // Both given and one bad: both named; a number error comes before a range error
    ['-1', 'x', 'Invalid paging parameters skipCount: -1, maxItems:x'],
    ['x', '10', 'Invalid paging parameters skipCount: x, maxItems:10'],
  ])('skipCount=%j maxItems=%j → %s', (skip, max, message) => {
    expect(thrown(() => readPaging(skip, max))).toEqual(literal(message))
  })

  it('pages a collection: count, hasMoreItems, totalItems, skipCount, maxItems in that order', () => {
    const body = pageOf(['a', 'b', 'c', 'd'], { skipCount: 1, maxItems: 2 })
    expect(JSON.stringify(body.list.pagination)).toBe('{"count":2,"hasMoreItems":true,"totalItems":4,"skipCount":1,"maxItems":2}')
    expect(body.list.entries).toEqual([{ entry: 'b' }, { entry: 'c' }])
    expect(pageOf(['a'], { skipCount: 5, maxItems: 2 }).list.pagination).toMatchObject({ count: 0, hasMoreItems: false, totalItems: 1 })
  })
})

describe('a POST body of one entity or many (ResourceWebScriptPost)', () => {
  it('takes an object or an array, and refuses an array where only one entity is allowed', () => {
    expect(postedEntities({ a: 1 }, false)).toEqual([{ a: 1 }])
    expect(postedEntities([{ a: 1 }, { a: 2 }], true)).toHaveLength(2)
    expect(thrown(() => postedEntities([{ a: 1 }], false))).toEqual({
      key: 'Only 1 entity is supported in the HTTP request body',
      message: 'Only 1 entity is supported in the HTTP request body',
      status: 405,
    })
  })

  it('answers {entry} for one created entity and a list for more', () => {
    expect(createdBody(['x'])).toEqual({ entry: 'x' })
    expect(createdBody(['x', 'y'])).toEqual({
      list: {
        pagination: { count: 2, hasMoreItems: false, totalItems: 2, skipCount: 0, maxItems: 2 },
        entries: [{ entry: 'x' }, { entry: 'y' }],
      },
    })
  })
})

describe('orderBy (RecognizedParamsExtractor.getSort; RecognizedParamsExtractorTest.getSortingTest)', () => {
  it.each<[string | undefined, [string, boolean][]]>([
    [undefined, []],
    ['', []],
    ['name ASC', [['name', true]]],
    ['name ', [['name', true]]],
    ['name desc', [['name', false]]],
    ['name,age desc', [['name', true], ['age', false]]],
    [' name, age desc', [['name', true], ['age', false]]],
    ['age DeSc, name AsC', [['age', false], ['name', true]]],
    ['name asc,', [['name', true]]],
    ['name,,createdAt', [['name', true], ['createdAt', true]]],
    ['name   DESC', [['name', false]]],
    // Only ' ' separates: a tab is part of the name
    ['name\tDESC', [['name\tDESC', true]]],
    ['__proto__ ASC', [['__proto__', true]]],
  ])('%j', (raw, columns) => {
    expect(parseOrderBy(raw).map((c) => [c.column, c.asc])).toEqual(columns)
  })

  it.each<[string, string]>([
    ['age asc, name des', "Unknown sort order direction 'DES', expected asc or desc"],
    ['age asc name', "Unknown sort order definition 'age asc name', expected 'field1,field2' or 'field1 asc,field2 desc' or similar"],
    ['name, a b c', "Unknown sort order definition ' a b c', expected 'field1,field2' or 'field1 asc,field2 desc' or similar"],
  ])('%j → %s', (raw, message) => {
    expect(thrown(() => parseOrderBy(raw))).toEqual(literal(message))
  })

  it('answers a column of spaces as ACS does: its StringTokenizer throws, a 500 without a message', () => {
    expect(thrown(() => parseOrderBy('name,  '))).toEqual({ key: 'framework.exception.ApiDefault', message: '', status: 500 })
  })

  it('resolves columns with the operation’s fields, "Invalid sort field" for others, and sorts nulls first', () => {
    const fields = new Map([['title', (r: { title?: string }) => r.title]])
    const rows = [{ title: 'b' }, {}, { title: 'a' }]
    const by = resolveSort(parseOrderBy('title'), { fields })
    expect(sortItems(rows, by)).toEqual([{}, { title: 'a' }, { title: 'b' }])
    expect(sortItems(rows, resolveSort(parseOrderBy('title DESC'), { fields }))).toEqual([{ title: 'b' }, { title: 'a' }, {}])
    expect(thrown(() => resolveSort(parseOrderBy('constructor'), { fields }))).toEqual(literal('Invalid sort field: constructor'))
    expect(thrown(() => resolveSort(parseOrderBy('title,title'), { fields, single: true }))).toEqual(literal('Multiple sort fields not allowed.'))
    expect([compareValues(false, true), compareValues(2, 10), compareValues('a', 'B')]).toEqual([-1, -1, -1])
  })
})

describe('fields (RecognizedParamsExtractorTest.getFilterTest)', () => {
  it.each<[string | undefined, string[], string[] | undefined]>([
    [undefined, [], undefined],
    ['bob', [], ['bob']],
    ['50,fred,b.z', [], ['50', 'fred', 'b.z']],
    ['50,fred,', [], ['50', 'fred']],
    ['50, bob, fred ,', [], ['50', 'bob', 'fred']],
    ['', [], []],
    ['id', ['path', 'properties/cm:title'], ['id', 'path', 'properties']],
  ])('fields=%j include=%j', (fields, include, keep) => {
    const set = readFields(fields, include)
    expect(set && [...set].sort()).toEqual(keep?.sort())
  })

  it('keeps only own top-level properties that are allowed', () => {
    const entry = { id: 'x', name: 'n', content: { mimeType: 't' } }
    expect(applyFields(entry, readFields('id,content,__proto__,toString', []))).toEqual({ id: 'x', content: { mimeType: 't' } })
    expect(applyFields(entry, undefined)).toBe(entry)
    expect(javaTrim('\u0001 a \t')).toBe('a')
  })
})

describe('the recognized parameters of a request, in ACS’s order', () => {
  const read = (q: Record<string, string>) => readRecognizedParams((name) => q[name])

  it('reads each one', () => {
    const p = read({ skipCount: '1', orderBy: 'name DESC', where: '(isFile=true)', include: 'path', fields: 'id', includeSource: 'TRUE' })
    expect(p.paging).toEqual({ skipCount: 1, maxItems: 100 })
    expect(p.sorting).toEqual([{ column: 'name', asc: false }])
    expect(p.where).toBeDefined()
    expect(p.include).toEqual(['path'])
    expect([...p.fields!]).toEqual(['id', 'path'])
    expect(p.includeSource).toBe(true)
    expect(read({})).toEqual(NO_PARAMS)
    expect([...read({ properties: 'id' }).fields!]).toEqual(['id'])
  })

  it('answers the first problem: paging, then orderBy, where, include, select', () => {
    const all = { skipCount: 'x', orderBy: 'a b c', where: 'bad', include: ',', select: ',' }
    expect(thrown(() => read(all)).message).toBe('Invalid paging parameter skipCount:x')
    expect(thrown(() => read({ ...all, skipCount: '0' })).message).toMatch(/^Unknown sort order definition/)
    expect(thrown(() => read({ ...all, skipCount: '0', orderBy: 'a' })).key).toBe('framework.exception.InvalidQuery')
    expect(thrown(() => read({ ...all, skipCount: '0', orderBy: 'a', where: '(a=1)' })).message).toBe('An invalid INCLUDE query was received. ,')
    expect(thrown(() => read({ select: ',' })).message).toBe('An invalid SELECT query was received. ,')
  })
})
