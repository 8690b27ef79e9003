import { describe, expect, it } from 'vitest'
import { finishDevice } from './device'
import { memoryStorage } from '../../../tests/support/memory-storage'


describe('a finish device', () => {
  it('keeps its id and goes on with its sequence after a reload, never repeating a number', () => {
    const storage = memoryStorage()
    const first = finishDevice(storage, () => 'a1b2c3')
    expect(first.id).toBe('finish-a1b2c3')
    expect([first.nextSeq(), first.nextSeq()]).toEqual([1, 2])
    const reloaded = finishDevice(storage, () => 'ffffff')
    expect(reloaded.id).toBe('finish-a1b2c3')
    expect(reloaded.nextSeq()).toBe(3)
  })

  it('makes its id without crypto.randomUUID, which plain-http pages on the local network lack', () => {
    expect(finishDevice(memoryStorage()).id).toMatch(/^finish-[0-9a-f]{6}$/)
  })
})
