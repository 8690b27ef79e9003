/// <reference lib="dom" />
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { tmpdir } from 'node:os'
import type { CaptureView } from '../../src-shared/contract/timing'
import { runCliProcess, serveProcess } from '../support/cli'
import { postCommand } from '../support/http-client'
import { expect, signIn, test, type OfficeFixture } from './office'
import { SimulatedDecoder } from '../support/decoder-simulator'

test.use({
  initArgs: ['--name', 'Seoul 10K 2025', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-999', '--race', 'Half Marathon:21097:1000-1999'],
})

async function call<T = unknown>(office: OfficeFixture, command: string, input: unknown): Promise<T> {
  const response = await postCommand(Number(new URL(office.origin).port), command, input, office.token)
  if (response.status !== 200) throw new Error(`${command}: ${response.body}`)
  return (response.json() as { value: T }).value
}

async function openFinish(page: Page, office: OfficeFixture): Promise<void> {
  await signIn(page, office)
  await page.keyboard.press('Alt+5')
  await expect(page.getByRole('heading', { name: 'Finish line', level: 1 })).toBeVisible()
}

const rows = (page: Page) => page.getByTestId('capture-row')
const finishOrder = (office: OfficeFixture) =>
  call<{ captures: CaptureView[] }>(office, 'timing.list', {}).then((l) => l.captures.filter((c) => c.state === 'active').map((c) => c.bib))

test.describe('the Finish line desk', () => {
  test('a second F8 moments after the first starts nothing until the official confirms, at the instant of that press', async ({ page, office }) => {
    await openFinish(page, office)
    await page.keyboard.press('F8')
    await expect(page.getByLabel('Race time of 10K')).toBeVisible()
    // A nervous second press: a question, with "Not yet" under the finger.
    await page.keyboard.press('F8')
    const question = page.getByRole('dialog', { name: 'Start Half Marathon too?' })
    await expect(question.getByTestId('second-start')).toContainText(/10K started \d+ s ago/)
    await page.keyboard.press('F8')
    await page.keyboard.press('Enter')
    await expect(question).toBeHidden()
    const guns = () => call<{ race: string; gunAtMs: number | null }[]>(office, 'clock.list', {})
    expect((await guns()).map((c) => [c.race, c.gunAtMs !== null])).toEqual([
      ['10K', true],
      ['Half Marathon', false],
    ])
    // Its gun does fire: F8, then the deliberate step; the start is the press, not the click.
    const pressedAt = Date.now()
    await page.keyboard.press('F8')
    await page.waitForTimeout(700)
    await question.getByRole('button', { name: 'Start Half Marathon' }).click()
    await expect(page.getByLabel('Race time of Half Marathon')).toBeVisible()
    const half = (await guns()).find((c) => c.race === 'Half Marathon')
    expect(Math.abs((half?.gunAtMs as number) - pressedAt)).toBeLessThan(300)
  })

  test('an official starts the gun, records a small race, types the bibs in finish order and corrects the mistakes', async ({ page, office }) => {
    for (const [bib, givenName] of [
      [1, 'Ana'],
      [2, 'Bo'],
      [3, 'Cy'],
      [4, 'Di'],
    ] as const) {
      await call(office, 'entrants.create', { raceId: 1, givenName, familyName: 'Runner', sex: 'F', bib })
    }
    await openFinish(page, office)
    await expect(page.getByRole('button', { name: /Start 10K now/ })).toBeVisible()
    await page.keyboard.press('F8')
    await expect(page.getByLabel('Race time of 10K')).toHaveText(/^0:00:0\d\.\d$/)

    // Five presses: the second is a double press.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Space')
      await page.waitForTimeout(30)
    }
    await expect(page.getByTestId('finish-counts')).toHaveText('5 times · 0 with a bib')
    await expect(page.getByTestId('finish-ack')).toContainText('#5')

    await page.getByRole('radio', { name: 'Bibs in finish order' }).click()
    const box = page.getByLabel('Bib (in finish order)')
    await expect(box).toBeFocused()
    for (const bib of ['2', '1', '4', '3']) {
      await box.fill(bib)
      await box.press('Enter')
    }
    await expect(page.getByTestId('finish-counts')).toHaveText('5 times · 4 with a bib')
    // Every bib warned that its runner never picked up; a runner faster than the world record too.
    await expect(page.getByTestId('finish-ack')).toContainText('bib 3')
    await expect(page.getByTestId('finish-ack')).toContainText('Faster than the world record')
    expect(await finishOrder(office)).toEqual([2, 1, 4, 3, null])

    // The double press goes: the bibs after it move up one time.
    await page.locator('[data-testid=capture-row][data-order="2"]').click()
    await page.getByRole('button', { name: 'Delete (Del)' }).click()
    await page.getByLabel('Reason').fill('double press')
    await page.getByRole('button', { name: 'Take out' }).click()
    await expect(page.getByText('Taken out: double press')).toBeVisible()
    expect(await finishOrder(office)).toEqual([2, 1, 4, 3])

    // A misread bib is corrected where it was typed, and an unknown one is flagged.
    await page.locator('[data-testid=capture-row][data-order="4"]').click()
    await page.getByRole('button', { name: 'Edit bib' }).click()
    await page.getByLabel('Bib', { exact: true }).fill('33')
    await page.getByLabel('Reason').fill('misread')
    await page.getByRole('button', { name: 'Change bib' }).click()
    await expect(page.locator('[data-testid=capture-row][data-bib="33"]')).toContainText('Unknown bib')

    // A runner the key missed is inserted at the time from the video.
    const last = (await call<{ captures: CaptureView[] }>(office, 'timing.list', {})).captures.at(-1) as CaptureView
    const later = new Date((last.atMs as number) + 9 * 3_600_000 + 500).toISOString().slice(11, 23)
    // The corrected row stays chosen: the next correction starts from it.
    await expect(rows(page).first()).toHaveAttribute('aria-selected', 'true')
    await page.getByRole('button', { name: 'Insert a missed time' }).click()
    const insert = page.getByRole('dialog', { name: 'Insert a time' })
    await insert.getByLabel('Time of day').fill(later)
    await insert.getByLabel(/^Bib/).fill('3')
    await insert.getByLabel('Reason').fill('missed press, from the video')
    await insert.getByRole('button', { name: 'Insert', exact: true }).click()
    await expect(page.getByTestId('finish-counts')).toHaveText('5 times · 5 with a bib')
    expect(await finishOrder(office)).toEqual([2, 1, 4, 33, 3])
    await expect(rows(page).first()).toContainText('inserted')
  })

  test('two devices: one records times with a foot pedal, the other types bibs in finish order, and the office merges them', async ({
    page,
    browser,
    office,
  }) => {
    for (const [bib, givenName] of [
      [11, 'Eun'],
      [12, 'Fay'],
      [13, 'Gil'],
    ] as const) {
      await call(office, 'entrants.create', { raceId: 1, givenName, familyName: 'Runner', sex: 'F', bib })
    }
    await openFinish(page, office)
    // The pedal types "b": the timer teaches the desk that key.
    await page.getByRole('button', { name: 'Use another key…' }).click()
    await page.keyboard.press('b')
    await expect(page.getByRole('combobox', { name: 'Capture key' })).toHaveValue('KeyB')
    const bibs = await browser.newPage()
    await openFinish(bibs, office)
    await bibs.getByRole('radio', { name: 'Bibs in finish order' }).click()
    const box = bibs.getByLabel('Bib (in finish order)')
    for (const bib of ['12', '11']) {
      await page.keyboard.press('b')
      await box.fill(bib)
      await box.press('Enter')
    }
    // The bib recorder runs ahead of the timer: the third bib waits for its time.
    await box.fill('13')
    await box.press('Enter')
    await expect(bibs.getByTestId('finish-waiting')).toHaveText('Bibs waiting for a time: 13')
    await expect(bibs.getByTestId('finish-ack')).toContainText('waiting for its time')
    await page.keyboard.press('b')
    await expect(page.getByTestId('finish-counts')).toHaveText('3 times · 3 with a bib')
    await expect(bibs.getByTestId('finish-waiting')).toHaveCount(0)
    expect(await finishOrder(office)).toEqual([12, 11, 13])
    await bibs.close()
  })

  test('the organiser sets up a split, and a device records at it', async ({ page, office }) => {
    await openFinish(page, office)
    await page.getByLabel('Name of split 1').fill('Half way')
    await page.getByLabel('Distance of split 1 in km').fill('5,0')
    await page.getByLabel('Chip-read window (seconds)').fill('4')
    await page.getByRole('button', { name: 'Save timing points' }).click()
    await expect(page.getByRole('status').getByText('Timing points saved')).toBeVisible()
    expect(await call(office, 'timing.points', {})).toEqual({ splits: [{ name: 'Half way', distanceM: 5000 }], readWindowMs: 4000 })
    await page.getByTestId('finish-point').selectOption('Half way')
    await page.keyboard.press('Space')
    await expect(page.getByTestId('finish-counts')).toHaveText('1 time · 0 with a bib')
    expect((await call<{ captures: CaptureView[] }>(office, 'timing.list', { point: 'Half way' })).captures).toHaveLength(1)
  })

  test('presses made while the office is unreachable wait on the device and arrive once each when it is back', async ({ page, context, office }) => {
    await openFinish(page, office)
    await context.setOffline(true)
    for (let i = 0; i < 3; i++) await page.keyboard.press('Space')
    await expect(page.getByTestId('finish-pending')).toContainText('3 presses')
    await expect(page.getByTestId('pending-row')).toHaveCount(3)
    await context.setOffline(false)
    await expect(page.getByTestId('finish-pending')).toHaveCount(0, { timeout: 15_000 })
    await expect(page.getByTestId('finish-counts')).toHaveText('3 times · 0 with a bib')
    const list = await call<{ total: number }>(office, 'timing.list', {})
    expect(list.total).toBe(3)
  })

  test('presses kept on the device survive the page being closed while offline, and the next page sends them', async ({ page, context, office }) => {
    await openFinish(page, office)
    await context.setOffline(true)
    for (let i = 0; i < 2; i++) await page.keyboard.press('Space')
    await expect(page.getByTestId('finish-pending')).toContainText('2 presses')
    await page.close()
    await context.setOffline(false)
    expect((await call<{ total: number }>(office, 'timing.list', {})).total).toBe(0)
    // Another page of the same browser (a reopened tab) finds them in IndexedDB and sends them.
    const again = await context.newPage()
    await openFinish(again, office)
    await expect(again.getByTestId('finish-counts')).toHaveText('2 times · 0 with a bib', { timeout: 15_000 })
    expect((await call<{ total: number }>(office, 'timing.list', {})).total).toBe(2)
  })

  test('the organiser imports a timing system’s reads through the mapping step; unknown chips are listed', async ({ page, office }) => {
    await openFinish(page, office)
    const data = join(tmpdir(), `reads-${Date.now()}.csv`)
    writeFileSync(data, 'Tag;Time Of Day;Location\nA1;10:15:03.686;Finish\nA1;10:15:03.900;Finish\nB7;10:16:00.000;Finish\nC3;later;Finish\n')
    await page.getByText('Import reads…').setInputFiles(data)
    const mapping = page.getByTestId('reads-mapping')
    await expect(mapping.getByLabel('Chip', { exact: true })).toHaveValue('Tag')
    await expect(mapping.getByLabel('Time of day')).toHaveValue('Time Of Day')
    await expect(mapping.getByLabel('Timing point', { exact: true })).toHaveValue('Location')
    await mapping.getByRole('button', { name: 'Import reads', exact: true }).click()
    // A line the file mangled is named, and nothing is imported until the organiser says so.
    await expect(page.getByTestId('reads-report')).toContainText('Line 5, Time of day: “later” is not a time of day (HH:MM:SS.mmm) or an instant')
    await page.getByRole('button', { name: 'Import the others, leave out 1 line' }).click()
    await expect(page.getByTestId('reads-report')).toContainText('3 reads imported, 0 already there')
    await expect(page.getByTestId('reads-report')).toContainText('Chips no runner has: A1 (2), B7 (1)')
    await expect(page.getByTestId('reads-summary')).toContainText('finish')
  })

  test('the organiser imports a decoder’s own file with no mapping step, and connects a live decoder that keeps its reads through a drop', async ({
    page,
    office,
  }) => {
    await openFinish(page, office)
    const data = join(tmpdir(), `passings-${Date.now()}.txt`)
    writeFileSync(data, '1;NHKCT25;0000-00-00;01:02:33.450;1;12;-56\r\n2;NHKCT26;0000-00-00;01:03:00.000;1;9;-61\r\n')
    await page.getByText('Import reads…').setInputFiles(data)
    const mapping = page.getByTestId('reads-mapping')
    await expect(mapping).toContainText('written by a RACE RESULT decoder')
    await mapping.getByLabel('When the decoder was switched on').fill('09:10:00')
    await mapping.getByRole('button', { name: 'Import reads', exact: true }).click()
    await expect(page.getByTestId('reads-report')).toContainText('2 reads imported')
    await expect(page.getByTestId('reads-report')).toContainText('Read as RACE RESULT decoder lines.')

    const decoder = await SimulatedDecoder.start('raceresult')
    try {
      const panel = page.getByRole('region', { name: 'Live decoders' })
      await panel.getByLabel('Decoder address').fill('127.0.0.1')
      await panel.getByLabel('Port').fill(String(decoder.port))
      await panel.getByRole('button', { name: 'Connect' }).click()
      const link = panel.getByTestId('decoder-link')
      await expect(link).toContainText('Connected')
      const passing = (n: number) => `D${n};2025-04-06;10:20:${String(n).padStart(2, '0')}.000;1;5;-60;0;0;1;1;0;0;0;0;0;Finish;1`
      decoder.add([1, 2, 3].map(passing))
      await expect(link).toContainText('D3 at 10:20:03.000')
      await decoder.goOffline()
      decoder.add([4, 5].map(passing))
      await expect(link).toContainText('Trying again')
      await decoder.comeBack()
      await expect(link).toContainText('D5 at 10:20:05.000', { timeout: 15_000 })
      await expect(link).toContainText('5 new')
      expect((await call<{ points: { reads: number }[] }>(office, 'reads.summary', {})).points).toEqual([
        expect.objectContaining({ point: 'finish', reads: 7 }),
      ])
    } finally {
      await decoder.close()
    }
  })

  test('a finish laptop with its own copy of the event pairs with the office’s finish code and sends what it records', async ({ page, office }) => {
    const network = await call<{ codes: { finish: string } }>(office, 'desks.setNetwork', { on: true })
    const file = join(tmpdir(), `laptop-${Date.now()}.raceoffice`)
    expect(
      (await runCliProcess(['init', file, '--name', 'Seoul 10K 2025', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-999'])).code,
    ).toBe(0)
    const laptop = await serveProcess(file)
    try {
      await page.goto(laptop.url)
      await page.getByTestId('link-status').waitFor()
      await page.keyboard.press('Alt+5')
      await page.getByTestId('capture-button').waitFor()
      await page.keyboard.press('Space')
      await page.keyboard.press('Space')
      await expect(page.getByTestId('finish-counts')).toHaveText('2 times · 0 with a bib')
      const live = page.getByRole('region', { name: 'Live sync with the office' })
      await live.getByLabel('Office address').fill(office.origin)
      await live.getByLabel('Finish code').fill(network.codes.finish)
      await live.getByLabel('Your name').fill('Official')
      await live.getByRole('button', { name: 'Connect' }).click()
      await expect(live.getByTestId('live-sync-status')).toContainText(`Sending to ${office.origin}`)
      await expect(live.getByTestId('live-sync-status')).toContainText('2 new captures, 2 in all')
      expect((await call<{ total: number }>(office, 'timing.list', {})).total).toBe(2)
      await page.keyboard.press('Space')
      await expect(live.getByTestId('live-sync-status')).toContainText('1 new capture, 3 in all', { timeout: 20_000 })
    } finally {
      await laptop.stop()
      rmSync(file, { force: true })
    }
  })
})
