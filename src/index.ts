export { createAlfrescoMock, type AlfrescoMock, type ManualAlfrescoMock } from './mock.js'
export { startAlfrescoMock, PortInUseError, type StartedAlfrescoMock, type ManualStartedAlfrescoMock } from './server.js'
export { ManualClock, SystemClock, type Clock } from './clock.js'
export { AlfrescoError, ConfigFileError, type ErrorBody, type FileProblem } from './errors.js'
export { DEFAULT_DOWNLOAD_SETTINGS, type MockOptions, type DownloadOptions, type FixturesInput, type CorsOptions } from './options.js'
export type { DownloadSettings, DownloadStatus, DownloadView, Progression } from './downloads/types.js'
export { AUTH_BASE, CORE_BASE } from './http/context.js'
export type { JournalEntry, RequestMatcher, WaitOptions } from './http/journal.js'
export type { DownloadScript, DownloadStep, Scenario, ScenarioInput } from './scenarios/types.js'
export {
  connectAlfrescoMock,
  MockControlError,
  ALFRESCO_MOCK_URL_ENV,
  type AlfrescoMockClient,
  type MockClockView,
  type MockHealth,
  type MockScenarioState,
  type RemoteDownloadInfo,
} from './client.js'
