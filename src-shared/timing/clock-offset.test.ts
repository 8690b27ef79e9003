import { describe, expect, it } from 'vitest'
import { clockDrift, clockState, estimateOffset, offsetAt, type Exchange, type Measurement } from './clock-offset'

/** An exchange with a device `skew` ms ahead of the office, `out` and `back` ms on the way. */
const exchange = (officeMs: number, skew: number, out: number, back: number): Exchange => ({
  sentAtMs: officeMs + skew,
  receivedAtMs: officeMs + out,
  repliedAtMs: officeMs + out,
  returnedAtMs: officeMs + out + back + skew,
})

const measured = (segment: number, deviceAtMs: number, offsetMs: number, uncertaintyMs = 5, manual = false): Measurement => ({
  segment,
  deviceAtMs,
  offsetMs,
  uncertaintyMs,
  manual,
})

describe('a device clock’s offset from exchanges', () => {
  it('is within half the smallest round trip, as that exchange alone says', () => {
    const estimate = estimateOffset([exchange(0, 30_000, 6, 4)])
    expect(estimate).toMatchObject({ offsetMs: -29_999, roundTripMs: 10, uncertaintyMs: 5 })
  })

  it('narrows to where every exchange’s bounds overlap: the quickest way out of any and the quickest way back of any', () => {
    const estimate = estimateOffset([exchange(0, 30_000, 40, 5), exchange(1000, 30_000, 6, 4), exchange(2000, 30_000, 3, 90)])
    expect(estimate).toMatchObject({ roundTripMs: 10, uncertaintyMs: 4 })
    expect(Math.abs((estimate?.offsetMs as number) + 30_000)).toBeLessThanOrEqual(1)
  })

  it('falls back on the smallest round trip when the bounds do not overlap (a clock that jumped during the burst)', () => {
    const estimate = estimateOffset([exchange(0, 30_000, 5, 5), exchange(1000, 31_000, 6, 6)])
    expect(estimate).toMatchObject({ offsetMs: -30_000, uncertaintyMs: 5 })
  })

  it('passes over exchanges that could not have happened, and has nothing to say without one', () => {
    const impossible = { sentAtMs: 100, receivedAtMs: 5, repliedAtMs: 5, returnedAtMs: 90 }
    expect(estimateOffset([impossible])).toBeNull()
    expect(estimateOffset([impossible, exchange(0, -5000, 10, 10)])?.offsetMs).toBe(5000)
  })
})

describe('the offset that holds at an instant', () => {
  it('is the latest measurement before it while the clock keeps to its offset', () => {
    expect(offsetAt([measured(0, 0, -30_000), measured(0, 60_000, -30_003)], 0, 30_000)).toEqual({ offsetMs: -30_000, uncertaintyMs: 5 })
    expect(offsetAt([measured(0, 0, -30_000)], 0, 90_000)).toEqual({ offsetMs: -30_000, uncertaintyMs: 5 })
  })

  it('is interpolated between two measurements that show the clock drifted more than they are uncertain', () => {
    expect(offsetAt([measured(0, 0, -30_000), measured(0, 3_600_000, -31_200)], 0, 900_000)).toEqual({ offsetMs: -30_300, uncertaintyMs: 5 })
  })

  it('keeps to its own anchor: a clock set by hand is not corrected by the offset of the anchor before', () => {
    const history = [measured(0, 0, -3000), measured(1, 100_000, 57_000)]
    expect(offsetAt(history, 0, 50_000)?.offsetMs).toBe(-3000)
    expect(offsetAt(history, 1, 90_000)?.offsetMs).toBe(57_000)
    // An anchor not measured yet borrows the latest measurement until its own comes.
    expect(offsetAt(history, 2, 200_000)?.offsetMs).toBe(57_000)
  })

  it('is the organiser’s word when there is one, and unknown for a clock never measured', () => {
    expect(offsetAt([measured(0, 0, -3000), measured(0, 0, 20_000, 1000, true)], 0, 50_000)).toEqual({ offsetMs: 20_000, uncertaintyMs: 1000 })
    expect(offsetAt([], 0, 5)).toBeNull()
  })
})

describe('what a clock’s offset says', () => {
  it('says what an offset means for the device: fast, slow or on time', () => {
    expect(clockDrift(-31_200)).toEqual({ direction: 'fast', seconds: '31.2' })
    expect(clockDrift(420)).toEqual({ direction: 'slow', seconds: '0.42' })
    expect(clockDrift(3).direction).toBe('onTime')
  })

  it('is amber past a second off or ±250 ms, and unknown never measured', () => {
    expect(clockState({ offsetMs: -31_200, uncertaintyMs: 3 })).toBe('off')
    expect(clockState({ offsetMs: 40, uncertaintyMs: 300 })).toBe('uncertain')
    expect(clockState({ offsetMs: 40, uncertaintyMs: 3 })).toBe('ok')
    expect(clockState(null)).toBe('unknown')
  })
})
