/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { unzipSync } from 'fflate'
import type { Page } from '@playwright/test'
import { call, expect, measureDeviceClock, signIn, test, type OfficeFixture } from './office'

test.use({
  initArgs: ['--name', 'Seoul 10K 2025', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-999'],
})

const runners = [
  [1, 'Ana', 'Kim', 'F', 31],
  [2, 'Bo', 'Lee', 'M', 44],
  [3, 'Cy', 'Park', 'F', 52],
  [4, 'Di', 'Choi', 'M', 38],
] as const

/** Four runners and a gun half an hour ago: finishers now run a plausible 10K. */
async function raceUnderWay(office: OfficeFixture): Promise<number> {
  for (const [bib, givenName, familyName, sex, age] of runners) await call(office, 'entrants.create', { raceId: 1, givenName, familyName, sex, age, bib })
  // An hour ago: the finishes the tests record (40-odd minutes in) are in the office's past.
  const gun = Date.now() - 60 * 60_000
  await call(office, 'clock.start', { raceId: 1, atMs: gun, device: 'office' })
  await measureDeviceClock(office, 'timer')
  return gun
}

async function openResults(page: Page, office: OfficeFixture): Promise<void> {
  await signIn(page, office)
  await page.keyboard.press('Alt+6')
  await expect(page.getByRole('heading', { name: 'Results', level: 1 })).toBeVisible()
}

test.describe('results', () => {
  test('a finisher recorded at the finish line shows on the live board on a second screen within a second; runners of a race not started are not on course', async ({
    page,
    context,
    office,
  }) => {
    await raceUnderWay(office)
    const later = await call<{ id: number }>(office, 'races.create', { name: '5K', distanceM: 5000, bibRanges: [{ first: 1000, last: 1999 }] })
    await call(office, 'entrants.create', { raceId: later.id, givenName: 'Eun', familyName: 'Jung', sex: 'F', age: 29, bib: 1000 })
    await signIn(page, office)
    await page.keyboard.press('Alt+5')
    await page.getByRole('radio', { name: 'Bib + time' }).click()
    const box = page.getByLabel('Bib — Enter as the runner crosses')

    const tv = await context.newPage()
    await signIn(tv, office)
    await tv.evaluate("window.location.hash = '/board'")
    await expect(tv.getByTestId('board')).toBeVisible()
    await expect(tv.getByText('Waiting for the first finisher…')).toBeVisible()

    for (const [bib] of [runners[2], runners[0], runners[3]]) {
      await box.fill(String(bib))
      await box.press('Enter')
      await expect(page.getByTestId('finish-ack')).toContainText(`bib ${bib}`)
      // From the office's acknowledgement on the finish desk to the board on the other screen.
      await expect(tv.locator(`.board-latest .board-row[data-bib="${bib}"]`)).toBeVisible({ timeout: 1000 })
    }
    await expect(tv.locator('.board-latest .board-rows .board-row').first()).toHaveAttribute('data-bib', '4')
    await expect(tv.locator('.board-header')).toContainText('3 finishers · 1 on course')
    await expect(tv.locator('.board-leaders')).toContainText('Cy Park')

    await page.keyboard.press('Alt+6')
    const places = page.locator('[data-testid=results-table] tbody tr')
    await expect(places).toHaveCount(4)
    expect(await places.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-bib'), r.getAttribute('data-place')]))).toEqual([
      ['3', '1'],
      ['1', '2'],
      ['4', '3'],
      ['2', ''],
    ])
  })

  test('the organiser disqualifies a runner with a reason, checks the problems and publishes a results site that works from a folder', async ({
    page,
    office,
  }) => {
    const gun = await raceUnderWay(office)
    let seq = 0
    for (const [bib, minutes] of [
      [2, 41],
      [1, 42],
      [77, 43],
      [4, 44],
      [3, 45],
    ] as const) {
      await call(office, 'timing.capture', { device: 'timer', seq: ++seq, point: 'finish', atMs: gun + minutes * 60_000 + 250, bib })
    }
    await openResults(page, office)
    await expect(page.getByTestId('provisional')).toHaveText('Provisional: 1 problem to check before publishing')
    await expect(page.locator('tr[data-bib="2"]')).toHaveAttribute('data-place', '1')

    await page.locator('tr[data-bib="2"]').click()
    const runner = page.getByRole('dialog', { name: 'Bib 2 · Bo Lee' })
    await expect(runner).toContainText('41:01')
    await runner.getByLabel('Official’s decision').selectOption('DQ')
    await runner.getByRole('button', { name: 'Record decision' }).click()
    await expect(runner.getByRole('alert')).toHaveText('Say why (it is kept with the decision).')
    await runner.getByLabel('Reason').fill('TR 55.7: left the course')
    await runner.getByRole('button', { name: 'Record decision' }).click()
    await expect(runner.getByText('Decisions so far')).toBeVisible()
    await expect(runner).toContainText('Disqualified — TR 55.7: left the course')
    await runner.getByRole('button', { name: 'Close' }).click()
    await expect(page.locator('tr[data-bib="1"]')).toHaveAttribute('data-place', '1')
    await expect(page.locator('tr[data-bib="2"]')).toContainText('DQ')

    await page.getByTestId('results-tab-problems').click()
    await expect(page.locator('.problem[data-kind="unknownBib"]')).toContainText('Bib 77')
    await page.getByTestId('problem-note').fill('A pacer without a bib of ours')
    await page.getByTestId('problem-check').click()
    await expect(page.getByTestId('provisional')).toHaveText('Every problem checked: ready to publish')

    await page.getByTestId('results-tab-publish').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-html').click()])
    const zipPath = await download.path()
    const site = mkdtempSync(join(tmpdir(), 'race-office-site-'))
    try {
      const { readFileSync } = await import('node:fs')
      for (const [path, bytes] of Object.entries(unzipSync(readFileSync(zipPath)))) {
        mkdirSync(dirname(join(site, path)), { recursive: true })
        writeFileSync(join(site, path), bytes)
      }
      const folder = download.suggestedFilename().replace(/\.zip$/, '')
      const browserPage = await page.context().newPage()
      await browserPage.goto(pathToFileURL(join(site, folder, 'index.html')).href)
      await browserPage.getByRole('link', { name: '10K' }).click()
      const rows = browserPage.locator('#body tr')
      await expect(rows).toHaveCount(4)
      await expect(rows.first()).toContainText('Ana Kim')
      await expect(browserPage.locator('.provisional')).toHaveCount(0)
      await browserPage.getByRole('searchbox').fill('park')
      await expect(rows).toHaveCount(1)
      await expect(rows.first()).toContainText('45:01')
      await browserPage.getByRole('searchbox').fill('')
      await browserPage.getByLabel('Category').selectOption('M35')
      await expect(rows).toHaveCount(1)
      await expect(rows.first()).toContainText('Di Choi')
    } finally {
      rmSync(site, { recursive: true, force: true })
    }
  })

  test('a finisher types their bib at the results kiosk and sees their time and places; a wrong bib is explained', async ({ page, office }) => {
    const gun = await raceUnderWay(office)
    // Half a second past 40:00, rounded up to 40:01: well clear of the few milliseconds the timer's
    // measured clock offset may shift the capture by (a press 1 ms past could land at 39:59.999).
    await call(office, 'timing.capture', { device: 'timer', seq: 1, point: 'finish', atMs: gun + 40 * 60_000 + 500, bib: 1 })
    await openResults(page, office)
    await page.getByTestId('open-results-kiosk').click()
    await page.getByTestId('kiosk-pin').fill('864200')
    await page.getByTestId('kiosk-pin-again').fill('864200')
    await page.getByTestId('kiosk-start').click()
    const bib = page.getByTestId('results-kiosk-bib')
    await expect(bib).toBeFocused()
    await bib.fill('99')
    await bib.press('Enter')
    await expect(page.getByRole('alert')).toHaveText('No runner wears bib 99. Please check the number.')
    await bib.fill('2')
    await bib.press('Enter')
    await expect(page.getByRole('alert')).toContainText('No finish time yet for bib 2')
    await bib.fill('RO/1/')
    await bib.press('Enter')
    await expect(page.getByTestId('slip-time')).toHaveText('40:01')
    await expect(page.getByTestId('result-slip')).toContainText('Place 1 of 1')
    await expect(page.getByTestId('result-slip')).toContainText('Women: 1 of 1')
    await expect(page.getByTestId('slip-age-grade')).toHaveText(/^Age grade \d\d\.\d\d % · age-graded time \d\d:\d\d$/)
    await page.getByRole('button', { name: 'Next runner' }).click()
    await expect(bib).toBeFocused()
    await page.getByRole('button', { name: 'Leave kiosk' }).click()
    await page.getByTestId('kiosk-leave-pin').fill('864200')
    await page.getByRole('button', { name: 'Leave', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Results', level: 1 })).toBeVisible()
  })

  test('the organiser scores teams by club and orders the list by age grade; the Teams tab follows each new finisher', async ({ page, office }) => {
    for (const [bib, givenName, familyName, sex, age] of runners)
      await call(office, 'entrants.create', { raceId: 1, givenName, familyName, sex, age, bib, club: bib % 2 === 1 ? 'Han River RC' : 'Seoul Striders' })
    const gun = Date.now() - 60 * 60_000
    await call(office, 'clock.start', { raceId: 1, atMs: gun, device: 'office' })
    // Typed from the tape: Bo (44) 41:00, Ana (31) 42:00, Cy (52) 43:00.
    for (const [seq, bib, minutes] of [
      [1, 2, 41],
      [2, 1, 42],
      [3, 3, 43],
    ] as const)
      await call(office, 'timing.typeTime', { device: 'tape', seq, raceId: 1, timeMs: minutes * 60_000, bib })
    await openResults(page, office)
    await page.getByLabel('Order').selectOption('ageGrade')
    // Cy at 52 grades above Bo at 44 and Ana at 31.
    await expect(page.getByTestId('results-table').locator('tbody tr').first()).toHaveAttribute('data-bib', '3')

    await page.getByTestId('results-tab-publish').click()
    await page.getByLabel('Score teams by').selectOption({ label: 'sum of places among team runners' })
    await page.getByLabel('Scorers per team').fill('2')
    await page.getByTestId('rules-save').click()
    await page.getByTestId('results-tab-teams').click()
    const teams = page.getByTestId('teams')
    await expect(teams.getByTestId('teams-rule')).toHaveText(
      'Teams by club · first 2 score · open · sum of places among team runners, lowest first · ties: the last scorer’s place',
    )
    await expect(teams.locator('tbody tr')).toHaveText([/^1Han River RC5/, /^incompleteSeoul Striders1/])
    await call(office, 'timing.typeTime', { device: 'tape', seq: 4, raceId: 1, timeMs: 44 * 60_000, bib: 4 })
    // 5 each: the tie goes to Han River, whose last scorer (3rd) beat Seoul's (4th).
    await expect(teams.locator('tbody tr')).toHaveText([/^1Han River RC5/, /^2Seoul Striders5/])
  })

  test('the organiser awards a division of their own: its winners on the Awards tab, its places in the list filtered to it', async ({ page, office }) => {
    for (const [bib, givenName, familyName, sex, age] of runners)
      await call(office, 'entrants.create', { raceId: 1, givenName, familyName, sex, age, bib, divisions: bib === 1 ? [] : ['Wheelchair'] })
    await call(office, 'clock.start', { raceId: 1, atMs: Date.now() - 60 * 60_000, device: 'office' })
    for (const [seq, bib] of [1, 2, 3, 4].entries())
      await call(office, 'timing.typeTime', { device: 'tape', seq: seq + 1, raceId: 1, timeMs: (40 + seq) * 60_000, bib })
    await openResults(page, office)

    await page.getByTestId('results-tab-publish').click()
    await page.getByTestId('division-add').click()
    await page.getByLabel('Winners', { exact: true }).fill('1')
    await page.getByTestId('rules-save').click()
    await page.getByTestId('results-tab-awards').click()
    const awards = page.getByTestId('awards')
    await expect(awards.locator('section', { hasText: 'Wheelchair · Women' })).toContainText('3Cy Park')
    await expect(awards.locator('section', { hasText: 'Wheelchair · Men' })).toContainText('2Bo Lee')

    await page.getByTestId('results-tab-list').click()
    await page.getByLabel('Division').selectOption('Wheelchair')
    const rows = page.getByTestId('results-table').locator('tbody tr')
    await expect(rows).toHaveCount(3)
    await expect(rows.locator('.result-divisions')).toHaveText(['Wheelchair 1', 'Wheelchair 2', 'Wheelchair 3'])
  })
})
