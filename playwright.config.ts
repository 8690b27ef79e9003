import { defineConfig } from '@playwright/test'

// Debian's Chromium, never a downloaded browser: `playwright install` cannot run here or in CI.
const chromium = process.env['RACE_OFFICE_CHROMIUM'] ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  // Several tests prepare their event with the real CLI (a process each, a few seconds on a busy
  // two-core machine) before driving the screens: a minute each, so load alone does not fail them.
  timeout: 60_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    viewport: { width: 1360, height: 900 },
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
})
