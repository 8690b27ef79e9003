/// <reference lib="dom" />
import type { CaptureView } from '../../src-shared/contract/timing'
import { postCommand } from '../support/http-client'
import { expect, signIn, test, type OfficeFixture } from './office'

// A trace records every action, which slows each press: this burst runs without one.
test.use({
  trace: 'off',
  initArgs: ['--name', 'Seoul 10K 2025', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-999'],
})

async function timingList(office: OfficeFixture): Promise<CaptureView[]> {
  const response = await postCommand(Number(new URL(office.origin).port), 'timing.list', {}, office.token)
  return (response.json() as { value: { captures: CaptureView[] } }).value.captures
}

test('100 presses of the capture key in 10 s are 100 captures, in order, each at the instant of its key press', async ({ page, office }) => {
  test.setTimeout(90_000)
  await signIn(page, office)
  await page.keyboard.press('Alt+5')
  await expect(page.getByRole('heading', { name: 'Finish line', level: 1 })).toBeVisible()
  // The instant of each key press as the page saw it, to compare with what the office stored.
  await page.evaluate(
    'window.__presses = []; window.addEventListener("keydown", (e) => { if (e.code === "Space") window.__presses.push(performance.timeOrigin + e.timeStamp) }, true)',
  )
  // On a schedule: press i is due 100 ms after press i − 1 was due, whatever each press took.
  const start = Date.now()
  for (let i = 0; i < 100; i++) {
    await page.waitForTimeout(Math.max(0, start + i * 100 - Date.now()))
    await page.keyboard.press('Space')
  }
  await expect(page.getByTestId('finish-counts')).toHaveText('100 times · 0 with a bib', { timeout: 20_000 })
  const presses = (await page.evaluate('window.__presses')) as number[]
  const captures = await timingList(office)
  expect(presses).toHaveLength(100)
  // Ten a second: the burst took about 10 s (a loaded machine stretches it a little).
  expect((presses[99] as number) - (presses[0] as number)).toBeLessThan(12_500)
  expect(captures).toHaveLength(100)
  expect(captures.map((c) => c.seq)).toEqual([...captures.map((c) => c.seq)].sort((a, b) => a - b))
  captures.forEach((capture, i) => expect(Math.abs((capture.atMs as number) - (presses[i] as number))).toBeLessThanOrEqual(5))
})
