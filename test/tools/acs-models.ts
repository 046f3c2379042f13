/**
 * Generates src/model/acs-models.json — the content models ACS ships (sys, cm, app, rn, exif, audio,
 * webdav, qshare, download, st, fm), with the display titles of their message bundles — from ACS's
 * own model XML. Run it against a clone (or bare mirror) of Alfresco/alfresco-community-repo:
 *
 *   npm run models -- /path/to/alfresco-community-repo[.git]
 *
 * The output is committed; the mock reads it on first use of the dictionary (src/model/builtin.ts).
 * The XML is trusted, well-formed input, so a small reader does: elements, attributes, text, CDATA.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AssociationDef, BuiltinModels, ClassDef, ConstraintDef, ModelDef, PropertyDef } from '../../src/store/model-types.js'

const MODEL_DIR = 'repository/src/main/resources/alfresco/model'
const MESSAGE_DIR = 'repository/src/main/resources/alfresco/messages'
/** The models clients meet, in ACS's bootstrap order (core-services-context.xml `dictionaryBootstrap`). */
const MODELS: readonly { file: string; messages?: string }[] = [
  { file: 'data-model/src/main/resources/alfresco/model/dictionaryModel.xml' },
  { file: `${MODEL_DIR}/systemModel.xml`, messages: 'system-model' },
  { file: `${MODEL_DIR}/contentModel.xml`, messages: 'content-model' },
  { file: `${MODEL_DIR}/applicationModel.xml`, messages: 'application-model' },
  { file: `${MODEL_DIR}/forumModel.xml`, messages: 'forum-model' },
  { file: `${MODEL_DIR}/quickShareModel.xml` },
  { file: `${MODEL_DIR}/siteModel.xml`, messages: 'site-model' },
  { file: `${MODEL_DIR}/downloadModel.xml`, messages: 'download-model' },
]

interface El {
  name: string
  attrs: Record<string, string>
  children: El[]
  text: string
}

/** Reads well-formed XML into elements (comments, processing instructions and DOCTYPE skipped). */
export function parseXml(xml: string): El {
  const root: El = { name: '#root', attrs: {}, children: [], text: '' }
  const stack = [root]
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g
  for (const m of xml.matchAll(token)) {
    const top = stack[stack.length - 1]!
    if (m[1] !== undefined) top.text += m[1]
    else if (m[2] !== undefined) stack.pop()
    else if (m[3] !== undefined) {
      const el: El = { name: m[3], attrs: attributes(m[4] ?? ''), children: [], text: '' }
      top.children.push(el)
      if (m[5] !== '/') stack.push(el)
    } else if (m[6] !== undefined) top.text += decode(m[6])
  }
  return root
}

function attributes(raw: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of raw.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = decode(m[2] ?? m[3] ?? '')
  return out
}

function decode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
    if (e[0] !== '#') return named[e.toLowerCase()]!
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
  })
}

const child = (el: El | undefined, name: string): El | undefined => el?.children.find((c) => c.name === name)
const children = (el: El | undefined, name: string): El[] => el?.children.filter((c) => c.name === name) ?? []
const text = (el: El | undefined, name: string): string | undefined => child(el, name)?.text.trim()
const flag = (el: El | undefined, name: string, fallback: boolean): boolean => {
  const t = text(el, name)
  return t === undefined ? fallback : t === 'true'
}

/** Java .properties: key=value lines, `\` continuations, \uXXXX escapes. */
export function parseProperties(source: string): Map<string, string> {
  const out = new Map<string, string>()
  const lines = source.replace(/\\\r?\n\s*/g, '').split(/\r?\n/)
  for (const line of lines) {
    const l = line.trimStart()
    if (l === '' || l.startsWith('#') || l.startsWith('!')) continue
    const m = /^((?:\\.|[^=:\s\\])+)\s*[=:\s]\s*(.*)$/.exec(l)
    if (!m) continue
    const unescape = (s: string) =>
      s.replace(/\\u([0-9a-fA-F]{4})|\\(.)/g, (_, u: string | undefined, c: string | undefined) =>
        u ? String.fromCharCode(parseInt(u, 16)) : ({ t: '\t', n: '\n', r: '\r' } as Record<string, string>)[c!] ?? c!,
      )
    out.set(unescape(m[1]!), unescape(m[2]!.trimEnd()))
  }
  return out
}

/** `${version.store.initialVersion}|true`: ACS resolves the placeholder from repository.properties. */
function resolveDefault(raw: string | undefined, repoProps: Map<string, string>): string | undefined {
  if (raw === undefined) return undefined
  const m = /^\$\{([^}]+)\}\|(.*)$/.exec(raw)
  return m ? (repoProps.get(m[1]!) ?? m[2]!) : raw
}

class ModelReader {
  readonly constraints = new Map<string, ConstraintDef>()
  private anonymous = 0

  constructor(
    readonly el: El,
    readonly messages: Map<string, string>,
    readonly repoProps: Map<string, string>,
  ) {}

  get key(): string {
    return this.el.attrs.name!.replace(':', '_')
  }

  label(kind: string, name: string, part: 'title' | 'description', fallback: string | undefined): string | undefined {
    return this.messages.get(`${this.key}.${kind}.${name.replace(':', '_')}.${part}`) ?? fallback
  }

  model(): ModelDef {
    const desc = this.messages.get(`${this.key}.description`) ?? text(this.el, 'description')
    const ns = children(child(this.el, 'namespaces'), 'namespace').map((n) => ({ uri: n.attrs.uri!, prefix: n.attrs.prefix! }))
    return { name: this.el.attrs.name!, ...opt('author', text(this.el, 'author')), ...opt('description', desc), namespaces: ns }
  }

  readConstraints(): void {
    for (const c of children(child(this.el, 'constraints'), 'constraint')) this.constraints.set(c.attrs.name!, this.constraint(c))
  }

  constraint(c: El): ConstraintDef {
    if (c.attrs.ref) {
      const found = this.constraints.get(c.attrs.ref)
      if (!found) throw new Error(`unknown constraint ${c.attrs.ref}`)
      return found
    }
    const parameters: Record<string, unknown> = {}
    for (const p of children(c, 'parameter')) {
      const list = child(p, 'list')
      const value = list ? children(list, 'value').map((v) => v.text.trim()) : text(p, 'value') ?? ''
      parameters[p.attrs.name!] = value === 'true' ? true : value === 'false' ? false : value
    }
    const type = c.attrs.type!
    // ACS names inline constraints after the property; the mock only needs them distinct.
    const name = c.attrs.name ?? `${this.el.attrs.name!.split(':')[0]}:constraint${++this.anonymous}`
    return { name, type, ...opt('title', text(c, 'title')), ...opt('description', text(c, 'description')), parameters }
  }

  classDef(el: El, kind: 'type' | 'aspect'): ClassDef {
    const name = el.attrs.name!
    const archive = text(el, 'archive')
    return {
      name,
      kind,
      model: this.el.attrs.name!,
      ...opt('title', this.label(kind, name, 'title', text(el, 'title'))),
      ...opt('description', this.label(kind, name, 'description', text(el, 'description'))),
      ...opt('parent', text(el, 'parent')),
      ...(archive === undefined ? {} : { archive: archive === 'true' }),
      ...(flag(el, 'includedInSuperTypeQuery', true) ? {} : { includedInSuperTypeQuery: false }),
      properties: children(child(el, 'properties'), 'property').map((p) => this.property(p)),
      associations: [...children(child(el, 'associations'), 'association'), ...children(child(el, 'associations'), 'child-association')].map((a) => this.association(a)),
      mandatoryAspects: children(child(el, 'mandatory-aspects'), 'aspect').map((a) => a.text.trim()),
      ...this.overrides(el),
    }
  }

  overrides(el: El): Pick<ClassDef, 'overrides'> {
    const list = children(child(el, 'overrides'), 'property').map((p) => ({
      name: p.attrs.name!,
      ...opt('default', resolveDefault(text(p, 'default'), this.repoProps)),
      ...(child(p, 'mandatory') ? { mandatory: flag(p, 'mandatory', false) } : {}),
    }))
    return list.length ? { overrides: list } : {}
  }

  property(p: El): PropertyDef {
    const name = p.attrs.name!
    const mandatory = child(p, 'mandatory')
    const index = child(p, 'index')
    const constraints = children(child(p, 'constraints'), 'constraint').map((c) => this.constraint(c))
    return {
      name,
      ...opt('title', this.label('property', name, 'title', text(p, 'title'))),
      ...opt('description', this.label('property', name, 'description', text(p, 'description'))),
      type: text(p, 'type')!,
      ...(flag(p, 'multiple', false) ? { multiple: true } : {}),
      ...(mandatory?.text.trim() === 'true' ? { mandatory: true } : {}),
      ...(mandatory?.attrs.enforced === 'true' ? { enforced: true } : {}),
      ...(flag(p, 'protected', false) ? { protected: true } : {}),
      ...opt('default', resolveDefault(text(p, 'default'), this.repoProps)),
      ...(index && index.attrs.enabled === 'false' ? { indexed: false } : {}),
      ...(index && text(index, 'atomic') === 'false' ? { atomic: false } : {}),
      ...(constraints.length ? { constraints } : {}),
    }
  }

  association(a: El): AssociationDef {
    const name = a.attrs.name!
    const source = child(a, 'source')
    const target = child(a, 'target')
    const isChild = a.name === 'child-association'
    return {
      name,
      ...opt('title', this.label('association', name, 'title', text(a, 'title'))),
      ...opt('description', this.label('association', name, 'description', text(a, 'description'))),
      child: isChild,
      ...(flag(a, 'protected', false) ? { protected: true } : {}),
      source: { ...opt('role', text(source, 'role')), mandatory: flag(source, 'mandatory', false), many: flag(source, 'many', false) },
      target: {
        class: text(target, 'class')!,
        ...opt('role', text(target, 'role')),
        mandatory: flag(target, 'mandatory', false),
        ...(child(target, 'mandatory')?.attrs.enforced === 'false' ? { enforced: false } : {}),
        many: flag(target, 'many', true),
      },
      ...(isChild ? { duplicate: flag(a, 'duplicate', true) } : {}),
      ...opt('requiredChildName', text(a, 'child-name')),
    }
  }
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: V }
}

/** Reads a file of the ACS repository, from a work tree or (with `git show`) a bare mirror. */
function reader(repo: string): { read: (path: string) => string; commit: string } {
  const gitDir = existsSync(join(repo, '.git')) ? join(repo, '.git') : repo
  const git = (...args: string[]) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })
  const commit = git('rev-parse', 'HEAD').trim()
  const worktree = existsSync(join(repo, MODEL_DIR))
  return { commit, read: (path) => (worktree ? readFileSync(join(repo, path), 'utf8') : git('show', `HEAD:${path}`)) }
}

export function generate(repo: string): BuiltinModels {
  const { read, commit } = reader(repo)
  const repoProps = parseProperties(read('repository/src/main/resources/alfresco/repository.properties'))
  const out: BuiltinModels = {
    source: `Generated by test/tools/acs-models.ts from Alfresco/alfresco-community-repo @ ${commit}. Do not edit: run \`npm run models -- <repo>\`.`,
    dataTypes: [],
    models: [],
    classes: [],
  }
  for (const { file, messages } of MODELS) {
    const el = child(parseXml(read(file)), 'model')!
    const bundle = messages ? parseProperties(read(`${MESSAGE_DIR}/${messages}.properties`)) : new Map<string, string>()
    const m = new ModelReader(el, bundle, repoProps)
    out.models.push(m.model())
    m.readConstraints()
    for (const d of children(child(el, 'data-types'), 'data-type')) out.dataTypes.push(d.attrs.name!)
    for (const t of children(child(el, 'types'), 'type')) out.classes.push(m.classDef(t, 'type'))
    for (const a of children(child(el, 'aspects'), 'aspect')) out.classes.push(m.classDef(a, 'aspect'))
  }
  return out
}

if (process.argv[1]?.includes('acs-models')) {
  const repo = process.argv[2]
  if (!repo) {
    console.error('Usage: npm run models -- /path/to/alfresco-community-repo')
    process.exit(2)
  }
  const target = join(process.cwd(), 'src/model/acs-models.json')
  writeFileSync(target, `${JSON.stringify(generate(repo))}\n`)
  console.log(`wrote ${target}`)
}
