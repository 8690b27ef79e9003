import { bibOf, problem, tagOf, wallOfSeconds, type DecoderClock, type DecoderFormat } from './format'

// RFID Race Timing Systems' Ultra and Joey. Its stream and log: "0,chip,seconds,ms,antenna,rssi,
// rewind,reader,ultraId,readerTime,startTime,logId", seconds counted from 1980-01-01 in the
// reader's own local time; rewind 1 marks a read sent again.
const streamLine = /^\d,[0-9A-Za-z]+,\d{1,10},\d{1,3},\d+,-?\d+,[01](?:,|$)/
const since1980 = Date.UTC(1980, 0, 1)
/** The instant each wall-clock hour of a reader began, per event clock: the zone is looked up once an hour, not once a read. */
const hourStarts = new WeakMap<DecoderClock, Map<number, number | null>>()

function instantOf(clock: DecoderClock, seconds: number, millis: number): number | null {
  let hours = hourStarts.get(clock)
  if (hours === undefined) hourStarts.set(clock, (hours = new Map()))
  const hour = Math.floor(seconds / 3600)
  let start = hours.get(hour)
  if (start === undefined) {
    const { date, time } = wallOfSeconds(since1980, hour * 3600, 0)
    start = clock.wall(date, time)
    hours.set(hour, start)
  }
  return start === null ? null : start + (seconds - hour * 3600) * 1000 + millis
}

export const ultra: DecoderFormat = {
  name: 'ultra',
  matches: (line) => streamLine.test(line),
  decode(line, clock) {
    if (!streamLine.test(line)) return /^\d/.test(line) ? problem('This is not an Ultra read: 0,chip,seconds,ms,antenna,rssi,rewind,reader…') : { skip: true }
    const [, chipText, seconds = '', millis = '', , , rewind, reader] = line.split(',')
    const chip = tagOf(chipText)
    if (chip === null) return problem(`"${chipText}" is not a chip.`, 'chip')
    if (Number(millis) > 999) return problem(`${millis} is not a number of milliseconds.`, 'time')
    const atMs = instantOf(clock, Number(seconds), Number(millis))
    if (atMs === null) return problem(`${seconds} s after 1980 is not a time in the event's zone.`, 'time')
    return { read: { chip, bib: null, atMs, reader: reader?.trim() || null, replayed: rewind === '1' } }
  },
}

// Its file and outreach form: "antenna,chip,bib,"HH:MM:SS.mmm",reader,antenna", the time with or
// without its date (YYYY-MM-DD); a bib the Ultra already knew may be in the third field.
const fileLine = /^\d+,"?[0-9A-Za-z]+"?,\d*,"?(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}:\d{2}:\d{2}(?:\.\d{1,6})?)"?(?:,|$)/

export const ultraFile: DecoderFormat = {
  name: 'ultra-file',
  matches: (line) => fileLine.test(line),
  decode(line, clock) {
    const match = fileLine.exec(line)
    if (match === null) return problem('This is not an Ultra file line: antenna,chip,bib,"HH:MM:SS.mmm",reader.')
    const fields = line.split(',')
    const chip = tagOf(fields[1])
    if (chip === null) return problem(`"${fields[1]}" is not a chip.`, 'chip')
    const atMs = clock.wall(match[1] ?? clock.eventDate, match[2] as string)
    if (atMs === null) return problem(`"${match[2]}" is not a time of day.`, 'time')
    return { read: { chip, bib: bibOf(fields[2]), atMs, reader: fields[4]?.trim() || null, replayed: false } }
  },
}
