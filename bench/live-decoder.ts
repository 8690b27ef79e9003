// reads.live.rate: reads a second from a simulated RACE RESULT decoder on loopback, through the
// office's link, into the file and the results engine; the decoder drops off the network once in
// the middle, and every read must be in the file exactly once.
import type { Session } from '../src-shared/contract'
import type { Office } from '../src-main/office/office'
import { SimulatedDecoder } from '../tests/support/decoder-simulator'

const organiser: Session = { role: 'organiser', actor: 'bench', desk: 'bench' }
const zoneMs = 9 * 3_600_000
const tickMs = 100

const chipOf = (bib: number): string => `L${bib}`

function passingLine(bib: number, atMs: number): string {
  const iso = new Date(atMs + zoneMs).toISOString()
  return `${chipOf(bib)};${iso.slice(0, 10)};${iso.slice(11, 23)};1;5;-60;0;0;1;1;0;0;0;0;0;35K mat;1`
}

export async function liveDecoderRate(office: Office, gunMs: number, perSecond: number, seconds: number) {
  const sqlite = office.file.sqlite
  const marathon = sqlite.prepare('select id from race order by id limit 1').get() as { id: number }
  const bibs = (sqlite.prepare('select bib from entrant where race_id = ? and bib is not null order by bib').all(marathon.id) as { bib: number }[]).map(
    (r) => r.bib,
  )
  const chip = sqlite.prepare('insert or replace into chip (code, bib, updated_at_ms) values (?, ?, 0)')
  sqlite.transaction(() => bibs.forEach((bib) => chip.run(chipOf(bib), bib)))()
  const points = await office.router.call('timing.setPoints', { splits: [{ name: '35K', distanceM: 35000 }] }, organiser)
  if (!points.ok) throw new Error(points.error.message)

  const decoder = await SimulatedDecoder.start('raceresult')
  try {
    const link = await office.router.call('decoder.connect', { host: '127.0.0.1', port: decoder.port, protocol: 'raceresult', point: '35K' }, organiser)
    if (!link.ok) throw new Error(link.error.message)
    const status = async () => {
      const all = await office.router.call('decoder.status', {}, organiser)
      if (!all.ok) throw new Error(all.error.message)
      return all.value[0] as (typeof all.value)[number]
    }
    while ((await status()).state !== 'connected') await pause(20)

    // Each runner is read a few times over the mat, 300 ms apart, as they pass in order.
    const perTick = Math.round((perSecond * tickMs) / 1000)
    const total = perTick * Math.round((seconds * 1000) / tickMs)
    let sent = 0
    const startedAt = performance.now()
    let dropped = false
    let offline = false
    let sentWhileOffline = 0
    let boardAsks = 0
    while (sent < total) {
      const lines: string[] = []
      for (let i = 0; i < perTick && sent < total; i++, sent++) {
        const bib = bibs[Math.floor(sent / 3) % bibs.length] as number
        lines.push(passingLine(bib, gunMs + 5_000_000 + Math.floor(sent / 3) * 40 + (sent % 3) * 300 + Math.floor(sent / (3 * bibs.length)) * 60_000))
      }
      decoder.add(lines)
      if (offline) sentWhileOffline += lines.length
      // Halfway, the decoder is off the network for two seconds while runners keep passing.
      if (!dropped && sent >= total / 2) {
        dropped = true
        offline = true
        await decoder.goOffline()
        setTimeout(() => void decoder.comeBack().then(() => (offline = false)), 2000)
      }
      // A board asks for the results once a second, as the finish screens do.
      if (sent % (perTick * 10) === 0) {
        const board = await office.router.call('results.board', {}, organiser)
        if (!board.ok) throw new Error(board.error.message)
        boardAsks++
      }
      const due = startedAt + (sent / perTick) * tickMs
      await pause(Math.max(0, due - performance.now()))
    }
    const stored = () => (sqlite.prepare("select count(*) as n from chip_read where import_id like 'decoder:%'").get() as { n: number }).n
    const give = performance.now() + 30_000
    while (stored() < total && performance.now() < give) await pause(20)
    const seconds_ = (performance.now() - startedAt) / 1000
    const inFile = stored()
    const final = await status()
    const runner = await office.router.call('results.runner', { bib: bibs[0] as number }, organiser)
    if (!runner.ok || !runner.value.row.splits.some((s) => s.point === '35K')) throw new Error('the results engine does not have the 35K reads')
    return {
      rate: inFile / seconds_,
      offered: total / seconds_,
      lost: Math.max(0, total - inFile),
      doubled: Math.max(0, inFile - total),
      fetched: final.fetched,
      sentWhileOffline,
      reconnects: final.reconnects,
      boardAsks,
    }
  } finally {
    await decoder.close()
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
