import { CliUsageError, HELP, parseCliArgs, type CliCommand } from './cli-args.js'
import { ConfigFileError } from './errors.js'
import type { StartedAlfrescoMock } from './server.js'

declare const __VERSION__: string | undefined
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'

/** The bin: flags → startAlfrescoMock. Signal handlers and exit codes live only here. */
export async function main(argv: readonly string[]): Promise<number> {
  let command: CliCommand
  try {
    command = parseCliArgs(argv)
  } catch (err) {
    if (!(err instanceof CliUsageError)) throw err
    process.stderr.write(`${err.message}\n`)
    return 2
  }
  if (command.kind === 'help') return print(`${HELP}\n`)
  if (command.kind === 'version') return print(`${VERSION}\n`)

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
      process.stderr.write(`alfresco-mock: ${err.message}\n`)
      return 2
    }
    const message = err instanceof PortInUseError ? err.message : `Failed to start alfresco-mock-server: ${(err as Error).message}`
    process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ')}\n`)
    return 1
  }
  announce(mock, command.json)
  return waitForSignal(mock, command.json)
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

/** Resolves 0 once SIGINT/SIGTERM has closed the server; a second signal gives up waiting. */
function waitForSignal(mock: StartedAlfrescoMock, json: boolean): Promise<number> {
  return new Promise<number>((resolve) => {
    let closing = false
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) {
        process.stderr.write(`alfresco-mock: ${signal} again, exiting without waiting for open requests.\n`)
        resolve(1)
        return
      }
      closing = true
      if (json) process.stdout.write(`${JSON.stringify({ event: 'closing', signal })}\n`)
      mock.close().then(
        () => resolve(0),
        (err: unknown) => {
          process.stderr.write(`alfresco-mock: failed to close: ${String(err)}\n`)
          resolve(1)
        },
      )
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  })
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`alfresco-mock: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exit(1)
  },
)
