import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pdfPageCount } from '../../tests/support/pdf'
import { seedPrintableEvent } from '../../tests/support/print-fixture'
import { organiser, tempDir } from '../../tests/support/temp-event'
import { openOffice } from '../office/office'
import { unwrap } from '../../tests/support/results'

async function office() {
  const path = join(tempDir(), 'event.raceoffice')
  const opened = await openOffice(path)
  const races = await seedPrintableEvent(opened.router)
  return { office: opened, races, [Symbol.asyncDispose]: () => opened.close() }
}

async function printAndWait(o: Awaited<ReturnType<typeof office>>['office'], request: Record<string, unknown>) {
  const started = await o.router.call('prints.start', request as never, organiser)
  if (!started.ok) return started
  return { ok: true as const, value: await o.prints.finished(started.value.jobId) }
}

/** A sheet run made, come out of the printer, and said so. */
async function printAndMark(o: Awaited<ReturnType<typeof office>>['office'], request: Record<string, unknown>) {
  const printed = await printAndWait(o, request)
  if (!printed.ok) return printed
  unwrap(await o.router.call('bibs.markPrinted', { jobId: printed.value.jobId }, organiser))
  return printed
}

describe('print jobs', () => {
  it('makes the document in the background and reports how far it is', async () => {
    await using o = await office()
    const started = await o.office.router.call('prints.start', { kind: 'sheets', layout: 'a6' }, organiser)
    expect(started).toMatchObject({ ok: true, value: { state: 'running', items: 9, pages: 9, downloadPath: null } })
    if (!started.ok) return
    const done = await o.office.prints.finished(started.value.jobId)
    expect(done).toMatchObject({ state: 'done', done: 9, downloadPath: `/prints/${started.value.jobId}`, error: null })
    expect(pdfPageCount(o.office.prints.file(started.value.jobId).path)).toBe(9)
  })

  it('marks a sheet run printed once the organiser says it came out (made is not printed), so "only not yet printed" finds just the bibs whose face changed since', async () => {
    await using o = await office()
    await printAndWait(o.office, { kind: 'sheets' })
    expect(await o.office.router.call('prints.preview', { kind: 'sheets', onlyUnprinted: true }, organiser)).toMatchObject({ ok: true, value: { items: 9 } })
    await printAndMark(o.office, { kind: 'sheets' })
    expect(await o.office.router.call('prints.start', { kind: 'sheets', onlyUnprinted: true }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'NOTHING_TO_PRINT' },
    })

    const page = unwrap(await o.office.router.call('entrants.list', { limit: 20 }, organiser))
    const [a, b] = page.items.filter((e) => e.bib === 101 || e.bib === 102)
    await o.office.router.call('bibs.swap', { entrantIds: [a?.id as string, b?.id as string], reason: 'envelopes mixed up' }, organiser)
    const again = await printAndMark(o.office, { kind: 'sheets', onlyUnprinted: true })
    expect(again).toMatchObject({ ok: true, value: { state: 'done', items: 2 } })
    const reprint = await printAndMark(o.office, { kind: 'sheets', firstBib: 101, lastBib: 101 })
    expect(reprint).toMatchObject({ ok: true, value: { items: 1 } })

    // A corrected name makes the printed bib wrong too.
    const zoe = page.items.find((e) => e.familyName === 'Łukasiewicz')
    await o.office.router.call('entrants.update', { id: zoe?.id as string, givenName: 'Zoé' }, organiser)
    const corrected = await o.office.router.call('prints.preview', { kind: 'sheets', onlyUnprinted: true }, organiser)
    expect(corrected).toMatchObject({ ok: true, value: { items: 1 } })
  })

  it('records marking in the audit trail like any other write', async () => {
    await using o = await office()
    await printAndMark(o.office, { kind: 'sheets', raceId: o.races.half })
    const audit = await o.office.file.db.selectFrom('audit').select(['command', 'output_json']).where('command', '=', 'bibs.markPrinted').execute()
    expect(audit).toEqual([{ command: 'bibs.markPrinted', output_json: '{"marked":3}' }])
  })

  it('stops a cancelled job: nothing to download or mark', async () => {
    await using o = await office()
    const started = await o.office.router.call('prints.start', { kind: 'sheets', layout: 'a6' }, organiser)
    if (!started.ok) throw new Error(started.error.message)
    expect(await o.office.router.call('prints.cancel', { jobId: started.value.jobId }, organiser)).toMatchObject({ ok: true })
    expect(await o.office.prints.finished(started.value.jobId)).toMatchObject({ state: 'cancelled', error: { code: 'PRINT_CANCELLED' } })
    expect(await o.office.router.call('bibs.markPrinted', { jobId: started.value.jobId }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'PRINT_NOT_READY' },
    })
    expect(() => o.office.prints.file(started.value.jobId)).toThrow(/not finished/)
  })

  it('does not mark bibs for pickup lists or labels, and answers for a job it never made', async () => {
    await using o = await office()
    const list = unwrap(await printAndWait(o.office, { kind: 'lists' }))
    expect(await o.office.router.call('bibs.markPrinted', { jobId: list.jobId }, organiser)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await o.office.router.call('prints.status', { jobId: 'nope' }, organiser)).toMatchObject({ ok: false, error: { code: 'PRINT_NOT_FOUND' } })
  })

  it('previews the first page only', async () => {
    await using o = await office()
    const preview = await o.office.router.call('prints.preview', { kind: 'sheets', layout: 'a6' }, organiser)
    expect(preview).toMatchObject({ ok: true, value: { items: 9, pages: 9 } })
    if (!preview.ok) return
    const pdf = Buffer.from(preview.value.pdfBase64, 'base64').toString('latin1')
    expect(pdf.startsWith('%PDF')).toBe(true)
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1)
  })
})
