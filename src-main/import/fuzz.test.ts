import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { AcceptedShare, fuzzOptions } from '../../tests/support/fuzz'
import { describe, expect, it } from 'vitest'
import { CommandError } from '../../src-shared/contract'
import { fixture, upload } from '../../tests/support/import'
import { hostileStrings } from '../../tests/support/hostile'
import { organiser, tempRouter } from '../../tests/support/temp-event'
import { readTable } from './table'

// Registration and chip files as they arrive when something went wrong on the way: cut short,
// bytes flipped, stray quotes and separators, binary junk, a spreadsheet that is not one.

async function spreadsheet(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Entries')
  sheet.addRow(['First Name', 'Last Name', 'Gender', 'Event', 'DOB'])
  for (const name of hostileStrings.slice(0, 12)) sheet.addRow([name, 'Kim', 'F', 'Marathon', new Date(Date.UTC(1986, 0, 18))])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** One of several ways a file gets mangled, applied to `bytes`. */
function mangled(bytes: Buffer): fc.Arbitrary<Buffer> {
  const at = fc.nat({ max: Math.max(0, bytes.length - 1) })
  const junk = fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => Buffer.from(b)),
    fc.constantFrom(...hostileStrings, '"', '""', ',', ';', '\t', '\r', '\n', '\uFEFF', '\u0000').map((s) => Buffer.from(s)),
  )
  return fc.oneof(
    at.map((cut) => bytes.subarray(0, cut)),
    fc.tuple(at, fc.uint8Array({ minLength: 1, maxLength: 32 })).map(([from, noise]) => {
      const copy = Buffer.from(bytes)
      copy.set(noise.subarray(0, Math.max(0, copy.length - from)), from)
      return copy
    }),
    fc.tuple(at, junk).map(([from, insert]) => Buffer.concat([bytes.subarray(0, from), insert, bytes.subarray(from)])),
    fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
    fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), b])),
  )
}

async function officeWithRace() {
  const office = await tempRouter()
  await office.router.call('races.create', { name: 'Marathon', distanceM: 42195, bibRanges: [{ first: 1, last: 99999 }] }, organiser)
  const count = (): number => office.file.sqlite.prepare('select count(*) from entrant').pluck().get() as number
  return { ...office, count }
}

describe('mangled files', () => {
  it('read as a table or refused as unreadable, never another failure', { timeout: 120_000 }, async () => {
    const sources = [fixture('registrations-platform.csv'), fixture('registrations-club-excel.csv'), await spreadsheet()]
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...sources.keys()).chain((i) => mangled(sources[i] as Buffer)),
        async (bytes) => {
          try {
            const table = await readTable(bytes)
            expect(Array.isArray(table.headers)).toBe(true)
          } catch (error) {
            expect(error, String(error)).toBeInstanceOf(CommandError)
          }
        },
      ),
      fuzzOptions(300),
    )
  })

  it(
    'import whole, row by row with the bad rows listed, or not at all, through the router, and one file in ten imports',
    { timeout: 120_000 },
    async ({ task }) => {
      const accepted = new AcceptedShare()
      const { router, count } = await officeWithRace()
      const source = fixture('registrations-platform.csv')
      await fc.assert(
        fc.asyncProperty(mangled(source), fc.boolean(), async (bytes, skipInvalid) => {
          const before = count()
          const id = await upload(router, bytes.length === 0 ? Buffer.from(' ') : bytes)
          const preview = await router.dispatch('imports.preview', { id }, organiser)
          if (!preview.ok) expect(preview.error.code).not.toBe('INTERNAL')
          const committed = await router.call('imports.commit', { id, skipInvalid, race: 'Marathon' }, organiser)
          await router.dispatch('imports.discard', { id }, organiser)
          accepted.count('imports.commit', committed.ok)
          if (committed.ok) {
            // Whole or row by row: exactly the rows it says it added are in the file, and a
            // commit that does not skip bad rows has none to report.
            expect(count()).toBe(before + committed.value.imported)
            if (!skipInvalid) expect(committed.value.rejected).toEqual([])
            for (const rejected of committed.value.rejected) expect(rejected.message).not.toBe('')
            return
          }
          expect(committed.error.code, committed.error.message).not.toBe('INTERNAL')
          expect(count()).toBe(before)
        }),
        fuzzOptions(60),
      )
      task.meta.fuzzAccepted = accepted.counted('imports.commit')
      expect(accepted.share('imports.commit'), accepted.report()).toBeGreaterThanOrEqual(0.1)
    },
  )

  it('chip-read files: imported, refused line by line, or refused, never a crash, and one file in ten imports', { timeout: 120_000 }, async ({ task }) => {
    const accepted = new AcceptedShare()
    const { router, file } = await officeWithRace()
    const reads = (): number => file.sqlite.prepare('select count(*) from chip_read').pluck().get() as number
    await fc.assert(
      fc.asyncProperty(mangled(fixture('reads-finish.csv')), fc.boolean(), async (bytes, skipInvalid) => {
        const before = reads()
        const id = await upload(router, bytes.length === 0 ? Buffer.from(' ') : bytes, 'reads.csv')
        const preview = await router.dispatch('reads.preview', { id }, organiser)
        if (!preview.ok) expect(preview.error.code).not.toBe('INTERNAL')
        const imported = await router.call('reads.import', { id, point: 'finish', skipInvalid }, organiser)
        await router.dispatch('imports.discard', { id }, organiser)
        accepted.count('reads.import', imported.ok)
        if (imported.ok) {
          expect(reads()).toBe(before + imported.value.imported)
          if (!skipInvalid) expect(imported.value.rejected).toEqual([])
          return
        }
        expect(imported.error.code, imported.error.message).not.toBe('INTERNAL')
        expect(reads()).toBe(before)
      }),
      fuzzOptions(60),
    )
    task.meta.fuzzAccepted = accepted.counted('reads.import')
    expect(accepted.share('reads.import'), accepted.report()).toBeGreaterThanOrEqual(0.1)
  })
})
