import { problem, type DecoderFormat } from './format'

// Impinj readers as bridge software logs them: the tag in hex, then the time as
// "Www Mmm DD HH:MM:SS.ffffff" (microseconds) and the date (YYYY-MM-DD, or the year after the
// time), then the antenna if any. A time of day in the event's zone.
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const readLine =
  /^"?([0-9A-Fa-f]{4,64})"?[,\t]\s*"?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\d{1,2}) (\d{1,2}:\d{2}:\d{2}(?:\.\d{1,6})?)(?: [A-Z]{3,5})?(?: (\d{4}))?"?(?:[,\t]\s*"?(\d{4})-(\d{2})-(\d{2})"?)?(?:[,\t]\s*"?(\d{1,2})"?)?/

export const impinj: DecoderFormat = {
  name: 'impinj',
  matches: (line) => readLine.test(line),
  decode(line, clock) {
    const match = readLine.exec(line)
    if (match === null) return problem('This is not an Impinj read: tag, "Www Mmm DD HH:MM:SS.ffffff", date.')
    const [, tag = '', month = '', day = '', time = '', trailingYear, year = trailingYear, dateMonth, dateDay, antenna] = match
    if (year === undefined) return problem('The read has no year: the date is missing.', 'time')
    const monthNumber = String(months.indexOf(month) + 1).padStart(2, '0')
    // The date column is the day the reader's log was written: it wins over the time's own day.
    const date = dateMonth !== undefined && dateDay !== undefined ? `${year}-${dateMonth}-${dateDay}` : `${year}-${monthNumber}-${day.padStart(2, '0')}`
    const atMs = clock.wall(date, time)
    if (atMs === null) return problem(`${date} ${time} is not a date and time.`, 'time')
    return { read: { chip: tag.toUpperCase(), bib: null, atMs, reader: antenna ?? null, replayed: false } }
  },
}
