// Times typed from a stopwatch tape or a paper sheet, read one documented way on the desk, in the
// office and in timer files (see the README's finish-line section):
//   1:23:45   45:12   1:23:45.6   (colons, and a point before tenths, hundredths or thousandths)
//   12345 → 1:23:45   4512 → 45:12   512 → 5:12   12345.67 → 1:23:45.67
// Digits alone are read from the right: two for the seconds, two for the minutes, the rest hours.
// A bib may lead the line, apart from the time by a space, a tab, a comma or a semicolon.

const colonTime = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:\.(\d{1,3}))?$/
const digitsTime = /^(\d{1,7})(?:\.(\d{1,3}))?$/

const fractionMs = (digits: string | undefined): number => (digits === undefined ? 0 : Math.round(Number(`0.${digits}`) * 1000))

/** Milliseconds of a typed time, or null when it is not one (minutes or seconds past 59). */
export function parseTypedTime(text: string): number | null {
  const value = text.trim()
  const colons = colonTime.exec(value)
  if (colons !== null) {
    const [, h, m = '', s = '', fraction] = colons
    if (Number(s) > 59 || Number(m) > 59 || s.length !== 2) return null
    return ((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s)) * 1000 + fractionMs(fraction)
  }
  const digits = digitsTime.exec(value)
  if (digits === null) return null
  const [, whole = '', fraction] = digits
  const s = Number(whole.slice(-2))
  const m = Number(whole.slice(-4, -2) || '0')
  const h = Number(whole.slice(0, -4) || '0')
  if (s > 59 || m > 59) return null
  return ((h * 60 + m) * 60 + s) * 1000 + fractionMs(fraction)
}

export type TypedLine = { ok: true; bib: number | null; timeMs: number } | { ok: false; problem: 'empty' | 'time' | 'bib'; text: string }

const lineParts = /^(?:(\S+?)\s*[\s,;]\s*)?(\S+)$/

/** One line of a tape: `1:23:45`, `12345`, or a bib first: `215 1:23:45`. */
export function parseTypedLine(text: string): TypedLine {
  const value = text.trim()
  if (value === '') return { ok: false, problem: 'empty', text }
  const parts = lineParts.exec(value)
  if (parts === null) return { ok: false, problem: 'time', text }
  const [, bibText, timeText = ''] = parts
  const timeMs = parseTypedTime(timeText)
  if (timeMs === null) return { ok: false, problem: 'time', text }
  if (bibText === undefined) return { ok: true, bib: null, timeMs }
  if (!/^\d{1,7}$/.test(bibText) || Number(bibText) < 1) return { ok: false, problem: 'bib', text }
  return { ok: true, bib: Number(bibText), timeMs }
}

/** A pasted column (or block) of lines, blank lines left out. */
export function parseTypedLines(text: string): TypedLine[] {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .map(parseTypedLine)
}

/** The shortest way to type a time by the digits rule: 0:45:12 → 4512, 1:23:45.60 → 12345.6. */
export function typedDigitsOf(ms: number): string {
  const total = Math.floor(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const fraction = String(ms % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '')
  const whole = h > 0 ? `${h}${String(m).padStart(2, '0')}${String(s).padStart(2, '0')}` : m > 0 ? `${m}${String(s).padStart(2, '0')}` : String(s)
  return fraction === '' ? whole : `${whole}.${fraction}`
}

/** A line of digits alone as long as the desk's "Enter by itself" setting goes in without Enter (0: never). */
export function entersByItself(text: string, autoDigits: number): boolean {
  return autoDigits > 0 && text.length === autoDigits && /^\d+$/.test(text)
}
