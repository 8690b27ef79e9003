import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openEventFile } from '../db/open'
import { runCliProcess, serveProcess } from '../../tests/support/cli'
import { tempDir } from '../../tests/support/temp-event'

describe('a capture that was acknowledged', () => {
  it('is in the file after the serving process is killed with SIGKILL in the middle of a fast burst', async () => {
    const file = join(tempDir(), 'finish.raceoffice')
    expect((await runCliProcess(['init', file, '--name', 'Seoul 10K', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-999'])).code).toBe(0)
    const served = await serveProcess(file)
    const closed = new Promise((resolve) => served.child.once('close', resolve))
    const acknowledged = new Map<number, string>()
    const gun = Date.UTC(2025, 3, 6, 0)
    let seq = 0
    let killed = false
    const refusals: string[] = []
    // Four presses in flight at once, as fast as the host answers, until the power cable goes.
    const presser = async (): Promise<void> => {
      while (!killed) {
        const mine = ++seq
        try {
          const response = await fetch(`${served.origin}/api/timing.capture`, {
            method: 'POST',
            headers: { authorization: `Bearer ${served.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ device: 'finish-1', seq: mine, point: 'finish', atMs: gun + 2_400_000 + mine * 37, bib: (mine % 999) + 1 }),
          })
          const body = (await response.json()) as { ok: true; value: { id: string } } | { ok: false; error: { message: string } }
          if (body.ok) acknowledged.set(mine, body.value.id)
          else refusals.push(body.error.message)
        } catch {
          return
        }
        if (refusals.length > 0) return
        if (acknowledged.size >= 150 && !killed) {
          killed = true
          served.child.kill('SIGKILL')
        }
      }
    }
    await Promise.all([presser(), presser(), presser(), presser()])
    if (!killed) served.child.kill('SIGKILL')
    await closed
    expect(refusals).toEqual([])
    expect(acknowledged.size).toBeGreaterThanOrEqual(150)

    const reopened = await openEventFile(file)
    try {
      expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      const stored = new Map(
        reopened.sqlite
          .prepare('select seq, id from capture')
          .all()
          .map((r) => [(r as { seq: number }).seq, (r as { id: string }).id]),
      )
      const lost = [...acknowledged].filter(([s, id]) => stored.get(s) !== id)
      expect(lost).toEqual([])
    } finally {
      await reopened.close()
    }
  }, 60_000)
})
