import { problem, tagOf, type DecoderFormat } from './format'

// Wiclax acquisition lines: the chip, "dd-mm-yyyy HH:MM:SS.mmm", the reader, and a rewind flag
// (1: a read sent again), separated by semicolons, commas or tabs.
const readLine = /^"?([0-9A-Za-z]+)"?[;,\t]"?(\d{2})-(\d{2})-(\d{4}) (\d{1,2}:\d{2}:\d{2}(?:\.\d{1,6})?)"?(?:[;,\t]"?([^;,\t"]*)"?)?(?:[;,\t]"?([01])"?)?\s*$/

export const wiclax: DecoderFormat = {
  name: 'wiclax',
  matches: (line) => readLine.test(line),
  decode(line, clock) {
    const match = readLine.exec(line)
    if (match === null) return problem('This is not a Wiclax read: chip;dd-mm-yyyy HH:MM:SS.mmm;reader;rewind.')
    const [, tag, day, month, year, time = '', reader, rewind] = match
    const chip = tagOf(tag)
    if (chip === null) return problem(`"${tag}" is not a chip.`, 'chip')
    const atMs = clock.wall(`${year}-${month}-${day}`, time)
    if (atMs === null) return problem(`${day}-${month}-${year} ${time} is not a date and time.`, 'time')
    return { read: { chip, bib: null, atMs, reader: reader?.trim() || null, replayed: rewind === '1' } }
  },
}
