/**
 * The CLI's configuration from flags and ALFRESCO_MOCK_* variables: precedence, every problem of
 * both reported at once (issue 8, item 13: `--pending-polls -1` used to stop at the first), and
 * the flags added for browsers and orphan handling.
 */
import { describe, expect, it } from 'vitest'
import { HELP } from '../../src/cli-args.js'
import { envName, FLAGS } from '../../src/cli-flags.js'
import { runCommand as run, usageProblems as problems } from '../support/cli-args.js'

describe('every problem at once', () => {
  it('reports a negative count, an unknown flag, a missing value and a stray argument together', () => {
    expect(problems(['--pending-polls', '-1', '--colour', '--port', 'eighty', 'serve', '--in-progress-polls', '-x', '--fixtures'])).toEqual([
      "Unknown option '--colour'.",
      "Unexpected argument 'serve'. This command does not take positional arguments.",
      '--fixtures: needs a value.',
      '--port: "eighty" is not a port number. Please use 0–65535 (0 picks a free port).',
      '--pending-polls: "-1" is not a count. Please use a whole number such as 0 or 3.',
      '--in-progress-polls: "-x" is not a count. Please use a whole number such as 0 or 3.',
    ])
  })

  it('reports bad variables with bad flags, each named as the user wrote it', () => {
    expect(problems(['--rate', 'fast'], { ALFRESCO_MOCK_PORT: '-1', ALFRESCO_MOCK_JSON: 'maybe', ALFRESCO_MOCK_CLEANER_MAX_AGE: 'a while' })).toEqual([
      'ALFRESCO_MOCK_JSON: "maybe" is not one of 1, true, yes, on, 0, false, no, off.',
      'ALFRESCO_MOCK_PORT: "-1" is not a port number. Please use 0–65535 (0 picks a free port).',
      '--rate: "fast" is not a size. Please use a number of bytes or a number with one of B, kB, MB, GB, TB, KiB, MiB, GiB, TiB, such as "50MiB".',
      'ALFRESCO_MOCK_CLEANER_MAX_AGE: "a while" is not a duration. Please use milliseconds or a number with one of ms, s, m, h, d, such as "2s".',
    ])
  })

  it('refuses a value on a switch, and takes values with = or glued to a short flag', () => {
    expect(problems(['--json=yes'])).toEqual(['--json: takes no value (got "yes").'])
    expect(run(['-p0', '--host=::1']).options).toMatchObject({ port: 0, host: '::1' })
  })
})

describe('ALFRESCO_MOCK_* variables', () => {
  it('set every flag but help and version, under its name in capitals with _ for -', () => {
    const names = FLAGS.filter((f) => !f.noEnv).map((f) => envName(f.name))
    expect(names).toContain('ALFRESCO_MOCK_PORT')
    expect(names).toContain('ALFRESCO_MOCK_LOG_LEVEL')
    expect(names).toContain('ALFRESCO_MOCK_NO_CLEANER')
    expect(names).not.toContain('ALFRESCO_MOCK_HELP')
    const env = {
      ALFRESCO_MOCK_PORT: '0',
      ALFRESCO_MOCK_HOST: '0.0.0.0',
      ALFRESCO_MOCK_FIXTURES: 'minimal',
      ALFRESCO_MOCK_SCENARIO: 'flaky-status',
      ALFRESCO_MOCK_CLOCK: 'manual',
      ALFRESCO_MOCK_LOG_LEVEL: 'warn',
      ALFRESCO_MOCK_JSON: 'true',
      ALFRESCO_MOCK_VALIDATE: 'strict',
      ALFRESCO_MOCK_CORS: 'http://localhost:4200',
      ALFRESCO_MOCK_TICKET_LIFETIME: '5m',
      ALFRESCO_MOCK_JOURNAL_MAX_BYTES: '2MiB',
      ALFRESCO_MOCK_NO_EXIT_WITH_PARENT: 'yes',
      ALFRESCO_MOCK_PROGRESSION: 'polls',
      ALFRESCO_MOCK_PENDING: '2s',
      ALFRESCO_MOCK_RATE: '1MiB',
      ALFRESCO_MOCK_PENDING_POLLS: '3',
      ALFRESCO_MOCK_IN_PROGRESS_POLLS: '0',
      ALFRESCO_MOCK_MAX_CONTENT_SIZE: '10kB',
      ALFRESCO_MOCK_COMPRESSION: 'store',
      ALFRESCO_MOCK_CLEANER_START_DELAY: '5m',
      ALFRESCO_MOCK_CLEANER_INTERVAL: '1h',
      ALFRESCO_MOCK_CLEANER_MAX_AGE: '90m',
      ALFRESCO_MOCK_NO_CLEANER: 'on',
    }
    // Each flag of the table has its variable here, so a new flag without a test fails.
    expect(Object.keys(env).sort()).toEqual([...names].sort())
    // The same command as the flags themselves, switches given bare.
    const argv = FLAGS.filter((f) => !f.noEnv).flatMap((f) => (f.kind === 'boolean' ? [`--${f.name}`] : [`--${f.name}=${env[envName(f.name) as keyof typeof env]}`]))
    expect(run([], env)).toEqual(run(argv))
    expect(run([], env)).toMatchObject({
      json: true,
      exitWithParent: false,
      options: { port: 0, clock: 'manual', validate: 'strict', cors: 'http://localhost:4200', ticketLifetimeMs: 300_000, journalMaxBytes: 2_097_152 },
    })
    expect(run([], env).options.downloads).toMatchObject({ pendingPolls: 3, compression: 'STORE', cleaner: { maxAgeMs: 5_400_000, enabled: false } })
  })

  it('lose to the flag, and an empty or "off" variable counts as not set', () => {
    const { options, json } = run(['--port', '9000', '--json'], { ALFRESCO_MOCK_PORT: '0', ALFRESCO_MOCK_JSON: '0', ALFRESCO_MOCK_HOST: '', ALFRESCO_MOCK_NO_CLEANER: 'false' })
    expect(options).toMatchObject({ port: 9000, host: '127.0.0.1' })
    expect(json).toBe(true)
    expect(options).not.toHaveProperty('downloads')
    // A bad variable that a flag overrides is not used, so it is no problem.
    expect(run(['--rate', '1MiB'], { ALFRESCO_MOCK_RATE: 'fast' }).options.downloads).toEqual({ bytesPerSecond: 1_048_576 })
  })

  it('read 1/true/yes/on for switches and for --validate and --cors alone', () => {
    expect(run([], { ALFRESCO_MOCK_VALIDATE: '1', ALFRESCO_MOCK_CORS: 'ON' }).options).toMatchObject({ validate: true, cors: true })
    expect(run([], { ALFRESCO_MOCK_VALIDATE: 'off', ALFRESCO_MOCK_CORS: 'false' }).options).toMatchObject({ validate: false })
    expect(run([], { ALFRESCO_MOCK_CORS: 'false' }).options).not.toHaveProperty('cors')
  })

  it('warn about an ALFRESCO_MOCK_ variable that names no setting, with the one it is likely to mean', () => {
    expect(run([], { ALFRESCO_MOCK_PROT: '0', ALFRESCO_MOCK_COLOUR: 'blue', ALFRESCO_MOCK_URL: 'http://127.0.0.1:1', HOME: '/root' }).warnings).toEqual([
      'alfresco-mock-server: ignoring ALFRESCO_MOCK_PROT: no such setting. Did you mean ALFRESCO_MOCK_PORT?',
      'alfresco-mock-server: ignoring ALFRESCO_MOCK_COLOUR: no such setting.',
    ])
  })
})

describe('--cors and --no-exit-with-parent', () => {
  it('--cors alone allows any origin; with a value, those origins', () => {
    expect(run(['--cors']).options.cors).toBe(true)
    expect(run(['--cors', '--port', '0']).options).toMatchObject({ cors: true, port: 0 })
    expect(run(['--cors=http://localhost:4200,http://127.0.0.1:4200']).options.cors).toBe('http://localhost:4200,http://127.0.0.1:4200')
    expect(run(['--cors', 'http://localhost:4200']).options.cors).toBe('http://localhost:4200')
    expect(run([]).options).not.toHaveProperty('cors')
  })

  it('refuses an origin a browser never sends', () => {
    expect(problems(['--cors=http://localhost:4200/app'])).toEqual([
      '--cors: origin "http://localhost:4200/app" is not an origin as browsers send it. Please write scheme://host[:port] with nothing after it, such as http://localhost:4200.',
    ])
  })

  it('--no-exit-with-parent keeps the mock running after its parent', () => {
    expect(run(['--no-exit-with-parent']).exitWithParent).toBe(false)
    expect(run([]).exitWithParent).toBe(true)
  })
})

describe('--help', () => {
  it('documents every flag of the table and the environment variables', () => {
    for (const flag of FLAGS) expect(HELP).toMatch(new RegExp(`--${flag.name}\\b`))
    expect(HELP).toContain('ALFRESCO_MOCK_PORT=0')
    expect(HELP).toContain('A flag wins over its variable, a variable over the\nfixture\'s settings, and those over the defaults.')
  })
})
