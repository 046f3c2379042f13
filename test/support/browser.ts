/**
 * A real browser for tests: Debian's chromium (`apt-get install chromium`, as .ci/run does) driven
 * by playwright-core, never a browser a test tool downloads. playwright-core starts each launch
 * with a new, empty --user-data-dir of its own (a playwright_chromiumdev_profile-* folder in the
 * temp directory) and removes it on close.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

/** The browser binary; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Flags that work in a container without a display, GPU or network access of its own. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const

export interface TestBrowser {
  browser: Browser
  /** A new context (its own cookies and storage) for each test that wants one. */
  newContext(): Promise<BrowserContext>
  close(): Promise<void>
}

/** Launches chromium headless, in a new empty profile. */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No browser at ${CHROMIUM_PATH}. Please install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`)
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS] })
  return { browser, newContext: () => browser.newContext(), close: () => browser.close() }
}
