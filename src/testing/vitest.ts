import type { ProvidedContext } from 'vitest'
import { startGlobalMock, stopGlobalMock, type GlobalMockOptions } from './global-mock.js'

// Types only from vitest (erased from the JavaScript): the module loads without it. The augmentation
// types `inject('alfrescoMockUrl')` in projects that import this module.
declare module 'vitest' {
  export interface ProvidedContext {
    /** The URL of the mock the globalSetup started (`http://127.0.0.1:PORT`). */
    alfrescoMockUrl: string
  }
}

/** What Vitest passes to a globalSetup function (its TestProject); only `provide` is used. */
export interface VitestGlobalSetupContext {
  provide<K extends keyof ProvidedContext>(key: K, value: ProvidedContext[K]): void
}

/**
 * A Vitest globalSetup that starts one mock for the whole run, hands its URL to the tests as
 * `inject('alfrescoMockUrl')` and `process.env.ALFRESCO_MOCK_URL`, and closes it at the end.
 *
 * @example
 * // alfresco-mock.setup.ts, listed in vitest.config.ts under test.globalSetup
 * import { alfrescoMockGlobalSetup } from 'alfresco-mock-server/vitest'
 * export default alfrescoMockGlobalSetup({ clock: 'manual' })
 */
export function alfrescoMockGlobalSetup(
  options: GlobalMockOptions = {},
): (context: VitestGlobalSetupContext) => Promise<() => Promise<void>> {
  return async (context) => {
    const mock = await startGlobalMock(options)
    context.provide('alfrescoMockUrl', mock.url)
    return () => stopGlobalMock(mock)
  }
}

export { connectAlfrescoMock, ALFRESCO_MOCK_URL_ENV } from '../client.js'
export type { AlfrescoMockClient } from '../client.js'
export type { GlobalMockOptions } from './global-mock.js'
