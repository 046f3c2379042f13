export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug'

export interface Logger {
  level: LogLevel
  error(message: string): void
  warn(message: string): void
  info(message: string): void
  debug(message: string): void
}

export const LOG_LEVELS: readonly LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug']

/** A levelled logger writing one line per message (to stderr by default). */
export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const rank = LOG_LEVELS.indexOf(level)
  const at = (l: LogLevel) => (message: string) => {
    if (rank >= LOG_LEVELS.indexOf(l)) write(`[alfresco-mock] ${l.toUpperCase()} ${message}`)
  }
  return { level, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') }
}
