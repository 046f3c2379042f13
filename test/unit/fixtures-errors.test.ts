import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ConfigFileError, type FileProblem } from '../../src/errors.js'
import { loadFixtures } from '../../src/fixtures/load.js'
import { PACKAGED_FIXTURES_DIR } from '../../src/paths.js'

const ctx = { packagedDir: PACKAGED_FIXTURES_DIR, defaultDate: 0 }
const dataDir = fileURLToPath(new URL('../fixtures-data/', import.meta.url))
const admin = { id: 'admin', password: 'admin', admin: true }

/** The ConfigFileError loading `input` throws. */
function failure(input: Parameters<typeof loadFixtures>[0]): ConfigFileError {
  try {
    loadFixtures(input, ctx)
  } catch (e) {
    if (e instanceof ConfigFileError) return e
    throw e
  }
  throw new Error('expected the fixtures to be rejected')
}

/** The problems of an object input with one admin and these nodes, as `path: message`. */
function nodeProblems(nodes: unknown[], extra: Record<string, unknown> = {}): string[] {
  return failure({ users: [admin], nodes, ...extra }).problems.map((p: FileProblem) => `${p.path}: ${p.message}`)
}

describe('a fixture file with mistakes', () => {
  it('yields one message that names every mistake, each with its file, line and path', () => {
    const e = failure('test/fixtures-data/broken.yaml')
    const f = 'test/fixtures-data/broken.yaml'
    expect(e.kind).toBe('fixtures')
    expect(e.file).toBe(f)
    expect(e.message).toBe(
      [
        `Failed to load fixtures "${f}": 12 problems:`,
        `  - ${f}:4 at users[1].id: duplicate user id "admin" (first at users[0].id). Please give each user its own id.`,
        `  - ${f}:7 at tickets[0].user: unknown user "nobody". Please add it to users or use one of admin.`,
        `  - ${f}:11 at nodes[0].colour: unknown key "colour". Please remove it.`,
        `  - ${f}:13 at nodes[0].children[0]: has 2 content sources (content and size). Please keep one.`,
        `  - ${f}:14 at nodes[0].children[1].name: "A.TXT" is already used by nodes[0].children[0] in the same folder (names are unique ignoring case, as in ACS). Please rename one of them.`,
        `  - ${f}:15 at nodes[0].children[2].size: "12XB" is not a size. Please use a number of bytes or a number with one of B, kB, MB, GB, TB, KiB, MiB, GiB, TiB, such as "50MiB".`,
        `  - ${f}:16 at nodes[0].children[3]: is neither a folder nor a file. Please add children: [] for an empty folder or content: '' for an empty file.`,
        `  - ${f}:17 at nodes[0].children[4].name: "bad:name" is not a valid ACS name. Please leave out * " < > \\ / ? : |, control characters, a trailing dot and surrounding spaces.`,
        `  - ${f}:18 at nodes[0].children[5].contentFile: "./missing.jpg" does not exist (looked for ${dataDir}missing.jpg). Please check the path: it is relative to the fixture file.`,
        `  - ${f}:20 at nodes[1].readers[0]: unknown user "mallory". Please add it to users or use one of admin, GROUP_EVERYONE.`,
        `  - ${f}:21 at nodes[1].createdAt: "yesterday" is not a date. Please use ISO 8601, such as "2024-01-15T09:00:00.000Z".`,
        `  - ${f}:22 at nodes[1].alias: must start and end with "-", such as -shared-.`,
        'Please fix them and start again.',
      ].join('\n'),
    )
  })

  it('reports a YAML syntax error with its line and column', () => {
    const e = failure('test/fixtures-data/syntax-error.yaml')
    expect(e.problems).toEqual([
      {
        file: 'test/fixtures-data/syntax-error.yaml:3',
        path: '',
        message: 'YAML syntax error at line 3, column 1: Flow map in block collection must be sufficiently indented and end with a }. Please fix the YAML syntax.',
      },
    ])
  })

  it('names the packaged sets when a bare name is unknown, and the full path when a file is missing', () => {
    expect(failure('nope').message).toBe(
      'Failed to load fixtures "nope": 1 problem:\n  - nope: there is no packaged fixture set "nope". Please use one of default, minimal, or a path to a .yaml or .json file.\nPlease fix it and start again.',
    )
    expect(failure('./missing/x.yaml').problems[0]!.message).toBe(
      `the file does not exist (looked for ${process.cwd()}/missing/x.yaml). Please check the path, or use a packaged name: default, minimal.`,
    )
  })

  it('reports a JSON syntax error', () => {
    const e = failure('test/fixtures-data/not-json.json')
    expect(e.problems[0]).toMatchObject({ file: 'test/fixtures-data/not-json.json', path: '' })
    expect(e.problems[0]!.message).toBe(`JSON syntax error: Unexpected token '}', "{ "users": [ } " is not valid JSON.`)
  })
})

describe('fixture checks', () => {
  it('reject unknown keys, suggesting the key that was probably meant', () => {
    expect(nodeProblems([{ name: 'a', contnet: 'x' }], { setings: {} })).toEqual([
      'nodes[0].contnet: unknown key "contnet". Did you mean "content"?',
      'setings: unknown key "setings". Did you mean "settings"?',
      "nodes[0]: is neither a folder nor a file. Please add children: [] for an empty folder or content: '' for an empty file.",
    ])
  })

  it('reject wrong types and missing fields', () => {
    expect(failure({ users: [{ id: 'x', admin: 'yes' }], nodes: [{ name: 5, children: {} }], root: [] }).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'users[0].password: is required. Please add it.',
      'users[0].admin: expected true or false, got "yes".',
      'root: expected a mapping (key: value), got a list.',
      'nodes[0].name: expected text, got number 5.',
      'nodes[0].children: expected a list, got a mapping.',
    ])
  })

  it('reject a node with two content sources, or with children and content', () => {
    expect(nodeProblems([{ name: 'a', content: 'x', base64: 'AA==', faker: { generator: 'lorem.word' } }, { name: 'b', children: [], size: 1 }])).toEqual([
      'nodes[0]: has 3 content sources (content and base64 and faker). Please keep one.',
      'nodes[1]: has both children and size. Please remove one: a node is a folder (children) or a file.',
    ])
  })

  it('reject bad sizes, dates, names, ids, aliases, mime types and faker generators', () => {
    expect(
      nodeProblems([
        { name: 'a.', size: -1 },
        { name: 'b', size: '1.5B', createdAt: '2024-13-45' },
        { name: 'c', id: '-x', alias: '-my-', children: [], mimeType: 'text/plain' },
        { name: 'd', faker: { generator: 'lorm.words' } },
        { name: 'e', base64: 'not base64!' },
      ]),
    ).toEqual([
      'nodes[0].name: "a." is not a valid ACS name. Please leave out * " < > \\ / ? : |, control characters, a trailing dot and surrounding spaces.',
      'nodes[0].size: -1 is not a size. Please use a number of bytes or a number with one of B, kB, MB, GB, TB, KiB, MiB, GiB, TiB, such as "50MiB".',
      'nodes[1].createdAt: "2024-13-45" is not a date. Please use ISO 8601, such as "2024-01-15T09:00:00.000Z".',
      'nodes[1].size: "1.5B" is not a whole number of bytes (1.5). Please round it.',
      'nodes[2].id: must be a plain id: a UUID as ACS uses, or text without spaces, /, ?, # or % that does not start with -.',
      'nodes[3].faker.generator: faker has no module "lorm". Please use one of airline, animal, book, color, commerce, company, database, datatype, date, finance, food, git, hacker, helpers, image, internet, location, lorem, music, number, person, phone, science, string, system, vehicle, word.',
      'nodes[4].base64: must be base64 (A–Z, a–z, 0–9, +, / and = padding).',
      "nodes[2].alias: alias -my- is each user's home folder. Please use homeOf: [user] instead.",
      'nodes[2].mimeType: mimeType applies to files only. Please remove it.',
    ])
  })

  it('reject duplicate ids, duplicate aliases and names used twice in one folder, but allow a name again elsewhere', () => {
    expect(
      nodeProblems([
        { name: 'A', id: 'same', alias: '-a-', children: [{ name: 'x', content: '' }] },
        { name: 'B', id: 'same', alias: '-a-', children: [{ name: 'x', content: '' }, { name: 'X', content: '' }] },
      ]),
    ).toEqual([
      'nodes[1].id: duplicate node id "same" (first at nodes[0]). Please give each node its own id.',
      'nodes[1].alias: alias "-a-" is already used by nodes[0]. Please keep one.',
      'nodes[1].children[1].name: "X" is already used by nodes[1].children[0] in the same folder (names are unique ignoring case, as in ACS). Please rename one of them.',
    ])
  })

  it('reject unknown users wherever a user is named, and a user with two homes', () => {
    const problems = nodeProblems(
      [{ name: 'A', createdBy: 'eve', modifiedBy: 'System', readers: ['GROUP_EVERYONE', 'eve'], writers: ['eve'], homeOf: ['admin', 'eve'], children: [] }],
      { root: { homeOf: ['admin'] }, defaults: { createdBy: 'eve' }, tickets: [{ id: 'TICKET_ab', user: 'eve' }] },
    )
    const hint = 'Please add it to users or use one of admin'
    expect(problems).toEqual([
      `tickets[0].user: unknown user "eve". ${hint}.`,
      `defaults.createdBy: unknown user "eve". ${hint}.`,
      `nodes[0].createdBy: unknown user "eve". ${hint}.`,
      `nodes[0].readers[1]: unknown user "eve". ${hint}, GROUP_EVERYONE.`,
      `nodes[0].writers[0]: unknown user "eve". ${hint}, GROUP_EVERYONE.`,
      `nodes[0].homeOf[1]: unknown user "eve". ${hint}.`,
      'nodes[0].homeOf[0]: "admin" already has a home folder (root). Please give each user one home.',
    ])
  })

  it('reject bad settings and ticket ids', () => {
    const problems = nodeProblems([], {
      tickets: [{ id: 'TICKET_XYZ', user: 'admin' }, { id: 'TICKET_ab', user: 'admin' }, { id: 'TICKET_ab', user: 'admin' }],
      settings: { downloads: { progression: 'slow', pendingMs: '5 minutes', compressionLevel: 10, cleaner: { maxAgeMs: true } }, tickets: { lifetime: '1y' } },
    })
    expect(problems).toEqual([
      'tickets[0].id: must be TICKET_ followed by lowercase hex, as ACS issues.',
      'settings.downloads.progression: expected one of time, polls, manual, instant, got "slow".',
      'settings.downloads.pendingMs: "5 minutes" is not a duration. Please use milliseconds or a number with one of ms, s, m, h, d, such as "2s".',
      'settings.downloads.compressionLevel: must be at most 9, got number 10.',
      'settings.downloads.cleaner.maxAgeMs: expected milliseconds or a duration such as "2s".',
      'settings.tickets.lifetime: "1y" is not a duration. Please use milliseconds or a number with one of ms, s, m, h, d, such as "2s".',
      'tickets[2].id: duplicate ticket id "TICKET_ab" (first at tickets[1].id). Please give each ticket its own id.',
    ])
  })

  it('reject input that is neither a name, a path nor an object', () => {
    expect(failure(42 as unknown as string).problems[0]!.message).toBe(
      'fixtures must be a packaged name (default, minimal), a path to a .yaml or .json file, or an object; got 42. Please pass one of these.',
    )
  })
})
