import { chronoTrack } from './chronotrack'
import type { DecodedRead, DecoderClock, DecoderFormat, DecoderFormatName } from './format'
import { impinj } from './impinj'
import { ipico } from './ipico'
import { jchip } from './jchip'
import { mylaps } from './mylaps'
import { raceResult, trackBox } from './race-result'
import { ultra, ultraFile } from './ultra'
import { wiclax } from './wiclax'

/** Most particular first: a Track Box line is also a RACE RESULT line, and a tie goes to the first. */
const formats: readonly DecoderFormat[] = [ipico, mylaps, jchip, trackBox, raceResult, ultra, ultraFile, wiclax, impinj, chronoTrack]

export const decoderFormat = (name: DecoderFormatName): DecoderFormat => formats.find((f) => f.name === name) as DecoderFormat

const sampleLines = 200

/** The lines of a decoder's file, without the blank ones and comments; numbered as in the file. */
export function decoderLines(text: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = []
  let at = 0
  let number = 1
  while (at <= text.length) {
    let end = text.indexOf('\n', at)
    if (end < 0) end = text.length
    const line = text
      .slice(at, end)
      .replace(/\r$/, '')
      .replace(/^\uFEFF/, '')
      .trim()
    if (line !== '' && !line.startsWith('#')) lines.push({ line: number, text: line })
    at = end + 1
    number++
  }
  return lines
}

/**
 * The decoder format most of the file's first lines are written in, or null (a table with a header
 * row, read through the mapping). Half the lines must be reads of the format: a reader's status
 * lines may be among them.
 */
export function recogniseDecoder(lines: readonly { text: string }[]): DecoderFormat | null {
  const sample = lines.slice(0, sampleLines)
  if (sample.length === 0) return null
  let best: { format: DecoderFormat; count: number } | null = null
  for (const format of formats) {
    const count = sample.filter((l) => format.matches(l.text)).length
    if (count > (best?.count ?? 0)) best = { format, count }
  }
  return best !== null && best.count * 2 >= sample.length ? best.format : null
}

export interface DecodedFile {
  reads: (DecodedRead & { line: number })[]
  rejected: { row: number; field: string; code: string; message: string; value?: string }[]
  /** Lines that are the decoder's own (status, markers): not reads, not problems. */
  skipped: number
  /** Some times count from the decoder's power-on and nobody said when that was. */
  needsAnchor: boolean
}

const problemCodes = { line: 'NOT_A_READ', time: 'BAD_TIME', chip: 'BAD_CHIP', checksum: 'CHECKSUM' } as const

export function decodeLines(lines: readonly { line: number; text: string }[], format: DecoderFormat, clock: DecoderClock): DecodedFile {
  const file: DecodedFile = { reads: [], rejected: [], skipped: 0, needsAnchor: false }
  for (const { line, text } of lines) {
    const decoded = format.decode(text, clock)
    if ('read' in decoded) file.reads.push({ ...decoded.read, line })
    else if ('skip' in decoded) file.skipped++
    else {
      if (decoded.needsAnchor === true) file.needsAnchor = true
      file.rejected.push({
        row: line,
        field: decoded.field,
        code: decoded.needsAnchor === true ? 'NEEDS_ANCHOR' : problemCodes[decoded.field],
        message: decoded.problem,
        value: text.slice(0, 120),
      })
    }
  }
  return file
}
