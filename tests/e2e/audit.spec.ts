import { call, expect, signIn, test } from './office'

test.use({ initArgs: ['--name', 'Seoul 10K 2025', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-999'] })

test.describe('the Audit desk', () => {
  test('the organiser sees who changed a runner, before → after, undoes it, and filters by runner', async ({ page, office }) => {
    const ana = await call<{ id: string }>(office, 'entrants.create', { raceId: 1, givenName: 'Ana', familyName: 'Kim', sex: 'F', bib: 11 })
    await call(office, 'entrants.create', { raceId: 1, givenName: 'Bo', familyName: 'Lee', sex: 'M', bib: 12 })
    await call(office, 'entrants.update', { id: ana.id, familyName: 'Kimm', club: 'Seoul RC' })

    await signIn(page, office)
    await page.keyboard.press('Alt+7')
    await expect(page.getByRole('heading', { name: 'Audit', level: 1 })).toBeVisible()
    const edit = page.getByTestId('audit-row').filter({ hasText: 'Runner edited' })
    await expect(edit).toContainText('11 · Ana Kimm')
    await expect(edit).toContainText('Family name Kim → Kimm')
    await expect(edit).toContainText('Club — → Seoul RC')
    await expect(page.getByTestId('audit-row').filter({ hasText: 'Race added' })).toContainText('"name":"10K"')

    await edit.getByTestId('audit-undo').click()
    await expect(page.getByRole('status').getByText('Undone: Runner edited')).toBeVisible()
    await expect(edit).toContainText('Undone by organiser')
    await expect(page.getByTestId('audit-row').filter({ hasText: 'Undo' }).first()).toContainText('Family name Kimm → Kim')
    expect(await call(office, 'entrants.get', { id: ana.id })).toMatchObject({ familyName: 'Kim', club: null })

    await page.getByTestId('audit-filter').fill('Lee')
    await page.getByTestId('audit-match').filter({ hasText: 'Bo Lee' }).click()
    await expect(page.getByText('History of Bo Lee')).toBeVisible()
    await expect(page.getByTestId('audit-row')).toHaveCount(1)
    await expect(page.getByTestId('audit-row')).toContainText('Runner added')
    await expect(page.getByTestId('audit-row')).toContainText('Status — → Registered')
    await page.getByTestId('audit-clear').click()
    await expect(page.getByTestId('audit-row')).toHaveCount(6)
  })
})
