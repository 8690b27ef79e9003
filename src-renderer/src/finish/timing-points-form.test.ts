import { describe, expect, it } from 'vitest'
import { readTimingPoints } from './timing-points-form'

describe('the timing points form', () => {
  it('reads splits in km (comma or point) and the read window in seconds, skipping empty rows', () => {
    expect(
      readTimingPoints(
        [
          { name: '10K', km: '10' },
          { name: '', km: '' },
          { name: 'Half', km: '21,0975' },
        ],
        '7.5',
      ),
    ).toEqual({
      ok: true,
      input: {
        splits: [
          { name: '10K', distanceM: 10000 },
          { name: 'Half', distanceM: 21098 },
        ],
        readWindowMs: 7500,
      },
    })
  })

  it('points at each field to fix: a reserved or repeated name, a distance that is not one, a window out of range', () => {
    const read = readTimingPoints(
      [
        { name: 'Finish', km: '5' },
        { name: '5K', km: 'five' },
        { name: '5k', km: '5' },
      ],
      '-1',
    )
    expect(read).toEqual({ ok: false, problems: [{ row: 0, field: 'name' }, { row: 1, field: 'km' }, { row: 2, field: 'name' }, { field: 'window' }] })
  })
})
