import { problem, tagOf, type DecoderFormat } from './format'

// ChronoTrack raw reads: the tag, the instant as epoch seconds with hundredths, then the reader or
// antenna; separated by commas, tildes, semicolons or tabs, several rows for one crossing (the
// passing is taken from them as from any reads). A location may lead the row.
const readLine = /^(?:[^,~;\t]+[,~;\t])?"?([0-9A-Za-z]+)"?[,~;\t]"?(\d{9,10}\.\d{1,3})"?(?:[,~;\t]"?([^,~;\t"]*)"?)?/

export const chronoTrack: DecoderFormat = {
  name: 'chronotrack',
  matches: (line) => readLine.test(line),
  decode(line) {
    const match = readLine.exec(line)
    if (match === null) return problem('This is not a ChronoTrack read: tag, epoch seconds with hundredths, reader.')
    const chip = tagOf(match[1])
    if (chip === null) return problem(`"${match[1]}" is not a chip.`, 'chip')
    return { read: { chip, bib: null, atMs: Math.round(Number(match[2]) * 1000), reader: match[3]?.trim() || null, replayed: false } }
  },
}
