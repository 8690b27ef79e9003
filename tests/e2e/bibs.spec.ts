import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { runCliProcess, sampleEventArgs } from '../support/cli'
import { pdfPageCount, pdfText } from '../support/pdf'
import { call, expect, signIn, test } from './office'

const fixtures = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures')

test.use({
  initArgs: sampleEventArgs('Pyongyang Marathon 2025'),
})

test.describe('the Bibs desk', () => {
  test('an organiser sets the rule and held-back numbers, previews the numbering and applies it', async ({ page, office }) => {
    expect((await runCliProcess(['import', office.file, join(fixtures, 'registrations-platform.csv')])).code).toBe(0)
    await signIn(page, office)
    await page.keyboard.press('Alt+3')
    await expect(page.getByRole('heading', { name: 'Bibs', level: 1 })).toBeVisible()
    await expect(page.getByRole('tab', { name: 'Marathon', exact: true })).toHaveAttribute('aria-selected', 'true')

    await page.getByLabel('Numbering rule').selectOption('alphabetical')
    await page.getByLabel(/Reserved numbers/).fill('1-10 elite')
    await page.getByLabel(/Numbers never used/).fill('13, 666')
    await page.getByRole('button', { name: 'Save numbering settings' }).click()
    await expect(page.getByRole('status').getByText('Numbering settings saved')).toBeVisible()

    await page.getByRole('button', { name: 'Preview numbering' }).click()
    const plan = page.getByRole('region', { name: 'Preview numbering' })
    await expect(plan.getByText(/runners get a number; 0 keep theirs/)).toBeVisible()
    await expect(plan.locator('li').first()).toContainText('Erik Andersson: — → 11')

    const print = page.getByRole('region', { name: 'Print' })
    await expect(print.getByRole('alert')).toHaveText('Nothing to print: no runner matches this choice.')
    await plan.getByRole('button', { name: /^Apply: number \d+ runners$/ }).click()
    await expect(page.getByRole('status').getByText(/Marathon: \d+ numbered, 0 kept their number/)).toBeVisible()
    // The print preview follows the numbering without being asked.
    await expect(print.getByText(/^\d+ bibs · \d+ pages?$/)).toBeVisible()
    await expect(print.getByRole('alert')).toHaveCount(0)

    await page.getByRole('button', { name: 'Preview numbering' }).click()
    await expect(page.getByText('Every runner already has the number this rule gives.')).toBeVisible()
  })

  test('a lost bib is voided from the runner’s card, and two runners’ numbers are swapped', async ({ page, office }) => {
    expect((await runCliProcess(['import', office.file, join(fixtures, 'registrations-platform.csv')])).code).toBe(0)
    expect((await runCliProcess(['bibs', 'assign', office.file])).code).toBe(0)
    await signIn(page, office)
    await page.keyboard.press('Alt+2')
    await page.getByLabel('Find a runner').fill('1')
    await page.getByTestId('search-hit').first().click()
    const card = page.getByRole('dialog')
    await expect(card.getByText(/assigned — → 1 · numbered by registration/)).toBeVisible()
    await card.getByRole('button', { name: 'Void bib (lost or damaged)' }).click()
    await card.getByLabel('Why is the bib void?').fill('lost in the rain')
    await card.getByRole('button', { name: 'Void and give a new number' }).click()
    await expect(page.getByRole('status').getByText(/Bib 1 voided; .* now has bib \d+/)).toBeVisible()
    await expect(card.getByText(/voided 1 → \d+ · lost in the rain/)).toBeVisible()
    await page.keyboard.press('Escape')

    await page.keyboard.press('Alt+3')
    const holderOf = async (bib: number): Promise<string | undefined> =>
      (await call<{ items: { id: string; bib: number | null }[] }>(office, 'entrants.search', { query: String(bib), limit: 1 })).items.find(
        (hit) => hit.bib === bib,
      )?.id
    const [two, three] = [await holderOf(2), await holderOf(3)]
    expect(two).toBeDefined()
    expect(three).toBeDefined()
    await page.getByLabel('Bib', { exact: true }).fill('2')
    await page.getByLabel('with bib').fill('3')
    await page.getByLabel(/Reason/).fill('envelopes mixed up')
    await page.getByRole('button', { name: 'Swap', exact: true }).click()
    await expect(page.getByRole('status').getByText('Bibs 2 and 3 swapped')).toBeVisible()
    expect([await holderOf(2), await holderOf(3)]).toEqual([three, two])
  })
})

test('waves set in Setup are seeded by predicted time when numbering, and printed on the bibs', async ({ page, office }) => {
  expect((await runCliProcess(['import', office.file, join(fixtures, 'registrations-platform.csv')])).code).toBe(0)
  await signIn(page, office)
  const row = page.getByTestId('race-row').filter({ hasText: '10K' })
  await row.getByRole('button', { name: 'Edit' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit 10K' })
  await dialog.getByLabel(/Waves or corrals/).fill('A 08:00, B 08:15')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toHaveCount(0)

  await page.keyboard.press('Alt+3')
  await page.getByRole('tab', { name: '10K' }).click()
  await page.getByLabel('Numbering rule').selectOption('predicted')
  await page.getByRole('button', { name: 'Preview numbering' }).click()
  const plan = page.getByRole('region', { name: 'Preview numbering' })
  await expect(plan.getByText(/^Waves once seeded by predicted time: A \d+ · B \d+$/)).toBeVisible()
  await plan.getByRole('button', { name: /^Apply: number \d+ runners?$/ }).click()
  await expect(page.getByRole('status').getByText(/10K: \d+ numbered/)).toBeVisible()

  const panel = page.getByRole('region', { name: 'Print' })
  await panel.getByLabel('Race').selectOption({ label: '10K' })
  await panel.getByLabel('Layout').selectOption('a6')
  await expect(panel.getByRole('img', { name: 'First page of the document' })).toHaveAttribute('data-state', 'ready')
  await panel.getByRole('button', { name: 'Make PDF' }).click()
  const download = page.waitForEvent('download')
  await panel.getByRole('link', { name: 'Download PDF' }).click()
  const saved = join(office.file, '..', 'ten-k.pdf')
  await (await download).saveAs(saved)
  expect(pdfText(saved, 1)).toContain('10K · Wave A')
})

test('the timing company’s chip file is taken whole, or refused row by row', async ({ page, office }) => {
  await signIn(page, office)
  await page.keyboard.press('Alt+3')
  const chips = page.getByRole('region', { name: 'Chip codes' })
  await chips.locator('input[type=file]').setInputFiles({ name: 'chips.csv', mimeType: 'text/csv', buffer: Buffer.from('Chip,Bib\nA1,one\n') })
  await expect(chips.getByText('Row 2: “one” is not a bib number.')).toBeVisible()
  await chips.locator('input[type=file]').setInputFiles({ name: 'chips.csv', mimeType: 'text/csv', buffer: Buffer.from('Transponder,Bib\nA1,1\nA2,2\n') })
  await expect(page.getByRole('status').getByText('Chips: 2 new, 0 moved to another bib, 0 unchanged')).toBeVisible()
  // Only the second file is in the event, each chip against its bib.
  const file = new SqliteDatabase(office.file, { readonly: true })
  try {
    expect(file.prepare('select code, bib from chip order by code').all()).toEqual([
      { code: 'A1', bib: 1 },
      { code: 'A2', bib: 2 },
    ])
  } finally {
    file.close()
  }
})

test.describe('printing from the Bibs desk', () => {
  test('an organiser previews bib sheets, makes the PDF and downloads it; a second run prints only what changed', async ({ page, office }) => {
    expect((await runCliProcess(['import', office.file, join(fixtures, 'registrations-platform.csv')])).code).toBe(0)
    expect((await runCliProcess(['bibs', 'assign', office.file])).code).toBe(0)
    await signIn(page, office)
    await page.keyboard.press('Alt+3')
    const panel = page.getByRole('region', { name: 'Print' })
    await expect(panel.getByRole('img', { name: 'First page of the document' })).toHaveAttribute('data-state', 'ready')
    await expect(panel.getByText('30 bibs · 8 pages')).toBeVisible()

    await panel.getByLabel('Layout').selectOption('a6')
    await panel.getByLabel('Race').selectOption({ label: 'Marathon' })
    await expect(panel.getByText(/^(\d+) bibs · \1 pages$/)).toBeVisible()
    await panel.getByLabel('Bib numbers').fill('ten')
    await expect(panel.getByText('Write a range such as 101-250')).toBeVisible()
    await expect(panel.getByRole('button', { name: 'Make PDF' })).toBeDisabled()
    await panel.getByLabel('Bib numbers').fill('1-5')
    await expect(panel.getByText('5 bibs · 5 pages')).toBeVisible()

    await panel.getByRole('button', { name: 'Make PDF' }).click()
    const download = page.waitForEvent('download')
    await expect(panel.getByText(/is ready: 5 pages\./)).toBeVisible()
    await panel.getByRole('link', { name: 'Download PDF' }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe('Pyongyang-Marathon-2025-Bib-sheets-1-5.pdf')
    const saved = join(office.file, '..', 'downloaded.pdf')
    await file.saveAs(saved)
    expect(pdfPageCount(saved)).toBe(5)

    // Made is not printed: until the organiser says the pages came out, they count as not printed yet.
    await panel.getByLabel('Bib numbers').fill('1-5')
    await panel.getByText('Only bibs not printed yet').click()
    await expect(panel.getByText('5 bibs · 5 pages')).toBeVisible()
    await panel.getByLabel('Bib numbers').fill('1-5')
    await panel.getByRole('button', { name: 'Make PDF' }).click()
    await panel.getByTestId('mark-printed').click()
    await expect(panel.getByTestId('marked-printed')).toHaveText('5 bibs marked as printed.')
    await panel.getByLabel('Bib numbers').fill('')
    await expect(panel.getByText(/^(\d+) bibs · \1 pages$/)).toBeVisible()
    await expect(panel.getByText('5 bibs · 5 pages')).toHaveCount(0)
  })

  test('a document with nothing in it is refused in words, and pickup lists preview in Korean', async ({ page, office }) => {
    // An expected refusal is said on the screen, not as a red error in the browser's console.
    const consoleErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    await signIn(page, office)
    await page.keyboard.press('Alt+3')
    const panel = page.getByRole('region', { name: 'Print' })
    await expect(panel.getByRole('alert')).toHaveText('Nothing to print: no runner matches this choice.')
    expect(consoleErrors).toEqual([])
    expect((await runCliProcess(['import', office.file, join(fixtures, 'registrations-platform.csv')])).code).toBe(0)
    await panel.getByRole('radio', { name: 'Pickup lists' }).check()
    await panel.getByLabel('Printed words in').selectOption('ko')
    await expect(panel.getByText('30 runners · 1 page')).toBeVisible()
    await expect(panel.getByRole('img', { name: 'First page of the document' })).toHaveAttribute('data-state', 'ready')
  })
})
