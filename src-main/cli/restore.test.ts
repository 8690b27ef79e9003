import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliProcess } from '../../tests/support/cli'
import { tempDir } from '../../tests/support/temp-event'

describe('race-office restore', () => {
  it('offers the latest good backup when the event file is damaged, and restores it as a new file', { timeout: 60_000 }, async () => {
    const dir = tempDir()
    const backups = join(dir, 'backups')
    const file = join(dir, 'seoul.raceoffice')
    expect((await runCliProcess(['init', file, '--name', 'Seoul 10K', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-99'])).code).toBe(0)
    writeFileSync(join(dir, 'entries.csv'), 'Registration ID,First Name,Last Name,Gender,Event\nR1,Ana,Kim,F,10K\nR2,Bo,Lee,M,10K\n')
    expect((await runCliProcess(['import', file, join(dir, 'entries.csv')])).code).toBe(0)
    expect((await runCliProcess(['backup', file, dir])).code).toBe(0)
    mkdirSync(backups)
    expect((await runCliProcess(['backup', file, backups])).code).toBe(0)

    const bytes = readFileSync(file)
    const damaged = Buffer.from(bytes)
    damaged.fill(0x5a, 4096 * 2, bytes.length)
    writeFileSync(file, damaged)

    const served = await runCliProcess(['serve', file, '--port', '0', '--backups', backups])
    expect(served.code).toBe(1)
    expect(served.stderr).toMatch(/is damaged/)
    expect(served.stderr).toMatch(/The latest good backup is seoul-\d{8}-\d{6}-\d{3}\.raceoffice, taken .+ UTC: 2 entrants, 0 check-ins, 0 captures/)
    expect(served.stderr).toContain(`race-office restore ${file} --backups ${backups}`)

    const listed = await runCliProcess(['restore', file, '--backups', backups, '--list', '--json'])
    expect(listed.code).toBe(0)
    expect(
      listed.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([expect.objectContaining({ ok: true, problem: null, entrants: 2 })])

    const restored = await runCliProcess(['restore', file, '--backups', backups, '--json'])
    expect(restored.code).toBe(0)
    const answer = JSON.parse(restored.stdout) as { file: string; entrants: number }
    expect(answer).toMatchObject({ entrants: 2, checkins: 0, captures: 0 })
    expect(basename(answer.file)).toMatch(/^seoul \(restored \d{4}-\d{2}-\d{2} \d{2}\.\d{2}\)\.raceoffice$/)
    expect(readFileSync(file).equals(damaged)).toBe(true)
    const entrants = await runCliProcess(['entrants', answer.file, '--json'])
    expect(entrants.code, entrants.stderr).toBe(0)
    expect(entrants.stdout).toContain('Ana')

    expect((await runCliProcess(['restore', file, '--backups', backups, '--from', 'nope.raceoffice'])).stderr).toMatch(/no backup called nope\.raceoffice/)
  })
})
