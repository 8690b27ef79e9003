import { writeFileSync } from 'node:fs'
import type SqliteDatabase from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { uploadChunkBytes } from '../../src-shared/contract/imports'
import { runCliProcess, serveProcess, type Served } from '../../tests/support/cli'
import { tempDir } from '../../tests/support/temp-event'
import { openEventFile } from './open'
import { fetchCommand } from '../../tests/support/http-client'
import { unwrap } from '../../tests/support/results'

// The power cable pulled (SIGKILL of `race-office serve`) in the middle of a write: the reopened
// file is intact and holds every acknowledged write, and nothing of a write that was not.

const post = (served: Served, command: string, input: unknown) => fetchCommand(served.origin, served.token, command, input)

async function event(entrants: number): Promise<string> {
  const dir = tempDir()
  const file = join(dir, 'event.raceoffice')
  expect(
    (await runCliProcess(['init', file, '--name', 'Seoul Marathon', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', 'Marathon:42195:1-99999'])).code,
  ).toBe(0)
  if (entrants > 0) {
    const csv = join(dir, 'entries.csv')
    writeFileSync(csv, registrations(entrants))
    expect((await runCliProcess(['import', file, csv])).code).toBe(0)
  }
  return file
}

function registrations(count: number, offset = 0): string {
  const rows = Array.from({ length: count }, (_, i) => `R${offset + i},Runner${offset + i},Kim${(offset + i) % 97},${i % 2 === 0 ? 'F' : 'M'},Marathon`)
  return `Registration ID,First Name,Last Name,Gender,Event\n${rows.join('\n')}\n`
}

async function killed(served: Served): Promise<void> {
  const closed = new Promise((resolve) => served.child.once('close', resolve))
  served.child.kill('SIGKILL')
  await closed
}

async function reopen<T>(file: string, read: (sqlite: SqliteDatabase.Database) => T): Promise<T> {
  const reopened = await openEventFile(file)
  try {
    expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    return read(reopened.sqlite)
  } finally {
    await reopened.close()
  }
}

/** Uploads 20,000 registrations and commits them; SIGKILL `killAfterMs` after the commit is sent (null: let it finish). */
async function importUntil(file: string, killAfterMs: number | null): Promise<{ ms: number; answered: boolean }> {
  const served = await serveProcess(file)
  const bytes = Buffer.from(registrations(20_000))
  let id: string | undefined
  for (let at = 0; at < bytes.length; at += uploadChunkBytes) {
    const uploaded = await post(served, 'imports.upload', {
      fileName: 'entries.csv',
      chunk: bytes.subarray(at, at + uploadChunkBytes).toString('base64'),
      ...(id !== undefined && { id }),
    })
    id = (unwrap(uploaded) as { id: string }).id
  }
  return untilKilled(served, () => post(served, 'imports.commit', { id }), killAfterMs)
}

async function applyUntil(file: string, killAfterMs: number | null): Promise<{ ms: number; answered: boolean }> {
  const served = await serveProcess(file)
  return untilKilled(served, () => post(served, 'bibs.apply', { raceId: 1, rule: 'alphabetical' }), killAfterMs)
}

async function untilKilled(served: Served, write: () => Promise<{ ok: boolean }>, killAfterMs: number | null): Promise<{ ms: number; answered: boolean }> {
  const start = performance.now()
  const answer = write().then(
    (a) => a.ok,
    () => false,
  )
  if (killAfterMs === null) {
    const ok = await answer
    const ms = performance.now() - start
    await served.stop()
    if (!ok) throw new Error('the write was refused')
    return { ms, answered: true }
  }
  await new Promise((resolve) => setTimeout(resolve, killAfterMs))
  await killed(served)
  return { ms: performance.now() - start, answered: await answer }
}

const count = (sqlite: SqliteDatabase.Database, query: string): number => (sqlite.prepare(query).get() as { n: number }).n

describe('SIGKILL in the middle of a write', () => {
  it('leaves an import whole or not there at all', async () => {
    // How long the commit takes here, on another copy: the kill then lands late in it, inside the
    // transaction that writes the rows (parsing and checking come first).
    const commitMs = (await importUntil(await event(0), null)).ms
    const file = await event(0)
    const { answered } = await importUntil(file, commitMs * 0.8)
    const entrants = await reopen(file, (sqlite) => count(sqlite, 'select count(*) as n from entrant'))
    expect([0, 20_000]).toContain(entrants)
    if (answered) expect(entrants).toBe(20_000)
  }, 90_000)

  it('leaves a bib assignment of a whole race applied or not at all', async () => {
    const applyMs = (await applyUntil(await event(10_000), null)).ms
    const file = await event(10_000)
    const { answered } = await applyUntil(file, applyMs * 0.8)
    const numbered = await reopen(file, (sqlite) => count(sqlite, 'select count(*) as n from entrant where bib is not null'))
    expect([0, 10_000]).toContain(numbered)
    if (answered) expect(numbered).toBe(10_000)
  }, 90_000)

  it('keeps every acknowledged check-in of a burst from four desks', async () => {
    const file = await event(2_000)
    const ids = await reopen(file, (sqlite) => (sqlite.prepare('select id from entrant order by num').all() as { id: string }[]).map((r) => r.id))
    const served = await serveProcess(file)
    const acknowledged = new Set<string>()
    let next = 0
    let stop = false
    const desk = async (): Promise<void> => {
      while (!stop && next < ids.length) {
        const entrantId = ids[next++] as string
        try {
          const answer = await post(served, 'checkin.checkIn', { entrantId })
          if (answer.ok) acknowledged.add(entrantId)
        } catch {
          return
        }
        if (acknowledged.size >= 150 && !stop) {
          stop = true
          await killed(served)
        }
      }
    }
    await Promise.all([desk(), desk(), desk(), desk()])
    expect(acknowledged.size).toBeGreaterThanOrEqual(150)
    const stored = await reopen(
      file,
      (sqlite) =>
        new Set((sqlite.prepare('select entrant_id from checkin where undone_at_ms is null').all() as { entrant_id: string }[]).map((r) => r.entrant_id)),
    )
    expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([])
  }, 60_000)
})
