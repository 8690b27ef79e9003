import { problem, type DecoderFormat } from './format'

// JChip readers: "DA<tag> HH:MM:SS.ffffff …", a time of day on the event date. Other lines (the
// reader's status, its clock, its version) are not reads.
const readLine = /^DA([0-9A-Z]+)\s+(\d{1,2}:\d{2}:\d{2}(?:\.\d{1,6})?)(?:\s|$)/i

export const jchip: DecoderFormat = {
  name: 'jchip',
  matches: (line) => readLine.test(line),
  decode(line, clock) {
    if (!/^DA/i.test(line)) return { skip: true }
    const match = readLine.exec(line)
    if (match === null) return problem('This is not a JChip read: DA<tag> HH:MM:SS.ffffff.')
    const atMs = clock.wall(clock.eventDate, match[2] as string)
    if (atMs === null) return problem(`"${match[2]}" is not a time of day.`, 'time')
    return { read: { chip: (match[1] as string).toUpperCase(), bib: null, atMs, reader: null, replayed: false } }
  },
}
