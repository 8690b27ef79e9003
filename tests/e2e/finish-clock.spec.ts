/// <reference lib="dom" />
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from '@playwright/test'
import type { CaptureView, DeviceClock } from '../../src-shared/contract/timing'
import { call, expect, signIn, test, type OfficeFixture } from './office'
import { chromiumArgs } from '../support/chromium'

test.use({ initArgs: ['--name', 'Seoul 10K 2025', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-999'] })

// Debian's Chromium through faketime: every clock of the browser 30 s ahead of this machine's.
const fastChromium = fileURLToPath(new URL('../support/chromium-30s-fast.sh', import.meta.url))

async function openFinish(page: Page, office: OfficeFixture): Promise<void> {
  await signIn(page, office)
  await page.keyboard.press('Alt+5')
  await expect(page.getByRole('heading', { name: 'Finish line', level: 1 })).toBeVisible()
}

const captures = (office: OfficeFixture) => call<{ captures: CaptureView[] }>(office, 'timing.list', {}).then((l) => l.captures)

test.describe('one clock for every device', () => {
  test('a tablet whose clock is 30 s fast records finishers at the instants the keys were pressed, and says its clock is corrected', async ({ office }) => {
    const browser = await chromium.launch({ executablePath: fastChromium, args: chromiumArgs })
    try {
      const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'en-GB' })
      expect((await page.evaluate(() => Date.now())) - Date.now()).toBeGreaterThan(29_000)
      await openFinish(page, office)
      const status = page.getByTestId('clock-status')
      await expect(status).toHaveAttribute('data-state', 'off')
      await expect(status).toContainText(/This device’s clock is 30\.0 s fast — its times are corrected/)
      // Measured while the page was still loading, loosely: the page measures again within seconds.
      await expect.poll(async () => (await call<DeviceClock[]>(office, 'clock.devices', {}))[0]?.uncertaintyMs, { timeout: 30_000 }).toBeLessThanOrEqual(25)

      await page.keyboard.press('F8')
      // The key goes down somewhere between the two readings of this machine's clock.
      const pressed: { before: number; after: number }[] = []
      for (let i = 0; i < 5; i++) {
        await page.waitForTimeout(150)
        const before = Date.now()
        await page.keyboard.down('Space')
        pressed.push({ before, after: Date.now() })
        await page.keyboard.up('Space')
      }
      await expect(page.getByTestId('capture-row')).toHaveCount(5)
      const recorded = (await captures(office)).sort((a, b) => (a.atMs as number) - (b.atMs as number))
      expect(recorded).toHaveLength(5)
      for (const [i, c] of recorded.entries()) {
        const { before, after } = pressed[i] as { before: number; after: number }
        const where = `capture ${i + 1}: ${(c.atMs as number) - before} ms after the key began to go down, which took ${after - before} ms; offset ± ${c.offsetUncertaintyMs} ms`
        expect(c.atMs as number, where).toBeGreaterThanOrEqual(before - 50)
        expect(c.atMs as number, where).toBeLessThanOrEqual(after + 50)
        expect((c.deviceAtMs as number) - (c.atMs as number)).toBeGreaterThan(29_900)
        expect(c.offsetUncertaintyMs).toBeLessThan(250)
      }
      // The gun from F8 on the same clock: corrected too, so race times are not 30 s long.
      const [gun] = await call<{ gunAtMs: number }[]>(office, 'clock.list', {})
      const firstRaceTime = (recorded[0]?.atMs as number) - (gun?.gunAtMs as number)
      expect(firstRaceTime).toBeGreaterThan(100)
      expect(firstRaceTime).toBeLessThan(5_000)

      // The desk lists the device with its offset, and so does the office.
      const devices = await call<DeviceClock[]>(office, 'clock.devices', {})
      expect(devices.map((d) => [d.device, d.state])).toEqual([[recorded[0]?.device, 'off']])
      await expect(page.getByTestId('device-clocks').getByRole('row', { name: /30\.0 s fast/ })).toBeVisible()
    } finally {
      await browser.close()
    }
  })

  test('a duplicated tab records through an outage beside the first, and no press is lost or overwritten', async ({ page, context, office }) => {
    await openFinish(page, office)
    await expect(page.getByTestId('clock-status')).toHaveAttribute('data-state', 'ok')
    const first = await page.getByTestId('finish-device').textContent()
    // A duplicated tab starts with a copy of the first tab's session storage: its device id and numbers.
    const session = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)))
    const duplicate = await context.newPage()
    await duplicate.addInitScript((entries) => {
      if (sessionStorage.length === 0) for (const [key, value] of JSON.parse(entries) as [string, string][]) sessionStorage.setItem(key, value)
    }, session)
    await openFinish(duplicate, office)
    await expect(duplicate.getByTestId('finish-device')).not.toHaveText(first as string)

    await context.setOffline(true)
    for (const tab of [page, duplicate, page, duplicate, duplicate]) {
      await tab.bringToFront()
      await tab.getByTestId('capture-button').click()
    }
    await expect(page.getByTestId('finish-pending')).toContainText('2')
    await expect(duplicate.getByTestId('finish-pending')).toContainText('3')
    await context.setOffline(false)
    await expect.poll(async () => (await captures(office)).length, { timeout: 15_000 }).toBe(5)
    const recorded = await captures(office)
    expect(new Set(recorded.map((c) => `${c.device}:${c.seq}`)).size).toBe(5)
    expect(new Set(recorded.map((c) => c.device)).size).toBe(2)
    await expect(page.getByTestId('finish-pending')).toHaveCount(0)
    await expect(duplicate.getByTestId('finish-pending')).toHaveCount(0)
  })
})
