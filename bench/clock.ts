// clock.offset.error: how close a device's measured clock offset comes to the truth over a network
// that delays each message by a random 5–40 ms each way.
import { estimateOffset, exchangesPerMeasurement, type Exchange } from '../src-shared/timing/clock-offset'
import { serveProcess } from '../tests/support/cli'
import { random } from './generate'
import { fetchCommand } from '../tests/support/http-client'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function post<T>(origin: string, token: string, command: string, input: unknown): Promise<T> {
  const answer = await fetchCommand<T>(origin, token, command, input)
  if (!answer.ok) throw new Error(`${command}: ${answer.error.message}`)
  return answer.value
}

/**
 * A device whose clock is `skewMs` ahead of this machine's (the office's, on the same machine: the
 * truth is known exactly), measuring as a finish page does: a burst of exchanges, then
 * clock.measure. The extra delay is spent in this process just after a message is stamped as sent
 * and just before it is stamped as received, as a slow network would spend it.
 */
export async function measureOnce(origin: string, token: string, device: string, skewMs: number, delay: () => number = () => 0) {
  const deviceNow = (): number => performance.timeOrigin + performance.now() + skewMs
  const exchanges: Exchange[] = []
  for (let i = 0; i < exchangesPerMeasurement; i++) {
    const sentAtMs = deviceNow()
    await sleep(delay())
    const answer = await post<{ receivedAtMs: number; repliedAtMs: number }>(origin, token, 'clock.exchange', { device, sentAtMs })
    await sleep(delay())
    exchanges.push({ sentAtMs, receivedAtMs: answer.receivedAtMs, repliedAtMs: answer.repliedAtMs, returnedAtMs: deviceNow() })
  }
  const measured = await post<{ offsetMs: number; uncertaintyMs: number }>(origin, token, 'clock.measure', { device, exchanges })
  return { ...measured, exchanges }
}

/** The offset from the single exchange with the smallest round trip, for comparison. */
function smallestRoundTrip(exchanges: readonly Exchange[]): number {
  const best = [...exchanges].sort(
    (a, b) => a.returnedAtMs - a.sentAtMs - (a.repliedAtMs - a.receivedAtMs) - (b.returnedAtMs - b.sentAtMs - (b.repliedAtMs - b.receivedAtMs)),
  )[0] as Exchange
  return estimateOffset([best])?.offsetMs as number
}

/** `estimates` measurements of a +30 s clock by four devices at once; the errors of each estimate, in ms. */
export async function offsetErrors(eventPath: string, estimates: number, skewMs = 30_000) {
  const served = await serveProcess(eventPath)
  const rnd = random(15)
  const delay = (): number => 5 + rnd() * 35
  const errors: number[] = []
  const singleErrors: number[] = []
  const uncertainties: number[] = []
  try {
    const devices = 4
    await Promise.all(
      Array.from({ length: devices }, async (_, d) => {
        for (let i = d; i < estimates; i += devices) {
          const m = await measureOnce(served.origin, served.token, `bench-tablet-${d}`, skewMs, delay)
          errors.push(Math.abs(m.offsetMs + skewMs))
          singleErrors.push(Math.abs(smallestRoundTrip(m.exchanges) + skewMs))
          uncertainties.push(m.uncertaintyMs)
        }
      }),
    )
  } finally {
    await served.stop()
  }
  return { errors, singleErrors, uncertainties }
}
