import { sql } from 'kysely'
import type { ReadDb } from '../db/schema'

/** One runner as printed on a bib, a label or a pickup list. */
export interface PrintRow {
  entrantId: string
  bib: number | null
  givenName: string
  familyName: string
  secondName: string | null
  ref: string | null
  raceName: string
  raceColour: string | null
  /** The wave (or corral) the runner starts in. */
  waveName: string | null
}

export type NumberedRow = PrintRow & { bib: number }

export interface BibSelection {
  raceId?: number | undefined
  firstBib?: number | undefined
  lastBib?: number | undefined
  onlyUnprinted: boolean
}

/**
 * What a runner's bib says, as one text: its number, name, second name, race, wave and reference.
 * Stored when the bib is printed; a runner whose bib would now say anything else (a new number,
 * a corrected name, another race or wave) is "not printed yet".
 */
export const printedFace = `entrant.bib || char(31) || entrant.given_name || char(31) || entrant.family_name || char(31) || coalesce(entrant.second_name, '') || char(31) || entrant.race_id || char(31) || coalesce(entrant.wave_id, '') || char(31) || coalesce(entrant.ref, '')`

/** Runners with a bib in the selection; withdrawn runners get no bib printed. */
function numbered(db: ReadDb, selection: BibSelection) {
  let query = db
    .selectFrom('entrant')
    .innerJoin('race', 'race.id', 'entrant.race_id')
    .leftJoin('wave', 'wave.id', 'entrant.wave_id')
    .where('entrant.bib', 'is not', null)
    .where('entrant.status', '!=', 'withdrawn')
  if (selection.raceId !== undefined) query = query.where('entrant.race_id', '=', selection.raceId)
  if (selection.firstBib !== undefined) query = query.where('entrant.bib', '>=', selection.firstBib)
  if (selection.lastBib !== undefined) query = query.where('entrant.bib', '<=', selection.lastBib)
  if (selection.onlyUnprinted) {
    query = query.where(sql<boolean>`entrant.bib_printed_as is not ${sql.raw(printedFace)}`)
  }
  return query
}

export async function countNumberedRunners(db: ReadDb, selection: BibSelection): Promise<{ count: number; first: number | null; last: number | null }> {
  const row = await numbered(db, selection)
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('entrant.bib').as('first'), eb.fn.max('entrant.bib').as('last')])
    .executeTakeFirstOrThrow()
  return { count: Number(row.count), first: row.first, last: row.last }
}

/**
 * The selected runners in bib order, a batch at a time: a 50,000-bib run never holds every runner
 * at once, and between batches the event file is free for other desks' writes.
 */
export async function* numberedRunners(db: ReadDb, selection: BibSelection, batchSize = 1000): AsyncGenerator<NumberedRow> {
  let after = 0
  for (;;) {
    const batch = (await numbered(db, selection)
      .select(columns)
      .where('entrant.bib', '>', after)
      .orderBy('entrant.bib')
      .limit(batchSize)
      .execute()) as NumberedRow[]
    yield* batch
    if (batch.length < batchSize) return
    after = (batch.at(-1) as NumberedRow).bib
  }
}

/** Every runner still running, numbered or not, for the posted lists. */
export async function selectRunners(db: ReadDb, raceId: number | undefined): Promise<PrintRow[]> {
  let query = db
    .selectFrom('entrant')
    .innerJoin('race', 'race.id', 'entrant.race_id')
    .leftJoin('wave', 'wave.id', 'entrant.wave_id')
    .select(columns)
    .where('entrant.status', '!=', 'withdrawn')
  if (raceId !== undefined) query = query.where('entrant.race_id', '=', raceId)
  return query.execute()
}

const columns = [
  'entrant.id as entrantId',
  'entrant.bib',
  'entrant.given_name as givenName',
  'entrant.family_name as familyName',
  'entrant.second_name as secondName',
  'entrant.ref',
  'race.name as raceName',
  'race.colour as raceColour',
  'wave.name as waveName',
] as const
