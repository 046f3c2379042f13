import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { REQUEST_SPEC_PATH, readRequestSpec } from '../../src/validate/spec.js'
import { requestSpecText } from '../tools/request-spec.js'

describe('src/openapi/request-spec.json', () => {
  it('is what test/tools/request-spec.ts generates from test/spec/ (run `npm run openapi` if not)', () => {
    const fresh = requestSpecText()
    const current = readFileSync(REQUEST_SPEC_PATH, 'utf8')
    if (current !== fresh) throw new Error('src/openapi/request-spec.json is stale. Please run `npm run openapi`.')
    expect(current).toBe(fresh)
  })

  it('holds every operation of both spec files, the body definitions they reference, and no prose', () => {
    const spec = readRequestSpec()
    expect(spec.apis.map((a) => [a.file, a.operations.length])).toEqual([['alfresco-core.yaml', 182], ['alfresco-auth.yaml', 3], ['alfresco-model.yaml', 4]])
    const core = spec.apis[0]!
    expect(Object.keys(core.definitions)).toEqual(expect.arrayContaining(['DownloadBodyCreate', 'NodeBodyCreate', 'PermissionsBody']))
    expect(spec.apis[1]!.definitions).toHaveProperty('TicketBody')
    expect(JSON.stringify(spec)).not.toContain('"description":"')
  })

  it('keeps its source and licence note beside it', () => {
    const dir = new URL('../../src/openapi/', import.meta.url)
    expect(readFileSync(new URL('SOURCE.md', dir), 'utf8')).toContain('rest-api-explorer')
    expect(readFileSync(new URL('NOTICE', dir), 'utf8')).toContain('Apache License, Version 2.0')
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { files: string[]; dependencies: Record<string, string> }
    expect(pkg.files).toContain('src/openapi')
    expect(pkg.dependencies).toHaveProperty('ajv')
  })
})
