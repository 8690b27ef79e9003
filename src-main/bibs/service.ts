import { CommandError, type Session } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import type { Db, ReadDb } from '../db/schema'
import { refuseUnusableBib } from '../entrants/bib-check'
import { planBibs, seedWaves, type BibPlan, type BibRule } from './plan'
import { personName } from '../../src-shared/names/person-name'

async function raceOf(db: ReadDb, raceId: number) {
  const race = await db.selectFrom('race').select(['id', 'name', 'bib_rule']).where('id', '=', raceId).executeTakeFirst()
  if (race === undefined) throw new CommandError('NOT_FOUND', `There is no race with id ${raceId}.`, { raceId })
  return race
}

export async function bibSettings(db: ReadDb, raceId: number) {
  const race = await raceOf(db, raceId)
  const [reserved, excluded, voided] = await Promise.all([
    db.selectFrom('bib_reservation').select(['first_bib', 'last_bib', 'purpose']).where('race_id', '=', raceId).orderBy('first_bib').execute(),
    db.selectFrom('bib_exclusion').select('bib').orderBy('bib').execute(),
    db.selectFrom('bib_void').select('bib').orderBy('bib').execute(),
  ])
  return {
    raceId,
    rule: race.bib_rule,
    reserved: reserved.map((r) => ({ first: r.first_bib, last: r.last_bib, purpose: r.purpose })),
    excluded: excluded.map((r) => r.bib),
    voided: voided.map((r) => r.bib),
  }
}

export async function configureBibs(db: Db, input: ParsedInput<'bibs.configure'>) {
  await raceOf(db, input.raceId)
  if (input.rule !== undefined) await db.updateTable('race').set({ bib_rule: input.rule }).where('id', '=', input.raceId).execute()
  if (input.reserved !== undefined) {
    await db.deleteFrom('bib_reservation').where('race_id', '=', input.raceId).execute()
    if (input.reserved.length > 0) {
      await db
        .insertInto('bib_reservation')
        .values(input.reserved.map((r) => ({ race_id: input.raceId, first_bib: r.first, last_bib: r.last, purpose: r.purpose })))
        .execute()
    }
  }
  return bibSettings(db, input.raceId)
}

export async function excludeBibs(db: Db, input: ParsedInput<'bibs.exclude'>) {
  await db.deleteFrom('bib_exclusion').execute()
  const bibs = [...new Set(input.bibs)].sort((a, b) => a - b)
  if (bibs.length > 0)
    await db
      .insertInto('bib_exclusion')
      .values(bibs.map((bib) => ({ bib })))
      .execute()
  return { excluded: bibs }
}

interface RacePlan {
  race: string
  rule: BibRule
  plan: BibPlan
  names: Map<string, string>
  /** Wave moves, with the predicted rule in a race with waves. */
  seeding: { entrantId: string; to: number }[]
  waves: { name: string; runners: number }[]
}

async function planFor(db: ReadDb, raceId: number, rule: BibRule | undefined): Promise<RacePlan> {
  const race = await raceOf(db, raceId)
  const [ranges, reserved, excluded, voided, others, entrants, waves] = await Promise.all([
    db.selectFrom('race_bib_range').select(['first_bib as first', 'last_bib as last']).where('race_id', '=', raceId).execute(),
    db.selectFrom('bib_reservation').select(['first_bib as first', 'last_bib as last']).where('race_id', '=', raceId).execute(),
    db.selectFrom('bib_exclusion').select('bib').execute(),
    db.selectFrom('bib_void').select('bib').execute(),
    db.selectFrom('entrant').select('bib').where('race_id', '!=', raceId).where('bib', 'is not', null).execute(),
    db
      .selectFrom('entrant')
      .select(['id', 'num', 'bib', 'given_name', 'family_name', 'predicted_time_ms', 'status', 'wave_id'])
      .where('race_id', '=', raceId)
      .where('status', '!=', 'withdrawn')
      .execute(),
    db.selectFrom('wave').select(['id', 'name']).where('race_id', '=', raceId).orderBy('position').orderBy('id').execute(),
  ])
  if (ranges.length === 0)
    throw new CommandError('BIB_RANGE_TOO_SMALL', `${race.name} has no bib numbers yet: give it a range in Setup first.`, {
      race: race.name,
      missing: entrants.length,
    })
  const chosen = rule ?? race.bib_rule
  const runners = entrants.map((e) => ({
    id: e.id,
    num: e.num,
    bib: e.bib,
    givenName: e.given_name,
    familyName: e.family_name,
    predictedTimeMs: e.predicted_time_ms,
    pickedUp: e.status === 'checked-in',
    waveId: e.wave_id,
  }))
  const plan = planBibs({
    rule: chosen,
    ranges,
    reserved,
    blocked: new Set([...excluded, ...voided, ...others].map((r) => r.bib as number)),
    entrants: runners,
  })
  const seeding =
    chosen === 'predicted'
      ? seedWaves(
          runners,
          waves.map((w) => w.id),
        )
      : []
  const waveOf = new Map(runners.map((r) => [r.id, r.waveId]))
  for (const move of seeding) waveOf.set(move.entrantId, move.to)
  const lineUp = chosen === 'predicted' ? waves.map((w) => ({ name: w.name, runners: [...waveOf.values()].filter((id) => id === w.id).length })) : []
  return { race: race.name, rule: chosen, plan, names: new Map(entrants.map((e) => [e.id, personName(e.given_name, e.family_name)])), seeding, waves: lineUp }
}

export async function previewBibs(db: ReadDb, input: ParsedInput<'bibs.plan'>) {
  const { race, rule, plan, names, waves, seeding } = await planFor(db, input.raceId, input.rule)
  const changes = plan.changes.map((c) => ({ ...c, name: names.get(c.entrantId) ?? '' }))
  return { race, rule, changes, unchanged: plan.unchanged, missing: plan.missing, waves, reseeded: seeding.length }
}

/** Applies the race's plan in the caller's transaction: every runner renumbered, or none. */
export async function applyBibs(db: Db, input: ParsedInput<'bibs.apply'>, session: Session, nowMs: number) {
  const { race, rule, plan, seeding } = await planFor(db, input.raceId, input.rule)
  if (plan.missing > 0) {
    throw new CommandError(
      'BIB_RANGE_TOO_SMALL',
      `${race}'s bib numbers are ${plan.missing} short of its runners. Widen its ranges or release reserved numbers.`,
      {
        race,
        missing: plan.missing,
      },
    )
  }
  // Numbers move between runners: clear them all first, so no two hold one for a moment.
  const moving = plan.changes.map((c) => c.entrantId)
  for (let i = 0; i < moving.length; i += 500)
    await db
      .updateTable('entrant')
      .set({ bib: null })
      .where('id', 'in', moving.slice(i, i + 500))
      .execute()
  for (const change of plan.changes) {
    await db.updateTable('entrant').set({ bib: change.to, updated_at_ms: nowMs }).where('id', '=', change.entrantId).execute()
  }
  await recordEvents(
    db,
    plan.changes.map((c) => ({ entrantId: c.entrantId, kind: 'assign', from: c.from, to: c.to, reason: `numbered by ${rule}` })),
    session,
    nowMs,
  )
  for (const move of seeding) await db.updateTable('entrant').set({ wave_id: move.to, updated_at_ms: nowMs }).where('id', '=', move.entrantId).execute()
  return { race, rule, assigned: plan.changes.length, unchanged: plan.unchanged, seeded: seeding.length }
}

export async function assignBib(db: Db, input: ParsedInput<'bibs.assign'>, session: Session, nowMs: number) {
  const entrant = await entrantOf(db, input.entrantId)
  if (input.bib !== null && input.bib !== entrant.bib) await refuseUnusableBib(db, entrant.race_id, input.bib, entrant.id)
  await db.updateTable('entrant').set({ bib: input.bib, updated_at_ms: nowMs }).where('id', '=', entrant.id).execute()
  await recordEvents(
    db,
    [{ entrantId: entrant.id, kind: input.bib === null ? 'clear' : 'assign', from: entrant.bib, to: input.bib, reason: input.reason }],
    session,
    nowMs,
  )
  return { entrantId: entrant.id, bib: input.bib }
}

export async function swapBibs(db: Db, input: ParsedInput<'bibs.swap'>, session: Session, nowMs: number) {
  const [a, b] = await Promise.all(input.entrantIds.map((id) => entrantOf(db, id)))
  if (a === undefined || b === undefined || a.id === b.id) throw new CommandError('INVALID_INPUT', 'Choose two different runners to swap.')
  for (const [runner, other] of [
    [a, b],
    [b, a],
  ] as const) {
    if (other.bib !== null) await refuseUnusableBib(db, runner.race_id, other.bib, other.id)
  }
  await db.updateTable('entrant').set({ bib: null }).where('id', 'in', [a.id, b.id]).execute()
  await db.updateTable('entrant').set({ bib: b.bib, updated_at_ms: nowMs }).where('id', '=', a.id).execute()
  await db.updateTable('entrant').set({ bib: a.bib, updated_at_ms: nowMs }).where('id', '=', b.id).execute()
  await recordEvents(
    db,
    [
      { entrantId: a.id, kind: 'swap', from: a.bib, to: b.bib, reason: input.reason },
      { entrantId: b.id, kind: 'swap', from: b.bib, to: a.bib, reason: input.reason },
    ],
    session,
    nowMs,
  )
  return [
    { entrantId: a.id, bib: b.bib },
    { entrantId: b.id, bib: a.bib },
  ]
}

/** A lost or damaged bib: the number is retired for good and the runner gets the race's next free one. */
export async function voidBib(db: Db, input: ParsedInput<'bibs.void'>, session: Session, nowMs: number) {
  const entrant = await entrantOf(db, input.entrantId)
  if (entrant.bib === null) {
    throw new CommandError('ENTRANT_HAS_NO_BIB', `${personName(entrant.given_name, entrant.family_name)} has no bib to void.`, {
      name: personName(entrant.given_name, entrant.family_name),
    })
  }
  const old = entrant.bib
  await db.insertInto('bib_void').values({ bib: old, at_ms: nowMs, reason: input.reason }).execute()
  await db.updateTable('entrant').set({ bib: null }).where('id', '=', entrant.id).execute()
  const { plan } = await planFor(db, entrant.race_id, 'fill')
  const mine = plan.changes.find((c) => c.entrantId === entrant.id)
  if (mine === undefined) {
    throw new CommandError('BIB_RANGE_TOO_SMALL', 'There is no free number left in this race for a replacement bib.', { missing: 1 })
  }
  await db.updateTable('entrant').set({ bib: mine.to, updated_at_ms: nowMs }).where('id', '=', entrant.id).execute()
  await recordEvents(db, [{ entrantId: entrant.id, kind: 'void', from: old, to: mine.to, reason: input.reason }], session, nowMs)
  return { entrantId: entrant.id, voided: old, bib: mine.to }
}

export async function bibHistory(db: ReadDb, input: ParsedInput<'bibs.history'>) {
  const rows = await db.selectFrom('bib_event').selectAll().where('entrant_id', '=', input.entrantId).orderBy('at_ms').orderBy('id').execute()
  return rows.map((r) => ({ atMs: r.at_ms, kind: r.kind, from: r.from_bib, to: r.to_bib, reason: r.reason, actor: r.actor, desk: r.desk }))
}

async function entrantOf(db: Db, id: string) {
  const entrant = await db.selectFrom('entrant').select(['id', 'race_id', 'bib', 'given_name', 'family_name']).where('id', '=', id).executeTakeFirst()
  if (entrant === undefined) throw new CommandError('NOT_FOUND', 'There is no such entrant (another desk may have removed them).', { id })
  return entrant
}

export async function recordEvents(
  db: Db,
  events: { entrantId: string; kind: 'assign' | 'swap' | 'void' | 'clear'; from: number | null; to: number | null; reason: string }[],
  session: Session,
  nowMs: number,
): Promise<void> {
  for (let i = 0; i < events.length; i += 500) {
    const batch = events.slice(i, i + 500)
    if (batch.length === 0) break
    await db
      .insertInto('bib_event')
      .values(
        batch.map((e) => ({
          entrant_id: e.entrantId,
          at_ms: nowMs,
          kind: e.kind,
          from_bib: e.from,
          to_bib: e.to,
          reason: e.reason,
          actor: session.actor,
          desk: session.desk,
        })),
      )
      .execute()
  }
}
