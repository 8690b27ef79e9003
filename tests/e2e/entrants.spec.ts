import { join } from 'node:path'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { generateEntrants, toPlatformCsv } from '../../bench/generate'
import { runCliProcess, sampleEventArgs } from '../support/cli'
import type { Locator, Page } from '@playwright/test'
import { expect, signIn, test } from './office'

const fixtures = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures')

test.use({
  initArgs: sampleEventArgs('Pyongyang Marathon 2025'),
})

/** Opens the import wizard from the Entrants desk and chooses a CSV file made of `text`. */
async function importThroughWizard(page: Page, name: string, text: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Import registrations' }).click()
  const wizard = page.getByRole('dialog', { name: 'Import registrations' })
  await wizard.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) })
  return wizard
}

test.describe('the Entrants desk', () => {
  test("an organiser imports the platform's export through the wizard, then finds runners by a Hangul prefix and without accents", async ({ page, office }) => {
    await signIn(page, office)
    await page.keyboard.press('Alt+2')
    await expect(page.getByText('No entrants yet')).toBeVisible()

    await page.getByRole('button', { name: 'Import registrations' }).click()
    const wizard = page.getByRole('dialog', { name: 'Import registrations' })
    await wizard.locator('input[type=file]').setInputFiles(join(fixtures, 'registrations-platform.csv'))
    await expect(wizard.getByText('registrations-platform.csv')).toBeVisible()
    await expect(wizard.getByLabel('Read as: Native Name')).toHaveValue('secondName')
    await expect(wizard.getByLabel('Read as: DOB')).toHaveValue('birthDate')
    // Nothing is dropped without a word: the columns left out are named, and the registration number is read.
    await expect(wizard.getByTestId('not-imported')).toContainText('Street Address')
    await expect(wizard.getByTestId('no-ref-column')).toHaveCount(0)
    await wizard.getByRole('button', { name: 'Next' }).click()
    await expect(wizard.getByTestId('tally-add')).toHaveText('30')
    await expect(wizard.getByText('Every row is ready to import.')).toBeVisible()
    await wizard.getByRole('button', { name: 'Import 30 rows' }).click()
    await expect(wizard.getByText('Imported 30 new, updated 0, 0 unchanged.')).toBeVisible()
    await wizard.getByRole('button', { name: 'Close' }).click()

    await expect(page.getByRole('heading', { name: /Entrants/ })).toContainText('30 entrants')
    await expect(page.getByTestId('entrant-row').first()).toContainText('Andersson')

    const search = page.getByLabel('Find a runner')
    await search.fill('김민')
    await expect(page.getByTestId('search-hit')).toHaveCount(2)
    await expect(page.getByTestId('search-hit').first()).toContainText('Kim, Min-jun · 김민준')

    await search.fill('lefevre')
    await expect(page.getByTestId('search-hit')).toHaveCount(2)
    await expect(page.getByTestId('search-hit').first()).toContainText('Lefèvre, Amélie')

    await search.fill('garcia marq')
    await expect(page.getByTestId('search-hit').first()).toContainText('García Márquez, Lucía')

    // Keyboard first: the first match is highlighted, ↓ moves on, Enter opens the highlighted runner.
    await search.fill('김민')
    await expect(page.getByTestId('search-hit')).toHaveCount(2)
    await expect(page.getByTestId('search-hit').first()).toHaveAttribute('aria-current', 'true')
    await search.press('ArrowDown')
    await expect(page.getByTestId('search-hit').nth(1)).toHaveAttribute('aria-current', 'true')
    const second = (await page.getByTestId('search-hit').nth(1).locator('.hit-name strong').textContent()) as string
    await search.press('Enter')
    await expect(page.getByRole('dialog')).toContainText(second)
  })

  test("the club's spreadsheet after the platform's export: the organiser sees each runner already in the event and leaves them out, so nobody is there twice", async ({
    page,
    office,
  }) => {
    expect((await runCliProcess(['import', office.file, join(fixtures, 'registrations-platform.csv')])).code).toBe(0)
    await signIn(page, office)
    await page.keyboard.press('Alt+2')
    await page.getByRole('button', { name: 'Import registrations' }).click()
    const wizard = page.getByRole('dialog', { name: 'Import registrations' })
    await wizard.locator('input[type=file]').setInputFiles(join(fixtures, 'registrations-club-excel.csv'))
    await wizard.getByRole('button', { name: 'Next' }).click()

    await expect(wizard.getByRole('heading', { name: '26 rows look like runners already in the event' })).toBeVisible()
    const rows = wizard.getByTestId('duplicate-row')
    await expect(rows).toHaveCount(26)
    await expect(rows.first()).toContainText('Min-jun Kim')
    await expect(rows.first()).toContainText('born 18 Jan 1986 · Half Marathon · reg. 3100000')
    await expect(wizard.getByTestId('tally-add')).toHaveText('0')
    await expect(wizard.getByTestId('tally-skipped')).toHaveText('26')

    // One row decided on its own changes the count at once; "for all" takes every row back.
    await wizard.getByLabel('What to do with row 2', { exact: true }).selectOption('add')
    await expect(wizard.getByTestId('tally-add')).toHaveText('1')
    await wizard.getByRole('radio', { name: 'Leave out' }).check()
    await expect(wizard.getByTestId('tally-add')).toHaveText('0')
    await expect(wizard.getByLabel('What to do with row 2', { exact: true })).toHaveValue('skip')
    await wizard.getByRole('button', { name: 'Leave them all out and finish' }).click()
    await expect(wizard.getByText('Imported 0 new, updated 0, 0 unchanged.')).toBeVisible()
    await expect(wizard.getByText('26 rows were left out as runners already in the event.')).toBeVisible()
    await wizard.getByRole('button', { name: 'Close' }).click()

    await expect(page.getByRole('heading', { name: /Entrants/ })).toContainText('30 entrants')
    // The two Amélie Lefèvres of the event are told apart in the search.
    await page.getByLabel('Find a runner').fill('lef')
    await expect(page.getByTestId('search-hit')).toHaveCount(2)
    await expect(page.getByTestId('tell-apart')).toHaveText(['born 2002 · reg. 3100004', 'born 2002 · Chollima RC · reg. 3100019'])
  })

  test('a file with bad rows imports nothing until the organiser chooses to leave them out', async ({ page, office }) => {
    await signIn(page, office)
    await page.keyboard.press('Alt+2')
    const wizard = await importThroughWizard(page, 'entries.csv', 'First Name,Last Name,Gender,Event\nMin-jun,Kim,M,Marathon\nSarah,Jones,F,Ultra\n')
    await wizard.getByRole('button', { name: 'Next' }).click()
    await expect(wizard.getByTestId('tally-rejected')).toHaveText('1')
    await expect(wizard.getByRole('row', { name: /3 Race There is no race called “Ultra” \(races: Marathon, Half Marathon, 10K\)/ })).toBeVisible()
    const importButton = wizard.getByRole('button', { name: 'Import 1 row' })
    await expect(importButton).toBeDisabled()
    await wizard.getByLabel('Import the valid rows and leave out the rows with problems').check()
    await importButton.click()
    await expect(wizard.getByText('1 row was left out.')).toBeVisible()
  })

  test('a Korean-speaking organiser reads every row problem in Korean', async ({ page, office }) => {
    await signIn(page, office)
    await page.getByLabel('Language').selectOption('ko')
    await page.keyboard.press('Alt+2')
    await page.getByRole('button', { name: '참가 신청 가져오기' }).click()
    const wizard = page.getByRole('dialog', { name: '참가 신청 가져오기' })
    await wizard.locator('input[type=file]').setInputFiles({
      name: 'entries.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('First Name,Last Name,Gender,Event,DOB\nMin-jun,Kim,?,Ultra,1986-02-30\n'),
    })
    await wizard.getByRole('button', { name: '다음' }).click()
    await expect(wizard.getByText('“Ultra” 종목이 없습니다 (종목: Marathon, Half Marathon, 10K)')).toBeVisible()
    await expect(wizard.getByText('“?”은(는) 알 수 없는 성별 표기입니다 (F, M 또는 X를 쓰세요)')).toBeVisible()
    await expect(wizard.getByText('“1986-02-30”은(는) 올바른 날짜가 아닙니다')).toBeVisible()
  })

  test('the wizard asks how to read dates no row explains, and asks for a race when the file has none', async ({ page, office }) => {
    await signIn(page, office)
    await page.keyboard.press('Alt+2')
    const wizard = await importThroughWizard(page, 'club.csv', 'Vorname;Nachname;Geschlecht;Geburtsdatum\nMin-jun;Kim;männlich;05.07.1986\n')
    await expect(wizard.getByText('Still needed: Race')).toBeVisible()
    await expect(wizard.getByRole('button', { name: 'Next' })).toBeDisabled()
    await wizard.getByLabel('Race for rows without one').selectOption('10K')
    await wizard.getByLabel('day/month/year (05/07 = 5 July)').check()
    await wizard.getByRole('button', { name: 'Next' }).click()
    await wizard.getByRole('button', { name: 'Import 1 row' }).click()
    await wizard.getByRole('button', { name: 'Close' }).click()

    await page.getByTestId('entrant-row').first().dblclick()
    const edit = page.getByRole('dialog', { name: 'Edit Min-jun Kim' })
    await expect(edit.getByLabel('Birth date')).toHaveValue('1986-07-05')
  })

  test('an entrant is edited in a validated form, and a taken bib is explained beside the field', async ({ page, office }) => {
    await signIn(page, office)
    await page.keyboard.press('Alt+2')
    const wizard = await importThroughWizard(page, 'entries.csv', 'First Name,Last Name,Gender,Event,Bib\nMin-jun,Kim,M,Marathon,7\nSarah,Jones,F,Marathon,\n')
    await wizard.getByRole('button', { name: 'Next' }).click()
    await wizard.getByRole('button', { name: 'Import 2 rows' }).click()
    await wizard.getByRole('button', { name: 'Close' }).click()

    await page.getByLabel('Find a runner').fill('jones')
    await page.getByTestId('search-hit').click()
    const edit = page.getByRole('dialog', { name: 'Edit Sarah Jones' })
    await edit.getByLabel('Bib', { exact: true }).fill('7')
    await edit.getByLabel('Nationality').fill('gb')
    await edit.getByRole('button', { name: 'Save' }).click()
    await expect(edit.getByText('Check the format')).toBeVisible()
    await edit.getByLabel('Nationality').fill('GBR')
    await edit.getByRole('button', { name: 'Save' }).click()
    await expect(edit.getByText('Bib 7 already belongs to Min-jun Kim.')).toBeVisible()
    await edit.getByLabel('Bib', { exact: true }).fill('8')
    await edit.getByRole('button', { name: 'Save' }).click()
    await expect(edit).toBeHidden()
    await expect(page.getByTestId('search-hit')).toContainText('8')
  })
})

test.describe('a big-city field', () => {
  test.setTimeout(90_000)
  // The generated field numbers bibs 1–50,000 across races, so these races have no ranges.
  test.use({
    initArgs: [
      '--name',
      'City Marathon',
      '--date',
      '2025-04-06',
      '--tz',
      'Asia/Seoul',
      '--race',
      'Marathon:42195',
      '--race',
      'Half Marathon:21097',
      '--race',
      '10K:10000',
    ],
  })

  test('50,000 entrants scroll to the last row while only the rows in view are in the page', async ({ page, office }) => {
    const data = join(mkdtempSync(join(tmpdir(), 'race-office-50k-')), 'entries.csv')
    const field = generateEntrants(50_000)
    writeFileSync(data, toPlatformCsv(field))
    const imported = await runCliProcess(['import', office.file, data, '--json'])
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 50_000 })

    await signIn(page, office)
    await page.keyboard.press('Alt+2')
    await expect(page.getByRole('heading', { name: /Entrants/ })).toContainText('50,000 entrants')
    await expect(page.getByTestId('entrant-row').first()).not.toContainText('…')
    expect(await page.getByTestId('entrant-row').count()).toBeLessThan(60)

    const scroller = page.getByTestId('entrants-scroller')
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
    const last = page.locator('[data-testid=entrant-row][aria-rowindex="50001"]')
    await expect(last).toBeVisible()
    await expect(last).not.toContainText('…')
    expect(await page.getByTestId('entrant-row').count()).toBeLessThan(60)

    await page.getByRole('button', { name: 'Bib' }).click()
    const bibs = page.getByTestId('entrant-row').locator('.col-bib')
    await expect(bibs.nth(0)).toHaveText('1')
    await expect(bibs.nth(1)).toHaveText('2')
    await page.getByLabel('Race').selectOption('10K')
    const tenK = field.filter((entrant) => entrant.race === '10K')
    await expect(page.getByRole('heading', { name: /Entrants/ })).toContainText(`${tenK.length.toLocaleString('en')} entrants`)
    await expect(page.getByTestId('entrant-row').first().locator('.col-race')).toHaveText('10K')
    await expect(bibs.nth(0)).toHaveText(String(Math.min(...tenK.map((entrant) => entrant.bib))))
  })
})
