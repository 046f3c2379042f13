import { ALFRESCO_MOCK_URL_ENV } from '../client.js'
import type { MockOptions } from '../options.js'
import { startAlfrescoMock, type StartedAlfrescoMock } from '../server.js'

/** Options of a run's shared mock: those of `startAlfrescoMock` (port 0 unless given). */
export type GlobalMockOptions = MockOptions

/**
 * Starts the run's one mock and publishes its URL in `ALFRESCO_MOCK_URL`: set before the test
 * runner starts its workers, so they inherit it.
 */
export async function startGlobalMock(options: GlobalMockOptions = {}): Promise<StartedAlfrescoMock> {
  const mock = await startAlfrescoMock({ port: 0, ...options })
  process.env[ALFRESCO_MOCK_URL_ENV] = mock.url
  return mock
}

/** Closes the mock and removes the variable (when it still names this mock). */
export async function stopGlobalMock(mock: StartedAlfrescoMock): Promise<void> {
  if (process.env[ALFRESCO_MOCK_URL_ENV] === mock.url) delete process.env[ALFRESCO_MOCK_URL_ENV]
  await mock.close()
}
