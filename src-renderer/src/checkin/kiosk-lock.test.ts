import { describe, expect, it } from 'vitest'
import { KioskLock } from './kiosk-lock'
import { memoryStorage } from '../../../tests/support/memory-storage'

describe('the kiosk lock', () => {
  it('is left with its PIN only, and is kept across a reload of the tab', () => {
    const storage = memoryStorage()
    new KioskLock(storage).start('8642')
    const again = new KioskLock(storage)
    expect(again.isSet()).toBe(true)
    expect(again.leave('1111')).toBe('wrong')
    expect(again.leave('8642')).toBe('open')
    expect(again.isSet()).toBe(false)
  })

  it('makes a guesser wait a minute after five wrong PINs', () => {
    let now = 0
    const lock = new KioskLock(memoryStorage(), () => now)
    lock.start('8642')
    for (let i = 0; i < 4; i++) expect(lock.leave('0000')).toBe('wrong')
    expect(lock.leave('0000')).toBe('wait')
    expect(lock.leave('8642')).toBe('wait')
    now += 60_001
    expect(lock.leave('8642')).toBe('open')
  })
})
