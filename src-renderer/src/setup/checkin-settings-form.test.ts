import { describe, expect, it } from 'vitest'
import { readSettingsForm, settingsFormFrom } from './checkin-settings-form'

describe('the check-in settings form', () => {
  it('reads sizes with their stock and tables with their bib ranges', () => {
    const values = {
      confirmations: ['waiver' as const],
      items: 'Gift bag, Timing chip',
      shirts: 'XS 50, S 200,\nM 400',
      tables: 'Table A 1-999, Table B 1000–1999, VIP 7',
    }
    expect(readSettingsForm(values)).toEqual({
      ok: true,
      input: {
        confirmations: ['waiver'],
        items: ['Gift bag', 'Timing chip'],
        shirts: [
          { size: 'XS', stock: 50 },
          { size: 'S', stock: 200 },
          { size: 'M', stock: 400 },
        ],
        tables: [
          { name: 'Table A', first: 1, last: 999 },
          { name: 'Table B', first: 1000, last: 1999 },
          { name: 'VIP', first: 7, last: 7 },
        ],
      },
    })
  })

  it('shows saved settings as they are typed, and reads them back the same', () => {
    const saved = { confirmations: [], items: ['Medal'], shirts: [{ size: 'L', stock: 3 }], tables: [{ name: 'T1', first: 1, last: 5 }] }
    const form = settingsFormFrom(saved)
    expect(form).toEqual({ confirmations: [], items: 'Medal', shirts: 'L 3', tables: 'T1 1-5' })
    expect(readSettingsForm(form)).toEqual({ ok: true, input: saved })
  })

  it('names each field it cannot read', () => {
    expect(readSettingsForm({ confirmations: [], items: 'Bib', shirts: 'M lots', tables: 'Table A 9-1' })).toEqual({
      ok: false,
      errors: ['shirts', 'items', 'tables'],
    })
  })
})
