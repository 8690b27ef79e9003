/// <reference lib="dom" />
// `npm run screenshots`: the pictures in the README, taken from a real office in Debian's
// Chromium, in English and Korean. Run after `npm run build`, with Debian's fonts-noto-cjk installed
// (without it Hangul is drawn as empty boxes).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { runCliProcess, serveProcess } from '../tests/support/cli'
import { postCommand } from '../tests/support/http-client'
import { chromiumArgs, chromiumPath } from '../tests/support/chromium'

const outDir = join(import.meta.dirname, '..', 'docs', 'screenshots')
const dir = mkdtempSync(join(tmpdir(), 'race-office-screenshots-'))
const file = join(dir, 'pyongyang.raceoffice')
const init = await runCliProcess([
  'init',
  file,
  '--name',
  'Pyongyang International Marathon 2025',
  '--date',
  '2025-04-06',
  '--tz',
  'Asia/Pyongyang',
  '--place',
  'Kim Il Sung Stadium',
])
if (init.code !== 0) throw new Error(init.stderr)

// Backed up as the desktop app does, with one snapshot already there for the top bar to show.
const backups = join(dir, 'backups')
mkdirSync(backups)
const served = await serveProcess(file, ['--backups', backups])
const port = Number(new URL(served.origin).port)
const gun = (hour: number, minute: number): number => Date.UTC(2025, 3, 6, hour - 9, minute)
for (const race of [
  { name: 'Marathon', distanceM: 42195, startAt: gun(8, 0), colour: '#c0392b', bibRanges: [{ first: 1, last: 1999 }] },
  { name: 'Half Marathon', distanceM: 21097, startAt: gun(8, 15), colour: '#2563eb', bibRanges: [{ first: 2000, last: 3999 }] },
  {
    name: '10K',
    distanceM: 10000,
    startAt: gun(8, 30),
    colour: '#16a34a',
    bibRanges: [
      { first: 5000, last: 6999 },
      { first: 9000, last: 9099 },
    ],
  },
  { name: 'Fun Run 5K', distanceM: 5000, colour: '#d97706' },
]) {
  const response = await postCommand(port, 'races.create', race, served.token)
  if (response.status !== 200) throw new Error(response.body)
}

const entries = join(dir, 'entries.csv')
writeFileSync(entries, readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'fixtures', 'registrations-platform.csv')))

const configured = await postCommand(
  port,
  'checkin.configure',
  {
    confirmations: ['minorAge'],
    items: ['Gift bag'],
    shirts: [
      { size: 'XS', stock: 20 },
      { size: 'S', stock: 140 },
      { size: 'M', stock: 260 },
      { size: 'L', stock: 8 },
      { size: 'XL', stock: 0 },
    ],
    tables: [
      { name: 'Table A', first: 1, last: 999 },
      { name: 'Table B', first: 1000, last: 1999 },
    ],
  },
  served.token,
)
if (configured.status !== 200) throw new Error(configured.body)

/** Live, and no passing notice over the picture. */
async function settled(page: Page): Promise<void> {
  await page.locator('.link-live').waitFor()
  await page.waitForFunction(() => document.querySelectorAll('.notice').length === 0, undefined, { timeout: 10_000 })
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
try {
  for (const language of ['en', 'ko'] as const) {
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, locale: language === 'ko' ? 'ko-KR' : 'en-GB' })
    await page.goto(served.url)
    await page.getByTestId('race-row').first().waitFor()
    await page.screenshot({ path: join(outDir, `setup-${language}.png`) })
    await page.keyboard.press('Alt+n')
    await page
      .getByRole('dialog')
      .getByRole('textbox')
      .first()
      .fill(language === 'ko' ? '하프 마라톤' : 'Half Marathon')
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^(Save|저장)$/ })
      .click()
    await page.getByRole('dialog').locator('.field-error').first().waitFor()
    await page.screenshot({ path: join(outDir, `race-dialog-${language}.png`) })
    await page.keyboard.press('Escape')

    await page.keyboard.press('Alt+2')
    await page.getByRole('button', { name: /^(Import registrations|참가 신청 가져오기)$/ }).click()
    await page.locator('input[type=file]').setInputFiles(entries)
    await page.getByRole('dialog').locator('select').first().waitFor()
    await page.screenshot({ path: join(outDir, `import-columns-${language}.png`) })
    if (language === 'en') {
      await page.getByRole('button', { name: 'Next' }).click()
      await page.getByRole('dialog').getByRole('button', { name: 'Import 30 rows' }).click()
      await page.getByRole('button', { name: 'Close' }).click()
    } else {
      // The English pass imported the file already; here the wizard is only pictured.
      await page.keyboard.press('Escape')
    }
    await page.getByTestId('entrant-row').first().waitFor()
    await page.screenshot({ path: join(outDir, `entrants-${language}.png`) })
    await page.getByRole('searchbox').fill(language === 'ko' ? '김민' : 'lefevre')
    await page.getByTestId('search-hit').first().waitFor()
    await page.screenshot({ path: join(outDir, `search-${language}.png`) })
    // A runner's editor, with a change made in it (and its Undo) under Changes.
    await page.getByRole('searchbox').press('Enter')
    const editor = page.getByRole('dialog')
    await editor.getByLabel(/^(Club or team|클럽 또는 팀)/).fill(language === 'ko' ? '평양 달리기회' : 'Pyongyang Harriers')
    await editor.getByRole('button', { name: /^(Save|저장)$/ }).click()
    await editor.waitFor({ state: 'detached' })
    await page.getByRole('searchbox').press('Enter')
    await page.getByTestId('audit-undo').first().waitFor()
    await page.getByTestId('audit-undo').first().scrollIntoViewIfNeeded()
    await page.getByRole('dialog').screenshot({ path: join(outDir, `entrant-edit-${language}.png`) })
    await page.keyboard.press('Escape')
    // The club's spreadsheet holds the same runners: the wizard asks what to do with each.
    await page.getByRole('button', { name: /^(Import registrations|참가 신청 가져오기)$/ }).click()
    await page.locator('input[type=file]').setInputFiles(join(import.meta.dirname, '..', '..', 'shared', 'fixtures', 'registrations-club-excel.csv'))
    await page.getByRole('button', { name: /^(Next|다음)$/ }).click()
    await page.getByTestId('duplicate-row').first().waitFor()
    await page.locator('.duplicate-decisions').scrollIntoViewIfNeeded()
    await page.getByRole('dialog').screenshot({ path: join(outDir, `import-duplicates-${language}.png`) })
    await page.keyboard.press('Escape')
    await page.keyboard.press('Alt+3')
    await page.getByRole('button', { name: /^(Preview numbering|부여 미리 보기)$/ }).click()
    // The English pass applies the numbering, so the Korean plan finds nothing left to change.
    await page
      .locator(language === 'en' ? '.plan-changes li' : '.plan')
      .first()
      .waitFor()
    await page.screenshot({ path: join(outDir, `bibs-${language}.png`) })
    if (language === 'en') {
      await page.getByRole('button', { name: /^Apply: number \d+ runners$/ }).click()
      await page.getByText(/Marathon: \d+ numbered/).waitFor()
    }
    const print = page.locator('.print-panel')
    await print.locator('canvas[data-state=ready]').waitFor({ timeout: 60_000 })
    await print.screenshot({ path: join(outDir, `print-${language}.png`) })

    // Check-in, as the volunteer at a laptop sees it: matches, the runner's card, the confirmation.
    await page.keyboard.press('Alt+4')
    const search = page.getByTestId('pickup-search')
    await search.waitFor()
    await page.keyboard.type(language === 'en' ? 'sch' : 'ri')
    await page.getByTestId('pickup-match').first().waitFor()
    await settled(page)
    await page.screenshot({ path: join(outDir, `checkin-search-${language}.png`) })
    await page.keyboard.press('Enter')
    await page.getByTestId('runner-card').waitFor()
    const checkedIn = `${await page.getByTestId('runner-bib').textContent()} · ${await page.getByTestId('runner-name').textContent()}`
    const counted = await page.getByTestId('counter-desk').textContent()
    await page.keyboard.press('Enter')
    await page.getByTestId('checkin-confirmation').waitFor()
    await page.waitForFunction((before) => document.querySelector('[data-testid=counter-desk]')?.textContent !== before, counted)
    await settled(page)
    await page.screenshot({ path: join(outDir, `checkin-${language}.png`) })
    await page.keyboard.press('F2')
    await page.getByTestId('walk-up-givenName').fill(language === 'en' ? 'Ha-eun' : '하은')
    await page.getByTestId('walk-up-familyName').fill(language === 'en' ? 'Park' : '박')
    await page.getByRole('dialog').screenshot({ path: join(outDir, `walk-up-${language}.png`) })
    await page.keyboard.press('Escape')

    await page.keyboard.press('Alt+1')
    const network = page.getByRole('region', { name: /^(Desks on this network|같은 네트워크의 데스크)$/ })
    if (language === 'en') await network.getByTestId('network-switch').click()
    await network.getByTestId('pairing-code-desk').waitFor()
    await network.screenshot({ path: join(outDir, `network-${language}.png`) })

    // The same desk on a tablet held upright, and the self check-in kiosk.
    const tablet = await browser.newPage({ viewport: { width: 820, height: 1180 }, locale: language === 'ko' ? 'ko-KR' : 'en-GB' })
    await tablet.goto(served.url)
    await tablet.getByTestId('event-name').waitFor()
    await tablet.keyboard.press('Alt+4')
    await tablet.getByTestId('pickup-search').waitFor()
    await tablet.keyboard.type(language === 'en' ? 'schr\n' : '3100029\n')
    await tablet.getByTestId('runner-card').waitFor()
    await settled(tablet)
    await tablet.screenshot({ path: join(outDir, `checkin-tablet-${language}.png`) })
    await tablet.getByTestId('kiosk').click()
    await tablet.getByTestId('kiosk-pin').fill('864200')
    await tablet.getByTestId('kiosk-pin-again').fill('864200')
    await tablet.getByTestId('kiosk-start').click()
    await tablet.keyboard.type(language === 'en' ? '3100016\n' : '3100002\n')
    await tablet.getByTestId('kiosk-name').waitFor()
    await tablet.waitForTimeout(300)
    await tablet.screenshot({ path: join(outDir, `kiosk-${language}.png`) })
    await tablet.close()

    // The finish line: the gun, a bunch of presses, bibs typed in finish order.
    await page.keyboard.press('Alt+5')
    await page.getByTestId('capture-button').waitFor()
    if (language === 'en') {
      await page.getByRole('button', { name: /Start Marathon now/ }).waitFor()
      await page.keyboard.press('F8')
      await page.getByLabel('Race time of Marathon').waitFor()
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Space')
      await page.waitForTimeout(350)
    }
    await page.getByRole('radio', { name: /^(Bibs in finish order|도착 순 배번)$/ }).click()
    for (const bib of language === 'en' ? ['3', '1', '17', '4'] : ['2', '5', '6']) {
      await page.keyboard.type(`${bib}\n`)
      await page.waitForTimeout(150)
    }
    await page.getByTestId('finish-ack').waitFor()
    await page.waitForTimeout(400)
    await settled(page)
    await page.screenshot({ path: join(outDir, language === 'en' ? 'finish-en.png' : 'finish-bibs-ko.png') })

    // A finish tablet whose clock is 30 s fast (Debian's faketime): it says so, its times are
    // corrected, and the desk lists every device's clock.
    const fastTablet = await chromium.launch({
      executablePath: join(import.meta.dirname, '..', 'tests', 'support', 'chromium-30s-fast.sh'),
      args: chromiumArgs,
    })
    try {
      const tablet = await fastTablet.newPage({ viewport: { width: 1360, height: 900 }, locale: language === 'ko' ? 'ko-KR' : 'en-GB' })
      await tablet.goto(served.url)
      await tablet.getByTestId('link-status').waitFor()
      await tablet.keyboard.press('Alt+5')
      await tablet.locator('[data-testid=clock-status][data-state=off]').waitFor()
      for (let i = 0; i < 3; i++) {
        await tablet.keyboard.press('Space')
        await tablet.waitForTimeout(400)
      }
      await tablet.getByTestId('finish-ack').waitFor()
      await settled(tablet)
      await tablet.screenshot({ path: join(outDir, `finish-clock-${language}.png`) })
      const devices = tablet.getByTestId('device-clocks-card')
      await devices.locator('tr[data-state=off]').first().waitFor()
      await devices.screenshot({ path: join(outDir, `finish-devices-${language}.png`) })
    } finally {
      await fastTablet.close()
    }

    // The results of what the finish line recorded, and the board for the TV at the finish. The
    // presses came seconds after F8: the gun is put back as the starter's watch has it, so the
    // times read like a marathon's.
    const corrected = await postCommand(
      port,
      'clock.set',
      { raceId: 1, atMs: Date.now() - (2 * 3600 + 31 * 60) * 1000, reason: 'The starter’s watch' },
      served.token,
    )
    if (corrected.status !== 200) throw new Error(corrected.body)
    await page.keyboard.press('Alt+6')
    await page.locator('[data-testid=results-table] tbody tr[data-place="1"]').waitFor()
    await settled(page)
    await page.screenshot({ path: join(outDir, `results-${language}.png`) })
    // The same list ordered by age grade, and the teams the runners' clubs make.
    const teams = await postCommand(
      port,
      'races.update',
      { id: 1, teams: { score: 'places', size: 2, sex: 'open', mixedMin: 1, places: 'team' } },
      served.token,
    )
    if (teams.status !== 200) throw new Error(teams.body)
    await page.locator('#results-sort').selectOption('ageGrade')
    await page.locator('[data-testid=results-table] tbody tr').first().waitFor()
    await settled(page)
    await page.screenshot({ path: join(outDir, `results-agegrade-${language}.png`) })
    await page.locator('#results-sort').selectOption('place')
    await page.getByTestId('results-tab-teams').click()
    await page.getByTestId('teams-rule').waitFor()
    await settled(page)
    await page.screenshot({ path: join(outDir, `teams-${language}.png`) })
    await page.getByTestId('results-tab-list').click()
    await page.getByTestId('open-board').click()
    await page.getByTestId('board').waitFor()
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(outDir, `board-${language}.png`) })

    // Every change of the day, who made it and where, before → after; then the backups in Setup.
    const snapshot = await runCliProcess(['backup', file, backups])
    if (snapshot.code !== 0) throw new Error(snapshot.stderr)
    await page.goto(served.url)
    await page.keyboard.press('Alt+7')
    await page.getByTestId('audit-row').first().waitFor()
    // The runner checked in above: their history, before → after.
    await page.getByTestId('audit-filter').fill(language === 'en' ? 'sch' : 'ri')
    // Search puts runners not yet picked up first, and there are two Jörg Schröders: the one
    // checked in above is found by bib and name.
    await page.getByTestId('audit-match').filter({ hasText: checkedIn }).first().click()
    await page.getByTestId('audit-row').first().waitFor()
    await settled(page)
    await page.screenshot({ path: join(outDir, `audit-${language}.png`) })
    await page.keyboard.press('Alt+1')
    await page.getByTestId('backup-indicator').click()
    await page.getByTestId('backup-row').first().getByRole('button').first().click()
    await page.getByTestId('backup-check').first().getByText(/\d/).waitFor()
    await settled(page)
    await page.screenshot({ path: join(outDir, `backups-${language}.png`) })
    await page.close()
  }
} finally {
  await browser.close()
  await served.stop()
  rmSync(dir, { recursive: true, force: true })
}
console.log(`Screenshots written to ${outDir}`)
