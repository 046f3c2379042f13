/**
 * Every `curl` line of a ```sh block in README.md, run with bash against a started mock with
 * `localhost:8080` / `127.0.0.1:8080` replaced by its address. Each must answer 2xx, conform to
 * ACS's spec (test/support/spec.ts) and send a request that conforms too (the journal's
 * `validation`, with ALFRESCO_MOCK_VALIDATE on in the suite).
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { startAlfrescoMock } from '../../src/index.js'
import { NOT_JSON, validateResponse } from '../support/spec.js'

const run = promisify(execFile)
const README = readFileSync(join(process.cwd(), 'README.md'), 'utf8')
const STATUS_MARK = '\n__STATUS__'

/**
 * JSON blocks marked `<!-- spec-response: METHOD URL STATUS -->` (the line before the block): a
 * response as the README shows it, checked against ACS's spec like a real one.
 */
function markedResponses(markdown: string): { method: string; url: string; status: number; json: unknown }[] {
  const marked = /<!-- spec-response: (\S+) (\S+) (\d{3}) -->\s*```json\n([\s\S]*?)```/g
  return [...markdown.matchAll(marked)].map((m) => ({ method: m[1]!, url: m[2]!, status: Number(m[3]), json: JSON.parse(m[4]!) as unknown }))
}

/** The curl commands of the README's sh blocks (a trailing `\` joins lines; `# comments` dropped). */
function curlCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)].map((m) => m[1]!)
  return blocks.flatMap((block) =>
    block
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.startsWith('curl ')),
  )
}

function requestOf(command: string): { method: string; url: string } {
  const url = /https?:\/\/[^\s'"]+/.exec(command)?.[0] ?? ''
  const explicit = /(?:-X|--request)\s+'?([A-Z]+)/.exec(command)?.[1]
  const method = explicit ?? (/\s(-d|--data\S*|-F|--form)\s/.test(command) ? 'POST' : 'GET')
  return { method, url }
}

describe('the curl examples in README.md', () => {
  const commands = curlCommands(README)
  const started = startAlfrescoMock({ port: 0 })
  afterAll(async () => (await started).close())

  it('has some, all against the default port', () => {
    expect(commands.length).toBeGreaterThanOrEqual(5)
    for (const c of commands) expect(c).toMatch(/(localhost|127\.0\.0\.1):8080/)
  })

  for (const command of commands) {
    it(`runs: ${command.length > 110 ? `${command.slice(0, 107)}...` : command}`, async () => {
      const mock = await started
      mock.reset()
      const real = command.replace(/(localhost|127\.0\.0\.1):8080/g, `127.0.0.1:${mock.port}`)
      const withStatus = real.replace(/^curl /, `curl -sS -w '${STATUS_MARK}%{http_code}' `)
      const { stdout } = await run('bash', ['-c', withStatus], { timeout: 10_000 })
      const at = stdout.lastIndexOf(STATUS_MARK)
      const status = Number(stdout.slice(at + STATUS_MARK.length))
      const body = stdout.slice(0, at)
      expect(status, `${command}\n${body}`).toBeGreaterThanOrEqual(200)
      expect(status, `${command}\n${body}`).toBeLessThan(300)
      const { method, url } = requestOf(real)
      const seen: unknown = body === '' ? undefined : body.trim().startsWith('{') ? JSON.parse(body) : NOT_JSON
      expect(validateResponse(method, url, status, seen)).toEqual([])
      expect(mock.requests.flatMap((e) => e.validation ?? [])).toEqual([])
    })
  }
})

describe('the JSON responses shown in README.md', () => {
  const shown = markedResponses(README)

  it('include at least one marked for checking', () => {
    expect(shown.length).toBeGreaterThan(0)
  })

  for (const r of shown) {
    it(`fit ACS's spec: ${r.method} ${r.url} ${r.status}`, () => {
      expect(validateResponse(r.method, r.url, r.status, r.json)).toEqual([])
    })
  }
})
