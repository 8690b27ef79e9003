import { z } from 'zod'

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
  'email',
  'phone',
  'emergencyName',
  'emergencyPhone',
  'shirtSize',
  'bib',
  'predictedTime',
  'wave',
] as const
export type ImportField = (typeof importFields)[number]

/** Column index (0-based) for each field the file has; fields left out are not in the file. */
export const columnMapping = z.partialRecord(z.enum(importFields), z.int().min(0).max(999))
export type ColumnMapping = z.infer<typeof columnMapping>

export const dateOrder = z.enum(['dmy', 'mdy'])

export const importOptions = {
  /** Column mapping as confirmed; left out, the remembered or guessed one is used. */
  mapping: columnMapping.optional(),
  /** How to read D/M/Y-or-M/D/Y dates when no row proves it. */
  dateOrder: dateOrder.optional(),
  /** The race for rows when the file has no race column (or an empty cell). */
  race: z.string().trim().min(1).max(100).optional(),
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

/** A row that looks like someone already seen: an earlier row of the file, or an entrant of the event. */
export const duplicateFlag = z.object({
  row: z.int(),
  name: z.string(),
  birthDate: z.string(),
  withRow: z.int().nullable(),
  withRef: z.string().nullable(),
  withId: z.string().nullable(),
})

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

export const importPreview = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
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
  /** Required fields the mapping has no column for: the wizard asks for them. */
  missingFields: z.array(z.enum(importFields)),
  rejectedCount: z.int(),
  /** The first thousand problems; rejectedCount says how many in all. */
  rejected: z.array(rejectedRow),
  duplicates: z.array(duplicateFlag),
})
export type ImportPreview = z.infer<typeof importPreview>

export const importResult = z.object({
  imported: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  rejected: z.array(rejectedRow),
  duplicates: z.array(duplicateFlag),
})
export type ImportResult = z.infer<typeof importResult>
