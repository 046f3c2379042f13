import { PROGRESSIONS } from './downloads/types.js'
import { formatSize } from './fixtures/units.js'
import { DEFAULT_JOURNAL_MAX_BYTES } from './http/journal-bounds.js'
import { LOG_LEVELS } from './log.js'
import { DEFAULT_DOWNLOAD_SETTINGS as D, DEFAULT_TICKET_LIFETIME_MS } from './options.js'

/** `--help`; the README's CLI section is generated from it (npm run readme). */
export const HELP = `alfresco-mock-server — a mock of Alfresco Content Services' REST API for tests

Usage: alfresco-mock-server [options]      (also installed as alfresco-mock)

Server:
  -p, --port <n>               port to listen on; 0 picks a free one (default 8080)
  -H, --host <addr>            interface to bind (default 127.0.0.1)
  -f, --fixtures <name|path>   packaged fixture name or path to a YAML file (default "default")
  -s, --scenario <name|path>   scenario active from the start: a packaged name or a YAML file (default none)
      --clock <kind>           system | manual (default system); manual enables POST /__mock/clock/advance
      --log-level <level>      ${LOG_LEVELS.join(' | ')} (default info: one line per request, on stderr)
      --json                   machine-readable stdout; the first line is {"event":"ready","url",…}
      --validate[=strict]      check requests against ACS's OpenAPI spec: report violations in an
                               X-Mock-Validation header and the journal; strict answers 400 instead
      --cors[=origins]         answer browsers of other origins as ACS's CORS filter does: a comma-
                               separated list of origins (credentials allowed, as ACS), or alone any
                               origin without credentials (default off, as ACS)
      --ticket-lifetime <d>    ticket expiry after inactivity; 0 = never (default ${duration(DEFAULT_TICKET_LIFETIME_MS)})
      --journal-max-bytes <s>  the request journal's memory budget; the oldest entries go first (default ${formatSize(DEFAULT_JOURNAL_MAX_BYTES).replace(' ', '')})
      --no-exit-with-parent    keep running when the process that started it exits or a piped stdin
                               closes (by default the mock then closes, so it never keeps its port)

Downloads (override the fixture's settings.downloads):
      --progression <kind>     ${PROGRESSIONS.join(' | ')} (default ${D.progression})
      --pending <d>            time: how long a download stays PENDING (default ${duration(D.pendingMs)})
      --rate <size>            time: bytes zipped per second of the clock (default ${formatSize(D.bytesPerSecond).replace(' ', '')})
      --pending-polls <n>      polls: status reads answering PENDING (default ${D.pendingPolls})
      --in-progress-polls <n>  polls: status reads answering IN_PROGRESS (default ${D.inProgressPolls})
      --max-content-size <s>   larger downloads end MAX_CONTENT_SIZE_EXCEEDED; 0 = no limit (default ${D.maxContentSize})
      --compression <kind>     deflate | store (default ${D.compression.toLowerCase()})
      --cleaner-start-delay <d>  first cleaner run after start (default ${duration(D.cleaner.startDelayMs)})
      --cleaner-interval <d>   time between cleaner runs (default ${duration(D.cleaner.intervalMs)})
      --cleaner-max-age <d>    the cleaner deletes downloads older than this (default ${duration(D.cleaner.maxAgeMs)})
      --no-cleaner             no scheduled cleaner runs: downloads stay until POST /__mock/cleaner/run

  -h, --help                   show this help
  -v, --version                show the version

Environment: every flag but -h and -v is also read from ALFRESCO_MOCK_ and its name in capitals,
with _ for -: ALFRESCO_MOCK_PORT=0, ALFRESCO_MOCK_CORS=http://localhost:4200, ALFRESCO_MOCK_NO_CLEANER=1
(booleans: 1, true, yes, on or 0, false, no, off). A flag wins over its variable, a variable over the
fixture's settings, and those over the defaults.

Durations: 250ms, 2s, 5m, 1h (a bare number is milliseconds). Sizes: 512 (bytes), 64KiB, 20MiB, 2GiB, 10kB, 1.5MB.
Exit codes: 0 closed by SIGINT/SIGTERM, or because its parent exited or its piped stdin closed;
1 could not start (e.g. port in use); 2 bad flags, variables, fixtures or scenario.`

function duration(ms: number): string {
  for (const [unit, n] of [['h', 3_600_000], ['m', 60_000], ['s', 1_000]] as const) {
    if (ms >= n && ms % n === 0) return `${ms / n}${unit}`
  }
  return `${ms}ms`
}
