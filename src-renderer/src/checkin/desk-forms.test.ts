import { describe, expect, it } from 'vitest'
import { emptyWalkUp, readCorrection, readWalkUp, type CorrectValues } from './desk-forms'

describe('the walk-up form', () => {
  it('reads what was typed into the walk-up command, leaving blank fields out', () => {
    const values = { ...emptyWalkUp('2'), givenName: ' Ha-eun ', familyName: 'Park', sex: 'F', paymentMethod: 'card', paymentAmount: '40,000' }
    expect(readWalkUp(values)).toEqual({
      ok: true,
      input: { raceId: 2, givenName: 'Ha-eun', familyName: 'Park', sex: 'F', paymentMethod: 'card', paymentAmount: '40,000' },
    })
  })

  it('puts each problem beside its field', () => {
    const result = readWalkUp({ ...emptyWalkUp('1'), givenName: 'Ha-eun', email: 'not-an-address', paymentAmount: 'forty' })
    expect(result).toMatchObject({
      ok: false,
      errors: { familyName: { key: 'validation.invalid_type' }, sex: expect.anything(), email: expect.anything(), paymentAmount: expect.anything() },
    })
  })
})

describe('the correction form', () => {
  const saved: CorrectValues = {
    givenName: 'Min-jun',
    familyName: 'Kim',
    secondName: '김민준',
    phone: '',
    email: '',
    emergencyName: '',
    emergencyPhone: '',
    notes: '',
  }

  it('sends only what changed, and clears an emptied field', () => {
    expect(readCorrection('e1', { ...saved, familyName: 'Gim', secondName: '' }, saved)).toEqual({
      ok: true,
      input: { entrantId: 'e1', familyName: 'Gim', secondName: null },
    })
    expect(readCorrection('e1', saved, saved)).toEqual({ ok: true, input: null })
  })

  it('refuses an emptied name', () => {
    expect(readCorrection('e1', { ...saved, givenName: ' ' }, saved)).toMatchObject({ ok: false, errors: { givenName: expect.anything() } })
  })
})
