import { z } from 'zod'
import { organiser, type CommandTable } from './command-spec'

/** What a column of a registration file can be read as. `skip` leaves a column out. */
export const importFields = [
  'ref',
  'race',
  'givenName',
  'familyName',
  'fullName',
  'secondName',
  'sex',
  'birthDate',
  'age',
  'nationality',
  'club',
  /** A team apart from the club (a company, friends): teams score by it where the race says so. */
  'team',
  /** The organiser's division (wheelchair, corporate): a name per cell, several split by ; — or a yes/no column named after its division. */
  'division',
  'email',
  'phone',
  'emergencyName',
  'emergencyPhone',
  'shirtSize',
  'bib',
  'predictedTime',
  'wave',
  /** A platform's removed or cancelled flag (True/False, Yes/No, 1/0): a removed registration is no runner. */
  'removed',
] as const
export type ImportField = (typeof importFields)[number]

/** Column index (0-based) for each field the file has; fields left out are not in the file. */
export const columnMapping = z.partialRecord(z.enum(importFields), z.int().min(0).max(999))
export type ColumnMapping = z.infer<typeof columnMapping>

export const dateOrder = z.enum(['dmy', 'mdy'])

/**
 * What becomes of a row that looks like a runner already in the event: left out, written over
 * that runner's registration details (never bib or check-in), or added as someone else.
 */
export const duplicateActions = ['skip', 'update', 'add'] as const
export const duplicateAction = z.enum(duplicateActions)
export type DuplicateAction = z.infer<typeof duplicateAction>
/** Skipping changes nothing already in the event and gives nobody a second bib. */
export const defaultDuplicateAction: DuplicateAction = 'skip'

export const importOptions = {
  /** Column mapping as confirmed; left out, the remembered or guessed one is used. */
  mapping: columnMapping.optional(),
  /** How to read D/M/Y-or-M/D/Y dates when no row proves it. */
  dateOrder: dateOrder.optional(),
  /** The race for rows when the file has no race column (or an empty cell). */
  race: z.string().trim().min(1).max(100).optional(),
  /** The sheet of a workbook with several; left out, the first with rows. */
  sheet: z.string().trim().min(1).max(100).optional(),
  /** For every row that looks like a runner already in the event; skip when left out. */
  duplicates: duplicateAction.optional(),
  /** Decisions for single rows (by row number), over `duplicates`. */
  duplicateRows: z
    .array(z.strictObject({ row: z.int().min(2), action: duplicateAction }))
    .max(100_000)
    .optional(),
}

/** One problem of one row: `message` is English; `code` and `params` let a screen say it in its own language. */
export const rejectedRow = z.object({
  row: z.int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
})
export type RejectedRow = z.infer<typeof rejectedRow>

/** Who a duplicate row is, or looks like: what tells two namesakes apart. */
export const duplicatePerson = z.object({
  name: z.string(),
  birthDate: z.string().nullable(),
  email: z.string().nullable(),
  club: z.string().nullable(),
  race: z.string(),
  ref: z.string().nullable(),
})

/**
 * A row that looks like someone already seen: an entrant of the event (same name and birth date,
 * or same e-mail), or an earlier row of the file (same name and birth date).
 */
export const duplicateFlag = z.object({
  row: z.int(),
  name: z.string(),
  birthDate: z.string().nullable(),
  withRow: z.int().nullable(),
  withRef: z.string().nullable(),
  withId: z.string().nullable(),
  matchedBy: z.enum(['nameAndBirthDate', 'email']),
  /** The row as the file has it. */
  incoming: duplicatePerson,
  /** The runner in the event it looks like (with bib), or null for an earlier row of the file. */
  existing: duplicatePerson.extend({ bib: z.int().nullable() }).nullable(),
  /**
   * What the import does with the row: the organiser's decision for a row like a runner in the
   * event; null where there is none to take (an earlier row of the file, or a row matched by its
   * registration reference, which updates that registration).
   */
  action: duplicateAction.nullable(),
})
export type DuplicateFlag = z.infer<typeof duplicateFlag>

/** What one imports.upload request carries at most, before base64: small enough for any desk. */
export const uploadChunkBytes = 512 * 1024

export const importUploadInput = z.strictObject({
  /** Left out for the first chunk; the answer gives the id for the next ones. */
  id: z.string().max(64).optional(),
  fileName: z.string().max(260),
  /** Base64 of at most uploadChunkBytes. */
  chunk: z.string().max(Math.ceil(uploadChunkBytes / 3) * 4),
})

export const importPreviewInput = z.strictObject({ id: z.string().max(64), ...importOptions })
export const importCommitInput = z.strictObject({ id: z.string().max(64), ...importOptions, skipInvalid: z.boolean().default(false) })
export const importDiscardInput = z.strictObject({ id: z.string().max(64) })

/** A column of the file that the import does not read, and the field it looks like (its header or its cells), if one. */
export const unmappedColumn = z.object({
  column: z.int(),
  header: z.string(),
  /** Rows with something in this column. */
  filled: z.int(),
  looksLike: z.enum(importFields).nullable(),
})
export type UnmappedColumn = z.infer<typeof unmappedColumn>

/** A row of the file that is no data: a title above the header, or a page or summary appended after the rows. */
export const leftOutRow = z.object({ row: z.int(), reason: z.enum(['title', 'after-data']), text: z.string() })

/** What an import leaves out as a whole: said in the preview, and in the report of a commit. */
const leftOut = {
  /** The first fifty rows that are no data. */
  leftOutRows: z.array(leftOutRow),
  /** The first fifty rows folded into an earlier one: the same registration and name, one more purchased item (a t-shirt, a donation). */
  foldedRows: z.array(z.object({ row: z.int(), into: z.int() })),
  /** Every column not imported; none is dropped without a word. */
  unmappedColumns: z.array(unmappedColumn),
  /** No column is read as the registration number: a re-import cannot match these runners, nor a scan of a confirmation code find them. */
  noRefColumn: z.boolean(),
}

export const importPreview = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** A workbook's sheets, and the one read; empty and null for CSV. */
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  /** The first rows as read, for the mapping step. */
  sample: z.array(z.array(z.string())),
  mapping: columnMapping,
  mappingSource: z.enum(['confirmed', 'remembered', 'guessed']),
  dateOrder: z.enum(['dmy', 'mdy', 'ambiguous', 'contradictory', 'none']),
  rows: z.int(),
  toAdd: z.int(),
  toUpdate: z.int(),
  unchanged: z.int(),
  /** Rows left out because they look like runners already in the event. */
  skipped: z.int(),
  /** Rows the platform marks removed (not imported), and runners of the event they withdraw. */
  removed: z.int(),
  toWithdraw: z.int(),
  /** Required fields the mapping has no column for: the wizard asks for them. */
  missingFields: z.array(z.enum(importFields)),
  rejectedCount: z.int(),
  /** The first thousand problems; rejectedCount says how many in all. */
  rejected: z.array(rejectedRow),
  /** The first thousand; duplicatesCount says how many in all. */
  duplicates: z.array(duplicateFlag),
  duplicatesCount: z.int(),
  ...leftOut,
})
export type ImportPreview = z.infer<typeof importPreview>

export const importResult = z.object({
  imported: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  skipped: z.int(),
  /** Rows the platform marks removed: not imported, and a runner already in the event under that registration withdrawn. */
  removed: z.int(),
  withdrawn: z.int(),
  rejected: z.array(rejectedRow),
  duplicates: z.array(duplicateFlag),
  ...leftOut,
})
export type ImportResult = z.infer<typeof importResult>

export const importsCommands = {
  // A registration file arrives in chunks, is previewed (mapping, per-row problems) and then
  // committed whole; only the commit writes to the event.
  'imports.upload': { input: importUploadInput, output: z.object({ id: z.string(), bytes: z.int() }), roles: organiser, changes: [] },
  'imports.preview': { input: importPreviewInput, output: importPreview, roles: organiser, changes: [] },
  'imports.commit': { input: importCommitInput, output: importResult, roles: organiser, changes: ['entrants'] },
  'imports.discard': { input: importDiscardInput, output: z.object({ id: z.string() }), roles: organiser, changes: [] },
} as const satisfies CommandTable
