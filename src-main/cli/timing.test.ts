import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliProcess, serveProcess } from '../../tests/support/cli'
import { tempDir } from '../../tests/support/temp-event'
import { fetchCommand } from '../../tests/support/http-client'

const fixtures = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures')
const json = (stdout: string): unknown => JSON.parse(stdout)

async function event(dir: string, name: string): Promise<string> {
  const file = join(dir, name)
  const init = await runCliProcess(['init', file, '--name', 'Seoul 10K', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-99'])
  expect(init.code).toBe(0)
  return file
}

describe('race-office clock set', () => {
  it('sets the gun as a time of day in the event’s zone, and a second time is kept as a correction', async () => {
    const file = await event(tempDir(), 'event.raceoffice')
    const first = await runCliProcess(['clock', 'set', file, '--race', '10k', '--at', '09:00:00.250', '--json'])
    expect(first.code).toBe(0)
    expect(json(first.stdout)).toMatchObject({ race: '10K', wave: null, gunAtMs: Date.UTC(2025, 3, 6, 0, 0, 0, 250) })
    const again = await runCliProcess(['clock', 'set', file, '--race', '10K', '--at', '09:00:01', '--reason', 'starter’s watch'])
    expect(again.stdout).toBe('10K: gun at 09:00:01.000 (corrected from 09:00:00.250).\n')
    expect((await runCliProcess(['clock', 'set', file, '--race', '10K', '--at', '9 o’clock'])).code).toBe(2)
    expect((await runCliProcess(['clock', 'set', file, '--race', '10K', '--wave', 'Elite', '--at', '09:00:00'])).stderr).toMatch(/has no wave called Elite/)
  })
})

describe('race-office reads import', () => {
  it('imports the timing system’s plain file, and says what it did with the same file twice', async () => {
    const file = await event(tempDir(), 'event.raceoffice')
    const run = await runCliProcess(['reads', 'import', file, join(fixtures, 'reads-finish.csv'), '--json'])
    expect(run.code).toBe(0)
    expect(json(run.stdout)).toMatchObject({ imported: 12, duplicates: 0, runners: 10, points: ['finish'], unknownChips: [], rejected: [] })
    const again = await runCliProcess(['reads', 'import', file, join(fixtures, 'reads-finish.csv')])
    expect(again.stdout).toMatch(/Reads: 0 imported, 12 already there/)
  })

  it('maps a vendor’s columns with --map and a fixed --point, and refuses bad rows with exit code 1', async () => {
    const dir = tempDir()
    const file = await event(dir, 'event.raceoffice')
    const data = join(dir, 'start.csv')
    writeFileSync(data, 'Transponder;Passing\nA1;09:00:03.100\nA2;later\n')
    const bad = await runCliProcess(['reads', 'import', file, data, '--map', 'chip=Transponder', '--map', 'time=Passing', '--point', 'start'])
    expect(bad.code).toBe(1)
    expect(bad.stdout).toMatch(/row 3, time: "later" is not a time of day/)
    const good = await runCliProcess([
      'reads',
      'import',
      file,
      data,
      '--map',
      'chip=Transponder',
      '--map',
      'time=Passing',
      '--point',
      'start',
      '--skip-invalid',
      '--json',
    ])
    expect(json(good.stdout)).toMatchObject({ imported: 1, unknownChips: [{ chip: 'A1', reads: 1 }] })
  })

  it('reads a RACE RESULT decoder’s passings as they are, asks when it was switched on, and takes --anchor', async () => {
    const dir = tempDir()
    const file = await event(dir, 'event.raceoffice')
    const data = join(dir, 'passings.txt')
    writeFileSync(data, '1;NHKCT25;0000-00-00;01:02:33.450;1;12;-56\n2;NHKCT26;0000-00-00;01:03:00.000;1;9;-61\n')
    const untold = await runCliProcess(['reads', 'import', file, data, '--point', 'finish'])
    expect(untold.code).toBe(1)
    expect(untold.stderr).toMatch(/switched on/)
    const told = await runCliProcess(['reads', 'import', file, data, '--point', 'finish', '--anchor', '09:10:00', '--json'])
    expect(json(told.stdout)).toMatchObject({ imported: 2, format: 'raceresult', skipped: 0, unknownChips: [{ chip: 'NHKCT25' }, { chip: 'NHKCT26' }] })
    expect((await runCliProcess(['reads', 'import', file, data, '--format', 'tag-heuer'])).code).toBe(2)
  })
})

describe('race-office sync and captures', () => {
  it('moves a finish laptop’s captures into the office file once, however often it is imported or pushed', async () => {
    const dir = tempDir()
    const office = await event(dir, 'office.raceoffice')
    const laptop = await event(dir, 'laptop.raceoffice')
    await runCliProcess(['clock', 'set', laptop, '--race', '10K', '--at', '09:00:00'])
    const served = await serveProcess(laptop)
    const gun = Date.UTC(2025, 3, 6, 0)
    try {
      for (let seq = 1; seq <= 3; seq++)
        expect(
          await fetchCommand(served.origin, served.token, 'timing.capture', { device: 'laptop', seq, point: 'finish', atMs: gun + seq * 2_400_000, bib: seq }),
        ).toMatchObject({ ok: true })
    } finally {
      await served.stop()
    }
    const pkg = join(dir, 'finish.json')
    expect((await runCliProcess(['sync', 'export', laptop, '--out', pkg])).stdout).toMatch(/Wrote 3 capture\(s\), 0 correction\(s\) and 1 gun\(s\)/)
    const first = await runCliProcess(['sync', 'import', office, pkg, '--json'])
    expect(json(first.stdout)).toMatchObject({ captures: { added: 3, unchanged: 0 }, clocks: { added: 1 }, conflicts: [] })
    const second = await runCliProcess(['sync', 'import', office, pkg, '--json'])
    expect(json(second.stdout)).toMatchObject({ captures: { added: 0, unchanged: 3 }, clocks: { added: 0, unchanged: 1 } })

    const captures = json((await runCliProcess(['captures', office, '--json'])).stdout) as Record<string, unknown>[]
    expect(captures.map((c) => [c['device'], c['seq'], c['point'], c['atMs'], c['bib'], c['state']])).toEqual(
      [1, 2, 3].map((seq) => ['laptop', seq, 'finish', gun + seq * 2_400_000, seq, 'active']),
    )
    expect(captures[0]).toHaveProperty('id')

    const officeHost = await serveProcess(office)
    try {
      const pushed = await runCliProcess(['sync', 'push', laptop, '--to', officeHost.origin, '--token', officeHost.token, '--json'])
      expect(pushed.code, `sync push failed: ${pushed.stderr}\n${officeHost.stderr()}`).toBe(0)
      // A push measures the laptop's clock against the office's first: the package carries it.
      expect(json(pushed.stdout)).toMatchObject({ captures: { added: 0, unchanged: 3 }, clockMeasurements: { added: 1 }, clockMeasured: true })
    } finally {
      await officeHost.stop()
    }
    writeFileSync(pkg, '{"format":"zip"}')
    expect((await runCliProcess(['sync', 'import', office, pkg])).stderr).toMatch(/is not a Race Office sync package/)
  }, 90_000)
})
