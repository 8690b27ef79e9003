import type { Db } from '../db/open'

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
}

export interface BibSelection {
  raceId?: number | undefined
  firstBib?: number | undefined
  lastBib?: number | undefined
  onlyUnprinted: boolean
}

/** Runners with a bib, in bib order; withdrawn runners get no bib printed. */
export async function selectNumberedRunners(db: Db, selection: BibSelection): Promise<(PrintRow & { bib: number })[]> {
  let query = db
    .selectFrom('entrant')
    .innerJoin('race', 'race.id', 'entrant.race_id')
    .select(columns)
    .where('entrant.bib', 'is not', null)
    .where('entrant.status', '!=', 'withdrawn')
  if (selection.raceId !== undefined) query = query.where('entrant.race_id', '=', selection.raceId)
  if (selection.firstBib !== undefined) query = query.where('entrant.bib', '>=', selection.firstBib)
  if (selection.lastBib !== undefined) query = query.where('entrant.bib', '<=', selection.lastBib)
  if (selection.onlyUnprinted) {
    query = query.where((eb) => eb.or([eb('entrant.bib_printed', 'is', null), eb('entrant.bib_printed', '!=', eb.ref('entrant.bib'))]))
  }
  return (await query.orderBy('entrant.bib').execute()) as (PrintRow & { bib: number })[]
}

/** Every runner still running, numbered or not, for the posted lists. */
export async function selectRunners(db: Db, raceId: number | undefined): Promise<PrintRow[]> {
  let query = db.selectFrom('entrant').innerJoin('race', 'race.id', 'entrant.race_id').select(columns).where('entrant.status', '!=', 'withdrawn')
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
] as const
