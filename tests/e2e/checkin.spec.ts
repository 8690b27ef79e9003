/// <reference lib="dom" />
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { postCommand } from '../support/http-client'
import { pdfPageCount, pdfText } from '../support/pdf'
import { call, expect, signIn, test, type OfficeFixture } from './office'

test.use({
  initArgs: ['--name', 'Seoul Marathon 2025', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', 'Marathon:42195:1-999', '--race', '10K:10000:5000-5999'],
})

/** Three Marathon runners, numbered 1–3, with shirts. */
async function runners(office: OfficeFixture): Promise<string[]> {
  const ids: string[] = []
  for (const [givenName, familyName, secondName, shirtSize, ref] of [
    ['Min-jun', 'Kim', '김민준', 'M', 'SEO-1001'],
    ['Ji-woo', 'Kim', '김지우', 'S', 'SEO-1002'],
    ['Kimberly', 'Shaw', null, 'L', 'SEO-1003'],
  ] as const) {
    ids.push(
      (
        await call<{ id: string }>(office, 'entrants.create', {
          raceId: 1,
          givenName,
          familyName,
          secondName,
          sex: 'F',
          shirtSize,
          ref,
          birthDate: '1990-01-01',
        })
      ).id,
    )
  }
  await call(office, 'bibs.apply', { raceId: 1 })
  return ids
}

/** A desk paired with the code on the organiser's screen, as a tablet would: its own browser. */
async function pairedDesk(browser: Browser, office: OfficeFixture, desk: string, person: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const network = await call<{ codes: { desk: string }; url: string }>(office, 'desks.setNetwork', { on: true })
  const context = await browser.newContext()
  const page = await context.newPage()
  // The LAN address in the QR code is this machine's; the test opens the same office on loopback.
  await page.goto(`${office.origin}/#pair`)
  await page.getByTestId('pair-code').fill(network.codes.desk)
  await page.getByTestId('pair-desk').fill(desk)
  await page.getByTestId('pair-person').fill(person)
  await page.getByRole('button', { name: 'Join' }).click()
  await expect(page.getByTestId('pickup-search')).toBeVisible()
  return { page, close: () => context.close() }
}

async function openDesk(page: Page, office: OfficeFixture): Promise<void> {
  await signIn(page, office)
  await expect(page.getByTestId('event-name')).toHaveText('Seoul Marathon 2025')
  await page.keyboard.press('Alt+4')
  await expect(page.getByTestId('pickup-search')).toBeFocused()
}

test.describe('the Check-in desk', () => {
  test('a volunteer types three letters, picks with Enter and checks in with Enter; Ctrl+Z undoes it and closes another runner’s card; Esc clears', async ({
    page,
    office,
  }) => {
    const [minjun] = await runners(office)
    await openDesk(page, office)
    await page.keyboard.type('kim')
    const matches = page.getByTestId('pickup-matches')
    await expect(matches).toHaveAttribute('data-for', 'kim')
    await expect(page.getByTestId('pickup-match')).toHaveCount(3)
    await expect(page.getByTestId('pickup-match').first()).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('Enter')
    const card = page.getByTestId('runner-card')
    await expect(card.getByTestId('runner-name')).toHaveText('Min-jun Kim')
    await expect(card.getByText('김민준')).toBeVisible()
    await expect(page.getByTestId('pickup-search')).toHaveValue('')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('checkin-confirmation')).toContainText('Min-jun Kim is checked in')
    await expect(page.getByTestId('checkin-confirmation')).toContainText('Bib 1. Hand over: Bib, Shirt.')
    await expect(page.getByTestId('counter-race-1')).toContainText('1 of 3 picked up')
    await expect(page.getByTestId('counter-desk')).toContainText('1 in the last hour')

    // The next runner's card is open when the volunteer undoes the last check-in: the card closes,
    // so the message and the card never name two different runners.
    // A runner who has picked up goes below the Kims who have not.
    await page.keyboard.type('kim')
    await expect(page.getByTestId('pickup-match')).toHaveCount(3)
    await expect(page.getByTestId('pickup-match').first()).toContainText('Ji-woo Kim')
    await page.keyboard.press('Enter')
    await expect(card.getByTestId('runner-name')).toHaveText('Ji-woo Kim')
    await page.keyboard.press('Control+z')
    await expect(page.getByTestId('checkin-undone')).toHaveText('Check-in of Min-jun Kim undone.')
    await expect(card).toBeHidden()
    expect((await call<{ current: unknown }>(office, 'checkin.status', { entrantId: minjun })).current).toBeNull()
    await expect(page.getByTestId('counter-race-1')).toContainText('0 of 3 picked up')
    // Esc clears, as the hint says: the card and the message.
    await page.keyboard.type('kim')
    await page.keyboard.press('Enter')
    await expect(card).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(card).toBeHidden()
    await expect(page.getByTestId('checkin-undone')).toBeHidden()
  })

  test('a scanned bib code picks the runner at once: one scan, one Enter', async ({ page, office }) => {
    await runners(office)
    await openDesk(page, office)
    // A scanner is a keyboard: it types the code and presses Enter.
    await page.keyboard.type('RO/2/SEO-1002\n', { delay: 5 })
    await expect(page.getByTestId('runner-name')).toHaveText('Ji-woo Kim')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('checkin-confirmation')).toContainText('Ji-woo Kim is checked in')
    // The confirmation-email code (the registration reference) works the same.
    await page.keyboard.type('SEO-1003\n', { delay: 5 })
    await expect(page.getByTestId('runner-name')).toHaveText('Kimberly Shaw')
  })

  test('a runner already picked up shows who, where and when in red; checking in again needs a reason', async ({ page, office }) => {
    const [minjun] = await runners(office)
    await call(office, 'checkin.checkIn', { entrantId: minjun })
    await openDesk(page, office)
    await page.keyboard.type('min-jun\n')
    await expect(page.getByTestId('picked-up-warning')).toContainText(/Already picked up by organiser at office, \d\d:\d\d\./)
    await expect(page.getByTestId('check-in')).toHaveCount(0)
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('already-checked-in')).toContainText('Min-jun Kim already picked up — by organiser at office')
    await page.getByTestId('check-in-again').click()
    await page.getByTestId('override-reason').fill('bib torn in the rain')
    await page.getByTestId('override-confirm').click()
    await expect(page.getByTestId('checkin-confirmation')).toContainText('Min-jun Kim is checked in')
    const status = await call<{ history: { overrideReason: string | null }[] }>(office, 'checkin.status', { entrantId: minjun })
    expect(status.history.map((c) => c.overrideReason)).toEqual(['bib torn in the rain', null])
  })

  test('confirmations the organiser asks for must be ticked before Enter checks in', async ({ page, office }) => {
    await runners(office)
    await call(office, 'checkin.configure', { confirmations: ['photoId'], items: ['Gift bag'] })
    await openDesk(page, office)
    await page.keyboard.type('shaw\n')
    await expect(page.getByTestId('check-in')).toBeDisabled()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('alert')).toContainText('Tick every confirmation before handing over.')
    await page.getByTestId('item-Gift bag').uncheck()
    await page.getByTestId('confirm-photoId').check()
    await page.getByTestId('pickup-search').focus()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('checkin-confirmation')).toContainText('Hand over: Bib, Shirt.')
  })

  test('a shirt swap shows the stock of every size and warns when a size has run out', async ({ page, office }) => {
    const [, jiwoo, kimberly] = await runners(office)
    await call(office, 'checkin.configure', {
      shirts: [
        { size: 'S', stock: 1 },
        { size: 'M', stock: 5 },
        { size: 'L', stock: 2 },
      ],
    })
    await call(office, 'checkin.checkIn', { entrantId: jiwoo })
    await expect.poll(async () => (await call<{ shirts: { left: number }[] }>(office, 'checkin.stats', {})).shirts[0]?.left).toBe(0)
    await openDesk(page, office)
    await expect(page.getByTestId('counter-shirt-S')).toContainText('none left')
    await page.keyboard.type('shaw\n')
    await expect(page.getByTestId('shirts-left')).toHaveText('2 left')
    await page.getByTestId('change-shirt').click()
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByTestId('size-S')).toBeDisabled()
    await expect(dialog.getByText('none left')).toBeVisible()
    await dialog.getByText('M', { exact: true }).click()
    await dialog.getByTestId('shirt-save').click()
    await expect(page.getByRole('status').getByText('Shirt size is now M — 5 left in that size.')).toBeVisible()
    await expect(page.getByTestId('shirts-left')).toHaveText('5 left')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('checkin-confirmation')).toContainText('Kimberly Shaw is checked in')
    await expect(page.getByTestId('counter-shirt-M')).toContainText('4 left')
    expect((await call<{ entrant: { shirtSize: string } }>(office, 'checkin.status', { entrantId: kimberly })).entrant.shirtSize).toBe('M')
  })

  test('a runner moved to another race gets that race’s next bib, printed on the spot; the old bib is voided', async ({ page, office }) => {
    await runners(office)
    await openDesk(page, office)
    await page.keyboard.type('shaw\n')
    await page.getByTestId('move-race').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('New race').selectOption({ label: '10K' })
    const download = page.waitForEvent('download')
    await dialog.getByTestId('move-confirm').click()
    await expect(dialog.getByTestId('move-result')).toHaveText('Bib 3 is voided. New bib 5000 in 10K.')
    const saved = join(office.file, '..', 'moved.pdf')
    await (await download).saveAs(saved)
    expect(await pdfPageCount(saved)).toBe(1)
    expect(await pdfText(saved)).toContain('5000')
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(page.getByTestId('runner-bib')).toHaveText('5000')
    expect((await call<{ voided: number[] }>(office, 'bibs.settings', { raceId: 1 })).voided).toEqual([3])
  })

  test('a walk-up registers in a short form, gets the next walk-up number, the bib PDF comes at once, and it counts as picked up', async ({ page, office }) => {
    await call(office, 'bibs.configure', { raceId: 2, reserved: [{ first: 5900, last: 5999, purpose: 'Walk-ups' }] })
    await call(office, 'checkin.configure', {
      shirts: [
        { size: 'S', stock: 0 },
        { size: 'M', stock: 10 },
      ],
    })
    await openDesk(page, office)
    await page.keyboard.press('F2')
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Race').selectOption({ label: '10K' })
    await dialog.getByTestId('walk-up-givenName').fill('Ha-eun')
    await dialog.getByTestId('walk-up-familyName').fill('Park')
    await dialog.getByTestId('walk-up-secondName').fill('박하은')
    await dialog.getByTestId('walk-up-sex-F').check()
    await expect(dialog.getByLabel('Shirt size').locator('option')).toHaveText(['No shirt', 'S — none left', 'M — 10 left'])
    await dialog.getByLabel('Shirt size').selectOption('M')
    await dialog.getByLabel('Payment').selectOption('card')
    await dialog.getByTestId('walk-up-paymentAmount').fill('40,000')
    const download = page.waitForEvent('download')
    await dialog.getByTestId('walk-up-register').click()
    await expect(dialog.getByTestId('walk-up-result')).toHaveText('Registered with bib 5900.')
    await expect(dialog.getByTestId('walk-up-checked-in')).toHaveText('Checked in: hand over the bib and the rest now.')
    const saved = join(office.file, '..', 'walk-up.pdf')
    await (await download).saveAs(saved)
    expect(await pdfPageCount(saved)).toBe(1)
    const text = await pdfText(saved)
    expect(text).toContain('5900')
    expect(text).toContain('박하은')
    await dialog.getByTestId('walk-up-done').click()
    await expect(page.getByTestId('runner-name')).toHaveText('Ha-eun Park')
    await expect(page.getByTestId('runner-card')).toContainText('Card 40,000')
    await expect(page.getByTestId('picked-up-warning')).toBeVisible()
    await expect(page.getByTestId('counter-race-2')).toContainText('1 of 1 picked up')
    const [found] = (await call<{ items: { id: string }[] }>(office, 'entrants.search', { query: 'Ha-eun' })).items
    const status = await call<{ current: { items: string[] } | null }>(office, 'checkin.status', { entrantId: found?.id })
    expect(status.current?.items).toEqual(['bib', 'shirt'])
  })

  test('a walk-up form with mistakes says what to fix beside each field', async ({ page, office }) => {
    await openDesk(page, office)
    await page.getByTestId('walk-up').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByTestId('walk-up-givenName').fill('Ha-eun')
    await dialog.getByTestId('walk-up-email').fill('not an address')
    await dialog.getByTestId('walk-up-register').click()
    await expect(dialog.locator('.field-error')).toHaveCount(3)
    await expect(dialog.getByText('Check the format')).toBeVisible()
    await expect(dialog.locator('.field-error')).toHaveText(['Required', /Required|Choose one of the options/, 'Check the format'])
  })

  test('a race that hands out bibs at pickup takes the stack’s top bib, checked against its numbers', async ({ page, office }) => {
    await call(office, 'races.update', { id: 2, bibsAtPickup: true })
    await call(office, 'entrants.create', { raceId: 2, givenName: 'Seo-yeon', familyName: 'Park', sex: 'F' })
    await openDesk(page, office)
    await page.keyboard.type('seo-yeon\n')
    const give = page.getByTestId('give-bib')
    await expect(give).toBeFocused()
    await give.fill('42')
    await give.press('Enter')
    await expect(page.getByRole('alert')).toContainText('Bib 42 is outside')
    await give.fill('5017')
    await give.press('Enter')
    await expect(page.getByTestId('runner-bib')).toHaveText('5017')
    await expect(page.getByTestId('pickup-search')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('checkin-confirmation')).toContainText('Bib 5017.')
  })

  test('two desks on two tablets check in the same runner at the same moment: one wins, the other is told who did', async ({ browser, office }) => {
    await runners(office)
    const one = await pairedDesk(browser, office, 'Desk 1', 'Ji-ho')
    const two = await pairedDesk(browser, office, 'Desk 2', 'Seo-jun')
    try {
      for (const desk of [one, two]) {
        await desk.page.keyboard.type('RO/1/SEO-1001\n')
        await expect(desk.page.getByTestId('runner-name')).toHaveText('Min-jun Kim')
      }
      await Promise.all([one.page.keyboard.press('Enter'), two.page.keyboard.press('Enter')])
      const outcome = (page: Page) => page.getByTestId('checkin-confirmation').or(page.getByTestId('already-checked-in'))
      await expect(outcome(one.page)).toBeVisible()
      await expect(outcome(two.page)).toBeVisible()
      const oneWon = (await one.page.getByTestId('checkin-confirmation').count()) === 1
      const twoWon = (await two.page.getByTestId('checkin-confirmation').count()) === 1
      expect(oneWon).not.toBe(twoWon)
      const winner = oneWon ? { page: one.page, name: 'Desk 1', person: 'Ji-ho' } : { page: two.page, name: 'Desk 2', person: 'Seo-jun' }
      const loser = winner.page === one.page ? two.page : one.page
      await expect(loser.getByTestId('already-checked-in')).toContainText(`Min-jun Kim already picked up — by ${winner.person} at ${winner.name}`)
      // The losing desk's card turns red within a second: it saw the other desk's check-in.
      await expect(loser.getByTestId('picked-up-warning')).toBeVisible()
    } finally {
      await one.close()
      await two.close()
    }
  })

  test('a desk sees only check-in, is refused organiser commands, and loses access the moment it is revoked', async ({ browser, page, office }) => {
    await runners(office)
    const desk = await pairedDesk(browser, office, 'Tablet by the door', 'Ji-ho')
    try {
      await expect(desk.page.getByRole('navigation').getByRole('link')).toHaveText(['Check-inAlt+1'])
      await expect(desk.page.getByTestId('desk-name')).toHaveText('Tablet by the door · Ji-ho')
      const token = await desk.page.evaluate(() => window.localStorage.getItem('race-office.desk-token') ?? '')
      const port = Number(new URL(office.origin).port)
      for (const [command, input] of [
        ['races.create', { name: '5K', distanceM: 5000 }],
        ['entrants.delete', { id: 'x' }],
        ['checkin.configure', { items: [] }],
        ['desks.list', {}],
      ] as const) {
        const refused = await postCommand(port, command, input, token)
        expect(refused.status, command).toBe(403)
      }

      await signIn(page, office)
      await expect(page.getByTestId('paired-desk')).toContainText('Tablet by the door')
      await page.getByTestId('revoke-desk').click()
      await expect(page.getByTestId('paired-desk')).toContainText('Revoked at')
      expect((await postCommand(port, 'checkin.stats', {}, token)).status).toBe(401)
      await desk.page.keyboard.type('kim')
      await expect(desk.page.getByRole('alert')).toContainText('This screen is not signed in')
    } finally {
      await desk.close()
    }
  })

  test('a wrong pairing code is refused in words', async ({ page, office }) => {
    const { codes } = await call<{ codes: { desk: string; finish: string } }>(office, 'desks.setNetwork', { on: true })
    // Certainly wrong: each digit of the desk code moved on by one, and neither of the two codes.
    const wrong = [...codes.desk].map((digit) => String((Number(digit) + 1) % 10)).join('')
    expect([codes.desk, codes.finish]).not.toContain(wrong)
    await page.goto(`${office.origin}/#pair`)
    await page.getByTestId('pair-code').fill(wrong)
    await page.getByTestId('pair-desk').fill('Desk 9')
    await page.getByTestId('pair-person').fill('Guess')
    await page.getByRole('button', { name: 'Join' }).click()
    await expect(page.getByRole('alert')).toContainText('That code is not the one on the organiser’s screen')
    expect(await call<unknown[]>(office, 'desks.list', {})).toEqual([])
  })

  test('with approval on, a tablet that typed the right code waits, named with its address, until the organiser lets it in; the code is then used up', async ({
    page,
    browser,
    office,
  }) => {
    await signIn(page, office)
    await expect(page.getByRole('heading', { name: 'Setup', level: 1 })).toBeVisible()
    await page.getByTestId('approve-new').click()
    await expect(page.getByTestId('approve-new')).toBeChecked()
    await page.getByTestId('network-switch').click()
    await expect(page.getByTestId('pairing-code-desk')).toHaveText(/^\d{6}$/)
    const code = (await page.getByTestId('pairing-code-desk').textContent()) ?? ''
    await expect(page.getByText(/Each code pairs one device/)).toBeVisible()

    const context = await browser.newContext()
    try {
      const tablet = await context.newPage()
      await tablet.goto(`${office.origin}/#pair`)
      await tablet.getByTestId('pair-code').fill(code)
      await tablet.getByTestId('pair-desk').fill('Expo desk')
      await tablet.getByTestId('pair-person').fill('Hana')
      await tablet.getByRole('button', { name: 'Join' }).click()
      await expect(tablet.getByTestId('pair-waiting')).toContainText('Wait here')

      const waiting = page.getByTestId('waiting-desk')
      await expect(waiting).toContainText('Expo desk')
      await expect(waiting).toContainText('127.0.0.1')
      await expect(page.getByTestId('pairing-code-desk')).not.toHaveText(code)
      await waiting.getByTestId('approve-desk').click()
      await expect(tablet.getByTestId('pickup-search')).toBeVisible()
      await expect(page.getByTestId('paired-desk')).toContainText('Expo desk')
    } finally {
      await context.close()
    }
  })

  test('the organiser locks a screen in desk mode and unlocks it with the PIN', async ({ page, office }) => {
    await signIn(page, office)
    await page.getByTestId('lock').click()
    await page.getByLabel('PIN', { exact: true }).fill('246810')
    await page.getByLabel('PIN again').fill('246810')
    await page.getByRole('dialog').getByRole('button', { name: 'Desk mode' }).click()
    await expect(page.getByTestId('pickup-search')).toBeVisible()
    await expect(page.getByRole('navigation').getByRole('link')).toHaveText(['Check-inAlt+1'])
    await page.getByTestId('unlock').click()
    await page.getByLabel('PIN', { exact: true }).fill('111111')
    await page.getByRole('dialog').getByRole('button', { name: 'Unlock' }).click()
    await expect(page.getByRole('dialog').getByRole('alert')).toHaveText('That PIN is not the one this screen was locked with.')
    await page.getByLabel('PIN', { exact: true }).fill('246810')
    await page.getByRole('dialog').getByRole('button', { name: 'Unlock' }).click()
    await expect(page.getByRole('navigation').getByRole('link')).toHaveCount(7)
  })

  test('at the self check-in kiosk a runner scans, confirms, and is told which table holds their bag', async ({ page, office }) => {
    await runners(office)
    await call(office, 'checkin.configure', { tables: [{ name: 'Table A', first: 1, last: 499 }] })
    await openDesk(page, office)
    await page.getByTestId('kiosk').click()
    await page.getByTestId('kiosk-pin').fill('864200')
    await page.getByTestId('kiosk-pin-again').fill('864200')
    await page.getByTestId('kiosk-start').click()
    await expect(page.getByTestId('kiosk-code')).toBeFocused()
    await page.keyboard.type('RO/2/SEO-1002\n')
    await expect(page.getByTestId('kiosk-name')).toHaveText('Ji-woo Kim')
    await page.getByTestId('kiosk-yes').click()
    await expect(page.getByTestId('kiosk-done')).toContainText('Your bag is waiting at Table A.')
    await page.getByRole('button', { name: 'Start again' }).click()
    // A name is not a code: the kiosk never lists other runners.
    await page.keyboard.type('kim\n')
    await expect(page.getByTestId('kiosk-help')).toContainText('We could not find that code')
    await page.getByRole('button', { name: 'Start again' }).click()
    await page.keyboard.type('SEO-1002\n')
    await expect(page.getByTestId('kiosk-help')).toContainText('You have already picked up your pack')

    // A runner cannot walk from the kiosk into the desk: no shortcut, and the PIN is asked.
    await page.keyboard.press('Alt+1')
    await expect(page.getByTestId('kiosk-screen')).toBeVisible()
    await page.getByTestId('kiosk-exit').click()
    await page.getByTestId('kiosk-leave-pin').fill('111111')
    await page.keyboard.press('Enter')
    await expect(page.locator('.kiosk-leave').getByRole('alert')).toHaveText('That is not the PIN this kiosk was started with.')
    await page.getByTestId('kiosk-leave-pin').fill('864200')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('pickup-search')).toBeVisible()
  })
})
