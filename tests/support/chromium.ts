// Debian's Chromium, never a downloaded browser: `playwright install` cannot run here or in CI.
export const chromiumPath = process.env['RACE_OFFICE_CHROMIUM'] ?? '/usr/bin/chromium'

/** Headless, without the sandbox (CI runs as root), and quiet: no network of its own, no first-run screens. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
