import { useEffect, useMemo, useState } from 'react'
import type { CommandOutput } from '../../../src-shared/contract'
import { useClient } from '../client/use-command'
import { DeviceClock, exchangeWithOffice } from './device-clock'

export type ClockMeasurement = CommandOutput<'clock.measure'>

// Measured when the desk opens, when it is seen again, when it reconnects, after a jump of its clock, and every minute;
// again within seconds while a measurement is loose (a page still loading, a busy network).
const measureEveryMs = 60_000
const looseMs = 25
const againSoonMs = 5_000
const triesSoon = 5
const checkEveryMs = 1000

/**
 * This screen's clock, measured against the office's: every instant it records is on this clock
 * and the office corrects it by the latest measurement. Null until the first measurement (and
 * while the office cannot be reached: then the last one stays).
 */
export function useDeviceClock(device: string): { clock: DeviceClock; measurement: ClockMeasurement | null } {
  const client = useClient()
  const [measurement, setMeasurement] = useState<ClockMeasurement | null>(null)
  const [jumps, setJumps] = useState(0)
  const clock = useMemo(() => new DeviceClock(undefined, undefined, () => setJumps((n) => n + 1)), [])

  useEffect(() => {
    let running = false
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | null = null
    let soon = 0
    const schedule = (ms: number): void => {
      if (timer !== null) clearTimeout(timer)
      timer = setTimeout(() => void measure(), ms)
    }
    async function measure(): Promise<void> {
      if (running) return
      running = true
      let nextMs = measureEveryMs
      try {
        const exchanges = await exchangeWithOffice(clock, async (sentAtMs) => {
          const answer = await client.call('clock.exchange', { device, sentAtMs })
          return answer.ok ? answer.value : null
        })
        if (exchanges.length === 0 || stopped) return
        const measured = await client.call('clock.measure', { device, segment: clock.segment, exchanges })
        if (measured.ok && !stopped) setMeasurement(measured.value)
        if (measured.ok && measured.value.uncertaintyMs > looseMs && soon < triesSoon) {
          soon++
          nextMs = againSoonMs
        } else soon = 0
      } finally {
        running = false
        if (!stopped) schedule(nextMs)
      }
    }
    void measure()
    // A sleeping tablet's page clock may stop: seen again, it anchors anew (if it jumped) and measures.
    const checking = setInterval(() => clock.check(), checkEveryMs)
    const onVisible = (): void => {
      if (document.visibilityState !== 'visible') return
      clock.check()
      void measure()
    }
    document.addEventListener('visibilitychange', onVisible)
    const stopStatus = client.onStatus((status) => {
      if (status === 'live') void measure()
    })
    return () => {
      stopped = true
      if (timer !== null) clearTimeout(timer)
      clearInterval(checking)
      document.removeEventListener('visibilitychange', onVisible)
      stopStatus()
    }
  }, [client, clock, device, jumps])

  return { clock, measurement }
}
