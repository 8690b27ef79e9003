// reads.import.250k.<format>: the same quarter of a million reads written as each decoder writes
// its own file, imported with no mapping step.
import type { Session } from '../src-shared/contract'
import { decoderFormats, type DecoderFormatName } from '../src-shared/contract/timing'
import { uploadThroughRouter } from '../src-main/cli/upload'
import { openOffice } from '../src-main/office/office'

const organiser: Session = { role: 'organiser', actor: 'bench', desk: 'bench' }
const zoneMs = 9 * 3_600_000
const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export interface BenchRead {
  bib: number
  atMs: number
}

/** Each runner's chip: what the chip file says (the decoders add leading zeros where they pad). */
export const chipOf = (bib: number): string => (0x100000 + bib).toString(16).toUpperCase()

function wallParts(atMs: number) {
  const local = new Date(atMs + zoneMs)
  const iso = local.toISOString()
  return { local, date: iso.slice(0, 10), time: iso.slice(11, 23), hundredths: Math.floor(local.getUTCMilliseconds() / 10) }
}

const writers: Record<DecoderFormatName, (read: BenchRead, i: number) => string> = {
  ultra(r, i) {
    const local = r.atMs + zoneMs - Date.UTC(1980, 0, 1)
    return `0,${chipOf(r.bib)},${Math.floor(local / 1000)},${local % 1000},1,-55,0,1,0,0,0,${i}`
  },
  'ultra-file': (r) => {
    const { date, time } = wallParts(r.atMs)
    return `1,${chipOf(r.bib)},,"${date} ${time}",1,1`
  },
  raceresult: (r, i) => {
    const { date, time } = wallParts(r.atMs)
    return `${i + 1};${chipOf(r.bib)};${date};${time};1;5;-60;0;0;1;1;0;0;0;0;0;Finish;1`
  },
  trackbox: (r, i) => {
    const iso = new Date(r.atMs).toISOString()
    return `${i + 1};${chipOf(r.bib)};${iso.slice(0, 10)};${iso.slice(11, 23)};1;5;-60;0;1;1;1;0;0;0;0;0;Track Box 1;1`
  },
  impinj: (r) => {
    const { local, date, time } = wallParts(r.atMs)
    const day = `${weekdays[local.getUTCDay()]} ${months[local.getUTCMonth()]} ${String(local.getUTCDate()).padStart(2, '0')}`
    return `${chipOf(r.bib).padStart(24, '0')},${day} ${time}000,${date},1`
  },
  jchip: (r) => `DA${chipOf(r.bib)} ${wallParts(r.atMs).time}000 10  10000C`,
  chronotrack: (r) => `FINISH,${chipOf(r.bib)},${(r.atMs / 1000).toFixed(2)},1`,
  ipico: (r) => {
    const { date, time, hundredths } = wallParts(r.atMs)
    const stamp = `${date.slice(2).replaceAll('-', '')}${time.slice(0, 8).replaceAll(':', '')}`
    const body = `01${chipOf(r.bib).padStart(12, '0').toLowerCase()}0a2a${stamp}${hundredths.toString(16).padStart(2, '0')}`
    const sum = [...body].reduce((total, c) => total + c.charCodeAt(0), 0) % 256
    return `aa${body}${sum.toString(16).padStart(2, '0')}`
  },
  mylaps: (r, i) => {
    const { date, time } = wallParts(r.atMs)
    return `Finish@Passing@t=${time}|c=${chipOf(r.bib)}|ct=UH|d=${date.slice(2).replaceAll('-', '')}|l=1|dv=1|re=0|an=00000001|g=0|b=40|n=${i}@${i}@$`
  },
  wiclax: (r) => {
    const { date, time } = wallParts(r.atMs)
    return `${chipOf(r.bib)};${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)} ${time};1;0`
  },
}

export const decoderFile = (format: DecoderFormatName, reads: readonly BenchRead[]): string => `${reads.map((r, i) => writers[format](r, i)).join('\r\n')}\r\n`

/** Every format's file imported into its own copy of the event (with the chip file), timed from upload to report. */
export async function importDecoderFiles(eventPath: (format: DecoderFormatName) => Promise<string>, reads: readonly BenchRead[], runners: number) {
  const chipCsv = `Chip,Bib\n${Array.from({ length: runners }, (_, i) => `${chipOf(i + 1)},${i + 1}`).join('\n')}\n`
  const figures: { format: DecoderFormatName; ms: number }[] = []
  for (const format of decoderFormats) {
    const office = await openOffice(await eventPath(format))
    try {
      const chips = await uploadThroughRouter(office.router, organiser, Buffer.from(chipCsv), 'chips.csv')
      if (!chips.ok) throw new Error(chips.message)
      const chipped = await office.router.call('chips.import', { id: chips.id }, organiser)
      if (!chipped.ok) throw new Error(chipped.error.message)
      const file = Buffer.from(decoderFile(format, reads))
      const start = performance.now()
      const uploaded = await uploadThroughRouter(office.router, organiser, file, `reads.${format}.txt`)
      if (!uploaded.ok) throw new Error(uploaded.message)
      const result = await office.router.call('reads.import', { id: uploaded.id, point: 'finish' }, organiser)
      const ms = performance.now() - start
      if (!result.ok) throw new Error(`${format}: ${result.error.message}`)
      if (result.value.format !== format) throw new Error(`${format} was read as ${result.value.format}`)
      if (result.value.imported !== reads.length || result.value.unknownChips.length > 0)
        throw new Error(`${format}: imported ${result.value.imported} of ${reads.length}, ${result.value.unknownChips.length} unknown chips`)
      figures.push({ format, ms })
    } finally {
      await office.close()
    }
  }
  return figures
}
