import { afterEach, describe, expect, it } from 'vitest'
import { ALFRESCO_MOCK_URL_ENV, connectAlfrescoMock } from '../../src/index.js'
import * as jest from '../../src/testing/jest.js'
import * as vitest from '../../src/testing/vitest.js'

// The helpers as the runners call them; test/pack/consumption.test.ts runs them in real runners.
const saved = process.env[ALFRESCO_MOCK_URL_ENV]
afterEach(async () => {
  await jest.alfrescoMockGlobalTeardown()
  if (saved === undefined) delete process.env[ALFRESCO_MOCK_URL_ENV]
  else process.env[ALFRESCO_MOCK_URL_ENV] = saved
})

const isDown = (url: string) => fetch(`${url}/__mock/health`).then(() => false, () => true)

describe('the Vitest globalSetup', () => {
  it('starts one mock with the given options, provides its URL and sets ALFRESCO_MOCK_URL, and its teardown closes it', async () => {
    const provided = new Map<string, unknown>()
    const teardown = await vitest.alfrescoMockGlobalSetup({ clock: 'manual', scenario: 'flaky-status' })({
      provide: (key, value) => provided.set(key, value),
    })
    const url = provided.get('alfrescoMockUrl') as string
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(process.env[ALFRESCO_MOCK_URL_ENV]).toBe(url)
    const client = connectAlfrescoMock()
    expect(await client.health()).toMatchObject({ status: 'UP', clock: 'manual' })
    expect((await client.getScenario()).scenario?.name).toBe('flaky-status')

    await teardown()
    expect(process.env[ALFRESCO_MOCK_URL_ENV]).toBeUndefined()
    expect(await isDown(url)).toBe(true)
  })
})

describe('the Jest globalSetup and globalTeardown', () => {
  it('start a mock, set ALFRESCO_MOCK_URL and keep the instance for the teardown, which closes it', async () => {
    await jest.alfrescoMockGlobalSetup({ clock: 'manual' })()
    const mock = jest.globalAlfrescoMock()!
    expect(process.env[ALFRESCO_MOCK_URL_ENV]).toBe(mock.url)
    expect(await connectAlfrescoMock().health()).toMatchObject({ status: 'UP', clock: 'manual' })

    await jest.alfrescoMockGlobalTeardown()
    expect(jest.globalAlfrescoMock()).toBeUndefined()
    expect(process.env[ALFRESCO_MOCK_URL_ENV]).toBeUndefined()
    expect(await isDown(mock.url)).toBe(true)
  })

  it('replaces, rather than leaks, the mock of an earlier run (watch mode runs globalSetup again)', async () => {
    const setup = jest.alfrescoMockGlobalSetup()
    await setup()
    const first = jest.globalAlfrescoMock()!
    await setup()
    expect(jest.globalAlfrescoMock()!.url).not.toBe(first.url)
    expect(await isDown(first.url)).toBe(true)
  })
})
