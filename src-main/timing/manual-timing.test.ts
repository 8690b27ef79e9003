import { describe, expect, it } from 'vitest'
import { finishLine, organiser, tempRouter } from '../../tests/support/temp-event'
import { unwrap } from '../../tests/support/results'
import { alignPresses, type Press } from './cross-check'

const gun = Date.UTC(2025, 3, 6, 9, 0, 0)
const s = (seconds: number): number => seconds * 1000

async function race() {
  const { router, file } = await tempRouter()
  unwrap(await router.call('event.update', { date: '2025-04-06', timeZone: 'Asia/Seoul' }, organiser))
  unwrap(await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 1, last: 500 }] }, organiser))
  for (let bib = 1; bib <= 40; bib++)
    unwrap(await router.call('entrants.create', { raceId: 1, givenName: `Runner${bib}`, familyName: 'Park', sex: 'F', bib }, organiser))
  const upload = async (text: string, fileName = 'stopwatch.csv') =>
    unwrap(await router.call('imports.upload', { fileName, chunk: Buffer.from(text).toString('base64') }, organiser)).id
  return { router, file, upload }
}

describe('times typed from a tape', () => {
  it('counts an elapsed time from the race’s gun, keeps it as a typed capture, and stores a resend once', async () => {
    const { router } = await race()
    const refused = await router.call('timing.typeTime', { device: 'tape', seq: 1, raceId: 1, timeMs: s(2712), bib: 7 }, finishLine)
    expect(refused).toMatchObject({ ok: false, error: { code: 'RACE_NOT_STARTED' } })
    unwrap(await router.call('clock.set', { raceId: 1, atMs: gun }, finishLine))
    const typed = unwrap(await router.call('timing.typeTime', { device: 'tape', seq: 1, raceId: 1, timeMs: s(2712), bib: 7 }, finishLine))
    expect(typed.capture).toMatchObject({ atMs: gun + s(2712), source: 'typed', bib: 7, elapsedMs: s(2712), order: 1, runner: { name: 'Runner7 Park' } })
    const again = unwrap(await router.call('timing.typeTime', { device: 'tape', seq: 1, raceId: 1, timeMs: s(2712), bib: 7 }, finishLine))
    expect(again).toMatchObject({ duplicate: true, id: typed.id })
    const result = unwrap(await router.call('results.runner', { bib: 7 }, organiser))
    expect(result).toMatchObject({ row: { gunTimeMs: s(2712), finishSource: 'capture' } })
  })

  it('reads a time of day in the event’s zone on the event date', async () => {
    const { router } = await race()
    // 18:45:12.3 in Seoul is 09:45:12.3 UTC.
    const typed = unwrap(
      await router.call('timing.typeTime', { device: 'tape', seq: 1, clock: 'timeOfDay', timeMs: s(18 * 3600 + 45 * 60 + 12.3) }, finishLine),
    )
    expect(typed.capture.atMs).toBe(Date.UTC(2025, 3, 6, 9, 45, 12, 300))
    expect(await router.call('timing.typeTime', { device: 'tape', seq: 2, clock: 'timeOfDay', timeMs: s(24 * 3600) }, finishLine)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  })
})

describe('timer files', () => {
  it('imports place and time without a header, reports a bad line by its number, and adds nothing the second time', async () => {
    const { router, upload } = await race()
    unwrap(await router.call('clock.set', { raceId: 1, atMs: gun }, finishLine))
    const file = '1,0:31:02.35\n2,0:31:09.80\n3,0:31:7x\n4,0:32:00.01\n'
    const preview = unwrap(await router.call('times.preview', { id: await upload(file) }, organiser))
    expect(preview).toMatchObject({
      hasHeader: false,
      headers: ['Column 1', 'Column 2'],
      mapping: { place: 'Column 1', time: 'Column 2' },
      device: 'timer stopwatch',
    })
    const refused = await router.call('times.import', { id: await upload(file), raceId: 1 }, organiser)
    expect(refused).toMatchObject({ ok: false, error: { code: 'TIMES_REFUSED', details: { rejected: [{ row: 3, field: 'time', code: 'INVALID' }] } } })
    expect(unwrap(await router.call('timing.list', {}, finishLine)).times).toBe(0)
    const imported = unwrap(await router.call('times.import', { id: await upload(file), raceId: 1, skipInvalid: true }, organiser))
    expect(imported).toMatchObject({ imported: 3, duplicates: 0, withBib: 0, as: 'main', device: 'timer stopwatch', rejected: [{ row: 3 }] })
    const list = unwrap(await router.call('timing.list', {}, finishLine))
    expect(list.captures.map((c) => [c.source, c.atMs])).toEqual([
      ['typed', gun + 1_862_350],
      ['typed', gun + 1_869_800],
      ['typed', gun + 1_920_010],
    ])
    const again = unwrap(await router.call('times.import', { id: await upload(file), raceId: 1, skipInvalid: true }, organiser))
    expect(again).toMatchObject({ imported: 0, duplicates: 3 })
  })

  it('takes bibs with their times by the header, and a file on top of another timer’s times as a backup', async () => {
    const { router, upload } = await race()
    unwrap(await router.call('clock.set', { raceId: 1, atMs: gun }, finishLine))
    unwrap(await router.call('timing.capture', { device: 'desk', seq: 1, point: 'finish', atMs: gun + s(1862) }, finishLine))
    const imported = unwrap(
      await router.call('times.import', { id: await upload('Bib;Time\n12;0:31:02.4\n13;0:31:09.8\n', 'app export.csv'), raceId: 1 }, organiser),
    )
    expect(imported).toMatchObject({ imported: 2, withBib: 2, as: 'backup', device: 'timer app export' })
    expect(unwrap(await router.call('timing.list', {}, finishLine)).times).toBe(1)
  })
})

describe('the backup timer cross-check', () => {
  it('finds the three presses the main timer missed and the two it made twice, and fixes them one by one', async () => {
    const { router } = await race()
    unwrap(await router.call('clock.set', { raceId: 1, atMs: gun }, finishLine))
    // 30 runners 4 s apart; the backup (a stopwatch started 0.4 s late) has them all.
    const crossings = Array.from({ length: 30 }, (_, k) => s(1800 + 4 * k))
    for (const [k, at] of crossings.entries())
      unwrap(await router.call('timing.typeTime', { device: 'stopwatch', seq: k + 1, raceId: 1, timeMs: at - 400, as: 'backup' }, finishLine))
    const missed = new Set([5, 17, 18])
    const doubled = new Set([9, 24])
    let seq = 0
    for (const [k, at] of crossings.entries()) {
      if (missed.has(k)) continue
      unwrap(await router.call('timing.capture', { device: 'desk', seq: ++seq, point: 'finish', atMs: gun + at + 120 }, finishLine))
      if (doubled.has(k)) unwrap(await router.call('timing.capture', { device: 'desk', seq: ++seq, point: 'finish', atMs: gun + at + 420 }, finishLine))
    }
    const checked = unwrap(await router.call('timing.crossCheck', { point: 'finish' }, finishLine))
    expect(checked.backups).toEqual([{ device: 'stopwatch', times: 30, matched: 27, offsetMs: 520 }])
    expect(checked.findings.map((f) => [f.kind, f.fix, f.device])).toEqual([
      ['missed', 'insertBackupTime', 'desk'],
      ['extra', 'deleteMainTime', 'desk'],
      ['missed', 'insertBackupTime', 'desk'],
      ['missed', 'insertBackupTime', 'desk'],
      ['extra', 'deleteMainTime', 'desk'],
    ])
    expect(unwrap(await router.call('results.problems', {}, organiser)).problems.filter((p) => p.kind === 'crossCheck')).toHaveLength(5)
    for (const [n, finding] of checked.findings.entries())
      unwrap(await router.call('timing.applyCrossCheck', { finding: finding.id, device: 'office', seq: n + 1 }, finishLine))
    const after = unwrap(await router.call('timing.crossCheck', {}, finishLine))
    expect(after.findings).toEqual([])
    expect(after.backups[0]).toMatchObject({ matched: 30 })
    const list = unwrap(await router.call('timing.list', {}, finishLine))
    expect(list.times).toBe(30)
    // A time taken from the backup is on the main timer's clock: the backup's instant plus its usual difference.
    expect(list.captures.find((c) => c.source === 'inserted')?.atMs).toBe(gun + (crossings[5] as number) - 400 + 520)
    const history = unwrap(await router.call('timing.history', { captureId: checked.findings[1]?.main?.captureId as string }, finishLine))
    expect(history).toMatchObject([{ action: 'delete', reason: 'cross-check with stopwatch: extra' }])
    expect(unwrap(await router.call('results.problems', {}, organiser)).problems.filter((p) => p.kind === 'crossCheck')).toHaveLength(0)
  })

  it('keeps the main timer’s time when the official says so, and refuses a finding that is no longer open', async () => {
    const { router } = await race()
    unwrap(await router.call('clock.set', { raceId: 1, atMs: gun }, finishLine))
    for (const [k, at] of [s(1800), s(1804), s(1808)].entries())
      unwrap(await router.call('timing.typeTime', { device: 'stopwatch', seq: k + 1, raceId: 1, timeMs: at, as: 'backup' }, finishLine))
    unwrap(await router.call('timing.capture', { device: 'desk', seq: 1, point: 'finish', atMs: gun + s(1800) }, finishLine))
    unwrap(await router.call('timing.capture', { device: 'desk', seq: 2, point: 'finish', atMs: gun + s(1808) }, finishLine))
    const [finding] = unwrap(await router.call('timing.crossCheck', {}, finishLine)).findings
    expect(finding).toMatchObject({ kind: 'missed', fix: 'insertBackupTime' })
    const id = finding?.id as string
    unwrap(await router.call('timing.applyCrossCheck', { finding: id, action: 'keep', reason: 'a marshal crossed', device: 'office', seq: 1 }, finishLine))
    expect(unwrap(await router.call('timing.crossCheck', {}, finishLine)).findings).toEqual([])
    expect(unwrap(await router.call('timing.list', {}, finishLine)).times).toBe(2)
    expect(await router.call('timing.applyCrossCheck', { finding: id, device: 'office', seq: 2 }, finishLine)).toMatchObject({
      ok: false,
      error: { code: 'FINDING_GONE' },
    })
  })

  it('pairs two presses apart by more than the tolerance as a disagreement when nothing fits either better', () => {
    const press = (captureId: string, atMs: number): Press => ({ captureId, device: captureId[0] === 'm' ? 'main' : 'backup', atMs, bib: null, order: null })
    const main = [press('m1', s(100)), press('m2', s(110)), press('m3', s(120))]
    const backup = [press('b1', s(100)), press('b2', s(112.5)), press('b3', s(120))]
    const { steps } = alignPresses(main, backup, 1000)
    expect(steps.map((step) => [step.kind, 'differenceMs' in step ? step.differenceMs : null])).toEqual([
      ['match', 0],
      ['disagree', -2500],
      ['match', 0],
    ])
  })
})

describe('a corrected gun', () => {
  it('moves the times typed as elapsed from it, keeps the change in their history, and leaves times of day alone', async () => {
    const { router, upload } = await race()
    unwrap(await router.call('clock.set', { raceId: 1, atMs: gun }, finishLine))
    const typed = unwrap(await router.call('timing.typeTime', { device: 'tape', seq: 1, raceId: 1, timeMs: s(2712), bib: 7 }, finishLine))
    const ofDay = unwrap(
      await router.call('timing.typeTime', { device: 'tape', seq: 2, clock: 'timeOfDay', timeMs: s(18 * 3600 + 46 * 60), bib: 8 }, finishLine),
    )
    unwrap(await router.call('times.import', { id: await upload('1,0:46:00.50\n'), raceId: 1, as: 'main' }, organiser))
    // The starter's watch says the gun went 5 s later than recorded.
    unwrap(await router.call('clock.set', { raceId: 1, atMs: gun + s(5), reason: 'starter’s watch' }, finishLine))
    const list = unwrap(await router.call('timing.list', {}, finishLine))
    const byId = new Map(list.captures.map((c) => [c.id, c]))
    expect(byId.get(typed.id)).toMatchObject({ atMs: gun + s(2717), elapsedMs: s(2712) })
    expect(byId.get(ofDay.id)?.atMs).toBe(ofDay.capture.atMs)
    expect(list.captures.find((c) => c.device === 'timer stopwatch')?.atMs).toBe(gun + s(5) + 2_760_500)
    const history = unwrap(await router.call('timing.history', { captureId: typed.id }, finishLine))
    expect(history).toMatchObject([
      { action: 'retime', before: { atMs: gun + s(2712) }, after: { atMs: gun + s(2717) }, reason: 'gun of 10K corrected: starter’s watch' },
    ])
    expect(unwrap(await router.call('results.runner', { bib: 7 }, organiser))).toMatchObject({ row: { gunTimeMs: s(2712) } })
  })
})
