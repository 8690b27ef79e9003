import { z } from 'zod'
import { organiser, pickup, type CommandTable } from './command-spec'
import { id } from './fields'
import { maxBib } from './races'

// Printed documents: bib sheets, pickup lists and envelope labels, made as PDF by a print job.

/** Bib sheet layouts: the paper, and how many bibs share a page. */
export const sheetLayouts = ['a5', 'a6', 'a4x2', 'a4x4', 'letter', 'letterx2'] as const
export type SheetLayout = (typeof sheetLayouts)[number]
/** Label sheets: the paper and its grid of labels (columns × rows). */
export const labelFormats = ['a4-3x7', 'letter-3x10'] as const
export type LabelFormat = (typeof labelFormats)[number]
export const listPapers = ['a4', 'letter'] as const
/** The language of the words printed around names and numbers (headings, "Wave", tab labels). */
export const printLanguages = ['en', 'ko'] as const
export type PrintLanguage = (typeof printLanguages)[number]

const bibNumber = z.int().min(1).max(maxBib)

/** Which runners a bib sheet or label run holds; runners without a bib are never printed. */
const selection = {
  raceId: id.optional(),
  firstBib: bibNumber.optional(),
  lastBib: bibNumber.optional(),
  /** Only runners whose bib, as it would print now, has not been printed (new numbers, corrected names, other waves…). */
  onlyUnprinted: z.boolean().default(false),
  language: z.enum(printLanguages).default('en'),
}

const bibRangeOrder = (s: { firstBib?: number | undefined; lastBib?: number | undefined }): boolean =>
  s.firstBib === undefined || s.lastBib === undefined || s.firstBib <= s.lastBib
const rangeMessage = { message: 'The first bib must not be greater than the last', path: ['lastBib'] }

export const bibSheetsRequest = z
  .strictObject({
    kind: z.literal('sheets'),
    layout: z.enum(sheetLayouts).default('a4x4'),
    ...selection,
    cropMarks: z.boolean().default(true),
    /** A Code 128 barcode beside the QR code, for desks with one-dimensional scanners. */
    code128: z.boolean().default(false),
    /** Tear-off tabs along the bottom edge (bag drop, refreshments…). */
    tabs: z.int().min(0).max(3).default(0),
    /** `stack`: numbers run down the pile of each position on the page, so cut piles are in bib order. */
    order: z.enum(['bib', 'stack']).default('bib'),
  })
  .refine(bibRangeOrder, rangeMessage)

export const pickupListsRequest = z.strictObject({
  kind: z.literal('lists'),
  paper: z.enum(listPapers).default('a4'),
  raceId: id.optional(),
  language: z.enum(printLanguages).default('en'),
})

export const labelsRequest = z
  .strictObject({ kind: z.literal('labels'), format: z.enum(labelFormats).default('a4-3x7'), ...selection })
  .refine(bibRangeOrder, rangeMessage)

/** Result lists in columns, race by race, with the event's header. */
export const resultListsRequest = z.strictObject({
  kind: z.literal('results'),
  paper: z.enum(listPapers).default('a4'),
  raceId: id.optional(),
  language: z.enum(printLanguages).default('en'),
})

/** The award list: the winners of each sex overall and of each category. */
export const awardListsRequest = z.strictObject({
  kind: z.literal('awards'),
  paper: z.enum(listPapers).default('a4'),
  raceId: id.optional(),
  language: z.enum(printLanguages).default('en'),
})

/** A finisher's certificate: one page per finisher of a race, or one runner's by bib. */
export const certificatesRequest = z.strictObject({
  kind: z.literal('certificates'),
  paper: z.enum(listPapers).default('a4'),
  raceId: id.optional(),
  bib: bibNumber.optional(),
  language: z.enum(printLanguages).default('en'),
})

/** Team results race by race, each list with its scoring rule. */
export const teamListsRequest = z.strictObject({
  kind: z.literal('teams'),
  paper: z.enum(listPapers).default('a4'),
  raceId: id.optional(),
  language: z.enum(printLanguages).default('en'),
})

/** Finish tally sheets: numbered lines for the bibs in finish order, with a time column, a sheet per page. */
export const tallySheetsRequest = z.strictObject({
  kind: z.literal('tally'),
  paper: z.enum(listPapers).default('a4'),
  raceId: id,
  /** How many sheets; each holds `linesPerSheet` places, numbered on from sheet to sheet. */
  sheets: z.int().min(1).max(200).default(4),
  firstSheet: z.int().min(1).max(10_000).default(1),
  linesPerSheet: z.union([z.literal(30), z.literal(40), z.literal(50)]).default(50),
  language: z.enum(printLanguages).default('en'),
})

/** Chute cards: one card per finish place, handed to each runner in the finish chute in turn. */
export const chuteCardsRequest = z
  .strictObject({
    kind: z.literal('chute'),
    paper: z.enum(listPapers).default('a4'),
    raceId: id,
    firstPlace: z.int().min(1).max(100_000).default(1),
    lastPlace: z.int().min(1).max(100_000).default(200),
    language: z.enum(printLanguages).default('en'),
  })
  .refine((r) => r.firstPlace <= r.lastPlace && r.lastPlace - r.firstPlace < 5000, {
    message: 'From the first place to the last, at most 5,000 cards',
    path: ['lastPlace'],
  })

export const printRequest = z.discriminatedUnion('kind', [
  bibSheetsRequest,
  pickupListsRequest,
  labelsRequest,
  resultListsRequest,
  awardListsRequest,
  certificatesRequest,
  tallySheetsRequest,
  chuteCardsRequest,
  teamListsRequest,
])
export type PrintRequest = z.output<typeof printRequest>
export type PrintRequestInput = z.input<typeof printRequest>
export type PrintKind = PrintRequest['kind']

export const printPreview = z.object({
  /** The first page as a one-page PDF. */
  pdfBase64: z.string(),
  items: z.int(),
  pages: z.int(),
})

const jobId = z.string().min(1).max(64)
export const printJobInput = z.strictObject({ jobId })

export const printJob = z.object({
  jobId: z.string(),
  kind: z.enum(['sheets', 'lists', 'labels', 'results', 'awards', 'certificates', 'tally', 'chute', 'teams']),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** Bibs, names or labels drawn so far, of `items`. */
  done: z.int(),
  items: z.int(),
  pages: z.int(),
  fileName: z.string(),
  /** Where the finished PDF is downloaded from (with the desk's token); null until done. */
  downloadPath: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
})
export type PrintJob = z.infer<typeof printJob>

export const bibsMarkedPrinted = z.object({ marked: z.int() })

export const printsCommands = {
  // Documents are made by a print job in the background; its status says how far it is and, once
  // done, where to download it (browser) or `prints.open` shows it for printing (desktop).
  'prints.preview': { input: printRequest, output: printPreview, roles: organiser, changes: [] },
  'prints.start': { input: printRequest, output: printJob, roles: organiser, changes: [] },
  // A desk sees only the jobs it started itself (the walk-up's bib).
  'prints.status': { input: printJobInput, output: printJob, roles: pickup, changes: [] },
  'prints.cancel': { input: printJobInput, output: printJob, roles: pickup, changes: [] },
  'prints.open': { input: printJobInput, output: z.object({ jobId: z.string() }), roles: pickup, changes: [] },
  'bibs.markPrinted': { input: printJobInput, output: bibsMarkedPrinted, roles: pickup, changes: ['bibs', 'entrants'] },
} as const satisfies CommandTable
