import { writeFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { finishLine, organiser, tempDir, tempRouter } from '../../tests/support/temp-event'
import { describeSnapshot, listSnapshots, snapshotInto } from './snapshots'

describe('snapshots of the open event', () => {
  it('copies the event consistently while captures keep arriving, and says what the copy holds', async () => {
    const { router, file } = await tempRouter()
    await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 1, last: 99 }] }, organiser)
    await router.call('entrants.create', { raceId: 1, givenName: 'Ana', familyName: 'Kim', sex: 'F', bib: 1 }, organiser)
    let seq = 0
    const capture = () => router.call('timing.capture', { device: 'timer', seq: ++seq, point: 'finish', atMs: Date.UTC(2025, 3, 6, 1) + seq }, finishLine)
    for (let i = 0; i < 50; i++) await capture()
    const folder = tempDir()
    const [path] = await Promise.all([snapshotInto(file.sqlite, file.path, folder, Date.UTC(2025, 3, 6, 6)), ...Array.from({ length: 20 }, capture)])
    const summary = describeSnapshot(path)
    expect(summary).toMatchObject({ ok: true, problem: null, entrants: 1, checkins: 0, event: { name: expect.any(String) } })
    expect(summary.captures).toBeGreaterThanOrEqual(50)
    expect(listSnapshots(folder, file.path).map((s) => s.path)).toEqual([path])
  })

  it('tells a damaged copy and a file of another program from a good one, without changing them', () => {
    const dir = tempDir()
    const text = join(dir, 'notes-20250406-060000-000.raceoffice')
    writeFileSync(text, 'not a database at all')
    expect(describeSnapshot(text)).toMatchObject({ ok: false, problem: expect.stringMatching(/cannot be|damaged|not a Race Office/) })
    expect(readFileSync(text, 'utf8')).toBe('not a database at all')
    expect(describeSnapshot(join(dir, 'missing.raceoffice'))).toMatchObject({ ok: false, problem: expect.stringMatching(/cannot be opened/) })
  })

  it('finds a truncated copy damaged', async () => {
    const { router, file } = await tempRouter()
    await router.call('races.create', { name: '10K', distanceM: 10000 }, organiser)
    for (let i = 0; i < 200; i++) await router.call('entrants.create', { raceId: 1, givenName: `Runner ${i}`, familyName: 'Kim', sex: 'F' }, organiser)
    const folder = tempDir()
    const path = await snapshotInto(file.sqlite, file.path, folder, Date.UTC(2025, 3, 6, 6))
    const bytes = readFileSync(path)
    const truncated = join(folder, 'cut.raceoffice')
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
    expect(describeSnapshot(truncated)).toMatchObject({ ok: false })
  })
})
