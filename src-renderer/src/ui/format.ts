import { wallTimeAt } from '../../../src-shared/time/zoned'

export function formatEventDate(isoDate: string, language: string): string {
  const [year, month, day] = isoDate.split('-').map(Number)
  if (year === undefined || month === undefined || day === undefined) return isoDate
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day))
}

export function formatDistance(metres: number, language: string): string {
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 3 }).format(metres / 1000)} km`
}

/** An instant as the event's wall-clock time, hours and minutes (10:42). */
export function formatStart(ms: number, timeZone: string): string {
  return wallTimeAt(ms, timeZone).time.slice(0, 5)
}

