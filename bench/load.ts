// load.20desks: twenty check-in desks and two finish-line devices, each an HTTP client with its
// own paired token, against one `race-office serve` on a 50,000-entrant event, as fast as each
// gets its answers (no pause between requests: the office's capacity, not a quiet morning).
import SqliteDatabase from 'better-sqlite3'
import { serveProcess } from '../tests/support/cli'
import { random } from './generate'

interface Acknowledged {
  checkins: Set<string>
  captures: Set<string>
}

export interface LoadFigures {
  requests: number
  seconds: number
  /** Latency of every request by command, in ms. */
  latencies: Map<string, number[]>
  errors: number
  firstErrors: string[]
  lost: number
  /** The same clients, same concurrency, asking only session.get: the host's own floor. */
  floorRate: number
  floorLatencies: number[]
}

interface Client {
  origin: string
  token: string
}

async function call(client: Client, command: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const response = await fetch(`${client.origin}/api/${command}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  })
  const body = (await response.json()) as { ok: boolean }
  if (response.status >= 500) return { ok: false, error: { code: `HTTP ${response.status}`, message: JSON.stringify(body) } }
  return body
}

async function pair(origin: string, code: string, desk: string): Promise<string> {
  const response = await fetch(`${origin}/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, desk, person: `Volunteer ${desk}` }),
  })
  const body = (await response.json()) as { ok: boolean; value?: { token: string } }
  if (!body.ok || body.value === undefined) throw new Error(`pairing ${desk} failed: ${JSON.stringify(body)}`)
  return body.value.token
}

interface Runner {
  id: string
  bib: number
  familyName: string
}

export async function loadTest(eventPath: string, deskCount: number, finishDevices: number, seconds: number): Promise<LoadFigures> {
  const runners = readRunners(eventPath)
  // The desks pair on a second loopback address, as tablets pair on the office's LAN address.
  const served = await serveProcess(eventPath, ['--lan-address', '127.0.0.2'])
  const organiser: Client = { origin: served.origin, token: served.token }
  const acknowledged: Acknowledged = { checkins: new Set(), captures: new Set() }
  const latencies = new Map<string, number[]>()
  const firstErrors: string[] = []
  let errors = 0
  let requests = 0
  let floorRate: number
  const floorLatencies: number[] = []
  try {
    const network = await call(organiser, 'desks.setNetwork', { on: true })
    if (!network.ok) throw new Error(`desks on this network: ${JSON.stringify(network.error)}`)
    const { url } = network.value as { url: string }
    const lanOrigin = new URL(url).origin
    // A code pairs one device: each desk types the one the organiser's screen shows at that moment.
    const codeFor = async (role: 'desk' | 'finish'): Promise<string> => {
      const shown = await call(organiser, 'desks.network', {})
      if (!shown.ok) throw new Error(`desks on this network: ${JSON.stringify(shown.error)}`)
      return (shown.value as { codes: Record<'desk' | 'finish', string> }).codes[role]
    }
    const desks: Client[] = []
    for (let i = 0; i < deskCount; i++) desks.push({ origin: lanOrigin, token: await pair(lanOrigin, await codeFor('desk'), `Desk ${i + 1}`) })
    const devices: Client[] = []
    for (let i = 0; i < finishDevices; i++) devices.push({ origin: lanOrigin, token: await pair(lanOrigin, await codeFor('finish'), `Finish ${i + 1}`) })

    const timed = async (client: Client, command: string, input: unknown): Promise<boolean> => {
      const start = performance.now()
      let result: Awaited<ReturnType<typeof call>>
      try {
        result = await call(client, command, input)
      } catch (error) {
        result = { ok: false, error: { code: 'NETWORK', message: (error as Error).message } }
      }
      const list = latencies.get(command) ?? []
      list.push(performance.now() - start)
      latencies.set(command, list)
      requests++
      if (!result.ok) {
        errors++
        if (firstErrors.length < 5) firstErrors.push(`${command}: ${result.error?.code} ${result.error?.message}`)
      }
      return result.ok
    }

    const end = performance.now() + seconds * 1000
    const deskLoop = async (desk: Client, index: number): Promise<void> => {
      const rnd = random(100 + index)
      // Each desk checks in its own runners (a queue per desk), searching first as a volunteer does.
      for (let k = index; performance.now() < end && k < runners.length; k += deskCount) {
        const runner = runners[k] as Runner
        const byName = rnd() < 0.3
        await timed(desk, 'entrants.search', { query: byName ? runner.familyName.slice(0, 3) : String(runner.bib), limit: 20 })
        if (performance.now() >= end) break
        if (await timed(desk, 'checkin.checkIn', { entrantId: runner.id })) acknowledged.checkins.add(runner.id)
      }
    }
    const deviceLoop = async (device: Client, index: number): Promise<void> => {
      const name = `finish-${index + 1}`
      const gun = Date.UTC(2025, 3, 6, 0)
      for (let seq = 1; performance.now() < end; seq++) {
        const bib = runners[(seq * 7 + index) % runners.length]?.bib
        const ok = await timed(device, 'timing.capture', {
          device: name,
          seq,
          point: 'finish',
          atMs: gun + 1_800_000 + seq * 150,
          ...(seq % 2 === 0 && { bib }),
        })
        if (ok) acknowledged.captures.add(`${name}#${seq}`)
      }
    }
    const started = performance.now()
    await Promise.all([...desks.map(deskLoop), ...devices.map(deviceLoop)])
    const elapsed = (performance.now() - started) / 1000

    const floorEnd = performance.now() + Math.min(10, seconds) * 1000
    let floorCount = 0
    const floorStart = performance.now()
    await Promise.all(
      [...desks, ...devices].map(async (client) => {
        while (performance.now() < floorEnd) {
          const start = performance.now()
          await call(client, 'session.get', {})
          floorLatencies.push(performance.now() - start)
          floorCount++
        }
      }),
    )
    floorRate = floorCount / ((performance.now() - floorStart) / 1000)
    const exitCode = await served.stop()
    if (exitCode !== 0) throw new Error(`serve exited with ${exitCode}: ${served.stderr()}`)
    return { requests, seconds: elapsed, latencies, errors, firstErrors, lost: countLost(eventPath, acknowledged), floorRate, floorLatencies }
  } catch (error) {
    await served.stop()
    throw error
  }
}

function readRunners(eventPath: string): Runner[] {
  const sqlite = new SqliteDatabase(eventPath, { readonly: true })
  try {
    return sqlite.prepare('select id, bib, family_name as familyName from entrant where bib is not null order by bib').all() as Runner[]
  } finally {
    sqlite.close()
  }
}

/** Acknowledged writes missing from the file once the office has closed it. */
function countLost(eventPath: string, acknowledged: Acknowledged): number {
  const sqlite = new SqliteDatabase(eventPath, { readonly: true })
  try {
    const checkedIn = new Set(sqlite.prepare('select entrant_id from checkin where undone_at_ms is null').pluck().all() as string[])
    const captured = new Set(sqlite.prepare("select device || '#' || seq from capture").pluck().all() as string[])
    let lost = 0
    for (const id of acknowledged.checkins) if (!checkedIn.has(id)) lost++
    for (const key of acknowledged.captures) if (!captured.has(key)) lost++
    return lost
  } finally {
    sqlite.close()
  }
}
