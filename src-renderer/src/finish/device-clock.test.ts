import { describe, expect, it } from 'vitest'
import { DeviceClock, exchangeWithOffice } from './device-clock'

/** A wall clock and a page clock the test moves by hand. */
function clocks() {
  const t = { wall: 1_700_000_000_000, mono: 500 }
  let jumps = 0
  const clock = new DeviceClock(
    () => t.wall,
    () => t.mono,
    () => jumps++,
  )
  return { t, clock, jumps: () => jumps }
}

describe('a page’s clock for recording instants', () => {
  it('stamps a key press at its own instant (the event’s timeStamp), moved on by the page clock', () => {
    const { t, clock } = clocks()
    t.wall += 2000
    t.mono += 2000
    expect(clock.instantOf({ timeStamp: t.mono - 15 })).toBe(t.wall - 15)
    expect(clock.segment).toBe(0)
  })

  it('anchors anew, in a new segment, when a sleep stopped the page clock — never stamping early', () => {
    const { t, clock, jumps } = clocks()
    t.wall += 10 * 60_000
    t.mono += 3
    expect(clock.instantOf({ timeStamp: t.mono })).toBe(t.wall)
    expect(clock.segment).toBe(1)
    expect(jumps()).toBe(1)
  })

  it('anchors anew when the wall clock is set by hand, and not for the small wobble of a running clock', () => {
    const { t, clock } = clocks()
    t.wall += 900
    t.mono += 1000
    expect(clock.check()).toBe(false)
    t.wall -= 60_000
    expect(clock.check()).toBe(true)
    expect(clock.now()).toBe(t.wall)
    expect(clock.segment).toBe(1)
  })

  it('makes exchanges stamped on its own clock as they leave and come back, and stops when the office does not answer', async () => {
    const { t, clock } = clocks()
    let calls = 0
    const exchanges = await exchangeWithOffice(clock, async (sentAtMs) => {
      calls++
      t.wall += 10
      t.mono += 10
      return calls > 3 ? null : { receivedAtMs: sentAtMs - 30_000 + 5, repliedAtMs: sentAtMs - 30_000 + 5 }
    })
    expect(exchanges).toHaveLength(3)
    expect(exchanges[0]).toMatchObject({ returnedAtMs: (exchanges[0]?.sentAtMs as number) + 10 })
  })
})
