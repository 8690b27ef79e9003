/// <reference lib="dom" />
// checkin.flow: a volunteer at the Check-in desk, in Debian's Chromium through the HTTP host,
// checking in runners of a 50,000-entrant event one after another. Timings are taken in the page:
// from the key's own event time to the frame after the match list (or the confirmation) is in
// the DOM, which is when the volunteer can see it.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { serveProcess } from '../tests/support/cli'
import { fold } from '../src-shared/search/fold'
import type { GeneratedEntrant } from './generate'

export interface CheckinFlowFigures {
  search: number[]
  confirm: number[]
  searchFloor: number[]
  confirmFloor: number[]
  keysByName: number[]
  keysByScan: number[]
}

declare global {
  interface Window {
    benchArm?: (kind: 'search' | 'confirm', expected: string) => void
    benchResult?: Promise<number>
  }
}

/**
 * Installed in the page: arms a wait for the next key's effect to be painted. Plain JavaScript
 * in a string: code passed as a function would carry the bundler's helpers into the page.
 */
const instrument = `
window.benchArm = (kind, expected) => {
  window.benchResult = new Promise((resolve) => {
    let keyAt = performance.now()
    window.addEventListener('keydown', (e) => { keyAt = e.timeStamp }, { capture: true, once: true })
    const shown = () => {
      if (kind === 'search') return document.querySelector('[data-testid=pickup-matches]')?.getAttribute('data-for') === expected
      const confirmation = document.querySelector('[data-testid=checkin-confirmation]')
      return confirmation !== null && confirmation.getAttribute('data-checkin-id') !== expected
    }
    const observer = new MutationObserver(() => {
      if (!shown()) return
      observer.disconnect()
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - keyAt), 0))
    })
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
  })
}`

const visibleBibs = (page: Page): Promise<string[]> => page.locator('[data-testid=pickup-match] .match-bib').allTextContents()

async function pressMeasured(page: Page, key: string, kind: 'search' | 'confirm', expected: string): Promise<number> {
  await page.evaluate(([k, e]) => window.benchArm?.(k as 'search' | 'confirm', e as string), [kind, expected])
  if (key.length === 1) await page.keyboard.type(key)
  else await page.keyboard.press(key)
  return page.evaluate(() => window.benchResult as Promise<number>)
}

/** The same request the screen makes, from the page, without drawing anything: the floor. */
async function roundTrip(page: Page, command: string, input: unknown): Promise<number> {
  return page.evaluate(
    async ([c, i]) => {
      const token = sessionStorage.getItem('race-office.token') ?? ''
      const start = performance.now()
      const response = await fetch(`/api/${c as string}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(i) })
      await response.json()
      return performance.now() - start
    },
    [command, input] as const,
  )
}

/**
 * What a volunteer types to find one runner: up to four letters of the family name, then the
 * given name letter by letter while the runner is not among the matches; a runner whose name is
 * shared by more people than the list shows is found by bib, as a volunteer would ask for it.
 */
function* keysToFind(runner: GeneratedEntrant): Generator<string> {
  // Search ignores accents, so nobody types them: Fernández is typed fernandez.
  const family = fold(runner.familyName)
  for (const letter of family.slice(0, 4)) yield letter
  yield ' '
  for (const letter of fold(runner.givenName)) yield letter
}

export async function runCheckinFlow(eventPath: string, runners: GeneratedEntrant[], scans: GeneratedEntrant[]): Promise<CheckinFlowFigures> {
  const renderer = join(import.meta.dirname, '..', 'out', 'renderer', 'index.html')
  if (!existsSync(renderer)) throw new Error('checkin.flow needs the built screens: run `npm run build` first')
  const served = await serveProcess(eventPath)
  const browser = await chromium.launch({
    executablePath: process.env['RACE_OFFICE_CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const figures: CheckinFlowFigures = { search: [], confirm: [], searchFloor: [], confirmFloor: [], keysByName: [], keysByScan: [] }
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } })
    await page.goto(served.url)
    await page.getByTestId('event-name').waitFor()
    await page.goto(`${served.origin}/#/checkin`)
    await page.getByTestId('pickup-search').waitFor()
    await page.evaluate(instrument)
    let lastCheckin = ''

    const checkInPicked = async (keys: number): Promise<number> => {
      figures.confirm.push(await pressMeasured(page, 'Enter', 'confirm', lastCheckin))
      lastCheckin = (await page.getByTestId('checkin-confirmation').getAttribute('data-checkin-id')) ?? ''
      return keys + 1
    }

    for (const runner of runners) {
      let typed = ''
      let keys = 0
      let found = -1
      let last = 0
      for (const key of keysToFind(runner)) {
        typed += key
        keys += 1
        last = await pressMeasured(page, key, 'search', typed.trim())
        // The volunteer reads the list from the third letter on.
        if (key === ' ' || typed.length < Math.min(3, fold(runner.familyName).length)) continue
        found = (await visibleBibs(page)).indexOf(String(runner.bib))
        if (found >= 0) break
      }
      if (found < 0) {
        // Shared by too many: clear the box and ask for the bib.
        await page.keyboard.press('Escape')
        keys += 1
        typed = String(runner.bib)
        for (let i = 0; i < typed.length; i++) {
          keys += 1
          last = await pressMeasured(page, typed[i] as string, 'search', typed.slice(0, i + 1))
        }
        found = (await visibleBibs(page)).indexOf(String(runner.bib))
        if (found < 0) throw new Error(`bib ${runner.bib} was not found by its number`)
      }
      figures.search.push(last)
      figures.searchFloor.push(await roundTrip(page, 'entrants.search', { query: typed.trim(), limit: 8 }))
      for (let i = 0; i < found; i++) await page.keyboard.press('ArrowDown')
      keys += found + 1
      await page.keyboard.press('Enter')
      await page.locator(`[data-testid=runner-bib]:text-is("${runner.bib}")`).waitFor()
      keys = await checkInPicked(keys)
      const entrantId = (await page.getByTestId('runner-card').getAttribute('data-entrant-id')) ?? ''
      figures.confirmFloor.push(await roundTrip(page, 'checkin.checkIn', { entrantId }))
      figures.keysByName.push(keys)
    }

    for (const runner of scans) {
      // A scanner types the whole code and presses Enter: one scan.
      await page.keyboard.type(`RO/${runner.bib}/${runner.ref}\n`)
      await page.locator(`[data-testid=runner-bib]:text-is("${runner.bib}")`).waitFor()
      figures.keysByScan.push(await checkInPicked(1))
    }
    await page.close()
  } finally {
    await browser.close()
    await served.stop()
  }
  return figures
}
