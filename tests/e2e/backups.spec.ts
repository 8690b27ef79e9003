import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { call, expect, signIn, test } from './office'

test.use({ backups: true, initArgs: ['--name', 'Seoul 10K 2025', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-999'] })

test.describe('backups', () => {
  test('the organiser sees the last backup, checks one, adds a USB stick that then goes missing, and restores as a new file', async ({ page, office }) => {
    for (const [givenName, familyName] of [
      ['Ana', 'Kim'],
      ['Bo', 'Lee'],
    ])
      await call(office, 'entrants.create', { raceId: 1, givenName, familyName, sex: 'F' })
    // The office's own timer (every second here, every 5 minutes by default) takes the snapshot;
    // the screen then finds it when it opens.
    const folder = join(office.dir, 'backups')
    await expect.poll(() => existsSync(folder) && readdirSync(folder).some((name) => name.endsWith('.raceoffice')), { timeout: 10_000 }).toBe(true)
    await signIn(page, office)
    await expect(page.getByTestId('backup-indicator')).toHaveAttribute('data-state', 'good')
    await expect(page.getByTestId('backup-indicator')).toHaveText(/^Backed up \d\d:\d\d$/)
    await page.getByTestId('backup-indicator').click()
    const panel = page.getByRole('region', { name: 'Backups' })
    await expect(panel.getByTestId('backup-folder')).toHaveText(join(office.dir, 'backups'))
    // One snapshot so far (nothing changed since); the timer takes another once the USB stick is
    // set, which is a change too, so the restore below takes the newest (listed first).
    const rows = panel.getByTestId('backup-row')
    await expect(rows).toHaveCount(1)
    const row = rows.first()
    await expect(row).toContainText('This computer')
    await expect(row.locator('td').nth(2)).toHaveText('2')
    await row.getByRole('button', { name: 'Check it' }).click()
    await expect(row.getByTestId('backup-check')).toHaveText(/Intact \(file version \d+\)/)

    const stick = join(office.dir, 'USB')
    await panel.getByLabel(/Second copy on a USB stick/).fill(join(stick, 'nowhere'))
    await panel.getByTestId('backup-second-save').click()
    await expect(panel.getByRole('alert')).toContainText('Plug the USB stick in')
    mkdirSync(stick)
    await panel.getByLabel(/Second copy on a USB stick/).fill(stick)
    await panel.getByTestId('backup-second-save').click()
    await expect(panel.getByText('The USB stick is there')).toBeVisible()
    rmSync(stick, { recursive: true })
    await page.reload()
    await expect(page.getByTestId('backup-indicator')).toHaveAttribute('data-state', 'bad')
    await expect(page.getByTestId('backup-indicator')).toHaveText('USB backup missing')
    await expect(page.getByRole('region', { name: 'Backups' }).getByText('The USB stick is missing')).toBeVisible()

    await page.getByRole('region', { name: 'Backups' }).getByTestId('backup-restore').first().click()
    const restored = page.getByTestId('backup-restored')
    await expect(restored).toContainText('The current file is left as it is')
    const path = /Restored to (.+\.raceoffice)\./.exec((await restored.textContent()) ?? '')?.[1] ?? ''
    expect(path).toContain('event (restored ')
    expect(existsSync(path)).toBe(true)
  })
})
