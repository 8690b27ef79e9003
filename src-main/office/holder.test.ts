import { execFile, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliProcess, serveProcess } from '../../tests/support/cli'
import { tempDir } from '../../tests/support/temp-event'
import { claimEventFile, holderPath } from './holder'

const at = Date.UTC(2025, 3, 6, 6)
const execFileAsync = promisify(execFile)

describe('one office per event file', () => {
  it('refuses a second office and says which program, machine and process hold the file', () => {
    const file = join(tempDir(), 'event.raceoffice')
    const release = claimEventFile(file, 'desktop', at)
    expect(() => claimEventFile(file, 'serve', at)).toThrow(
      expect.objectContaining({
        code: 'FILE_IN_USE',
        message: expect.stringMatching(/already open in the Race Office app on .+ \(process \d+\) since 2025-04-06 06:00 UTC/),
        details: expect.objectContaining({ pid: process.pid, app: 'desktop' }),
      }),
    )
    release()
    expect(existsSync(holderPath(file))).toBe(false)
    claimEventFile(file, 'serve', at)()
  })

  it('takes over the claim of a process that no longer runs (a crash, a power cut)', () => {
    const file = join(tempDir(), 'event.raceoffice')
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    writeFileSync(holderPath(file), JSON.stringify({ app: 'serve', host: hostname(), pid: Number(gone.stdout), sinceMs: at }))
    const release = claimEventFile(file, 'desktop', at + 60_000)
    // The claim is now this process's: the file says so, and a second office is refused by it.
    expect(JSON.parse(readFileSync(holderPath(file), 'utf8'))).toEqual({ app: 'desktop', host: hostname(), pid: process.pid, sinceMs: at + 60_000 })
    expect(() => claimEventFile(file, 'serve', at)).toThrow(
      expect.objectContaining({ code: 'FILE_IN_USE', details: expect.objectContaining({ pid: process.pid, app: 'desktop' }) }),
    )
    release()
    expect(existsSync(holderPath(file))).toBe(false)
  })

  it('believes a claim from another machine (a shared folder), names that machine, and takes it over only when asked to', () => {
    const file = join(tempDir(), 'event.raceoffice')
    const theirs = { app: 'desktop', host: 'finish-laptop', pid: 4242, sinceMs: at }
    writeFileSync(holderPath(file), JSON.stringify(theirs))
    expect(() => claimEventFile(file, 'serve', at)).toThrow(
      expect.objectContaining({
        code: 'FILE_IN_USE',
        message: expect.stringMatching(/on finish-laptop \(process 4242\).*--take-over/),
        details: expect.objectContaining({ host: 'finish-laptop', canTakeOver: true }),
      }),
    )
    const release = claimEventFile(file, 'serve', at + 1000, { takeOver: true })
    expect(JSON.parse(readFileSync(holderPath(file), 'utf8'))).toMatchObject({ host: hostname(), pid: process.pid })
    release()
    expect(existsSync(holderPath(file))).toBe(false)
  })

  it('never takes over the claim of an office still running on this machine, even when asked to', () => {
    const file = join(tempDir(), 'event.raceoffice')
    const release = claimEventFile(file, 'desktop', at)
    expect(() => claimEventFile(file, 'serve', at, { takeOver: true })).toThrow(
      expect.objectContaining({ code: 'FILE_IN_USE', details: expect.objectContaining({ canTakeOver: false }) }),
    )
    release()
  })

  it('lets exactly one of several offices racing for the same stale claim open the file', { timeout: 60_000 }, async () => {
    const file = join(tempDir(), 'event.raceoffice')
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    writeFileSync(holderPath(file), JSON.stringify({ app: 'serve', host: hostname(), pid: Number(gone.stdout), sinceMs: at }))
    // Each racer loads first, then all try at one agreed instant.
    const startAt = Date.now() + 6000
    const racers = Array.from({ length: 6 }, () =>
      execFileAsync(process.execPath, [fileURLToPath(new URL('../../tests/support/claim-racer.mjs', import.meta.url)), file, String(startAt)]),
    )
    const said = (await Promise.all(racers)).map((run) => run.stdout)
    expect(
      said.filter((word) => word === 'claimed'),
      said.join(', '),
    ).toHaveLength(1)
    expect(said.filter((word) => word === 'FILE_IN_USE')).toHaveLength(5)
  })

  it('serves a file another machine holds only with --take-over', { timeout: 60_000 }, async () => {
    const dir = tempDir()
    const file = join(dir, 'event.raceoffice')
    expect((await runCliProcess(['init', file, '--name', 'Seoul 10K', '--date', '2025-04-06', '--tz', 'Asia/Seoul'])).code).toBe(0)
    writeFileSync(holderPath(file), JSON.stringify({ app: 'desktop', host: 'expo-laptop', pid: 4242, sinceMs: at }))
    const refused = await runCliProcess(['serve', file, '--port', '0'])
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toMatch(/on expo-laptop .*--take-over/)
    const taken = await serveProcess(file, ['--take-over'])
    expect(await taken.stop(), taken.stderr()).toBe(0)
    expect(existsSync(holderPath(file))).toBe(false)
  })

  it(
    'lets one-shot commands work beside a serving office through WAL, refuses a second serve, and serves again after a crash',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir()
      const file = join(dir, 'event.raceoffice')
      expect((await runCliProcess(['init', file, '--name', 'Seoul 10K', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-99'])).code).toBe(
        0,
      )
      const served = await serveProcess(file)
      const second = await runCliProcess(['serve', file, '--port', '0'])
      expect(second.code).not.toBe(0)
      expect(second.stderr).toMatch(new RegExp(`already open in race-office serve on .+ \\(process ${served.child.pid}\\)`))
      const csv = join(dir, 'entries.csv')
      writeFileSync(csv, 'Registration ID,First Name,Last Name,Gender,Event\nR1,Ana,Kim,F,10K\nR2,Bo,Lee,M,10K\n')
      expect(await runCliProcess(['import', file, csv])).toMatchObject({ code: 0 })
      const listed = await fetch(`${served.origin}/api/entrants.list`, {
        method: 'POST',
        headers: { authorization: `Bearer ${served.token}`, 'content-type': 'application/json' },
        body: '{}',
      })
      expect(((await listed.json()) as { value: { total: number } }).value.total).toBe(2)
      const closed = new Promise((resolve) => served.child.once('close', resolve))
      served.child.kill('SIGKILL')
      await closed
      const again = await serveProcess(file)
      const code = await again.stop()
      expect(code, again.stderr()).toBe(0)
      expect(existsSync(holderPath(file))).toBe(false)
    },
  )
})
