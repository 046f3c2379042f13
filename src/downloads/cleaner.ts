import type { Clock } from '../clock.js'
import type { CleanerSettings } from './types.js'

/**
 * DownloadsCleanupJob's trigger (a Quartz SimpleTrigger): the first run `startDelayMs` after start,
 * then every `intervalMs`, on the mock's clock. Returns a function that cancels the schedule.
 */
export function scheduleCleaner(clock: Clock, settings: CleanerSettings, run: () => void): () => void {
  if (!settings.enabled) return () => undefined
  let cancel: () => void = () => undefined
  let stopped = false
  const tick = (delay: number): void => {
    cancel = clock.setTimeout(() => {
      if (stopped) return
      run()
      if (settings.intervalMs > 0) tick(settings.intervalMs)
    }, delay)
  }
  tick(settings.startDelayMs)
  return () => {
    stopped = true
    cancel()
  }
}

/** ACS deletes downloads whose cm:modified is strictly older than now − maxAge, whatever their status. */
export function isExpired(lastChangeAt: number, now: number, maxAgeMs: number): boolean {
  return lastChangeAt < now - maxAgeMs
}
