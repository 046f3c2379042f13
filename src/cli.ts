import { CliUsageError, HELP, parseCliArgs, type CliCommand } from './cli-args.js'
import { watchParent, type GoneReason } from './cli-watch.js'
import { ConfigFileError } from './errors.js'
import type { StartedAlfrescoMock } from './server.js'

declare const __VERSION__: string | undefined
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'

/** The bin: flags → startAlfrescoMock. Signal handlers and exit codes live only here. */
export async function main(argv: readonly string[]): Promise<number> {
  // A reader that went away (the parent died with the pipe) must not turn a write into a crash.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined)
  let command: CliCommand
  try {
    command = parseCliArgs(argv, process.env)
  } catch (err) {
    if (!(err instanceof CliUsageError)) throw err
    process.stderr.write(`${err.message}\n`)
    return 2
  }
  if (command.kind === 'help') return print(`${HELP}\n`)
  if (command.kind === 'version') return print(`${VERSION}\n`)
  for (const warning of command.warnings) process.stderr.write(`${warning}\n`)

  // Loaded only now, so --help, --version and bad flags answer without loading the server.
  const { PortInUseError, startAlfrescoMock } = await import('./server.js')
  let mock: StartedAlfrescoMock
  try {
    mock = await startAlfrescoMock(command.options, { ownsProcess: true })
  } catch (err) {
    if (err instanceof ConfigFileError) {
      process.stderr.write(`${err.message}\n`)
      return 2
    }
    // A bad option value that slipped past the flag checks is the caller's mistake, too.
    if (err instanceof TypeError && err.message.startsWith('Failed to create the mock')) {
      process.stderr.write(`alfresco-mock-server: ${err.message}\n`)
      return 2
    }
    const message = err instanceof PortInUseError ? err.message : `Failed to start alfresco-mock-server: ${(err as Error).message}`
    process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ')}\n`)
    return 1
  }
  announce(mock, command.json)
  return waitForClose(mock, command.json, command.exitWithParent)
}

function print(text: string): number {
  process.stdout.write(text)
  return 0
}

function announce(mock: StartedAlfrescoMock, json: boolean): void {
  if (json) {
    const ready = { event: 'ready', url: mock.url, apiUrl: mock.apiUrl, authUrl: mock.authUrl, port: mock.port, clock: mock.clock.kind, version: VERSION }
    process.stdout.write(`${JSON.stringify(ready)}\n`)
    return
  }
  process.stdout.write(
    `alfresco-mock-server ${VERSION} ready on ${mock.url} (${mock.clock.kind} clock)\n` +
      `  API:  ${mock.apiUrl}\n` +
      `  Try:  curl -u admin:admin ${mock.apiUrl}/nodes/-root-/children\n` +
      `  Stop: Ctrl-C\n`,
  )
}

/**
 * Resolves 0 once the server has closed after SIGINT/SIGTERM, or after its parent went away or a
 * piped stdin closed (unless --no-exit-with-parent); a second signal gives up waiting.
 */
function waitForClose(mock: StartedAlfrescoMock, json: boolean, exitWithParent: boolean): Promise<number> {
  return new Promise<number>((resolve) => {
    let closing = false
    let stopWatch = (): void => undefined
    const close = (event: { signal: NodeJS.Signals } | { reason: GoneReason }): void => {
      if (closing) {
        process.stderr.write(`alfresco-mock-server: ${'signal' in event ? event.signal : event.reason} again, exiting without waiting for open requests.\n`)
        resolve(1)
        return
      }
      closing = true
      stopWatch()
      if (json) process.stdout.write(`${JSON.stringify({ event: 'closing', ...event })}\n`)
      mock.close().then(
        () => resolve(0),
        (err: unknown) => {
          process.stderr.write(`alfresco-mock-server: failed to close: ${String(err)}\n`)
          resolve(1)
        },
      )
    }
    process.on('SIGINT', (signal) => close({ signal }))
    process.on('SIGTERM', (signal) => close({ signal }))
    if (exitWithParent) stopWatch = watchParent((reason) => close({ reason }))
  })
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`alfresco-mock-server: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exit(1)
  },
)
