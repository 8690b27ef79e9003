export type DateOrder = 'dmy' | 'mdy'

/** What the date column says about its own order: proven by a row, or not knowable. */
export type DateOrderEvidence =
  { kind: 'proven'; order: DateOrder } | { kind: 'ambiguous' } | { kind: 'contradictory'; dmyRow: number; mdyRow: number } | { kind: 'none' }

// A time after the date is left aside: platforms export "10/25/2024 6:01:57 AM" for a plain date.
const numeric = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:[T ].*)?$/
const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\.?(?:[T ].*)?$/
/** Korean platforms' 생년월일 as digits alone: YYMMDD (870605) or YYYYMMDD (19870605). */
const compact = /^(\d{2}|\d{4})(\d{2})(\d{2})$/
/** Written out in Korean: 1987년 6월 5일. */
const korean = /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일$/

/** Reads the whole column first: one row with a first part above 12 proves D/M/Y, and so on. */
export function dateOrderEvidence(values: { row: number; text: string }[]): DateOrderEvidence {
  let dmyRow: number | null = null
  let mdyRow: number | null = null
  let ambiguous = false
  for (const { row, text } of values) {
    const match = numeric.exec(text.trim())
    if (match === null) continue
    const [a, b] = [Number(match[1]), Number(match[2])]
    if (a > 12 && b <= 12) dmyRow ??= row
    else if (b > 12 && a <= 12) mdyRow ??= row
    else if (a !== b) ambiguous = true
  }
  if (dmyRow !== null && mdyRow !== null) return { kind: 'contradictory', dmyRow, mdyRow }
  if (dmyRow !== null) return { kind: 'proven', order: 'dmy' }
  if (mdyRow !== null) return { kind: 'proven', order: 'mdy' }
  return ambiguous ? { kind: 'ambiguous' } : { kind: 'none' }
}

/**
 * A birth date as YYYY-MM-DD, or null when the text is no real date. Takes ISO dates (and
 * YYYY.MM.DD), D/M/Y and M/D/Y (in the order given, a time after them left aside), two-digit
 * years (as the most recent past century), Excel serial day numbers, and Korean platforms'
 * YYMMDD, YYYYMMDD and 1987년 6월 5일.
 */
export function readDate(text: string, order: DateOrder | null, today: string): string | null {
  const value = text.trim()
  const isoMatch = iso.exec(value)
  if (isoMatch !== null) return validDate(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]))
  const match = numeric.exec(value)
  if (match !== null) {
    const [a, b] = [Number(match[1]), Number(match[2])]
    // With no order known, only a date that proves its own order is read.
    const effective = order ?? (a === b || a > 12 ? 'dmy' : b > 12 ? 'mdy' : null)
    if (effective === null) return null
    const [day, month] = effective === 'dmy' ? [a, b] : [b, a]
    return validDate(fullYear(match[3] as string, today), month, day)
  }
  if (/^\d{4,5}(\.0+)?$/.test(value)) return excelSerialDate(Number(value))
  const compactMatch = compact.exec(value)
  if (compactMatch !== null) return validDate(fullYear(compactMatch[1] as string, today), Number(compactMatch[2]), Number(compactMatch[3]))
  const koreanMatch = korean.exec(value)
  if (koreanMatch !== null) return validDate(Number(koreanMatch[1]), Number(koreanMatch[2]), Number(koreanMatch[3]))
  return null
}

function fullYear(text: string, today: string): number {
  if (text.length === 4) return Number(text)
  const thisYear = Number(today.slice(0, 4))
  const year = 2000 + Number(text)
  return year > thisYear ? year - 100 : year
}

function validDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  // Written out by hand: a 50,000-row import reads as many dates, and a Date object for each is slow.
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
function excelSerialDate(serial: number): string | null {
  if (serial < 1 || serial > 73050) return null
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10)
}
