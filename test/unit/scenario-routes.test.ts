import { describe, expect, it } from 'vitest'
import { AUTH_BASE, CORE_BASE } from '../../src/http/context.js'
import { createAlfrescoMock } from '../../src/index.js'
import { templateOf } from '../../src/scenarios/routes.js'

describe('the route templates scenarios and the journal know', () => {
  it('name every API route the app serves, so a scenario can target it and the journal names it', () => {
    const mock = createAlfrescoMock({ clock: 'manual' })
    const relative = mock.app.routes
      .filter((r) => r.method !== 'ALL')
      .flatMap((r) => [CORE_BASE, AUTH_BASE].filter((b) => r.path.startsWith(`${b}/`)).map((b) => r.path.slice(b.length)))
    expect(relative.length).toBeGreaterThan(20)
    const unknown = relative.filter((path) => templateOf(path.replace(/:[^/]+/g, 'x')) === undefined)
    expect(unknown).toEqual([])
    mock.dispose()
  })
})
