import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliProcess } from '../../tests/support/cli'
import { pdfText } from '../../tests/support/pdf'
import { tempDir } from '../../tests/support/temp-event'

async function event(dir: string): Promise<string> {
  const file = join(dir, 'event.raceoffice')
  const init = await runCliProcess(['init', file, '--name', 'Seoul 10K', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-99'])
  expect(init.code).toBe(0)
  expect((await runCliProcess(['clock', 'set', file, '--race', '10K', '--at', '09:00:00'])).code).toBe(0)
  return file
}

describe('race-office times', () => {
  it('imports a stopwatch file, reports its bad line, and cross-checks a second timer as a backup', async () => {
    const dir = tempDir()
    const file = await event(dir)
    const stopwatch = join(dir, 'stopwatch.txt')
    writeFileSync(stopwatch, '1 0:31:02.35\n2 0:31:09.80\n3 0:31:7\n4 0:32:00.01\n')
    const bad = await runCliProcess(['times', 'import', file, stopwatch])
    expect(bad.code).toBe(1)
    expect(bad.stdout).toMatch(/line 3, time: "0:31:7" is not a time/)
    const good = await runCliProcess(['times', 'import', file, stopwatch, '--race', '10k', '--skip-invalid', '--json'])
    expect(good.code).toBe(0)
    expect(JSON.parse(good.stdout)).toMatchObject({
      imported: 3,
      duplicates: 0,
      device: 'timer stopwatch',
      point: 'finish',
      as: 'main',
      rejected: [{ row: 3 }],
    })

    const backup = join(dir, 'backup.csv')
    writeFileSync(backup, 'Place,Time\n1,09:31:02.4\n2,09:31:09.9\n3,09:31:30.0\n4,09:32:00.1\n')
    const second = await runCliProcess(['times', 'import', file, backup, '--time-of-day'])
    expect(second.stdout).toMatch(/Times from timer backup at finish \(a backup, to cross-check with\): 4 imported/)
    const check = await runCliProcess(['times', 'check', file])
    expect(check.code).toBe(1)
    expect(check.stdout).toMatch(/timer backup: 4 time\(s\), 3 matched of 3/)
    expect(check.stdout).toMatch(/missed \(timer stopwatch\) at 09:31:30\.0 → insertBackupTime/)
    expect(check.stdout).toMatch(/1 finding\(s\), 1 the results depend on/)
  })

  it('writes a race’s tally sheets and chute cards as PDF', async () => {
    const dir = tempDir()
    const file = await event(dir)
    const tally = await runCliProcess(['times', 'tally', file, '--race', '10K', '--sheets', '2', '--out', join(dir, 'tally.pdf'), '--json'])
    expect(tally.code).toBe(0)
    expect(JSON.parse(tally.stdout)).toMatchObject({ kind: 'tally', items: 2, pages: 2 })
    expect(pdfText(join(dir, 'tally.pdf'), 2)).toContain('Finish tally sheet · 10K · Sheet 2')
    const cards = await runCliProcess(['times', 'cards', file, '--race', '10K', '--last', '20', '--out', join(dir, 'cards.pdf')])
    expect(cards.stdout).toMatch(/Chute cards: 20 on 3 pages/)
    expect((await runCliProcess(['times', 'tally', file, '--race', '10K', '--lines', '45', '--out', join(dir, 'x.pdf')])).code).toBe(2)
  })
})
