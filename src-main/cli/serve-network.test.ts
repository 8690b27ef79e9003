import { request } from 'node:http'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import SqliteDatabase from 'better-sqlite3'
import { runCliProcess, serveProcess } from '../../tests/support/cli'
import { tempDir } from '../../tests/support/temp-event'
import { fetchCommand } from '../../tests/support/http-client'
import { unwrap } from '../../tests/support/results'

/** Whether anything answers HTTP on that address and port. */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host, port, path: '/', agent: false, headers: { host: `${host}:${port}` } }, (res) => {
      res.resume()
      resolve(true)
    })
    req.on('error', () => resolve(false))
    req.end()
  })
}

describe('what race-office serve listens on', () => {
  it('listens on loopback only until the organiser turns desks on this network on, and keeps desk tokens hashed', { timeout: 60_000 }, async () => {
    const file = join(tempDir(), 'event.raceoffice')
    expect((await runCliProcess(['init', file, '--name', 'Seoul 10K', '--date', '2025-04-06', '--tz', 'Asia/Seoul'])).code).toBe(0)
    // 127.0.0.2 stands for the machine's network address: loopback, but not the address served.
    const served = await serveProcess(file, ['--lan-address', '127.0.0.2'])
    try {
      const port = Number(new URL(served.origin).port)
      expect(await answers('127.0.0.1', port)).toBe(true)
      expect(await answers('127.0.0.2', port)).toBe(false)
      const on = unwrap(await fetchCommand<{ url: string; codes: Record<string, string> }>(served.origin, served.token, 'desks.setNetwork', { on: true }))
      const lan = new URL(on.url)
      expect(await answers('127.0.0.2', Number(lan.port))).toBe(true)
      const paired = await fetch(`${lan.origin}/pair`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: on.codes['desk'], desk: 'Desk 1', person: 'Ji-ho' }),
      })
      const { value } = (await paired.json()) as { value: { token: string } }
      const sqlite = new SqliteDatabase(file, { readonly: true })
      try {
        const stored = sqlite.prepare('select token_hash from desk').pluck().all() as string[]
        expect(stored).toHaveLength(1)
        expect(stored[0]).not.toContain(value.token)
        expect(stored[0]).toMatch(/^[0-9a-f]{64}$/)
      } finally {
        sqlite.close()
      }
      expect((await fetchCommand(served.origin, served.token, 'desks.setNetwork', { on: false })).ok).toBe(true)
      expect(await answers('127.0.0.2', Number(lan.port))).toBe(false)
    } finally {
      expect(await served.stop()).toBe(0)
    }
  })
})
