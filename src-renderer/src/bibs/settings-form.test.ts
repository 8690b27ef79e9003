import { describe, expect, it } from 'vitest'
import { formatReserved, readNumbers, readReserved } from './settings-form'

describe('the numbering settings form', () => {
  it('reads reserved ranges with their purposes, and writes them back the same way', () => {
    const reserved = readReserved('1-20 elite, 900 – 999 walk-up, 50')
    expect(reserved).toEqual([
      { first: 1, last: 20, purpose: 'elite' },
      { first: 900, last: 999, purpose: 'walk-up' },
      { first: 50, last: 50, purpose: 'reserved' },
    ])
    expect(formatReserved(reserved ?? [])).toBe('1-20 elite, 900-999 walk-up, 50 reserved')
  })

  it('refuses ranges it cannot read', () => {
    expect(readReserved('elite 1-20')).toBeNull()
    expect(readReserved('20-1 backwards')).toBeNull()
    expect(readReserved('')).toEqual([])
  })

  it('reads a list of numbers separated by commas or spaces', () => {
    expect(readNumbers('13, 666 999')).toEqual([13, 666, 999])
    expect(readNumbers('13, x')).toBeNull()
    expect(readNumbers('0')).toBeNull()
  })
})
