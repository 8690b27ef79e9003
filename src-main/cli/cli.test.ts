import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runCliProcess, serveProcess } from '../../tests/support/cli'
import { postCommand } from '../../tests/support/http-client'
import { tempDir } from '../../tests/support/temp-event'
import { bibsCommand } from './bibs'
import { entrantsCommand } from './entrants'
import { importCommand } from './import'
import { parseRaceSpec, initCommand } from './init'
import { rendererBuildDir, serveCommand } from './serve'

const pyongyang = ['--name', 'Pyongyang Marathon', '--date', '2025-04-06', '--tz', 'Asia/Pyongyang']

describe('race-office init', () => {
  it('creates an event file with its races and bib ranges', async () => {
    const file = join(tempDir(), 'pyongyang.raceoffice')
    const run = await runCliProcess(['init', file, ...pyongyang, '--place', 'Kim Il Sung Stadium', '--race', 'Marathon:42195:1-999', '--race', '10K:10000'])
    expect(run).toMatchObject({ code: 0, stderr: '' })
    expect(run.stdout).toMatch(/Created .*pyongyang\.raceoffice: Pyongyang Marathon, 2025-04-06 \(Asia\/Pyongyang\), 2 race\(s\)/)

    const db = new SqliteDatabase(file, { readonly: true })
    expect(db.prepare('select name, date, time_zone, place from event').get()).toEqual({
      name: 'Pyongyang Marathon',
      date: '2025-04-06',
      time_zone: 'Asia/Pyongyang',
      place: 'Kim Il Sung Stadium',
    })
    expect(db.prepare('select name, distance_m from race order by id').all()).toEqual([
      { name: 'Marathon', distance_m: 42195 },
      { name: '10K', distance_m: 10000 },
    ])
    expect(db.prepare('select first_bib, last_bib from race_bib_range').all()).toEqual([{ first_bib: 1, last_bib: 999 }])
    expect(db.prepare('select command, desk from audit order by id').all()).toEqual([
      { command: 'event.update', desk: 'cli' },
      { command: 'races.create', desk: 'cli' },
      { command: 'races.create', desk: 'cli' },
    ])
    db.close()
  })

  it('refuses invalid input with exit code 1 and leaves no file behind', async () => {
    const dir = tempDir()
    const file = join(dir, 'bad.raceoffice')
    const run = await runCliProcess(['init', file, '--name', 'X', '--date', '2025-02-30', '--tz', 'Asia/Pyongyang'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/date: Use a real date written YYYY-MM-DD/)
    expect(readdirSync(dir)).toEqual([])
  })

  it('refuses overlapping bib ranges between races, naming the race', async () => {
    const dir = tempDir()
    const run = await runCliProcess(['init', join(dir, 'e.raceoffice'), ...pyongyang, '--race', 'Marathon:42195:1-999', '--race', 'Half:21097:500-1500'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/BIB_RANGE_OVERLAP[\s\S]*Marathon/)
    expect(readdirSync(dir)).toEqual([])
  })

  it('refuses to overwrite an existing file', async () => {
    const file = join(tempDir(), 'taken.raceoffice')
    writeFileSync(file, 'precious')
    const run = await runCliProcess(['init', file, ...pyongyang])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/already exists/)
  })

  it('answers usage errors with exit code 2 and the help', async () => {
    const dir = tempDir()
    for (const args of [
      ['init'],
      ['init', join(dir, 'a'), '--date', '2025-04-06', '--tz', 'UTC'],
      ['init', join(dir, 'a'), ...pyongyang, '--colour', 'red'],
      ['init', join(dir, 'a'), ...pyongyang, '--race', 'Marathon'],
    ]) {
      const run = await runCliProcess(args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(/Usage: race-office init/)
    }
    expect((await runCliProcess(['launch'])).code).toBe(2)
    expect((await runCliProcess([])).code).toBe(2)
  })

  it('reads race specs, names with colons included', () => {
    expect(parseRaceSpec('Marathon:42195')).toEqual({ name: 'Marathon', distanceM: 42195 })
    expect(parseRaceSpec('Fun Run: Kids:2000:900-999')).toEqual({ name: 'Fun Run: Kids', distanceM: 2000, bibRanges: [{ first: 900, last: 999 }] })
  })
})

describe('race-office --help', () => {
  it.each([initCommand, serveCommand, importCommand, entrantsCommand, bibsCommand])('prints the help of $name with exit code 0', async (command) => {
    const run = await runCliProcess([command.name, '--help'])
    expect(run).toMatchObject({ code: 0, stderr: '' })
    expect(run.stdout).toContain(`Usage: race-office ${command.name}`)
  })

  it('lists every subcommand', async () => {
    const run = await runCliProcess(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/init[\s\S]*serve[\s\S]*import[\s\S]*entrants[\s\S]*bibs/)
  })
})

describe('race-office serve', () => {
  it('prints the organiser link alone on a line, serves commands, and closes the file cleanly on SIGTERM', async () => {
    expect(existsSync(join(rendererBuildDir, 'index.html')), 'run `npm run build` before the tests').toBe(true)
    const file = join(tempDir(), 'served.raceoffice')
    expect((await runCliProcess(['init', file, ...pyongyang])).code).toBe(0)
    const served = await serveProcess(file)
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{43}$/)
    const port = Number(new URL(served.origin).port)

    const created = await postCommand(port, 'races.create', { name: '10K', distanceM: 10000 }, served.token)
    expect(created.status).toBe(200)
    expect((await postCommand(port, 'races.list', {}, 'wrong')).status).toBe(401)

    expect(await served.stop()).toBe(0)
    expect(served.stderr()).toMatch(/SIGTERM: closing[\s\S]*Closed cleanly/)
    // A clean close checkpoints the WAL into the file and removes it.
    expect(existsSync(`${file}-wal`)).toBe(false)
    const db = new SqliteDatabase(file, { readonly: true })
    expect(db.prepare('select name from race').all()).toEqual([{ name: '10K' }])
    db.close()
  })

  it('refuses a file that does not exist with exit code 1', async () => {
    const run = await runCliProcess(['serve', join(tempDir(), 'missing.raceoffice')])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/no event file at .*race-office init/)
  })

  it('refuses a file that is not an event with exit code 1', async () => {
    const file = join(tempDir(), 'notes.raceoffice')
    writeFileSync(file, 'shopping list')
    const run = await runCliProcess(['serve', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/is not a Race Office event file/)
  })

  it('refuses a bad port with exit code 2', async () => {
    const run = await runCliProcess(['serve', 'x.raceoffice', '--port', 'eighty'])
    expect(run.code).toBe(2)
  })

  it('refuses a network address that is not IPv4 with exit code 2', async () => {
    const run = await runCliProcess(['serve', 'x.raceoffice', '--lan-address', 'office.local'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--lan-address office.local is not an IPv4 address')
  })
})
