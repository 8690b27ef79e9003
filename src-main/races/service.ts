import { CommandError, type BibRange, type Race } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import { rangesOverlap } from '../../src-shared/contract/races'
import type { DivisionAward, ResultRules } from '../../src-shared/contract/result-rules'
import type { Db, ReadDb } from '../db/schema'
import type { RaceRow } from '../db/schema'
import { recomputeCategories } from '../entrants/category'

export async function listRaces(db: ReadDb): Promise<Race[]> {
  const [races, ranges, waves] = await Promise.all([
    db.selectFrom('race').selectAll().orderBy('id').execute(),
    db.selectFrom('race_bib_range').selectAll().orderBy('first_bib').execute(),
    db.selectFrom('wave').selectAll().orderBy('position').orderBy('id').execute(),
  ])
  return races.map((row) => ({
    id: row.id,
    name: row.name,
    distanceM: row.distance_m,
    startAt: row.start_at_ms,
    colour: row.colour,
    bibsAtPickup: row.bibs_at_pickup === 1,
    categoryBands: row.category_bands === null ? null : (JSON.parse(row.category_bands) as Race['categoryBands']),
    bibRanges: ranges.filter((r) => r.race_id === row.id).map((r) => ({ first: r.first_bib, last: r.last_bib })),
    waves: waves.filter((w) => w.race_id === row.id).map((w) => ({ id: w.id, name: w.name, startAt: w.start_at_ms })),
    rules: rulesOf(row),
  }))
}

export function rulesOf(
  row: Pick<
    RaceRow,
    | 'ranking'
    | 'precision'
    | 'award_overall'
    | 'award_category'
    | 'award_exclude_overall'
    | 'award_age_graded'
    | 'team_score'
    | 'team_size'
    | 'team_sex'
    | 'team_mixed_min'
    | 'team_places'
    | 'team_from'
    | 'award_divisions'
    | 'award_teams'
    | 'band_adapt'
    | 'band_adapt_runners'
  >,
): ResultRules {
  return {
    ranking: row.ranking,
    precision: row.precision,
    awardOverall: row.award_overall,
    awardCategory: row.award_category,
    awardExcludeOverall: row.award_exclude_overall === 1,
    awardAgeGraded: row.award_age_graded,
    awardTeams: row.award_teams,
    teams:
      row.team_score === null
        ? null
        : { score: row.team_score, size: row.team_size, sex: row.team_sex, mixedMin: row.team_mixed_min, places: row.team_places, from: row.team_from },
    divisions: JSON.parse(row.award_divisions) as DivisionAward[],
    bands: row.band_adapt === null ? null : { adapt: row.band_adapt, runners: row.band_adapt_runners },
  }
}

const ruleColumns = (input: Partial<ResultRules>) => ({
  ...(input.ranking !== undefined && { ranking: input.ranking }),
  ...(input.precision !== undefined && { precision: input.precision }),
  ...(input.awardOverall !== undefined && { award_overall: input.awardOverall }),
  ...(input.awardCategory !== undefined && { award_category: input.awardCategory }),
  ...(input.awardExcludeOverall !== undefined && { award_exclude_overall: input.awardExcludeOverall ? 1 : 0 }),
  ...(input.awardAgeGraded !== undefined && { award_age_graded: input.awardAgeGraded }),
  ...(input.awardTeams !== undefined && { award_teams: input.awardTeams }),
  ...(input.teams === null && { team_score: null }),
  ...(input.teams != null && {
    team_score: input.teams.score,
    team_size: input.teams.size,
    team_sex: input.teams.sex,
    team_mixed_min: input.teams.mixedMin,
    team_places: input.teams.places,
    team_from: input.teams.from,
  }),
  ...(input.divisions !== undefined && { award_divisions: JSON.stringify(input.divisions) }),
  ...(input.bands === null && { band_adapt: null }),
  ...(input.bands != null && { band_adapt: input.bands.adapt, band_adapt_runners: input.bands.runners }),
})

export async function getRace(db: Db, id: number): Promise<Race> {
  const race = (await listRaces(db)).find((r) => r.id === id)
  if (race === undefined) throw new CommandError('NOT_FOUND', `There is no race with id ${id}.`, { id })
  return race
}

export async function createRace(db: Db, input: ParsedInput<'races.create'>, nowMs: number): Promise<Race> {
  await refuseTakenName(db, input.name, null)
  const bibRanges = input.bibRanges ?? []
  await refuseOverlappingRanges(db, bibRanges, null)
  const { id } = await db
    .insertInto('race')
    .values({
      name: input.name,
      distance_m: input.distanceM,
      start_at_ms: input.startAt ?? null,
      colour: input.colour ?? null,
      bibs_at_pickup: input.bibsAtPickup === true ? 1 : 0,
      category_bands: input.categoryBands == null ? null : JSON.stringify(input.categoryBands),
      ...ruleColumns(input),
      created_at_ms: nowMs,
      updated_at_ms: nowMs,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await replaceRanges(db, id, bibRanges)
  await replaceWaves(db, id, input.waves ?? [])
  return getRace(db, id)
}

export async function updateRace(db: Db, input: ParsedInput<'races.update'>, nowMs: number): Promise<Race> {
  await getRace(db, input.id)
  if (input.name !== undefined) await refuseTakenName(db, input.name, input.id)
  if (input.bibRanges !== undefined) {
    await refuseOverlappingRanges(db, input.bibRanges, input.id)
    await replaceRanges(db, input.id, input.bibRanges)
  }
  await db
    .updateTable('race')
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.distanceM !== undefined && { distance_m: input.distanceM }),
      ...(input.startAt !== undefined && { start_at_ms: input.startAt }),
      ...(input.colour !== undefined && { colour: input.colour }),
      ...(input.bibsAtPickup !== undefined && { bibs_at_pickup: input.bibsAtPickup ? 1 : 0 }),
      ...(input.categoryBands !== undefined && { category_bands: input.categoryBands === null ? null : JSON.stringify(input.categoryBands) }),
      ...ruleColumns(input),
      updated_at_ms: nowMs,
    })
    .where('id', '=', input.id)
    .execute()
  if (input.categoryBands !== undefined) await recomputeCategories(db, input.id)
  if (input.waves !== undefined) await replaceWaves(db, input.id, input.waves)
  return getRace(db, input.id)
}

export async function deleteRace(db: Db, input: ParsedInput<'races.delete'>): Promise<{ id: number }> {
  const race = await getRace(db, input.id)
  const { count } = await db
    .selectFrom('entrant')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('race_id', '=', input.id)
    .executeTakeFirstOrThrow()
  if (count > 0) {
    throw new CommandError('RACE_HAS_ENTRANTS', `${race.name} has ${count} entrant(s). Move or remove them before deleting the race.`, {
      race: race.name,
      count,
    })
  }
  await db.deleteFrom('race').where('id', '=', input.id).execute()
  return { id: input.id }
}

async function refuseTakenName(db: Db, name: string, exceptId: number | null): Promise<void> {
  // The column is COLLATE NOCASE, so this finds "marathon" when "Marathon" exists.
  const taken = await db
    .selectFrom('race')
    .select(['id', 'name'])
    .where('name', '=', name)
    .$if(exceptId !== null, (q) => q.where('id', '!=', exceptId as number))
    .executeTakeFirst()
  if (taken !== undefined) {
    throw new CommandError('RACE_NAME_TAKEN', `There is already a race called ${taken.name}.`, { name: taken.name })
  }
}

/** Bibs are unique in the event, so no two races may share a number. */
async function refuseOverlappingRanges(db: Db, ranges: BibRange[], raceId: number | null): Promise<void> {
  if (ranges.length === 0) return
  const others = await db
    .selectFrom('race_bib_range')
    .innerJoin('race', 'race.id', 'race_bib_range.race_id')
    .select(['race.name', 'first_bib', 'last_bib'])
    .$if(raceId !== null, (q) => q.where('race_id', '!=', raceId as number))
    .execute()
  for (const range of ranges) {
    const clash = others.find((o) => rangesOverlap(range, { first: o.first_bib, last: o.last_bib }))
    if (clash !== undefined) {
      throw new CommandError('BIB_RANGE_OVERLAP', `Bibs ${range.first}–${range.last} overlap ${clash.name}'s range ${clash.first_bib}–${clash.last_bib}.`, {
        first: range.first,
        last: range.last,
        race: clash.name,
        otherFirst: clash.first_bib,
        otherLast: clash.last_bib,
      })
    }
  }
}

async function replaceRanges(db: Db, raceId: number, ranges: BibRange[]): Promise<void> {
  await db.deleteFrom('race_bib_range').where('race_id', '=', raceId).execute()
  if (ranges.length === 0) return
  await db
    .insertInto('race_bib_range')
    .values(ranges.map((r) => ({ race_id: raceId, first_bib: r.first, last_bib: r.last })))
    .execute()
}

/**
 * Sets a race's waves in the order given (their start order). A wave whose name stays keeps its
 * id, so its runners stay seeded in it; runners of a wave no longer listed are left unseeded.
 */
async function replaceWaves(db: Db, raceId: number, waves: readonly { name: string; startAt?: number | null | undefined }[]): Promise<void> {
  const existing = await db.selectFrom('wave').select(['id', 'name']).where('race_id', '=', raceId).execute()
  const byName = new Map(existing.map((w) => [w.name.toLowerCase(), w.id]))
  const wanted = new Set(waves.map((w) => w.name.toLowerCase()))
  const gone = existing.filter((w) => !wanted.has(w.name.toLowerCase())).map((w) => w.id)
  if (gone.length > 0) {
    await db.updateTable('entrant').set({ wave_id: null }).where('wave_id', 'in', gone).execute()
    await db.deleteFrom('wave').where('id', 'in', gone).execute()
  }
  for (const [position, wave] of waves.entries()) {
    const row = { name: wave.name, start_at_ms: wave.startAt ?? null, position }
    const id = byName.get(wave.name.toLowerCase())
    if (id === undefined)
      await db
        .insertInto('wave')
        .values({ race_id: raceId, ...row })
        .execute()
    else await db.updateTable('wave').set(row).where('id', '=', id).execute()
  }
}
