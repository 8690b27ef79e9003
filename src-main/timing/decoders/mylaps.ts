import { problem, tagOf, type DecodedLine, type DecoderFormat } from './format'

// MYLAPS (AMB) ASCII messages: "source@Passing@t=HH:MM:SS.mmm|c=chip|d=YYMMDD|…@…@$", one or more
// records between "@", fields split by "|", the message ended by "$". "Store" records are passings
// the decoder sends again from its memory; "Marker", "Ping" and the rest are not passings.
const passingMessage = /^[^@]*@(Passing|Store)@.*\$$/

export const mylaps: DecoderFormat = {
  name: 'mylaps',
  matches: (line) => passingMessage.test(line),
  decode(line, clock): DecodedLine {
    if (!line.endsWith('$') || !line.includes('@')) return /@/.test(line) ? problem('The message does not end with $: it was cut off.') : { skip: true }
    const [source = '', kind = '', ...records] = line.slice(0, -1).split('@')
    if (kind !== 'Passing' && kind !== 'Store') return { skip: true }
    const fields = new Map(
      records
        .find((r) => r.includes('c=') && r.includes('t='))
        ?.split('|')
        .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as const) ?? [],
    )
    const chip = tagOf(fields.get('c'))
    if (chip === null) return problem('The passing has no chip (c=).', 'chip')
    const date = /^(\d{2})(\d{2})(\d{2})$/.exec(fields.get('d') ?? '')
    const time = fields.get('t') ?? ''
    const atMs = clock.wall(date === null ? clock.eventDate : `20${date[1]}-${date[2]}-${date[3]}`, time)
    if (atMs === null) return problem(`"${time}" is not a time of day.`, 'time')
    return { read: { chip, bib: null, atMs, reader: source.trim() || null, replayed: kind === 'Store' } }
  },
}
