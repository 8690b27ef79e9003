import { durationMs, problem, tagOf, type DecodedLine, type DecoderClock, type DecoderFormat } from './format'

// RACE RESULT decoder passings, as its decoder protocol sends them and as they are saved:
// "passingNo;transponder;date;time;eventId;hits;maxRssi;internalData;isActive;channel;loopId;
// loopOnly;wakeupCounter;battery;temperature;internalActiveData;boxName;fileNumber;…".
// A date of 0000-00-00 means the decoder had no time of day yet: the time counts from power-on.
const passingLine = /^\d+;[0-9A-Za-z]+;(\d{4}-\d{2}-\d{2});(\d{1,5}:\d{2}:\d{2}(?:\.\d{1,6})?)(?:;|$)/
const trackBoxName = /track ?box/i

function decodePassing(line: string, clock: DecoderClock, utc: boolean): DecodedLine {
  const match = passingLine.exec(line)
  if (match === null) return /^\d+;/.test(line) ? problem('This is not a passing: passingNo;transponder;date;time;…') : { skip: true }
  const fields = line.split(';')
  const chip = tagOf(fields[1])
  if (chip === null) return problem(`"${fields[1]}" is not a transponder.`, 'chip')
  const [, date = '', time = ''] = match
  const boxName = fields[16]?.trim() || null
  if (date === '0000-00-00') {
    const since = durationMs(time)
    if (since === null) return problem(`"${time}" is not a time since the decoder started.`, 'time')
    if (clock.anchorMs === null)
      return { problem: 'This time counts from when the decoder was switched on: say when that was.', field: 'time', needsAnchor: true }
    return { read: { chip, bib: null, atMs: clock.anchorMs + since, reader: boxName, replayed: false } }
  }
  const atMs = utc ? Date.parse(`${date}T${time.padStart(12, '0').slice(0, 12)}Z`) : clock.wall(date, time)
  if (atMs === null || Number.isNaN(atMs)) return problem(`"${date} ${time}" is not a date and time.`, 'time')
  return { read: { chip, bib: null, atMs, reader: boxName, replayed: false } }
}

export const raceResult: DecoderFormat = {
  name: 'raceresult',
  matches: (line) => passingLine.test(line),
  decode: (line, clock) => decodePassing(line, clock, false),
  mayNeedAnchor: true,
}

/** A Track Box writes the same passings in UTC; its box name says which it is. */
export const trackBox: DecoderFormat = {
  name: 'trackbox',
  matches: (line) => passingLine.test(line) && trackBoxName.test(line.split(';')[16] ?? ''),
  decode: (line, clock) => decodePassing(line, clock, true),
  mayNeedAnchor: true,
}
