import { describe, expect, it } from 'vitest'
import { csv, upload } from '../../tests/support/import'
import { organiser, tempRouter } from '../../tests/support/temp-event'

describe('importing chip codes', () => {
  it('keeps the chip → bib mapping, and moves a re-issued chip to its new bib', async () => {
    const { router, file } = await tempRouter()
    const first = await upload(router, csv(['Transponder,Bib', '058-ABC,1', '058-ABD,2']), 'chips.csv')
    expect(await router.call('chips.import', { id: first }, organiser)).toEqual({ ok: true, value: { imported: 2, replaced: 0, unchanged: 0, rejected: [] } })
    const again = await upload(router, csv(['Chip Code;Bib Number', '058-ABC;1', '058-ABD;7', '058-ABE;3']), 'chips2.csv')
    expect(await router.call('chips.import', { id: again }, organiser)).toEqual({ ok: true, value: { imported: 1, replaced: 1, unchanged: 1, rejected: [] } })
    // Kept by their key, as a decoder that drops leading zeros writes them.
    expect(await file.db.selectFrom('chip').select(['code', 'bib']).orderBy('code').execute()).toEqual([
      { code: '58-ABC', bib: 1 },
      { code: '58-ABD', bib: 7 },
      { code: '58-ABE', bib: 3 },
    ])
  })

  it('imports nothing when a row is wrong, naming each bad row', async () => {
    const { router, file } = await tempRouter()
    const id = await upload(router, csv(['Chip,Bib', 'A,1', ',2', 'A,3', 'B,x']), 'chips.csv')
    expect(await router.call('chips.import', { id }, organiser)).toMatchObject({
      ok: false,
      error: {
        code: 'IMPORT_REFUSED',
        details: {
          rejected: [
            { row: 3, field: 'chip', code: 'MISSING' },
            { row: 4, field: 'chip', code: 'DUPLICATE_CHIP' },
            { row: 5, field: 'bib', code: 'INVALID' },
          ],
        },
      },
    })
    expect(await file.db.selectFrom('chip').selectAll().execute()).toEqual([])
  })

  it('refuses a file without chip and bib columns', async () => {
    const { router } = await tempRouter()
    const id = await upload(router, csv(['First Name,Last Name', 'A,B']), 'names.csv')
    expect(await router.call('chips.import', { id }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_REFUSED', message: /needs a chip column and a bib column/ },
    })
  })

  it('takes a chip written twice, once with its leading zeros and once without, for the same chip', async () => {
    const { router } = await tempRouter()
    const both = await upload(router, csv(['Chip,Bib', '000123,1', '123,2']), 'chips.csv')
    expect(await router.call('chips.import', { id: both }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_REFUSED', details: { rejected: [{ row: 3, code: 'DUPLICATE_CHIP' }] } },
    })
  })
})
