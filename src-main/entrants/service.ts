import { uuidv7 } from 'uuidv7'
import { CommandError, type Entrant } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import type { Db, EntrantRow, ReadDb } from '../db/schema'
import { refuseUnusableBib } from './bib-check'
import { raceDayAge } from './category'
import { blankToNull, registrationColumns, type EntrantFields } from './columns'
import { indexEntrant, unindexEntrant } from './search-index'
import { personName } from '../../src-shared/names/person-name'
import { readDivisions } from '../../src-shared/divisions/divisions'

type EntrantWithRace = EntrantRow & { race: string; wave: string | null }

export function toEntrant(row: EntrantWithRace, raceDay: string): Entrant {
  return {
    id: row.id,
    ref: row.ref,
    givenName: row.given_name,
    familyName: row.family_name,
    secondName: row.second_name,
    sex: row.sex,
    birthDate: row.birth_date,
    age: raceDayAge(row.birth_date, row.age, raceDay),
    nationality: row.nationality,
    club: row.club,
    team: row.team,
    divisions: readDivisions(row.divisions),
    email: row.email,
    phone: row.phone,
    emergencyName: row.emergency_name,
    emergencyPhone: row.emergency_phone,
    shirtSize: row.shirt_size,
    raceId: row.race_id,
    race: row.race,
    waveId: row.wave_id,
    wave: row.wave,
    category: row.category,
    bib: row.bib,
    predictedTimeMs: row.predicted_time_ms,
    status: row.status,
    createdAt: row.created_at_ms,
    updatedAt: row.updated_at_ms,
  }
}

export async function raceDay(db: ReadDb): Promise<string> {
  return (await db.selectFrom('event').select('date').where('id', '=', 1).executeTakeFirstOrThrow()).date
}

function entrantsWithRace(db: ReadDb) {
  return db
    .selectFrom('entrant')
    .innerJoin('race', 'race.id', 'entrant.race_id')
    .leftJoin('wave', 'wave.id', 'entrant.wave_id')
    .selectAll('entrant')
    .select(['race.name as race', 'wave.name as wave'])
}

const sortColumns = {
  familyName: ['entrant.family_name', 'entrant.given_name'],
  givenName: ['entrant.given_name', 'entrant.family_name'],
  bib: ['entrant.bib', 'entrant.family_name'],
  race: ['race.name', 'entrant.family_name'],
  category: ['entrant.category', 'entrant.family_name'],
  createdAt: ['entrant.num', 'entrant.num'],
} as const

export async function listEntrants(db: ReadDb, input: ParsedInput<'entrants.list'>): Promise<{ total: number; items: Entrant[] }> {
  const filtered = <Q extends ReturnType<typeof entrantsWithRace>>(q: Q): Q =>
    q
      .$if(input.raceId !== undefined, (w) => w.where('entrant.race_id', '=', input.raceId as number))
      .$if(input.status !== undefined, (w) => w.where('entrant.status', '=', input.status as Entrant['status']))
      .$if(input.category !== undefined, (w) => w.where('entrant.category', '=', input.category as string))
      .$if(input.sex !== undefined, (w) => w.where('entrant.sex', '=', input.sex as Entrant['sex'])) as Q
  const [first, second] = sortColumns[input.sort]
  const [rows, count, day] = await Promise.all([
    filtered(entrantsWithRace(db))
      .orderBy(first, input.direction)
      .orderBy(second, input.direction)
      .orderBy('entrant.num')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    filtered(entrantsWithRace(db))
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    raceDay(db),
  ])
  return { total: count.n, items: rows.map((row) => toEntrant(row, day)) }
}

export async function getEntrant(db: ReadDb, id: string): Promise<Entrant> {
  const row = await entrantsWithRace(db).where('entrant.id', '=', id).executeTakeFirst()
  if (row === undefined) throw new CommandError('NOT_FOUND', 'There is no such entrant (another desk may have removed them).', { id })
  return toEntrant(row, await raceDay(db))
}

async function raceBands(db: Db, raceId: number): Promise<string | null> {
  const race = await db.selectFrom('race').select('category_bands').where('id', '=', raceId).executeTakeFirst()
  if (race === undefined) throw new CommandError('NOT_FOUND', `There is no race with id ${raceId}.`, { raceId })
  return race.category_bands
}

async function refuseTakenRef(db: Db, ref: string, exceptId: string | null): Promise<void> {
  const holder = await db
    .selectFrom('entrant')
    .select(['given_name', 'family_name'])
    .where('ref', '=', ref)
    .$if(exceptId !== null, (q) => q.where('id', '!=', exceptId as string))
    .executeTakeFirst()
  if (holder !== undefined) {
    throw new CommandError('REF_TAKEN', `Registration ${ref} already belongs to ${personName(holder.given_name, holder.family_name)}.`, {
      ref,
      holder: personName(holder.given_name, holder.family_name),
    })
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

/** A stored entrant's fields in the shape of the create command, to merge an update into. */
function fieldsOf(row: EntrantRow): EntrantFields & { bib: number | null } {
  return {
    raceId: row.race_id,
    givenName: row.given_name,
    familyName: row.family_name,
    secondName: row.second_name,
    sex: row.sex,
    birthDate: row.birth_date,
    age: row.age,
    nationality: row.nationality,
    club: row.club,
    team: row.team,
    divisions: readDivisions(row.divisions),
    email: row.email,
    phone: row.phone,
    emergencyName: row.emergency_name,
    emergencyPhone: row.emergency_phone,
    shirtSize: row.shirt_size,
    ref: row.ref,
    bib: row.bib,
    predictedTimeMs: row.predicted_time_ms,
  }
}

export async function insertEntrant(db: Db, input: EntrantFields, nowMs: number, day: string): Promise<{ id: string; num: number }> {
  const bands = await raceBands(db, input.raceId)
  if (input.bib != null) await refuseUnusableBib(db, input.raceId, input.bib, null)
  if (blankToNull(input.ref) !== null) await refuseTakenRef(db, input.ref as string, null)
  const id = uuidv7()
  const { num } = await db
    .insertInto('entrant')
    .values({
      id,
      bib: input.bib ?? null,
      ref: blankToNull(input.ref),
      wave_id: await waveOfRace(db, input.raceId, input.waveId ?? null),
      ...registrationColumns(input, day, bands),
      created_at_ms: nowMs,
      updated_at_ms: nowMs,
    })
    .returning('num')
    .executeTakeFirstOrThrow()
  await indexEntrant(db, num, { givenName: input.givenName, familyName: input.familyName, secondName: input.secondName ?? null })
  return { id, num }
}

export async function createEntrant(db: Db, input: ParsedInput<'entrants.create'>, nowMs: number): Promise<Entrant> {
  const { id } = await insertEntrant(db, input, nowMs, await raceDay(db))
  return getEntrant(db, id)
}

export async function updateEntrant(db: Db, input: ParsedInput<'entrants.update'>, nowMs: number): Promise<Entrant> {
  const current = await db.selectFrom('entrant').selectAll().where('id', '=', input.id).executeTakeFirst()
  if (current === undefined) throw new CommandError('NOT_FOUND', 'There is no such entrant (another desk may have removed them).', { id: input.id })
  if (input.status !== undefined && current.status === 'checked-in') {
    throw new CommandError('ENTRANT_CHECKED_IN', `${personName(current.given_name, current.family_name)} has picked up their bib; undo the check-in first.`, {
      name: personName(current.given_name, current.family_name),
    })
  }
  const merged = { ...fieldsOf(current), ...withoutUndefined(input) }
  if (input.birthDate != null) merged.age = null
  if (merged.bib != null && (merged.bib !== current.bib || merged.raceId !== current.race_id))
    await refuseUnusableBib(db, merged.raceId, merged.bib, current.id)
  if (merged.ref != null && merged.ref !== current.ref) await refuseTakenRef(db, merged.ref, current.id)
  const names = { givenName: merged.givenName, familyName: merged.familyName, secondName: merged.secondName ?? null }
  await db
    .updateTable('entrant')
    .set({
      ...registrationColumns(merged, await raceDay(db), await raceBands(db, merged.raceId)),
      bib: merged.bib ?? null,
      ref: blankToNull(merged.ref),
      // A runner moved to another race leaves their old race's wave behind.
      wave_id: await waveOfRace(db, merged.raceId, input.waveId !== undefined ? input.waveId : merged.raceId === current.race_id ? current.wave_id : null),
      ...(input.status !== undefined && { status: input.status }),
      updated_at_ms: nowMs,
    })
    .where('id', '=', input.id)
    .execute()
  await indexEntrant(db, current.num, names)
  return getEntrant(db, input.id)
}

/** Puts a runner's own fields back as they were (an undo); bib and race included, checked again like every edit. */
export async function restoreEntrant(db: Db, was: Entrant | null, nowMs: number): Promise<Entrant> {
  if (was === null) throw new CommandError('UNDO_NOT_POSSIBLE', 'The audit trail does not hold the runner as they were.', { why: 'no earlier record' })
  return updateEntrant(
    db,
    {
      id: was.id,
      raceId: was.raceId,
      givenName: was.givenName,
      familyName: was.familyName,
      sex: was.sex,
      secondName: was.secondName,
      birthDate: was.birthDate,
      age: was.birthDate === null ? was.age : null,
      nationality: was.nationality,
      club: was.club,
      team: was.team,
      divisions: was.divisions,
      email: was.email,
      phone: was.phone,
      emergencyName: was.emergencyName,
      emergencyPhone: was.emergencyPhone,
      shirtSize: was.shirtSize,
      ref: was.ref,
      bib: was.bib,
      predictedTimeMs: was.predictedTimeMs,
      waveId: was.waveId,
      ...((was.status === 'registered' || was.status === 'withdrawn') && { status: was.status }),
    },
    nowMs,
  )
}

export async function deleteEntrant(db: Db, input: ParsedInput<'entrants.delete'>): Promise<{ id: string }> {
  const current = await db.selectFrom('entrant').select(['num', 'bib', 'status', 'given_name', 'family_name']).where('id', '=', input.id).executeTakeFirst()
  if (current === undefined) throw new CommandError('NOT_FOUND', 'There is no such entrant (another desk may have removed them).', { id: input.id })
  const name = personName(current.given_name, current.family_name)
  if (current.status === 'checked-in') {
    throw new CommandError('ENTRANT_CHECKED_IN', `${name} has picked up their bib and cannot be deleted. Mark them withdrawn instead.`, { name })
  }
  // A runner with a time is in the results' evidence: deleting them would orphan it.
  if (current.bib !== null && (await hasTimes(db, current.bib))) {
    throw new CommandError('ENTRANT_TIMED', `${name} (bib ${current.bib}) has times at the finish line and cannot be deleted. Mark them withdrawn instead.`, {
      name,
      bib: current.bib,
    })
  }
  await unindexEntrant(db, current.num)
  await db.deleteFrom('entrant').where('id', '=', input.id).execute()
  return { id: input.id }
}

async function hasTimes(db: Db, bib: number): Promise<boolean> {
  const capture = await db.selectFrom('capture').select('id').where('bib', '=', bib).where('state', '=', 'active').limit(1).executeTakeFirst()
  if (capture !== undefined) return true
  const read = await db
    .selectFrom('chip_read')
    .select('id')
    .where((eb) => eb.or([eb('bib', '=', bib), eb('chip', 'in', eb.selectFrom('chip').select('code').where('bib', '=', bib))]))
    .limit(1)
    .executeTakeFirst()
  return read !== undefined
}

/** The categories entrants fall in, with how many: for filters now, awards later. */
export async function listCategories(db: ReadDb, input: ParsedInput<'entrants.categories'>): Promise<{ category: string; count: number }[]> {
  const rows = await db
    .selectFrom('entrant')
    .select(['category', (eb) => eb.fn.countAll<number>().as('count')])
    .where('category', 'is not', null)
    .$if(input.raceId !== undefined, (q) => q.where('race_id', '=', input.raceId as number))
    .groupBy('category')
    .orderBy('category')
    .execute()
  return rows.map((row) => ({ category: row.category as string, count: row.count }))
}

/** The wave, refused unless it is one of the race's own. */
async function waveOfRace(db: Db, raceId: number, waveId: number | null): Promise<number | null> {
  if (waveId === null) return null
  const wave = await db
    .selectFrom('wave')
    .innerJoin('race', 'race.id', 'wave.race_id')
    .select(['wave.race_id', 'race.name'])
    .where('wave.id', '=', waveId)
    .executeTakeFirst()
  if (wave?.race_id === raceId) return waveId
  const race = await db.selectFrom('race').select('name').where('id', '=', raceId).executeTakeFirstOrThrow()
  throw new CommandError('WAVE_NOT_IN_RACE', `That wave is not one of ${race.name}'s waves.`, { race: race.name })
}
