import { describe, expect, it } from 'vitest'
import { HELP, parseCliArgs } from '../../src/cli-args.js'
import { runCommand, usageProblems } from '../support/cli-args.js'

const run = (...argv: string[]) => runCommand(argv)
const problems = (...argv: string[]) => usageProblems(argv)

describe('parseCliArgs', () => {
  it('defaults to 127.0.0.1:8080, the default fixtures, the system clock and per-request logging', () => {
    expect(run()).toEqual({
      kind: 'run',
      json: false,
      exitWithParent: true,
      warnings: [],
      options: { port: 8080, host: '127.0.0.1', fixtures: 'default', clock: 'system', logLevel: 'info' },
    })
  })

  it('reads the server flags, long and short', () => {
    expect(run('-p', '0', '-H', '0.0.0.0', '-f', './my.yaml', '--clock', 'manual', '--log-level', 'silent', '--json', '-s', 'flaky-status')).toEqual({
      kind: 'run',
      json: true,
      exitWithParent: true,
      warnings: [],
      options: { port: 0, host: '0.0.0.0', fixtures: './my.yaml', clock: 'manual', logLevel: 'silent', scenario: 'flaky-status' },
    })
  })

  it('maps every download flag onto MockOptions.downloads, leaving the rest to the fixture and defaults', () => {
    const { options } = run(
      '--progression', 'polls', '--pending', '2s', '--rate', '1MiB', '--pending-polls', '3', '--in-progress-polls', '0',
      '--max-content-size', '10kB', '--compression', 'store', '--cleaner-start-delay', '5m',
      '--cleaner-interval', '1h', '--cleaner-max-age', '90m', '--no-cleaner', '--ticket-lifetime', '250ms',
    )
    expect(options.downloads).toEqual({
      progression: 'polls',
      pendingMs: 2_000,
      bytesPerSecond: 1_048_576,
      pendingPolls: 3,
      inProgressPolls: 0,
      maxContentSize: 10_000,
      compression: 'STORE',
      cleaner: { enabled: false, startDelayMs: 300_000, intervalMs: 3_600_000, maxAgeMs: 5_400_000 },
    })
    expect(options.ticketLifetimeMs).toBe(250)
  })

  it('sets only the download fields given, so fixture settings still apply to the others', () => {
    expect(run('--progression', 'instant').options.downloads).toEqual({ progression: 'instant' })
    expect(run('--no-cleaner').options.downloads).toEqual({ cleaner: { enabled: false } })
    expect(run('--compression', 'DEFLATE').options.downloads).toEqual({ compression: 'DEFLATE' })
    expect(run().options).not.toHaveProperty('downloads')
    expect(run().options).not.toHaveProperty('ticketLifetimeMs')
  })

  it('accepts 0 to disable the size limit and ticket expiry', () => {
    const { options } = run('--max-content-size', '0', '--ticket-lifetime', '0')
    expect(options.downloads).toEqual({ maxContentSize: 0 })
    expect(options.ticketLifetimeMs).toBe(0)
  })

  it('answers help and version before looking at other values', () => {
    expect(parseCliArgs(['--port', 'nope', '--help'])).toEqual({ kind: 'help' })
    expect(parseCliArgs(['-v'])).toEqual({ kind: 'version' })
  })

  it('rejects an unknown flag or a stray argument with a pointer to --help', () => {
    expect(problems('--colour', 'blue')[0]).toMatch(/^Unknown option '--colour'/)
    expect(problems('serve')[0]).toMatch(/Unexpected argument 'serve'/)
    const err = (() => {
      try {
        parseCliArgs(['--nope'])
      } catch (e) {
        return e as Error
      }
    })()
    expect(err?.message.split('\n').at(-1)).toBe('Run alfresco-mock-server --help for the options.')
  })

  it('lists every bad value at once, word for word', () => {
    expect(
      problems(
        '--port', '65536', '--clock', 'fake', '--log-level', 'loud', '--host', ' ', '--progression', 'fast',
        '--rate', '0', '--pending', 'soon', '--pending-polls', '1.5', '--max-content-size', 'big',
        '--compression', 'zstd', '--cleaner-interval', '0s', '--ticket-lifetime', 'forever',
      ),
    ).toEqual([
      '--port: "65536" is not a port number. Please use 0–65535 (0 picks a free port).',
      '--host: the value is empty. Please give an interface address such as 127.0.0.1 or 0.0.0.0.',
      '--clock: "fake" is not one of system, manual.',
      '--log-level: "loud" is not one of silent, error, warn, info, debug.',
      '--ticket-lifetime: "forever" is not a duration. Please use milliseconds or a number with one of ms, s, m, h, d, such as "2s".',
      '--progression: "fast" is not one of time, polls, manual, instant.',
      '--pending: "soon" is not a duration. Please use milliseconds or a number with one of ms, s, m, h, d, such as "2s".',
      '--rate: "0" must be more than 0.',
      '--pending-polls: "1.5" is not a count. Please use a whole number such as 0 or 3.',
      '--max-content-size: "big" is not a size. Please use a number of bytes or a number with one of B, kB, MB, GB, TB, KiB, MiB, GiB, TiB, such as "50MiB".',
      '--compression: "zstd" is not one of deflate, store.',
      '--cleaner-interval: "0s" must be more than 0.',
    ])
  })

  it('documents every flag it accepts in --help', () => {
    const flags = [...HELP.matchAll(/--([a-z-]+)/g)].map((m) => m[1])
    for (const flag of ['port', 'host', 'fixtures', 'scenario', 'clock', 'log-level', 'json', 'ticket-lifetime', 'progression', 'pending',
      'rate', 'pending-polls', 'in-progress-polls', 'max-content-size', 'compression', 'cleaner-start-delay',
      'cleaner-interval', 'cleaner-max-age', 'no-cleaner', 'help', 'version']) {
      expect(flags).toContain(flag)
    }
  })
})
