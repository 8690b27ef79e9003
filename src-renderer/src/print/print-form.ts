import type { LabelFormat, PrintKind, PrintLanguage, PrintRequestInput, SheetLayout } from '../../../src-shared/contract/prints'

/** What the print panel's controls hold, as typed; `toPrintRequest` makes a command input of it. */
export interface PrintForm {
  kind: PrintKind
  raceId: number | null
  layout: SheetLayout
  format: LabelFormat
  paper: 'a4' | 'letter'
  /** "101-250", "2000-" or empty for every bib. */
  bibs: string
  onlyUnprinted: boolean
  tabs: number
  code128: boolean
  cropMarks: boolean
  /** Number down each stack of a several-to-a-page layout, for cutting. */
  stack: boolean
  language: PrintLanguage
}

export function initialPrintForm(language: PrintLanguage): PrintForm {
  return {
    kind: 'sheets',
    raceId: null,
    layout: 'a4x4',
    format: 'a4-3x7',
    paper: 'a4',
    bibs: '',
    onlyUnprinted: false,
    tabs: 0,
    code128: false,
    cropMarks: true,
    stack: false,
    language,
  }
}

/** "101-250" → both ends, "2000-" → from 2000 on, "-99" → up to 99, "7" → just 7, "" → all; null when unreadable. */
export function readBibSpan(text: string): { firstBib?: number; lastBib?: number } | null {
  const trimmed = text.trim()
  if (trimmed === '') return {}
  const match = /^(\d{1,7})?\s*(?:([-–])\s*(\d{1,7})?)?$/.exec(trimmed)
  if (match === null || (match[1] === undefined && match[3] === undefined)) return null
  const first = match[1] === undefined ? undefined : Number(match[1])
  const last = match[2] === undefined ? first : match[3] === undefined ? undefined : Number(match[3])
  if ((first !== undefined && first < 1) || (first !== undefined && last !== undefined && last < first)) return null
  return { ...(first !== undefined && { firstBib: first }), ...(last !== undefined && { lastBib: last }) }
}

/** The command input for the form, or null while the bib span cannot be read. */
export function toPrintRequest(form: PrintForm): PrintRequestInput | null {
  const race = form.raceId === null ? {} : { raceId: form.raceId }
  if (form.kind === 'lists') return { kind: 'lists', paper: form.paper, language: form.language, ...race }
  const span = readBibSpan(form.bibs)
  if (span === null) return null
  const selection = { ...race, ...span, onlyUnprinted: form.onlyUnprinted, language: form.language }
  if (form.kind === 'labels') return { kind: 'labels', format: form.format, ...selection }
  return {
    kind: 'sheets',
    layout: form.layout,
    tabs: form.tabs,
    code128: form.code128,
    cropMarks: form.cropMarks,
    order: form.stack ? 'stack' : 'bib',
    ...selection,
  }
}
