import { describe, expect, it } from 'vitest'
import { csv, importFile } from '../../tests/support/import'
import { finishLine, organiser, tempRouter } from '../../tests/support/temp-event'

// The disk fills up (photos, a video export) while the office works. SQLite's max_page_count
// makes the file unable to grow, which SQLite reports exactly as a full disk (SQLITE_FULL).

function registrations(count: number, offset: number): Buffer {
  return csv([
    'Registration ID,First Name,Last Name,Gender,Event',
    ...Array.from({ length: count }, (_, i) => `R${offset + i},Runner${offset + i},Kim${i % 97},F,Marathon`),
  ])
}

async function fullDiskOffice() {
  const office = await tempRouter()
  const created = await office.router.call('races.create', { name: 'Marathon', distanceM: 42195, bibRanges: [{ first: 1, last: 20000 }] }, organiser)
  expect(created.ok).toBe(true)
  expect(await importFile(office.router, registrations(200, 0))).toMatchObject({ ok: true, value: { imported: 200 } })
  const fill = (): void => void office.file.sqlite.pragma(`max_page_count = ${office.file.sqlite.pragma('page_count', { simple: true }) as number}`)
  const makeRoom = (): void => void office.file.sqlite.pragma('max_page_count = 1073741823')
  const count = (table: string): number => office.file.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number
  return { ...office, fill, makeRoom, count }
}

describe('a full disk', () => {
  it('refuses an import with a clear message, changes nothing, and takes the same import once there is room', async () => {
    const { router, fill, makeRoom, count, file } = await fullDiskOffice()
    const audited = count('audit')
    fill()
    const refused = await importFile(router, registrations(3000, 1000))
    expect(refused).toMatchObject({ ok: false, error: { code: 'DISK_FULL', message: expect.stringMatching(/disk is full.*nothing was changed/i) } })
    expect(count('entrant')).toBe(200)
    expect(count('audit')).toBe(audited)
    makeRoom()
    expect(await importFile(router, registrations(3000, 1000))).toMatchObject({ ok: true, value: { imported: 3000 } })
    expect(count('entrant')).toBe(3200)
    expect(file.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('keeps every capture it acknowledged while the disk filled up, and takes the refused ones when they are sent again', async () => {
    const { router, fill, makeRoom, file } = await fullDiskOffice()
    const acknowledged: number[] = []
    const refused: number[] = []
    fill()
    for (let seq = 1; seq <= 400; seq++) {
      const result = await router.call('timing.capture', { device: 'finish-1', seq, point: 'finish', atMs: Date.UTC(2025, 3, 6, 9) + seq * 500 }, finishLine)
      if (result.ok) acknowledged.push(seq)
      else {
        expect(result.error.code).toBe('DISK_FULL')
        refused.push(seq)
      }
    }
    // The free room in the file's last pages takes some; then the disk is full.
    expect(refused.length).toBeGreaterThan(0)
    const stored = (): number[] => file.sqlite.prepare("select seq from capture where device = 'finish-1' order by seq").pluck().all() as number[]
    expect(stored()).toEqual(acknowledged)
    makeRoom()
    // The finish desk's queue sends a refused press again (DISK_FULL is retried) until it is taken.
    for (const seq of refused) {
      expect(
        (await router.call('timing.capture', { device: 'finish-1', seq, point: 'finish', atMs: Date.UTC(2025, 3, 6, 9) + seq * 500 }, finishLine)).ok,
      ).toBe(true)
    }
    expect(stored()).toEqual(Array.from({ length: 400 }, (_, i) => i + 1))
    expect(file.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
