import { describe, expect, it } from 'vitest'
import type { Entrant } from '../../../src-shared/contract'
import { entrantFormFrom, readEntrantForm } from './entrant-form'

const ana: Entrant = {
  id: 'e1',
  ref: 'R-1',
  givenName: 'Ana',
  familyName: 'Lee',
  secondName: null,
  sex: 'F',
  birthDate: '1990-05-01',
  age: 34,
  nationality: 'KOR',
  club: null,
  team: null,
  divisions: [],
  email: null,
  phone: null,
  emergencyName: null,
  emergencyPhone: null,
  shirtSize: 'M',
  raceId: 1,
  race: '10K',
  waveId: 4,
  wave: 'A',
  category: 'W30',
  bib: 12,
  predictedTimeMs: null,
  status: 'registered',
  createdAt: 0,
  updatedAt: 0,
}

describe('the entrant form', () => {
  it('sends only what changed', () => {
    const saved = entrantFormFrom(ana)
    expect(readEntrantForm('e1', saved, saved)).toEqual({ ok: true, input: null })
    expect(readEntrantForm('e1', { ...saved, club: 'Seoul Striders', waveId: '5' }, saved)).toEqual({
      ok: true,
      input: { id: 'e1', club: 'Seoul Striders', waveId: 5 },
    })
  })

  it('unseeds a runner whose wave is cleared', () => {
    const saved = entrantFormFrom(ana)
    expect(readEntrantForm('e1', { ...saved, waveId: '' }, saved)).toEqual({ ok: true, input: { id: 'e1', waveId: null } })
  })

  it('reads divisions split by ; and sends none when the box is cleared', () => {
    const saved = entrantFormFrom({ ...ana, divisions: ['Corporate'] })
    expect(saved.divisions).toBe('Corporate')
    expect(readEntrantForm('e1', { ...saved, divisions: 'Corporate; Wheelchair ;' }, saved)).toEqual({
      ok: true,
      input: { id: 'e1', divisions: ['Corporate', 'Wheelchair'] },
    })
    expect(readEntrantForm('e1', { ...saved, divisions: '' }, saved)).toEqual({ ok: true, input: { id: 'e1', divisions: [] } })
  })

  it('puts a problem beside its field', () => {
    const saved = entrantFormFrom(ana)
    expect(readEntrantForm('e1', { ...saved, bib: 'twelve' }, saved)).toEqual({ ok: false, errors: { bib: { key: 'validation.invalid_type' } } })
  })
})
