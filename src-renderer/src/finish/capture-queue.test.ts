import { describe, expect, it } from 'vitest'
import type { CommandResult } from '../../../src-shared/contract'
import { CaptureQueue, memoryStore, type Acknowledged, type QueuedCall } from './capture-queue'
import { finishDevice, renumberer } from './device'
import { memoryStorage } from '../../../tests/support/memory-storage'

const press = (seq: number): QueuedCall => ({
  key: `finish-a:${seq}`,
  order: seq,
  command: 'timing.capture',
  input: { device: 'finish-a', seq, point: 'finish', atMs: 1_000 + seq },
})
const unreachable: CommandResult<never> = { ok: false, error: { code: 'OFFICE_UNREACHABLE', message: 'Cannot reach the race office.' } }

function harness(answers: (item: QueuedCall) => CommandResult<unknown>) {
  const store = memoryStore()
  const sent: string[] = []
  const acknowledged: Acknowledged[] = []
  const refused: string[] = []
  const queue = new CaptureQueue(
    store,
    async (item) => {
      sent.push(item.key)
      return answers(item)
    },
    { acknowledged: (ack) => acknowledged.push(ack), refused: (item) => refused.push(item.key), changed: () => {} },
    5,
  )
  return { store, queue, sent, acknowledged, refused }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30))

describe('the finish desk’s queue of presses', () => {
  it('sends presses in the order they were made and forgets each only once the office has it', async () => {
    const { queue, store, acknowledged } = harness((item) => ({ ok: true, value: { id: item.key } }))
    await queue.add(press(1))
    await queue.add(press(2))
    await settle()
    expect(acknowledged.map((a) => a.item.key)).toEqual(['finish-a:1', 'finish-a:2'])
    expect(await store.all()).toEqual([])
  })

  it('keeps presses while the office cannot be reached and sends them, once each, when it is back', async () => {
    let online = false
    const { queue, store, sent, acknowledged } = harness((item) => (online ? { ok: true, value: { id: item.key } } : unreachable))
    for (const seq of [1, 2, 3]) await queue.add(press(seq))
    await settle()
    expect(queue.waiting).toHaveLength(3)
    expect((await store.all()).map((i) => i.key)).toEqual(['finish-a:1', 'finish-a:2', 'finish-a:3'])
    online = true
    await settle()
    expect(acknowledged.map((a) => a.item.key)).toEqual(['finish-a:1', 'finish-a:2', 'finish-a:3'])
    expect(sent.filter((k) => k === 'finish-a:2')).toHaveLength(1)
    expect(queue.waiting).toHaveLength(0)
    queue.stop()
  })

  it('picks up what a previous page left in the store', async () => {
    const store = memoryStore()
    await store.put(press(7))
    const acknowledged: string[] = []
    const queue = new CaptureQueue(store, async (item) => ({ ok: true, value: { id: item.key } }), {
      acknowledged: (a) => acknowledged.push(a.item.key),
      refused: () => {},
      changed: () => {},
    })
    await queue.flush()
    expect(acknowledged).toEqual(['finish-a:7'])
  })

  it('reports a press the office refuses, and goes on with the next', async () => {
    const { queue, acknowledged, refused } = harness((item) =>
      item.key === 'finish-a:1'
        ? { ok: false, error: { code: 'POINT_UNKNOWN', message: 'There is no timing point called x.' } }
        : { ok: true, value: { id: item.key } },
    )
    await queue.add(press(1))
    await queue.add(press(2))
    await settle()
    expect(refused).toEqual(['finish-a:1'])
    expect(acknowledged.map((a) => a.item.key)).toEqual(['finish-a:2'])
  })

  it('never drops a press whose number another press holds (a duplicated tab): it goes again under a new device id', async () => {
    const storage = memoryStorage()
    storage.setItem('race-office.finish-device', 'finish-a|0')
    const device = finishDevice(storage, () => 'b2b2b2')
    const taken = new Set(['finish-a:1'])
    const office = new Map<string, number>()
    const store = memoryStore()
    const acknowledged: string[] = []
    const queue = new CaptureQueue(
      store,
      async (item) => {
        const slot = `${item.input.device}:${item.input.seq}`
        if (taken.has(slot)) return { ok: false, error: { code: 'CAPTURE_SEQ_TAKEN', message: 'taken' } }
        office.set(slot, (item.input as { atMs: number }).atMs)
        return { ok: true, value: { id: slot } }
      },
      { acknowledged: (ack) => acknowledged.push(ack.item.key), refused: () => {}, changed: () => {} },
      5,
      renumberer(device),
    )
    await queue.add({ ...press(1), key: 'k1' })
    await settle()
    expect(device.id).toBe('finish-b2b2b2')
    expect([...office]).toEqual([['finish-b2b2b2:1', 1001]])
    expect(acknowledged).toEqual(['k1'])
    expect(await store.all()).toEqual([])
  })

  it('takes over presses a closed tab left in the store, and sends them', async () => {
    const { queue, store, acknowledged } = harness((item) => ({ ok: true, value: { id: item.key } }))
    await settle()
    await store.put(press(7))
    await queue.adopt()
    await settle()
    expect(acknowledged.map((a) => a.item.key)).toEqual(['finish-a:7'])
  })
})
