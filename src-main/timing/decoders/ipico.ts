import { problem, type DecoderFormat } from './format'

// IPICO readers' fixed-width lines: "aa", reader (2), tag (12 hex), 4 more, YYMMDDHHMMSS, hundredths
// (2 hex), a checksum (2 hex: the byte sum of everything between "aa" and it), then an optional
// FS/LS (first seen, last seen). Lines that do not start with "aa" are the reader's status.
const readLine = /^aa([0-9a-f]{2})([0-9a-f]{12})[0-9a-f]{4}(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([0-9a-f]{2})([0-9a-f]{2})(FS|LS)?$/i

export const ipico: DecoderFormat = {
  name: 'ipico',
  matches: (line) => readLine.test(line),
  decode(line, clock) {
    if (!/^aa/i.test(line)) return { skip: true }
    const match = readLine.exec(line)
    if (match === null) return problem('This is not an IPICO read: aa, reader, tag, YYMMDDHHMMSS, hundredths, checksum.')
    const sum = [...line.slice(2, 34)].reduce((total, c) => total + c.charCodeAt(0), 0) % 256
    if (sum !== parseInt(match[10] as string, 16)) return problem('The checksum does not match: the line was damaged on its way.', 'checksum')
    const [, reader, tag, yy, mm, dd, h, m, s, hundredthsHex] = match as unknown as string[]
    const hundredths = parseInt(hundredthsHex as string, 16)
    if (hundredths > 99) return problem(`${hundredthsHex} is not a number of hundredths.`, 'time')
    const atMs = clock.wall(`20${yy}-${mm}-${dd}`, `${h}:${m}:${s}.${String(hundredths).padStart(2, '0')}`)
    if (atMs === null) return problem(`20${yy}-${mm}-${dd} ${h}:${m}:${s} is not a date and time.`, 'time')
    return { read: { chip: (tag as string).toUpperCase(), bib: null, atMs, reader: reader ?? null, replayed: false } }
  },
}
