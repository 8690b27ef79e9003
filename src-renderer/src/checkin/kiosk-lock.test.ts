import { describe, expect, it } from 'vitest'
import { KioskLock } from './kiosk-lock'
import { memoryStorage } from '../../../tests/support/memory-storage'

describe('the kiosk lock', () => {
  it('is left with its PIN only, and is kept across a reload of the tab', () => {
    const storage = memoryStorage()
    new KioskLock(storage).start('864200')
    const again = new KioskLock(storage)
    expect(again.isSet()).toBe(true)
    expect(again.leave('111111')).toBe('wrong')
    expect(again.leave('864200')).toBe('open')
    expect(again.isSet()).toBe(false)
  })

  it('makes a guesser wait a minute after five wrong PINs, and two after five more', () => {
    let now = 0
    const lock = new KioskLock(memoryStorage(), () => now)
    lock.start('864200')
    for (let i = 0; i < 4; i++) expect(lock.leave('000000')).toBe('wrong')
    expect(lock.leave('000000')).toEqual({ waitSeconds: 60 })
    expect(lock.leave('864200')).toEqual({ waitSeconds: 60 })
    now += 60_000
    for (let i = 0; i < 4; i++) expect(lock.leave('000000')).toBe('wrong')
    expect(lock.leave('000000')).toEqual({ waitSeconds: 120 })
    now += 120_000
    expect(lock.leave('864200')).toBe('open')
  })
})
