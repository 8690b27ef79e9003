// Instants are stored as UTC milliseconds; the event's time zone is used only to show and to
// read times of day. Intl knows every zone's rules, so no zone data is shipped here.

const partsFormatters = new Map<string, Intl.DateTimeFormat>()

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    partsFormatters.set(timeZone, formatter)
  }
  return formatter
}

export interface WallTime {
  /** YYYY-MM-DD */
  date: string
  /** HH:MM:SS */
  time: string
}

/** The date and time of day that a clock in `timeZone` shows at instant `ms` (whole seconds). */
export function wallTimeAt(ms: number, timeZone: string): WallTime {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  )
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` }
}

function offsetMsAt(ms: number, timeZone: string): number {
  const { date, time } = wallTimeAt(ms, timeZone)
  const asUtc = Date.parse(`${date}T${time}Z`)
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000))
}

/**
 * The instant at which a clock in `timeZone` shows `date` `time` (HH:MM or HH:MM:SS[.mmm]).
 * A time that a spring-forward skips is read with the offset before the change, as clocks
 * that were not yet moved would show it; of a repeated autumn hour, the first is taken.
 */
export function instantOfWallTime(date: string, time: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(time.trim())
  if (match === null || clock === null) return null
  const [, h = '0', m = '0', s = '0', fraction = '0'] = clock
  if (Number(h) > 23 || Number(m) > 59 || Number(s) > 59) return null
  const millis = Number(fraction.padEnd(3, '0'))
  const asUtc = Date.parse(`${date}T${h.padStart(2, '0')}:${m}:${s.padStart(2, '0')}Z`)
  if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 10) !== date) return null
  const firstGuess = asUtc - offsetMsAt(asUtc, timeZone)
  const earlier = asUtc - offsetMsAt(firstGuess - 3_600_000 * 3, timeZone)
  const later = asUtc - offsetMsAt(firstGuess, timeZone)
  const candidates = [earlier, later].filter((c) => wallTimeAt(c, timeZone).time === `${h.padStart(2, '0')}:${m}:${s.padStart(2, '0')}`)
  const chosen = candidates.length > 0 ? Math.min(...candidates) : earlier
  return chosen + millis
}
