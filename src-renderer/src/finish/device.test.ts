import { describe, expect, it } from 'vitest'
import { claimDevice, finishDevice } from './device'
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

/** Two tabs' channels: what one posts, the other hears (as BroadcastChannel does, never the sender). */
function channelPair() {
  type Ends = { postMessage(data: unknown): void; close(): void; onmessage: ((event: MessageEvent) => void) | null }
  const a: Ends = { postMessage: (data) => queueMicrotask(() => b.onmessage?.({ data } as MessageEvent)), close: () => {}, onmessage: null }
  const b: Ends = { postMessage: (data) => queueMicrotask(() => a.onmessage?.({ data } as MessageEvent)), close: () => {}, onmessage: null }
  return [a, b] as const
}

describe('a duplicated tab', () => {
  it('starts as the first tab’s device (a copy of its storage) and takes an id of its own, while the first keeps its id', async () => {
    const storage = memoryStorage()
    const first = finishDevice(storage, () => 'aaaaaa')
    first.nextSeq()
    const copy = memoryStorage()
    copy.setItem('race-office.finish-device', storage.getItem('race-office.finish-device') as string)
    const duplicate = finishDevice(copy, () => 'bbbbbb')
    expect(duplicate.id).toBe(first.id)
    const renewed: string[] = []
    duplicate.onRenew((id) => renewed.push(id))
    const [one, two] = channelPair()
    claimDevice(first, one, 'tab-1')
    await new Promise((resolve) => setTimeout(resolve, 5))
    claimDevice(duplicate, two, 'tab-2')
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(first.id).toBe('finish-aaaaaa')
    expect(duplicate.id).toBe('finish-bbbbbb')
    expect(renewed).toEqual(['finish-bbbbbb'])
    expect(duplicate.nextSeq()).toBe(1)
    expect(first.nextSeq()).toBe(2)
  })
})
