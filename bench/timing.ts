// timing.capture and reads.import.250k: the finish line's two hot paths.
import type { Session } from '../src-shared/contract'
import { uploadThroughRouter } from '../src-main/cli/upload'
import { openOffice } from '../src-main/office/office'
import { serveProcess } from '../tests/support/cli'
import { uuidv7 } from 'uuidv7'
import { random } from './generate'
import { measureOnce } from './clock'
import { fetchCommand } from '../tests/support/http-client'

const organiser: Session = { role: 'organiser', actor: 'bench', desk: 'bench' }
const gun = Date.UTC(2025, 3, 6, 0)

/**
 * Captures through the HTTP host, one after another (each waits for its acknowledgement, which
 * comes after the commit with synchronous=FULL) for `seconds`. The floor, sample by sample: the
 * same round trip with a read that commits nothing, plus the capture's own rows committed with
 * the same durability (`floor[i] = http[i] + commit[i]`).
 */
export async function captureThroughHost(eventPath: string, seconds: number, bibs: readonly number[]) {
  const served = await serveProcess(eventPath)
  const latencies: number[] = []
  const httpFloor: number[] = []
  try {
    for (let i = 0; i < 50; i++) await fetchCommand(served.origin, served.token, 'session.get', {})
    // A measured device, as on race day: every capture is corrected by its offset.
    await measureOnce(served.origin, served.token, 'bench', 0)
    const end = performance.now() + seconds * 1000
    let seq = 0
    while (performance.now() < end) {
      seq++
      const start = performance.now()
      const result = await fetchCommand(served.origin, served.token, 'timing.capture', {
        device: 'bench',
        seq,
        point: 'finish',
        atMs: gun + 1_800_000 + seq * 200,
        ...(seq % 2 === 0 && { bib: bibs[seq % bibs.length] }),
      })
      latencies.push(performance.now() - start)
      if (!result.ok) throw new Error(`capture ${seq} refused: ${JSON.stringify(result)}`)
    }
    for (let i = 0; i < 500; i++) {
      const start = performance.now()
      await fetchCommand(served.origin, served.token, 'session.get', {})
      httpFloor.push(performance.now() - start)
    }
  } finally {
    await served.stop()
  }
  const office = await openOffice(eventPath)
  const commitFloor: number[] = []
  try {
    // The rows a capture writes, in the tables it writes them to (with their indexes): the
    // capture and its audit row, one transaction, as the file's durability commits it.
    const capture = office.file.sqlite.prepare(
      `insert into capture (id, device, seq, point, at_ms, bib, position, source, state, state_reason, created_at_ms, actor, desk, device_at_ms, clock, clock_segment, offset_ms, offset_uncertainty_ms)
       values (?, 'bench-floor', ?, 'finish', ?, ?, ?, 'key', 'active', null, ?, 'bench', 'bench', ?, 'bench-floor', 0, 0, 1)`,
    )
    const audit = office.file.sqlite.prepare(
      "insert into audit (at_ms, actor, desk, role, command, input_json, output_json, entrant_id, before_json, after_json) values (?, 'bench', 'bench', 'organiser', 'timing.capture', ?, ?, null, null, null)",
    )
    const commit = office.file.sqlite.transaction((seq: number) => {
      const atMs = gun + 1_800_000 + seq * 200
      const input = { device: 'bench-floor', seq, point: 'finish', atMs, ...(seq % 2 === 0 && { bib: bibs[seq % bibs.length] }) }
      const id = uuidv7()
      capture.run(id, seq, atMs, input.bib ?? null, atMs, Date.now(), atMs)
      audit.run(Date.now(), JSON.stringify(input), JSON.stringify({ id, duplicate: false }))
    })
    for (let seq = 1; seq <= httpFloor.length; seq++) {
      const start = performance.now()
      commit(seq)
      commitFloor.push(performance.now() - start)
    }
  } finally {
    await office.close()
  }
  return { latencies, count: latencies.length, seconds, floor: httpFloor.map((http, i) => http + (commitFloor[i] as number)) }
}

/**
 * 250,000 reads as a 27,000-runner race's mats produce them: the start (several reads a runner
 * over a few seconds), two splits and the finish (one to three reads each), in time order.
 */
export function readsCsv(runners: number, targetReads: number): { csv: string; rows: { bib: number; point: string; atMs: number }[] } {
  const rnd = random(5)
  const points = [
    ['start', 0],
    ['10K', 0.24],
    ['21K', 0.5],
    ['finish', 1],
  ] as const
  const rows: { bib: number; point: string; atMs: number }[] = []
  for (let bib = 1; bib <= runners; bib++) {
    const startOffset = Math.floor(rnd() * 900_000)
    const raceMs = 8_000_000 + Math.floor(rnd() * 10_000_000)
    for (const [point, fraction] of points) {
      const at = gun + startOffset + Math.floor(raceMs * fraction)
      const reads = point === 'start' ? 3 : 1 + Math.floor(rnd() * 2.3)
      for (let r = 0; r < reads; r++) rows.push({ bib, point, atMs: at + r * 350 })
    }
  }
  const kept = rows.slice(0, targetReads).sort((a, b) => a.atMs - b.atMs)
  // Times of day as timing systems print them, in the event's zone (UTC+9).
  const time = (ms: number): string => new Date(ms + 9 * 3_600_000).toISOString().slice(11, 23)
  return { csv: `bib,time,point\n${kept.map((r) => `${r.bib},${time(r.atMs)},${r.point}`).join('\n')}\n`, rows: kept }
}

/** The import as the organiser runs it (upload, map, check, insert, match), and its floor. */
export async function importReads(eventPath: string, floorPath: string, runners: number, reads: number) {
  const { csv, rows } = readsCsv(runners, reads)
  const office = await openOffice(eventPath)
  let ms: number
  try {
    await office.router.call(
      'timing.setPoints',
      {
        splits: [
          { name: '10K', distanceM: 10000 },
          { name: '21K', distanceM: 21097 },
        ],
      },
      organiser,
    )
    const start = performance.now()
    const uploaded = await uploadThroughRouter(office.router, organiser, Buffer.from(csv), 'reads.csv')
    if (!uploaded.ok) throw new Error(uploaded.message)
    const result = await office.router.call('reads.import', { id: uploaded.id }, organiser)
    ms = performance.now() - start
    if (!result.ok) throw new Error(result.error.message)
    if (result.value.imported !== rows.length) throw new Error(`imported ${result.value.imported} of ${rows.length}`)
  } finally {
    await office.close()
  }
  const floorOffice = await openOffice(floorPath, { newEvent: { name: 'Floor', date: '2025-04-06', timeZone: 'Asia/Seoul' } })
  let floorMs: number
  try {
    const insert = floorOffice.file.sqlite.prepare(
      "insert into chip_read (import_id, chip, bib, point, at_ms, reader, line) values ('floor', null, ?, ?, ?, null, ?)",
    )
    const all = floorOffice.file.sqlite.transaction(() => rows.forEach((r, i) => insert.run(r.bib, r.point, r.atMs, i + 2)))
    const start = performance.now()
    all()
    floorMs = performance.now() - start
  } finally {
    await floorOffice.close()
  }
  return { ms, floorMs, rows }
}
