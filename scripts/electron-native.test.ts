import { spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import SqliteDatabase from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../tests/support/temp-event'

const script = fileURLToPath(new URL('./electron-native.mjs', import.meta.url))

// The step npm start runs for Electron, run here for this Node (Electron's binary cannot be
// downloaded on this project's machines): the driver's published binary when the network has
// it, else compiled — here always the fallback, since github.com is out of reach.
describe('the database driver for the desktop app', () => {
  it('is fetched prebuilt or else compiled into its own folder, opens a database there, and is kept for the next start', { timeout: 240_000 }, () => {
    const out = join(tempDir(), 'native')
    const first = spawnSync(process.execPath, [script, '--runtime', 'node', '--out', out], { encoding: 'utf8' })
    expect(first.status, first.stderr).toBe(0)
    expect(first.stdout).toContain('Fetching the prebuilt better-sqlite3')
    const built = JSON.parse(readFileSync(join(out, 'build.json'), 'utf8')) as { runtime: string; target: string; how: string }
    expect(built).toMatchObject({ runtime: 'node', target: process.versions.node })
    expect(['prebuilt', 'compiled']).toContain(built.how)
    if (built.how === 'compiled') expect(first.stdout).toContain('No prebuilt better-sqlite3')

    const db = new SqliteDatabase(':memory:', { nativeBinding: join(out, 'better_sqlite3.node') })
    expect(db.prepare('select 40 + 2 as answer').get()).toEqual({ answer: 42 })
    db.close()

    const madeAt = statSync(join(out, 'better_sqlite3.node')).mtimeMs
    const again = spawnSync(process.execPath, [script, '--runtime', 'node', '--out', out], { encoding: 'utf8' })
    expect(again.status).toBe(0)
    expect(again.stdout).toBe('')
    expect(statSync(join(out, 'better_sqlite3.node')).mtimeMs).toBe(madeAt)
  })
})
