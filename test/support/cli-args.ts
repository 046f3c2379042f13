import { CliUsageError, parseCliArgs, type CliCommand } from '../../src/cli-args.js'

type Env = Record<string, string>

/** The run command argv and env ask for; throws if they ask for help, the version or have problems. */
export function runCommand(argv: readonly string[], env: Env = {}): Extract<CliCommand, { kind: 'run' }> {
  const command = parseCliArgs(argv, env)
  if (command.kind !== 'run') throw new Error(`expected a run command, got ${command.kind}`)
  return command
}

/** The problems parseCliArgs reports for argv and env; throws if it reports none. */
export function usageProblems(argv: readonly string[], env: Env = {}): readonly string[] {
  try {
    parseCliArgs(argv, env)
  } catch (err) {
    if (err instanceof CliUsageError) return err.problems
    throw err
  }
  throw new Error('expected a CliUsageError')
}
