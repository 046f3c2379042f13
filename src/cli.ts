import { parseArgs } from 'node:util'
import { ConfigFileError } from './errors.js'
import { LOG_LEVELS, type LogLevel } from './log.js'
import { PortInUseError, startAlfrescoMock, type StartedAlfrescoMock } from './server.js'

const HELP = `alfresco-mock — a mock of Alfresco Content Services' REST API for tests

Usage: alfresco-mock [options]

Options:
  -p, --port <n>          port to listen on; 0 picks a free one (default 8080)
  -H, --host <addr>       interface to bind (default 127.0.0.1)
  -f, --fixtures <x>      packaged fixture name or path to a YAML file (default "default")
      --clock <kind>      system | manual (default system); manual enables POST /__mock/clock/advance
      --log-level <l>     silent | error | warn | info | debug (default info: one line per request)
      --json              print machine-readable events; the first stdout line is {"event":"ready",…}
  -h, --help              show this help
  -v, --version           show the version

Exit codes: 0 closed by SIGINT/SIGTERM, 1 could not start (e.g. port in use), 2 bad arguments, fixtures or scenario.`

/** The bin: flags → startAlfrescoMock; signals and exit codes live only here. */
export async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', short: 'p', default: '8080' },
        host: { type: 'string', short: 'H', default: '127.0.0.1' },
        fixtures: { type: 'string', short: 'f', default: 'default' },
        clock: { type: 'string', default: 'system' },
        'log-level': { type: 'string', default: 'info' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
      strict: true,
    })
  } catch (err) {
    process.stderr.write(`alfresco-mock: ${(err as Error).message}\nRun alfresco-mock --help for the options.\n`)
    return 2
  }
  const v = parsed.values
  if (v.help) {
    process.stdout.write(`${HELP}\n`)
    return 0
  }
  if (v.version) {
    process.stdout.write(`${VERSION}\n`)
    return 0
  }
  const port = Number(v.port)
  const problems: string[] = []
  if (!/^\d+$/.test(v.port) || port > 65535) problems.push(`--port "${v.port}" is not a port number (0–65535)`)
  if (v.clock !== 'system' && v.clock !== 'manual') problems.push(`--clock "${v.clock}" must be system or manual`)
  if (!LOG_LEVELS.includes(v['log-level'] as LogLevel)) problems.push(`--log-level "${v['log-level']}" must be one of ${LOG_LEVELS.join(', ')}`)
  if (problems.length) {
    process.stderr.write(`alfresco-mock: ${problems.join('; ')}.\n`)
    return 2
  }

  let mock: StartedAlfrescoMock
  try {
    mock = await startAlfrescoMock({
      port,
      host: v.host,
      fixtures: v.fixtures,
      clock: v.clock as 'system' | 'manual',
      logLevel: v['log-level'] as LogLevel,
    })
  } catch (err) {
    if (err instanceof ConfigFileError) {
      process.stderr.write(`${err.message}\n`)
      return 2
    }
    if (err instanceof PortInUseError) {
      process.stderr.write(`${err.message}\n`)
      return 1
    }
    process.stderr.write(`Failed to start alfresco-mock-server: ${(err as Error).message}\n`)
    return 1
  }

  if (v.json) {
    process.stdout.write(`${JSON.stringify({ event: 'ready', url: mock.url, apiUrl: mock.apiUrl, authUrl: mock.authUrl, port: mock.port, clock: mock.clock.kind })}\n`)
  } else {
    process.stdout.write(`alfresco-mock-server ${VERSION} ready on ${mock.url}\n  API: ${mock.apiUrl}\n  Try: curl -u admin:admin ${mock.apiUrl}/nodes/-root-/children\n`)
  }

  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      if (v.json) process.stdout.write(`${JSON.stringify({ event: 'closing', signal })}\n`)
      void mock.close().then(() => resolve(0))
    }
    process.once('SIGINT', () => stop('SIGINT'))
    process.once('SIGTERM', () => stop('SIGTERM'))
  })
}

declare const __VERSION__: string | undefined
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`alfresco-mock: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exit(1)
  },
)
