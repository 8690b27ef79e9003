import type { DecoderFormatName } from '../../../src-shared/contract/timing'

export type { DecoderFormatName }

/** How a decoder's time reads as an instant: the event's zone, and when the decoder was switched on (for time since power-on). */
export interface DecoderClock {
  /** A wall time (YYYY-MM-DD, HH:MM:SS.ffffff) in the event's zone, as an instant; null if there is no such time. */
  wall(date: string, time: string): number | null
  eventDate: string
  /** The instant a decoder counting from power-on was switched on; null when nobody said. */
  anchorMs: number | null
}

export interface DecodedRead {
  chip: string
  bib: number | null
  atMs: number
  reader: string | null
  /** A read the decoder sent again (a rewind): kept once. */
  replayed: boolean
}

export type DecodedLine =
  | { read: DecodedRead }
  /** A status, header or marker line: not a read, and not a problem. */
  | { skip: true }
  | { problem: string; field: 'line' | 'time' | 'chip' | 'checksum'; needsAnchor?: true }

export interface DecoderFormat {
  name: DecoderFormatName
  /** Whether a line is one of this format's reads (a file is recognised by most of its lines). */
  matches(line: string): boolean
  decode(line: string, clock: DecoderClock): DecodedLine
  /** Its times count from power-on unless a line says the date (RACE RESULT's 0000-00-00). */
  mayNeedAnchor?: boolean
}

export const problem = (message: string, field: 'line' | 'time' | 'chip' | 'checksum' = 'line'): DecodedLine => ({ problem: message, field })

/** H:MM:SS(.ffffff) with hours past 24 (time since power-on), in ms; null if it is not one. */
export function durationMs(text: string): number | null {
  const match = /^(\d{1,5}):(\d{2}):(\d{2})(?:[.,](\d{1,6}))?$/.exec(text.trim())
  if (match === null) return null
  const [, h = '', m = '', s = '', fraction = ''] = match
  if (Number(m) > 59 || Number(s) > 59) return null
  return (Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000 + Math.round(Number(`0.${fraction || '0'}`) * 1000)
}

/** The date of a count of seconds since a local midnight epoch, as the wall date and time it names. */
export function wallOfSeconds(epochUtcMs: number, seconds: number, millis: number): { date: string; time: string } {
  const iso = new Date(epochUtcMs + seconds * 1000).toISOString()
  return { date: iso.slice(0, 10), time: `${iso.slice(11, 19)}.${String(millis).padStart(3, '0')}` }
}

/** A tag as the decoder wrote it, or null when it is not one (blank, or characters no tag has). */
export function tagOf(text: string | undefined): string | null {
  const tag = (text ?? '').trim().replace(/^"|"$/g, '')
  return /^[0-9A-Za-z_-]{1,64}$/.test(tag) ? tag : null
}

export const bibOf = (text: string | undefined): number | null => {
  const value = (text ?? '').trim()
  return /^\d{1,7}$/.test(value) && Number(value) > 0 ? Number(value) : null
}
