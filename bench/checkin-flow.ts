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

/** A runner as the volunteer hears and reads them: what the flow types and what it looks for. */
export interface FlowRunner {
  bib: number
  ref: string
  givenName: string
  familyName: string
}

export interface CheckinFlowFigures {
  /** One sample per letter or digit typed, with the floor of the same query beside it. */
  search: number[]
  searchFloor: number[]
  confirm: number[]
  /** The same check-in of runners not yet checked in, sent from the page. */
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
      const response = await fetch(`/api/${c as string}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(i),
      })
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
function* keysToFind(runner: FlowRunner): Generator<string> {
  // Search ignores accents, so nobody types them: Fernández is typed fernandez.
  const family = fold(runner.familyName)
  for (const letter of family.slice(0, 4)) yield letter
  yield ' '
  for (const letter of fold(runner.givenName)) yield letter
}

/**
 * `runners` are checked in by name, `scans` by their bib's code; `floorRunners` (as many as
 * `runners`, none of them among the others) are checked in from the page for the confirm floor.
 */
export async function runCheckinFlow(eventPath: string, runners: FlowRunner[], scans: FlowRunner[], floorRunners: FlowRunner[]): Promise<CheckinFlowFigures> {
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

    const searchMeasured = async (key: string, typed: string): Promise<void> => {
      figures.search.push(await pressMeasured(page, key, 'search', typed))
      figures.searchFloor.push(await roundTrip(page, 'entrants.search', { query: typed, limit: 8 }))
    }
    /** Keys from the runner's match at `found` to the confirmation on screen. */
    const pickAndCheckIn = async (runner: FlowRunner, found: number): Promise<number> => {
      for (let i = 0; i < found; i++) await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Enter')
      await page.locator(`[data-testid=runner-bib]:text-is("${runner.bib}")`).waitFor()
      return found + 1 + (await confirm())
    }
    const confirm = async (): Promise<number> => {
      figures.confirm.push(await pressMeasured(page, 'Enter', 'confirm', lastCheckin))
      lastCheckin = (await page.getByTestId('checkin-confirmation').getAttribute('data-checkin-id')) ?? ''
      return 1
    }

    for (const runner of runners) {
      let typed = ''
      let keys = 0
      let found = -1
      for (const key of keysToFind(runner)) {
        typed += key
        keys += 1
        if (key === ' ') {
          // A space starts the next word: it asks nothing new of the office, so it is not timed.
          await page.keyboard.type(key)
          continue
        }
        await searchMeasured(key, typed.trim())
        // The volunteer reads the list from the third letter on.
        if (typed.length < Math.min(3, fold(runner.familyName).length)) continue
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
          await searchMeasured(typed[i] as string, typed.slice(0, i + 1))
        }
        found = (await visibleBibs(page)).indexOf(String(runner.bib))
        if (found < 0) throw new Error(`bib ${runner.bib} was not found by its number`)
      }
      figures.keysByName.push(keys + (await pickAndCheckIn(runner, found)))
    }

    for (const runner of floorRunners) {
      const found = (await page.evaluate(async (bib) => {
        const token = sessionStorage.getItem('race-office.token') ?? ''
        const response = await fetch('/api/entrants.search', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: bib, limit: 1 }),
        })
        return ((await response.json()) as { value: { items: { id: string }[] } }).value.items[0]?.id ?? ''
      }, String(runner.bib))) as string
      figures.confirmFloor.push(await roundTrip(page, 'checkin.checkIn', { entrantId: found }))
    }

    for (const runner of scans) {
      // A scanner types the whole code and presses Enter: one scan. What follows is counted as
      // the desk asks for it: the card may open at once, or a list may need a pick.
      await page.keyboard.press('Escape')
      await page.keyboard.type(`RO/${runner.bib}/${runner.ref}\n`)
      const card = page.locator(`[data-testid=runner-bib]:text-is("${runner.bib}")`)
      const opened = await card.waitFor({ timeout: 5000 }).then(
        () => true,
        () => false,
      )
      const found = opened ? -1 : (await visibleBibs(page)).indexOf(String(runner.bib))
      if (!opened && found < 0) throw new Error(`the scan of bib ${runner.bib} found neither the card nor the runner in the list`)
      const keys = 1 + (opened ? await confirm() : await pickAndCheckIn(runner, found))
      figures.keysByScan.push(keys)
    }
    await page.close()
  } finally {
    await browser.close()
    await served.stop()
  }
  return figures
}
