/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { typedDigitsOf } from '../../src-shared/timing/typed-times'
import { call, expect, signIn, test, type OfficeFixture } from './office'

test.use({ initArgs: ['--name', 'Seoul 10K 2025', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-999'] })

// 09:00:00 in Seoul.
const gun = Date.UTC(2025, 3, 6, 0, 0, 0)

async function field(office: OfficeFixture, runners: number): Promise<void> {
  for (let bib = 1; bib <= runners; bib++) await call(office, 'entrants.create', { raceId: 1, givenName: `Runner${bib}`, familyName: 'Kim', sex: 'F', bib })
  await call(office, 'clock.set', { raceId: 1, atMs: gun })
}

async function openFinish(page: Page, office: OfficeFixture): Promise<void> {
  await signIn(page, office)
  await page.keyboard.press('Alt+5')
  await expect(page.getByRole('heading', { name: 'Finish line', level: 1 })).toBeVisible()
}

type ResultList = { rows: { bib: number | null; gunTimeMs: number | null; finishAtMs: number | null; place: number | null }[] }

test('an official types a stopwatch tape of 100 times, pastes a column of them, and finds every one in the results', async ({ page, office }) => {
  await field(office, 100)
  // The tape: a finisher every 7.31 s from 0:30:00, to the hundredth; runner k+1 is the k-th.
  const tape = Array.from({ length: 100 }, (_, k) => 1_800_000 + k * 7_310)
  await openFinish(page, office)
  await page.getByRole('radio', { name: 'Typed times' }).click()
  const line = page.getByLabel('Time from the tape (its bib first, if it has one)')
  await expect(line).toBeFocused()

  // The parsed time shows as it is typed, before Enter.
  await line.pressSequentially('1 30')
  await expect(page.getByTestId('typed-parsed')).toHaveText('bib 1 · 0:00:30.000 · 09:00:30.000 of day')
  await line.fill('')
  for (const [k, ms] of tape.slice(0, 60).entries()) {
    await line.pressSequentially(`${k + 1} ${typedDigitsOf(ms)}`)
    await line.press('Enter')
  }
  await expect(page.getByTestId('typed-added')).toHaveText('60 times typed on this desk')

  // The rest pasted as a column of bibs and times from a spreadsheet, one of them misread.
  const column = tape.slice(60).map((ms, k) => `${61 + k}\t${typedDigitsOf(ms)}`)
  const misread = column[10] as string
  column[10] = '71\t3:1x'
  await line.evaluate((input, text) => {
    const data = new DataTransfer()
    data.setData('text/plain', text)
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, column.join('\n'))
  const pasted = page.getByTestId('typed-paste')
  await expect(pasted).toContainText('40 lines pasted')
  await expect(pasted).toContainText('1 line is not a time: type it again')
  await pasted.getByRole('button', { name: 'Add 39 times' }).click()
  await expect(pasted.getByRole('listitem')).toHaveText([/^71\t?\s*3:1x — Not a time/])
  await line.pressSequentially(misread.replace('\t', ' '))
  await line.press('Enter')
  await expect(page.getByTestId('typed-added')).toHaveText('100 times typed on this desk')
  await expect(page.getByTestId('finish-pending')).toBeHidden()

  const results = await call<ResultList>(office, 'results.list', { raceId: 1 })
  const byBib = new Map(results.rows.map((r) => [r.bib, r]))
  expect(results.rows.filter((r) => r.place !== null)).toHaveLength(100)
  for (const [k, ms] of tape.entries()) expect(byBib.get(k + 1)).toMatchObject({ finishAtMs: gun + ms, place: k + 1 })
})

test('the organiser imports a backup stopwatch’s file, a bad line reported, and takes each fix of the cross-check with one key', async ({ page, office }) => {
  await field(office, 12)
  // 12 runners 4 s apart from 0:31:00. The finish desk pressed for times and missed three and
  // pressed two twice; the bibs were typed in finish order, so without the fixes they slip.
  const crossings = Array.from({ length: 12 }, (_, k) => 1_860_000 + k * 4000)
  let seq = 0
  for (const [k, ms] of crossings.entries()) {
    if ([2, 6, 7].includes(k)) continue
    await call(office, 'timing.capture', { device: 'desk', seq: ++seq, point: 'finish', atMs: gun + ms })
    if ([4, 9].includes(k)) await call(office, 'timing.capture', { device: 'desk', seq: ++seq, point: 'finish', atMs: gun + ms + 250 })
  }
  for (let bib = 1; bib <= 12; bib++) await call(office, 'timing.assignBib', { device: 'bibs', seq: bib, bib })
  const clock = (ms: number): string => `0:${Math.floor(ms / 60_000)}:${String((ms / 1000) % 60).padStart(2, '0')}.00`
  const lines = crossings.map((ms, k) => `${k + 1},${clock(ms)}`)
  const file = ['Place,Time', ...lines.slice(0, 5), '6,0:31:2O.00', ...lines.slice(5)].join('\n')

  await openFinish(page, office)
  await page
    .getByTestId('timer-files')
    .locator('input[type=file]')
    .setInputFiles({ name: 'stopwatch.csv', mimeType: 'text/csv', buffer: Buffer.from(file) })
  const mapping = page.getByTestId('timer-file-mapping')
  await expect(mapping).toContainText('stopwatch.csv: 13 lines')
  await expect(mapping.getByLabel('These times are')).toHaveValue('backup')
  await mapping.getByLabel('Race', { exact: true }).selectOption({ label: '10K' })
  await mapping.getByRole('button', { name: 'Import the times' }).click()
  const report = page.getByTestId('timer-file-report')
  await expect(report).toContainText('Line 7, Time: "0:31:2O.00" cannot be read.')
  await report.getByRole('button', { name: 'Import the others, leave out 1 line' }).click()
  await expect(report).toContainText('12 backup time(s) from timer stopwatch at finish')

  const check = page.getByTestId('cross-check')
  await expect(check).toContainText('5 to look at')
  await check.getByRole('listbox').focus()
  for (let n = 5; n > 0; n--) {
    await expect(check.getByRole('option')).toHaveCount(n)
    await page.keyboard.press('Enter')
  }
  await expect(check).toContainText('Every press agrees with the backup timer.')
  const results = await call<ResultList>(office, 'results.list', { raceId: 1 })
  expect(results.rows.map((r) => [r.place, r.bib, r.gunTimeMs])).toEqual(crossings.map((ms, k) => [k + 1, k + 1, ms]))
})
