import { wallTimeAt } from '../../../src-shared/time/zoned'

export function formatEventDate(isoDate: string, language: string): string {
  const [year, month, day] = isoDate.split('-').map(Number)
  if (year === undefined || month === undefined || day === undefined) return isoDate
  return new Intl.DateTimeFormat(dateLocales[language] ?? language, { dateStyle: 'full', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day))
}

export function formatDistance(metres: number, language: string): string {
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 3 }).format(metres / 1000)} km`
}

/** An instant as the event's wall-clock time, hours and minutes (10:42). */
export function formatStart(ms: number, timeZone: string): string {
  return wallTimeAt(ms, timeZone).time.slice(0, 5)
}

// English on these screens is written for the whole world: day, month in letters, year (6 Apr 2025),
// never the US order (4/6/25) a bare 'en' would give.
const dateLocales: Record<string, string> = { en: 'en-GB' }

/** An instant as a date and time in the event's zone, in the screen's language: "6 Apr 2025, 10:42:13" / "2025. 4. 6. 오전 10:42:13". */
export function dateTimeFormat(language: string, timeZone: string, seconds = true): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(dateLocales[language] ?? language, {
    day: 'numeric',
    month: language === 'en' ? 'short' : 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds && { second: '2-digit' }),
    timeZone,
  })
}

/** A calendar date (a birth date) in the screen's language: "18 Jan 1986" / "1986. 1. 18.". */
export function formatDate(isoDate: string, language: string): string {
  const [year, month, day] = isoDate.split('-').map(Number)
  if (year === undefined || month === undefined || day === undefined) return isoDate
  return new Intl.DateTimeFormat(dateLocales[language] ?? language, {
    day: 'numeric',
    month: language === 'en' ? 'short' : 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, day))
}
