import { describe, expect, it } from 'vitest'
import { loadDfa } from '../../src/rest/where/antlr.js'
import { resolveWhere } from '../../src/rest/where/basic-walker.js'
import { javaBoolean, mapBasedWhere } from '../../src/rest/where/map-walker.js'
import { parseSelect, parseWhere, stripQuotes, walkWhere, type WhereCallbacks } from '../../src/rest/where/query.js'
import { TABLES } from '../../src/rest/where/tables.js'
import { thrown } from '../support/thrown.js'

// The authority for every case below is ACS's remote-api/src/test/java/org/alfresco/rest/framework/
// tests/core/WhereTests.java (which clauses parse and how), QueryResolverTest.java and
// RecognizedParamsExtractorTest.java, read against the generated WhereClauseLexer/Parser.java.

/** Every callback, recording what the walk hands over. */
function record(query: string): string[] {
  const out: string[] = []
  const not = (n: boolean) => (n ? 'NOT ' : '')
  const all: WhereCallbacks = {
    exists: (p, n) => out.push(`${not(n)}EXISTS ${p}`),
    between: (p, a, b, n) => out.push(`${not(n)}BETWEEN ${p} [${a}] [${b}]`),
    comparison: (t, p, v, n) => out.push(`${not(n)}${t} ${p} [${v}]`),
    in: (p, n, vs) => out.push(`${not(n)}IN ${p} ${vs.map((v) => `[${v}]`).join(' ')}`),
    matches: (p, v, n) => out.push(`${not(n)}MATCHES ${p} [${v}]`),
    and: () => out.push('AND'),
    or: () => out.push('OR'),
  }
  walkWhere(parseWhere(query), all)
  return out
}

const IQ = 'framework.exception.InvalidQuery'
const wherePrefix = 'An invalid WHERE query was received. '

describe('the where grammar: what parses, and into what', () => {
  it.each<[string, string[]]>([
    // WhereTests.basicTest, existClauseTest
    [' ( fred   > g ) ', ['GREATERTHAN fred [g]']],
    ['(exists(/target/file))', ['EXISTS /target/file']],
    ['(EXISTS(b))', ['EXISTS b']],
    ['  ( EXISTS ( whitespace ) )  ', ['EXISTS whitespace']],
    ['(exists ( folder ))', ['EXISTS folder']],
    ['(NOT EXISTS(b))', ['NOT EXISTS b']],
    ['  (  NOT EXISTS(b))', ['NOT EXISTS b']],
    ['(EXISTS(/target/folder) AND NOT EXISTS(/target/site))', ['AND', 'EXISTS /target/folder', 'NOT EXISTS /target/site']],
    ['(NOT EXISTS(/target/folder) OR EXISTS(/target/site))', ['OR', 'NOT EXISTS /target/folder', 'EXISTS /target/site']],
    ['(EXISTS   (  /target/folder  )   OR   EXISTS(  /target/site  )  )', ['OR', 'EXISTS /target/folder', 'EXISTS /target/site']],
    ['(EXISTS(target/file) AND EXISTS(target/folder) AND EXISTS(target/site))', ['AND', 'EXISTS target/file', 'EXISTS target/folder', 'EXISTS target/site']],
    // inClauseTest: quotes stripped, escapes kept as written
    ['( dueAt in (5,8) )', ['IN dueAt [5] [8]']],
    ['( fred/bloggs in (head,elbow) )', ['IN fred/bloggs [head] [elbow]']],
    ["( nextOne in ('me , you',56,egg) )", ['IN nextOne [me , you] [56] [egg]']],
    ["( NOT nextOne in (5,56,fred, king, kong, 'fred\\'^') )", ["NOT IN nextOne [5] [56] [fred] [king] [kong] [fred\\'^]"]],
    // betweenClauseTest, matchesClauseTest
    ['( dueAt between (5,8) )', ['BETWEEN dueAt [5] [8]']],
    ['(NOT dueAt between (5,8) AND nextOne between (green,blue))', ['AND', 'NOT BETWEEN dueAt [5] [8]', 'BETWEEN nextOne [green] [blue]']],
    ['(fred matches(bob))', ['MATCHES fred [bob]']],
    ["( king/kong/hair/shoulders/knees/toes matches ('fred%') )", ['MATCHES king/kong/hair/shoulders/knees/toes [fred%]']],
    // comparisonClauseTest
    ["( dueAt >= '12.04.345' )", ['GREATERTHANOREQUALS dueAt [12.04.345]']],
    ["( dueAt < '12.04.345' )", ['LESSTHAN dueAt [12.04.345]']],
    ["( dueAt <= '12.04.345' )", ['LESSTHANOREQUALS dueAt [12.04.345]']],
    ["( Fred/Bloggs = '%$NICE&*' )", ['EQUALS Fred/Bloggs [%$NICE&*]']],
    ["( DogHouse = 'Cat\\'s House' )", ["EQUALS DogHouse [Cat\\'s House]"]],
    ["( KING_KONG >= 'Mighty Mouse' )", ['GREATERTHANOREQUALS KING_KONG [Mighty Mouse]']],
    // QueryResolverTest: upper-case keywords, a space after the comma
    ['(propName BETWEEN (testValue, testValue2))', ['BETWEEN propName [testValue] [testValue2]']],
    ["(propName MATCHES ('*Value'))", ['MATCHES propName [*Value]']],
    // Prefixed names and the node filters of NodeApiTest
    ["(nodeType='cm:cmobject INCLUDESUBTYPES')", ['EQUALS nodeType [cm:cmobject INCLUDESUBTYPES]']],
    ['(isFolder=true AND isFile=false)', ['AND', 'EQUALS isFolder [true]', 'EQUALS isFile [false]']],
    ['(cm:title=x)', ['EQUALS cm:title [x]']],
    // Keyword cases are exactly lower or upper; a keyword-like name is a name
    ['(notes=1 AND exist=2)', ['AND', 'EQUALS notes [1]', 'EQUALS exist [2]']],
    // Across lines (WS includes \n)
    ['(a=1\nAND b=2)', ['AND', 'EQUALS a [1]', 'EQUALS b [2]']],
    // The whereclause rule does not ask for EOF: what follows ')' is not read beyond one token
    ['(a=1) (b=2', ['EQUALS a [1]']],
  ])('%j', (query, expected) => {
    expect(record(query)).toEqual(expected)
  })

  it('leaves no tree without the parameter', () => {
    expect(parseWhere(undefined)).toBeUndefined()
    expect(record('(a=1)')).toEqual(['EQUALS a [1]'])
  })
})

describe('the where grammar: ACS’s 400 for what does not parse', () => {
  it.each<[string, string]>([
    // Parser errors name the clause and the column (of the token where it failed)
    ['fred', 'fred, Error at char position 0'],
    ['(noClosingBracket', '(noClosingBracket, Error at char position 17'],
    ['noOpeningBracket)', 'noOpeningBracket), Error at char position 0'],
    ['(exists  folder)', '(exists  folder), Error at char position 9'],
    ['(EXISTS(/target/folder)OR EXISTS(/target/site))', '(EXISTS(/target/folder)OR EXISTS(/target/site)), Error at char position 23'],
    ['( nextOne between (5,8,4) )', '( nextOne between (5,8,4) ), Error at char position 22'],
    ['( nextOne between 5,8 )', '( nextOne between 5,8 ), Error at char position 18'],
    ['( Ken = (456) )', '( Ken = (456) ), Error at char position 8'],
    ["(nodeType='my:unknown'", "(nodeType='my:unknown', Error at char position 22"],
    ['', ', Error at char position 0'],
    ['(a=1 AND b=2 OR c=3)', '(a=1 AND b=2 OR c=3), Error at char position 12'],
    ['(NOT NOT a=1)', '(NOT NOT a=1), Error at char position 5'],
    ['(a=1\n AND b=)', '(a=1\n AND b=), Error at char position 7'],
    // Lexer errors only name the column: ACS's lexer throws from `recover`, outside the catch
    ['(EXISTS(target.file))', 'Error at char position 14'],
    ['( Fred/Bloggs = %$NICE&* )', 'Error at char position 16'],
    ['( fred matches bob )', 'Error at char position 16'],
    ["(a='unterminated)", 'Error at char position 17'],
    ['(a=1).', 'Error at char position 5'],
    // A space then "i" can only start " in": the lexer commits to IN and fails on the next letter
    ['( isFolder=true)', 'Error at char position 3'],
    // ~SINGLEQUOTE in the generated lexer leaves out U+001A (SINGLEQUOTE's token number), not the quote
    ["(a='x\u001ay')", 'Error at char position 5'],
  ])('%j', (query, message) => {
    expect(thrown(() => parseWhere(query))).toEqual({ key: IQ, message: wherePrefix + message, status: 400 })
  })

  it('answers 100,000 nested parentheses at the second one, after reading two tokens', () => {
    const hostile = '('.repeat(100_000) + 'a=1' + ')'.repeat(100_000)
    expect(thrown(() => parseWhere(hostile)).message).toBe(`${wherePrefix}${hostile}, Error at char position 1`)
  })

  it('walks very long clauses without recursion: 20,000 ANDs, 100,000 IN values, a 1 MB value', () => {
    const ands = `(${Array.from({ length: 20_000 }, (_, i) => `p${i}=${i}`).join(' AND ')})`
    expect(record(ands)).toHaveLength(20_001)
    const ins = `(a in (${Array.from({ length: 100_000 }, () => "'x'").join(',')}))`
    expect(record(ins)[0]!.length).toBe('IN a '.length + 100_000 * 4 - 1)
    expect(record(`(a='${'y'.repeat(1_000_000)}')`)[0]).toHaveLength('EQUALS a []'.length + 1_000_000)
  })
})

describe('include and select (RecognizedParamsExtractorTest.getClauseTest)', () => {
  it.each<[string, string[]]>([
    ['king/kong', ['king/kong']],
    ['x,y', ['x', 'y']],
    ['x,/z', ['x', '/z']],
    ['/name,/person/age', ['/name', '/person/age']],
    ['/foo/anArray/x,/person/age,/eggs/bacon/sausage,/p', ['/foo/anArray/x', '/person/age', '/eggs/bacon/sausage', '/p']],
    ['/foo/_bar ', ['/foo/_bar']],
    ['path,properties,aspectNames', ['path', 'properties', 'aspectNames']],
    ['properties/cm:title', ['properties/cm:title']],
  ])('%j → %j', (param, names) => {
    expect(parseSelect(param, 'INCLUDE')).toEqual(names)
  })

  it.each<[string, string]>([
    [',,,', ',,,'],
    ['(,,,', '(,,,'],
    ['(,,,)', '(,,,)'],
    ['', ''],
    ['exists', 'exists'],
    ['x/,z', 'Error at char position 2'],
    ["/x'n,/z", 'Error at char position 7'],
    ['/foo/0', 'Error at char position 5'],
    ['/', 'Error at char position 1'],
    // A space after the comma and a name starting with "i": the lexer reads " i" as the start of " in"
    ['path, isLink', 'Error at char position 7'],
  ])('%j is InvalidSelect: %s', (param, detail) => {
    expect(thrown(() => parseSelect(param, 'INCLUDE'))).toEqual({
      key: 'framework.exception.InvalidSelect',
      message: `An invalid INCLUDE query was received. ${detail}`,
      status: 400,
    })
  })

  it('is empty without the parameter', () => {
    expect(parseSelect(undefined, 'INCLUDE')).toEqual([])
  })
})

describe('QueryHelper.walk and its defaults', () => {
  it('answers "Unsupported Predicate" for a clause or joiner a resource does not take', () => {
    const only = { comparison: () => undefined }
    const unsupported = { key: IQ, message: `${wherePrefix}Unsupported Predicate`, status: 400 }
    expect(thrown(() => walkWhere(parseWhere('(EXISTS(a))'), only))).toEqual(unsupported)
    expect(thrown(() => walkWhere(parseWhere('(a=1 AND b=2)'), only))).toEqual(unsupported)
    expect(() => walkWhere(parseWhere('(a=1)'), only)).not.toThrow()
  })

  it('strips one pair of quotes only (WhereTests.stripLeadingTrailingQuotesTests)', () => {
    expect(['', 'g', '  bob ', "  bob '", "'  bob '", "'bob'"].map(stripQuotes)).toEqual(['', 'g', '  bob ', "  bob '", '  bob ', 'bob'])
  })
})

describe('MapBasedQueryWalker (NodesImpl.listChildren’s where)', () => {
  const spec = { equals: ['isFolder', 'isFile', 'nodeType'], matches: ['name'] }
  const walk = (w: string) => mapBasedWhere(parseWhere(w), spec)

  it('keeps the last value per clause and property', () => {
    const w = walk("(isFolder=true AND nodeType='cm:folder' AND isFolder=false AND name matches('a*'))")
    expect([w.get('isFolder'), w.get('nodeType'), w.get('name', 'MATCHES'), w.get('isFile')]).toEqual(['false', 'cm:folder', 'a*', undefined])
    expect(w.bool('isFolder')).toBe(false)
  })

  it.each<[string, string, string]>([
    ["(cm:title='x')", 'framework.exception.InvalidProperty', "The property 'cm:title' with value 'x' isn't supported for EQUALS comparison"],
    ['(isFolder > 1)', 'framework.exception.InvalidProperty', "The property 'isFolder' with value '1' isn't supported for GREATERTHAN comparison"],
    // NodeApiTest.testListChildren: "(NOT isFile=true)" is a 400; the property is checked before the NOT
    ['(NOT isFile=true)', 'Cannot use NOT for EQUALS comparison.', 'Cannot use NOT for EQUALS comparison.'],
    ['(NOT cm:name=x)', 'framework.exception.InvalidProperty', "The property 'cm:name' with value 'x' isn't supported for EQUALS comparison"],
    ["(NOT name matches('a'))", 'Cannot use negated matching for property: name', 'Cannot use negated matching for property: name'],
    ["(nodeType matches('a'))", 'Cannot use matching for property: nodeType', 'Cannot use matching for property: nodeType'],
    ['(isFolder=true OR isFile=true)', IQ, `${wherePrefix}Unsupported Predicate`],
    ['(EXISTS(isFolder))', IQ, `${wherePrefix}Unsupported Predicate`],
    ['(isFolder IN (true))', IQ, `${wherePrefix}Unsupported Predicate`],
  ])('%j → %s', (w, key, message) => {
    expect(thrown(() => walk(w))).toEqual({ key, message, status: 400 })
  })

  it('takes OR instead of AND when declared so (MapBasedQueryWalkerOrSupported)', () => {
    expect(mapBasedWhere(parseWhere('(isFolder=true OR isFile=true)'), { ...spec, or: true }).get('isFile')).toBe('true')
    expect(thrown(() => mapBasedWhere(parseWhere('(isFolder=true AND isFile=true)'), { ...spec, or: true })).message).toBe(
      `${wherePrefix}Unsupported Predicate`,
    )
  })

  it('reads booleans as commons-beanutils does: its true words, anything else false', () => {
    expect(['true', 'TRUE', 'yes', 'Y', 'on', '1'].map(javaBoolean)).toEqual([true, true, true, true, true, true])
    expect(['false', 'no', '0', 'maybe', ''].map(javaBoolean)).toEqual([false, false, false, false, false])
  })
})

describe('BasicQueryWalker via QueryHelper.resolve (QueryResolverTest)', () => {
  const query = (w: string) => parseWhere(w)

  it('collects the values of each clause type, negated apart', () => {
    const p = resolveWhere(query('(propName >= 18 AND propName < 65 AND NOT propName IN (3, 4))'), ['propName']).property('propName')!
    expect([...p.expectedValuesFor('GREATERTHANOREQUALS')!]).toEqual(['18'])
    expect([...p.expectedValuesFor('LESSTHAN')!]).toEqual(['65'])
    expect([...p.expectedValuesFor('IN', true)!]).toEqual(['3', '4'])
    expect(p.containsType('IN')).toBe(false)
  })

  it.each<[string, string[], Parameters<typeof resolveWhere>[2], string]>([
    ['(propName=testValue AND differentName>18)', ['differentName'], {}, 'property with name: propName is not expected'],
    ['(propName=testValue)', ['differentName'], { strict: true }, 'property with name: propName is not expected'],
    ['(NOT propName=testValue)', ['propName'], { negatable: false }, 'property with name: propName cannot be negated'],
    ['(propName=a AND propName IN (b))', ['propName'], {}, "cannot use '=' (EQUALS) AND 'IN' clauses with same property: propName"],
  ])('%j → %s', (w, names, options, message) => {
    expect(thrown(() => resolveWhere(query(w), names, options))).toEqual({ key: IQ, message: `${wherePrefix}Where query error: ${message}`, status: 400 })
  })

  it('names a missing property or clause when strict, and lets both pass leniently', () => {
    const strict = resolveWhere(query('(propName=testValue)'), ['propName', 'other'])
    expect(thrown(() => strict.property('other')).message).toBe(`${wherePrefix}Where query error: property with name: other not present`)
    expect(thrown(() => strict.property('propName')!.expectedValuesFor('IN')).message).toBe(
      `${wherePrefix}Where query error: property with name: propName expects clause: IN`,
    )
    expect(thrown(() => strict.property('propName')!.expectedValuesForAnyOf('IN', 'MATCHES')).message).toBe(
      `${wherePrefix}Where query error: property with name: propName expects at least one of clauses: [IN, MATCHES]`,
    )
    const lenient = resolveWhere(query('(propName=testValue AND differentName>18)'), ['differentName'], { strict: false })
    expect([...lenient.property('differentName')!.expectedValuesFor('GREATERTHAN')!]).toEqual(['18'])
    expect(lenient.property('nope')).toBeUndefined()
  })

  it('joins with OR only when asked (usingOrOperator), and refuses duplicate IN values as Set.of does', () => {
    expect(resolveWhere(query('(a=1 OR a=2)'), ['a'], { or: true }).property('a')!.expectedValuesFor('EQUALS')).toEqual(new Set(['1', '2']))
    expect(thrown(() => resolveWhere(query('(a=1 OR a=2)'), ['a'])).message).toBe(`${wherePrefix}Unsupported Predicate`)
    expect(thrown(() => resolveWhere(query("(a IN ('x', 'x'))"), ['a']))).toEqual({
      key: 'framework.exception.ApiDefault',
      message: 'duplicate element: x',
      status: 400,
    })
  })
})

describe('the DFA tables copied from ACS', () => {
  it('give every state with transitions one per symbol between its min and max', () => {
    for (const t of Object.values(TABLES)) {
      const dfa = loadDfa(t)
      dfa.transition.forEach((row, s) => {
        if (row.length > 0) expect(row.length, `state ${s}`).toBe(dfa.max[s]! - dfa.min[s]! + 1)
      })
    }
  })
})
