import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../tests/support/temp-event'
import { applicationId, openEventFile } from './open'
import { migrations } from './migrations'
import type { Migration } from './migrations/migration'

describe('opening an event file', () => {
  it('creates a new file with every migration applied and an event row', async () => {
    const path = join(tempDir(), 'new.raceoffice')
    const file = await openEventFile(path, { newEvent: { name: 'Spring 10K', date: '2025-04-06', timeZone: 'Asia/Pyongyang' } })
    expect(file.openedAtVersion).toBe(0)
    expect(file.backupPath).toBeNull()
    expect(file.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length)
    expect(file.sqlite.pragma('application_id', { simple: true })).toBe(applicationId)
    const event = await file.db.selectFrom('event').selectAll().executeTakeFirstOrThrow()
    expect(event).toMatchObject({ name: 'Spring 10K', date: '2025-04-06', time_zone: 'Asia/Pyongyang' })
    await file.close()
  })

  it('uses WAL, foreign keys, synchronous FULL and a busy timeout', async () => {
    const file = await openEventFile(join(tempDir(), 'pragmas.raceoffice'))
    expect(file.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(file.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(file.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(file.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000)
    await file.close()
  })

  it('reopens an up-to-date file without migrating or backing it up', async () => {
    const path = join(tempDir(), 'again.raceoffice')
    await (await openEventFile(path)).close()
    const again = await openEventFile(path)
    expect(again.openedAtVersion).toBe(migrations.length)
    expect(again.backupPath).toBeNull()
    expect(await again.db.selectFrom('event').select('id').execute()).toHaveLength(1)
    await again.close()
  })

  it('migrates an old file forward, keeping its data, after backing it up beside itself', async () => {
    const path = join(tempDir(), 'old.raceoffice')
    const first = migrations.slice(0, 1)
    const old = await openEventFile(path, { migrations: first, newEvent: { name: 'Old event' } })
    await old.db.insertInto('race').values({ name: 'Marathon', distance_m: 42195, created_at_ms: 1, updated_at_ms: 1 }).execute()
    await old.close()

    const file = await openEventFile(path)
    expect(file.openedAtVersion).toBe(1)
    expect(file.backupPath).toBe(`${path}.v1.bak`)
    expect(existsSync(`${path}.v1.bak`)).toBe(true)
    expect(file.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length)
    expect(await file.db.selectFrom('race').select('name').execute()).toEqual([{ name: 'Marathon' }])
    expect(await file.db.selectFrom('entrant').select('id').execute()).toEqual([])
    await file.close()

    const backup = new SqliteDatabase(`${path}.v1.bak`, { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(1)
    expect(backup.prepare('select name from race').all()).toEqual([{ name: 'Marathon' }])
    backup.close()
  })

  it('rolls back a failing migration whole and leaves the file at its previous version', async () => {
    const path = join(tempDir(), 'failing.raceoffice')
    await (await openEventFile(path, { migrations: migrations.slice(0, 1) })).close()
    const broken: Migration = {
      name: '0002-broken',
      async up(db) {
        await db.schema.createTable('half_done').addColumn('id', 'integer').execute()
        await sql`select * from no_such_table`.execute(db)
      },
    }
    await expect(openEventFile(path, { migrations: [...migrations.slice(0, 1), broken] })).rejects.toThrow(/no_such_table/)

    const raw = new SqliteDatabase(path, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(1)
    expect(raw.prepare("select name from sqlite_schema where name = 'half_done'").all()).toEqual([])
    raw.close()
  })

  it('refuses a file written by a newer Race Office with a clear message', async () => {
    const path = join(tempDir(), 'newer.raceoffice')
    await (await openEventFile(path)).close()
    const raw = new SqliteDatabase(path)
    raw.pragma(`user_version = ${migrations.length + 5}`)
    raw.close()

    await expect(openEventFile(path)).rejects.toMatchObject({
      code: 'FILE_FROM_NEWER_VERSION',
      message: expect.stringMatching(/newer Race Office/),
      details: { fileVersion: migrations.length + 5, supportedVersion: migrations.length },
    })
  })

  it('refuses a SQLite file of another program without touching it', async () => {
    const path = join(tempDir(), 'other.sqlite')
    const raw = new SqliteDatabase(path)
    raw.exec('create table notes (text text)')
    raw.close()

    await expect(openEventFile(path)).rejects.toMatchObject({ code: 'NOT_AN_EVENT_FILE' })
    const after = new SqliteDatabase(path, { readonly: true })
    expect(after.pragma('user_version', { simple: true })).toBe(0)
    expect(after.prepare("select count(*) as n from sqlite_schema where type = 'table'").get()).toEqual({ n: 1 })
    after.close()
  })

  it('refuses a file cut short or with a damaged page, saying it is damaged, without changing it', async () => {
    const path = join(tempDir(), 'event.raceoffice')
    const file = await openEventFile(path)
    const insert = file.sqlite.prepare(
      "insert into audit (at_ms, actor, desk, role, command, input_json, output_json) values (1, 'a', 'b', 'organiser', 'x', ?, '{}')",
    )
    file.sqlite.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(JSON.stringify({ note: `row ${i} `.repeat(10) }))
    })()
    await file.close()
    const bytes = readFileSync(path)
    const pageSize = bytes.readUInt16BE(16)

    const cut = join(tempDir(), 'cut.raceoffice')
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)))
    await expect(openEventFile(cut)).rejects.toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringMatching(/is damaged/) })
    expect(readFileSync(cut).length).toBe(Math.floor(bytes.length / 2))

    const scribbled = join(tempDir(), 'scribbled.raceoffice')
    const damaged = Buffer.from(bytes)
    damaged.fill(0x5a, pageSize * 20, pageSize * 22)
    writeFileSync(scribbled, damaged)
    await expect(openEventFile(scribbled)).rejects.toMatchObject({ code: 'FILE_DAMAGED' })
    expect(readFileSync(scribbled).equals(damaged)).toBe(true)
  })

  it('refuses a file that is not a database at all', async () => {
    const path = join(tempDir(), 'photo.raceoffice')
    writeFileSync(path, 'JFIF this is a photo, not an event')
    await expect(openEventFile(path)).rejects.toMatchObject({
      code: 'NOT_AN_EVENT_FILE',
      message: expect.stringMatching(/is not a Race Office event file/),
    })
  })
})
