import type { StartedAlfrescoMock } from '../server.js'
import { startGlobalMock, stopGlobalMock, type GlobalMockOptions } from './global-mock.js'

// No runtime import of jest. Jest runs globalSetup and globalTeardown in its parent process, in the
// same global scope, so the running mock is kept there; a registry symbol survives two copies of
// this module (ESM and CommonJS).
const KEY = Symbol.for('alfresco-mock-server.jest-global-mock')
type Holder = { [KEY]?: StartedAlfrescoMock }

/**
 * A Jest globalSetup that starts one mock for the whole run and sets `process.env.ALFRESCO_MOCK_URL`
 * (Jest's workers inherit it). Pair it with `alfrescoMockGlobalTeardown`.
 *
 * @example
 * // jest.global-setup.js
 * const { alfrescoMockGlobalSetup } = require('alfresco-mock-server/jest')
 * module.exports = alfrescoMockGlobalSetup({ clock: 'manual' })
 */
export function alfrescoMockGlobalSetup(options: GlobalMockOptions = {}): () => Promise<void> {
  return async () => {
    const holder = globalThis as Holder
    // Watch mode runs globalSetup again for each run: the previous mock is replaced, not leaked.
    const previous = holder[KEY]
    if (previous) await stopGlobalMock(previous)
    holder[KEY] = await startGlobalMock(options)
  }
}

/**
 * The Jest globalTeardown that closes the mock `alfrescoMockGlobalSetup` started.
 *
 * @example
 * // jest.global-teardown.js
 * module.exports = require('alfresco-mock-server/jest').alfrescoMockGlobalTeardown
 */
export async function alfrescoMockGlobalTeardown(): Promise<void> {
  const holder = globalThis as Holder
  const mock = holder[KEY]
  delete holder[KEY]
  if (mock) await stopGlobalMock(mock)
}

/** The mock this process's globalSetup started, if any (for a custom globalTeardown). */
export function globalAlfrescoMock(): StartedAlfrescoMock | undefined {
  return (globalThis as Holder)[KEY]
}

export { connectAlfrescoMock, ALFRESCO_MOCK_URL_ENV } from '../client.js'
export type { AlfrescoMockClient } from '../client.js'
export type { GlobalMockOptions } from './global-mock.js'
