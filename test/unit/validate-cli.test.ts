import { describe, expect, it } from 'vitest'
import { CliUsageError, HELP, parseCliArgs } from '../../src/cli-args.js'

const validateOf = (...argv: string[]) => {
  const cmd = parseCliArgs(argv)
  if (cmd.kind !== 'run') throw new Error(`expected run, got ${cmd.kind}`)
  return cmd.options.validate
}

describe('--validate', () => {
  it('turns reporting on alone, and names the mode with = or a following word', () => {
    expect(validateOf('--validate')).toBe(true)
    expect(validateOf('--validate', '--port', '0')).toBe(true)
    expect(validateOf('--validate=strict')).toBe('strict')
    expect(validateOf('--validate', 'strict')).toBe('strict')
    expect(validateOf('--validate=report')).toBe(true)
    expect(validateOf('--validate=off')).toBe(false)
    expect(validateOf()).toBeUndefined()
  })

  it('refuses an unknown mode, naming the ones there are', () => {
    expect(() => parseCliArgs(['--validate=loud'])).toThrow(CliUsageError)
    expect(() => parseCliArgs(['--validate=loud'])).toThrow('--validate: "loud" is not one of report, strict, off.')
  })

  it('is described in --help', () => {
    expect(HELP).toContain('--validate[=strict]')
  })
})
