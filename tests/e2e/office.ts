import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, type Page } from '@playwright/test'
import { runCliProcess, serveProcess, type Served } from '../support/cli'
import { postCommand } from '../support/http-client'

export interface OfficeFixture {
  /** The organiser's link, as `race-office serve` printed it. */
  url: string
  origin: string
  token: string
  file: string
  /** The folder the event file is in (removed after the test). */
  dir: string
  /** Stops the office as Ctrl+C would, for tests of what a desk shows when it goes away. */
  stop(): Promise<number | null>
}

/**
 * Every test gets its own event file and its own `race-office serve` on a free port,
 * started exactly as a user would start it, and stopped with SIGTERM afterwards.
 */
export const test = base.extend<{ office: OfficeFixture; initArgs: string[]; backups: boolean }>({
  initArgs: [['--name', 'Pyongyang Marathon 2025', '--date', '2025-04-06', '--tz', 'Asia/Pyongyang'], { option: true }],
  /** Serve with automatic backups into <dir>/backups, one a second while the event changes. */
  backups: [false, { option: true }],
  office: async ({ initArgs, backups }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'race-office-e2e-'))
    const file = join(dir, 'event.raceoffice')
    const init = await runCliProcess(['init', file, ...initArgs])
    if (init.code !== 0) throw new Error(`init failed: ${init.stderr}`)
    let served: Served | null = null
    let exitCode: number | null | undefined
    try {
      // Desks on the network open on loopback: the tests do not depend on this machine's networks.
      served = await serveProcess(file, ['--lan-address', '127.0.0.1', ...(backups ? ['--backups', join(dir, 'backups'), '--backup-every', '1s'] : [])])
      await use({ url: served.url, origin: served.origin, token: served.token, file, dir, stop: served.stop })
    } finally {
      exitCode = await served?.stop()
      rmSync(dir, { recursive: true, force: true })
    }
    if (exitCode !== 0) throw new Error(`serve did not close cleanly (exit ${exitCode}):\n${served.stderr()}`)
  },
})

export { expect } from '@playwright/test'

/** Opens the organiser's link and waits for the screens to be up, as a person would before typing. */
export async function signIn(page: Page, office: OfficeFixture): Promise<void> {
  await page.goto(office.url)
  await page.getByTestId('link-status').waitFor()
}

/** A device's clock checked against the office's, as a finish page does (here: the same machine's clock). */
export async function measureDeviceClock(office: OfficeFixture, device: string): Promise<void> {
  const sentAtMs = Date.now()
  const answer = await call<{ receivedAtMs: number; repliedAtMs: number }>(office, 'clock.exchange', { device, sentAtMs })
  await call(office, 'clock.measure', { device, exchanges: [{ sentAtMs, ...answer, returnedAtMs: Date.now() }] })
}

/** A command straight to the office, as the organiser (or the token given): for what a test sets up. */
export async function call<T = unknown>(office: OfficeFixture, command: string, input: unknown, token = office.token): Promise<T> {
  const response = await postCommand(Number(new URL(office.origin).port), command, input, token)
  if (response.status !== 200) throw new Error(`${command}: ${response.body}`)
  return (response.json() as { value: T }).value
}
