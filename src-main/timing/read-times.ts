import { instantOfWallTime } from '../../src-shared/time/zoned'

const clockTime = /^(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d{1,6}))?$/
const dateAndTime = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,6})?)$/
const zonedInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/

const millisOf = (fraction: string | undefined): number => Math.round(Number(`0.${fraction ?? '0'}`) * 1000)

/**
 * Reads the times of a timing system's file in the event's zone. The zone's offset is looked up
 * once per hour of the day, not per read: a quarter of a million reads stay fast.
 */
export function timeReader(eventDate: string, timeZone: string) {
  const hourStarts = new Map<string, number | null>()
  const wall = (date: string, time: string): number | null => {
    const match = clockTime.exec(time)
    if (match === null) return null
    const [, h = '', m = '', s = '', fraction] = match
    if (Number(m) > 59 || Number(s) > 59) return null
    const key = `${date} ${h}`
    let start = hourStarts.get(key)
    if (start === undefined) {
      start = instantOfWallTime(date, `${h.padStart(2, '0')}:00`, timeZone)
      hourStarts.set(key, start)
    }
    return start === null ? null : start + Number(m) * 60_000 + Number(s) * 1000 + millisOf(fraction)
  }
  return {
    /** A wall date and time (YYYY-MM-DD, HH:MM:SS.ffffff) in the event's zone. */
    wall,
    /** A time of day on the event date, a date and time, or an ISO instant with its offset. */
    timeOfDay(text: string): number | null {
      const value = text.trim()
      if (zonedInstant.test(value)) {
        const ms = Date.parse(value)
        return Number.isNaN(ms) ? null : ms
      }
      const dated = dateAndTime.exec(value)
      if (dated !== null) return wall(dated[1] as string, (dated[2] as string).replace(',', '.'))
      return wall(eventDate, value)
    },
  }
}

/** An elapsed time: H:MM:SS(.mmm), MM:SS(.mmm) or seconds. */
export function readElapsed(text: string): number | null {
  const value = text.trim().replace(',', '.')
  if (/^\d+(?:\.\d{1,6})?$/.test(value)) return Math.round(Number(value) * 1000)
  const parts = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:\.(\d{1,6}))?$/.exec(value)
  if (parts === null) return null
  const [, h = '0', m = '', s = '', fraction] = parts
  if (Number(s) > 59 || (parts[1] !== undefined && Number(m) > 59)) return null
  return (Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000 + millisOf(fraction)
}
