import { expect, signIn, test } from './office'

test.describe('the Setup desk', () => {
  test('an organiser creates a race and a second screen sees it appear without reloading', async ({ page, context, office }) => {
    await signIn(page, office)
    await expect(page.getByRole('heading', { name: 'Setup', level: 1 })).toBeVisible()
    await expect(page.getByTestId('event-name')).toHaveText('Pyongyang Marathon 2025')
    await expect(page.getByText('No races yet')).toBeVisible()

    const second = await context.newPage()
    await signIn(second, office)
    await expect(second.getByTestId('link-status')).toHaveText('Live')

    await page.getByRole('button', { name: 'Add race' }).click()
    const dialog = page.getByRole('dialog', { name: 'New race' })
    await dialog.getByLabel('Name').fill('Marathon')
    await dialog.getByRole('button', { name: 'Marathon' }).click()
    await dialog.getByLabel(/Start time/).fill('08:00')
    await dialog.getByLabel(/Bib numbers/).fill('1-999')
    await dialog.getByRole('button', { name: 'Save' }).click()

    await expect(dialog).toBeHidden()
    await expect(page.getByRole('status').getByText('Marathon added')).toBeVisible()
    const row = page.getByTestId('race-row').filter({ hasText: 'Marathon' })
    await expect(row).toContainText('42.195 km')
    await expect(row).toContainText('08:00')
    await expect(row).toContainText('1–999')

    // The second screen was never reloaded: the change arrived over the event stream.
    await expect(second.getByTestId('race-row').filter({ hasText: 'Marathon' })).toContainText('1–999')
  })

  test('the keyboard alone adds a race: Alt+N, type, Enter', async ({ page, office }) => {
    await signIn(page, office)
    await expect(page.getByText('No races yet')).toBeVisible()
    await page.keyboard.press('Alt+n')
    const dialog = page.getByRole('dialog', { name: 'New race' })
    await expect(dialog.getByLabel('Name')).toBeFocused()
    await page.keyboard.type('10K')
    await page.keyboard.press('Tab')
    await page.keyboard.type('10')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('race-row').filter({ hasText: '10K' })).toContainText('10 km')
  })

  test('mistakes are explained beside the field, and nothing is saved until they are fixed', async ({ page, office }) => {
    await signIn(page, office)
    await page.getByRole('button', { name: 'Add race' }).click()
    const dialog = page.getByRole('dialog', { name: 'New race' })
    await dialog.getByLabel(/Distance/).fill('far')
    await dialog.getByLabel(/Bib numbers/).fill('1 to 999')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog.getByText('Required')).toBeVisible()
    await expect(dialog.getByText('Enter the distance in kilometres, e.g. 42.195')).toBeVisible()
    await expect(dialog.getByText('Write ranges as FIRST-LAST')).toBeVisible()
    await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true')

    await dialog.getByLabel('Name').fill('Marathon')
    await dialog.getByLabel(/Distance/).fill('42.195')
    await dialog.getByLabel(/Bib numbers/).fill('1-999')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('race-row')).toHaveCount(1)
  })

  test("the office's refusals appear beside the field: a taken name, overlapping bibs", async ({ page, office }) => {
    await signIn(page, office)
    for (const [name, km, bibs] of [
      ['Marathon', '42.195', '1-999'],
      ['marathon', '21.097', ''],
    ] as const) {
      await page.getByRole('button', { name: 'Add race' }).click()
      const dialog = page.getByRole('dialog', { name: 'New race' })
      await dialog.getByLabel('Name').fill(name)
      await dialog.getByLabel(/Distance/).fill(km)
      await dialog.getByLabel(/Bib numbers/).fill(bibs)
      await dialog.getByRole('button', { name: 'Save' }).click()
    }
    const dialog = page.getByRole('dialog', { name: 'New race' })
    await expect(dialog.getByText('There is already a race called Marathon.')).toBeVisible()

    await dialog.getByLabel('Name').fill('Half Marathon')
    await dialog.getByLabel(/Bib numbers/).fill('900-1500')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog.getByText('Bibs 900–1500 overlap the range 1–999 of Marathon.')).toBeVisible()

    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('race-row')).toHaveCount(1)
  })

  test('a race is edited and deleted, with a question before deleting', async ({ page, office }) => {
    await signIn(page, office)
    await page.getByRole('button', { name: 'Add race' }).click()
    let dialog = page.getByRole('dialog', { name: 'New race' })
    await dialog.getByLabel('Name').fill('Fun Run')
    await dialog.getByLabel(/Distance/).fill('5')
    await dialog.getByRole('button', { name: 'Save' }).click()

    const row = page.getByTestId('race-row').filter({ hasText: 'Fun Run' })
    await row.getByRole('button', { name: 'Edit' }).click()
    dialog = page.getByRole('dialog', { name: 'Edit Fun Run' })
    await expect(dialog.getByLabel(/Distance/)).toHaveValue('5')
    await dialog.getByLabel(/Distance/).fill('3')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(row).toContainText('3 km')

    await row.focus()
    await page.keyboard.press('Delete')
    const confirm = page.getByRole('dialog', { name: 'Delete Fun Run?' })
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
    await confirm.getByRole('button', { name: 'Delete' }).click()
    await expect(page.getByText('No races yet')).toBeVisible()
  })

  test('event settings are saved and every screen shows the new name', async ({ page, context, office }) => {
    await signIn(page, office)
    const second = await context.newPage()
    await signIn(second, office)
    await expect(second.getByTestId('link-status')).toHaveText('Live')

    const save = page.getByRole('region', { name: 'Event' }).getByRole('button', { name: 'Save' })
    await expect(save).toBeDisabled()
    await page.getByLabel('Event name').fill('Pyongyang International Marathon')
    await page.getByLabel(/Place/).fill('Kim Il Sung Stadium')
    await expect(page.getByText('Unsaved changes')).toBeVisible()
    await save.click()
    await expect(page.getByRole('status').getByText('Event settings saved')).toBeVisible()
    await expect(second.getByTestId('event-name')).toHaveText('Pyongyang International Marathon')
    await expect(second.getByLabel(/Place/)).toHaveValue('Kim Il Sung Stadium')

    await page.getByLabel('Time zone').fill('Mars/Olympus')
    await save.click()
    await expect(page.getByText('Check this value')).toBeVisible()
  })

  test('the organiser sets the logo printed on bibs, and a file that is not an image is refused in words', async ({ page, office }) => {
    await signIn(page, office)
    const eventCard = page.getByRole('region', { name: 'Event' })
    const picker = eventCard.locator('.logo-picker input[type=file]')
    await picker.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') })
    await expect(eventCard.getByRole('alert')).toHaveText(/The logo must be a PNG or JPEG image/)
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGP4z8DAwPAfAAcAAf9+CLHQAAAAAElFTkSuQmCC', 'base64')
    await picker.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png })
    await expect(page.getByRole('status').getByText('Logo saved')).toBeVisible()
    await expect(eventCard.getByRole('img', { name: 'Logo on bibs' })).toBeVisible()
    await eventCard.getByRole('button', { name: 'Remove logo' }).click()
    await expect(eventCard.getByRole('img', { name: 'Logo on bibs' })).toHaveCount(0)
  })
})

test.describe('the shell', () => {
  test('speaks Korean, and remembers it', async ({ page, office }) => {
    await signIn(page, office)
    await page.getByLabel('Language').selectOption('ko')
    await expect(page.getByRole('heading', { name: '대회 설정', level: 1 })).toBeVisible()
    await expect(page.getByRole('button', { name: '종목 추가' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
    await page.reload()
    await expect(page.getByRole('heading', { name: '대회 설정', level: 1 })).toBeVisible()
  })

  test('Alt+number opens each desk, and the address remembers it', async ({ page, office }) => {
    await signIn(page, office)
    await expect(page.getByRole('heading', { name: 'Setup', level: 1 })).toBeVisible()
    await page.keyboard.press('Alt+4')
    await expect(page.getByRole('heading', { name: 'Check-in', level: 1 })).toBeVisible()
    await expect(page).toHaveURL(/#\/checkin$/)
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Check-in', level: 1 })).toBeVisible()
    await page.getByRole('link', { name: /Setup/ }).click()
    await expect(page.getByRole('heading', { name: 'Setup', level: 1 })).toBeVisible()
  })

  test('keeps the token out of the address bar once read', async ({ page, office }) => {
    await signIn(page, office)
    await expect(page.getByTestId('event-name')).toHaveText('Pyongyang Marathon 2025')
    expect(page.url()).not.toContain(office.token)
  })

  test('a screen without a token is asked for a pairing code, and sees no data', async ({ page, office }) => {
    await page.goto(office.origin)
    await expect(page.getByRole('heading', { name: 'Join the race office as a desk' })).toBeVisible()
    await expect(page.getByLabel('Pairing code')).toBeFocused()
    await expect(page.getByText('Pyongyang Marathon 2025')).toHaveCount(0)
  })

  test('says so when the office stops, and refuses to pretend a change was saved', async ({ page, office }) => {
    await signIn(page, office)
    await expect(page.getByTestId('link-status')).toHaveText('Live')
    await office.stop()
    await expect(page.getByTestId('link-status')).toHaveText('Connecting…')
    await page.getByLabel('Event name').fill('Renamed while offline')
    const eventCard = page.getByRole('region', { name: 'Event' })
    await eventCard.getByRole('button', { name: 'Save' }).click()
    await expect(eventCard.getByRole('alert')).toHaveText('Cannot reach the race office. Check the network; nothing was changed.')
    await expect(eventCard.getByLabel('Event name')).toHaveValue('Renamed while offline')
  })
})
