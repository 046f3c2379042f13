import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The built package, as users load it: the request spec is read from disk relative to the package
// root, so both bundle formats must find it (`npm test` builds first; by hand: npx tsup).
const ESM = fileURLToPath(new URL('../../dist/index.js', import.meta.url))
const CJS = fileURLToPath(new URL('../../dist/index.cjs', import.meta.url))

interface Built {
  createAlfrescoMock: (o: object) => { fetch(r: Request): Promise<Response> }
}

async function loadBuilt(format: 'esm' | 'cjs'): Promise<Built> {
  const file = format === 'esm' ? ESM : CJS
  if (!existsSync(file)) throw new Error(`${file} is missing. Please build first: npx tsup (npm test does it).`)
  return format === 'esm' ? ((await import(file)) as Built) : (createRequire(import.meta.url)(file) as Built)
}

describe('validation from the built package', () => {
  for (const format of ['esm', 'cjs'] as const) {
    it(`finds the request spec and ajv from the ${format.toUpperCase()} build`, async () => {
      const { createAlfrescoMock } = await loadBuilt(format)
      const mock = createAlfrescoMock({ clock: 'manual', validate: true })
      const url = 'http://mock.test/alfresco/api/-default-/public/alfresco/versions/1/nodes/-root-/children?maxItems=0'
      const r = await mock.fetch(new Request(url, { headers: { authorization: `Basic ${btoa('admin:admin')}` } }))
      expect(r.status).toBe(400)
      expect(r.headers.get('x-mock-validation')).toBe('1 violation: query maxItems: must be >= 1, got "0"')
    })
  }
})
