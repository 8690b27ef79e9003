import { CommandError, type Session } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import { bibSheetsRequest } from '../../src-shared/contract/prints'
import type { Db, ReadDb } from '../db/schema'
import { isWalkUpPurpose, nextFreeBib } from '../bibs/next-free'
import { recordEvents } from '../bibs/service'
import { refuseUnusableBib } from '../entrants/bib-check'
import { getEntrant, insertEntrant, raceDay, updateEntrant } from '../entrants/service'
import type { PrintJobs } from '../print/jobs'
import { prepareBibSheets } from '../print/bib-sheets'
import { shirtsLeft } from './settings'
import { personNameOf as nameOf } from '../../src-shared/names/person-name'

// What a check-in desk may change about a runner, besides checking them in.

/** A new shirt size; when the runner already has their shirt, the desk swaps it and stock follows. */
export async function changeShirt(db: Db, input: ParsedInput<'checkin.changeShirt'>, nowMs: number) {
  const runner = await getEntrant(db, input.entrantId)
  const stocked = await db.selectFrom('shirt_stock').select('size').orderBy('position').execute()
  const stockedAs = stocked.find((s) => s.size.toLowerCase() === input.size.toLowerCase())
  if (stocked.length > 0 && stockedAs === undefined) {
    const sizes = stocked.map((s) => s.size).join(', ')
    throw new CommandError('SHIRT_SIZE_UNKNOWN', `There are no ${input.size} shirts in this event (sizes: ${sizes}).`, { size: input.size, sizes })
  }
  const size = stockedAs?.size ?? input.size
  const sameSize = runner.shirtSize?.toLowerCase() === size.toLowerCase()
  if (!sameSize && ((await shirtsLeft(db, size)) ?? 1) <= 0) {
    throw new CommandError('SHIRT_SIZE_OUT', `No ${size} shirts are left.`, { size })
  }
  await db.updateTable('entrant').set({ shirt_size: size, updated_at_ms: nowMs }).where('id', '=', runner.id).execute()
  // The runner hands the old shirt back: the standing check-in now holds the new size.
  await db
    .updateTable('checkin')
    .set({ shirt_size: size })
    .where('entrant_id', '=', runner.id)
    .where('undone_at_ms', 'is', null)
    .where('shirt_size', 'is not', null)
    .execute()
  return { entrantId: runner.id, shirtSize: size, from: runner.shirtSize, left: await shirtsLeft(db, size) }
}

/**
 * Another race: the old bib is voided for good (it may be in the runner's hand), and the runner
 * gets the new race's next free number, or none when that race hands bibs out at pickup. A single
 * late runner cannot keep an alphabetical or predicted order without renumbering printed bibs.
 */
export async function moveRace(db: Db, input: ParsedInput<'checkin.moveRace'>, session: Session, nowMs: number) {
  const runner = await getEntrant(db, input.entrantId)
  const target = await db.selectFrom('race').select(['id', 'name', 'bibs_at_pickup']).where('id', '=', input.raceId).executeTakeFirst()
  if (target === undefined) throw new CommandError('NOT_FOUND', `There is no race with id ${input.raceId}.`, { raceId: input.raceId })
  if (target.id === runner.raceId) throw new CommandError('INVALID_INPUT', `${nameOf(runner)} is already in ${target.name}.`)
  const old = runner.bib
  if (old !== null)
    await db
      .insertInto('bib_void')
      .values({ bib: old, at_ms: nowMs, reason: `${input.reason} (${runner.race} → ${target.name})` })
      .execute()
  await updateEntrant(db, { id: runner.id, raceId: target.id, bib: null, waveId: null }, nowMs)
  let bib: number | null = null
  if (target.bibs_at_pickup !== 1) {
    const next = await nextFreeBib(db, target.id, { walkUp: false })
    if (next === null) throw new CommandError('BIB_RANGE_TOO_SMALL', `${target.name} has no free bib number left.`, { race: target.name, missing: 1 })
    bib = next.bib
    await db.updateTable('entrant').set({ bib, updated_at_ms: nowMs }).where('id', '=', runner.id).execute()
  }
  await recordEvents(
    db,
    [
      ...(old !== null ? [{ entrantId: runner.id, kind: 'void' as const, from: old, to: null, reason: input.reason }] : []),
      ...(bib !== null ? [{ entrantId: runner.id, kind: 'assign' as const, from: null, to: bib, reason: `${input.reason}: ${target.name}` }] : []),
    ],
    session,
    nowMs,
  )
  return { entrantId: runner.id, race: target.name, voided: old, bib }
}

/** Names, contacts and notes as the runner corrects them at the desk; nothing else. */
export async function correctEntrant(db: Db, input: ParsedInput<'checkin.correct'>, nowMs: number) {
  const { entrantId, notes, ...fields } = input
  if (Object.keys(fields).length > 0) await updateEntrant(db, { id: entrantId, ...fields }, nowMs)
  else await getEntrant(db, entrantId)
  if (notes !== undefined)
    await db
      .updateTable('entrant')
      .set({ notes: notes === '' ? null : notes, updated_at_ms: nowMs })
      .where('id', '=', entrantId)
      .execute()
  return getEntrant(db, entrantId)
}

/** A runner registered at the desk: the next walk-up number of the race, and how they paid. */
export async function walkUp(db: Db, input: ParsedInput<'checkin.walkUp'>, session: Session, nowMs: number) {
  const race = await db.selectFrom('race').select(['id', 'name', 'bibs_at_pickup']).where('id', '=', input.raceId).executeTakeFirst()
  if (race === undefined) throw new CommandError('NOT_FOUND', `There is no race with id ${input.raceId}.`, { raceId: input.raceId })
  const next = race.bibs_at_pickup === 1 ? null : await nextFreeBib(db, race.id, { walkUp: true })
  if (race.bibs_at_pickup !== 1 && next === null) {
    throw new CommandError('BIB_RANGE_TOO_SMALL', `${race.name} has no free bib number left for a walk-up.`, { race: race.name, missing: 1 })
  }
  const { paymentMethod, paymentAmount, ...fields } = input
  const { id } = await insertEntrant(db, { ...fields, bib: next?.bib ?? null }, nowMs, await raceDay(db))
  await db
    .updateTable('entrant')
    .set({ walk_up: 1, payment_method: paymentMethod, payment_amount: paymentAmount === undefined || paymentAmount === '' ? null : paymentAmount })
    .where('id', '=', id)
    .execute()
  if (next !== null) await recordEvents(db, [{ entrantId: id, kind: 'assign', from: null, to: next.bib, reason: 'walk-up' }], session, nowMs)
  const reservations = await db.selectFrom('bib_reservation').select('purpose').where('race_id', '=', race.id).execute()
  return {
    entrantId: id,
    bib: next?.bib ?? null,
    fromWalkUpNumbers: next?.fromWalkUpNumbers ?? false,
    walkUpNumbers: reservations.some((r) => isWalkUpPurpose(r.purpose)),
  }
}

/** The top bib of the desk's stack, typed or scanned: it must be the race's and nobody else's. */
export async function giveBib(db: Db, input: ParsedInput<'checkin.giveBib'>, session: Session, nowMs: number) {
  const runner = await getEntrant(db, input.entrantId)
  if (runner.bib !== null) {
    throw new CommandError('BIB_ALREADY_GIVEN', `${nameOf(runner)} already has bib ${runner.bib}.`, { name: nameOf(runner), bib: runner.bib })
  }
  await refuseUnusableBib(db, runner.raceId, input.bib, runner.id)
  // A number that belongs to no race at all is refused too (another race's stack, a typo).
  const ranges = await db.selectFrom('race_bib_range').select('id').where('race_id', '=', runner.raceId).executeTakeFirst()
  if (ranges === undefined) {
    throw new CommandError('BIB_OUT_OF_RANGE', `${runner.race} has no bib numbers set; the organiser gives it a range in Setup.`, {
      bib: input.bib,
      race: runner.race,
      ranges: '—',
    })
  }
  await db.updateTable('entrant').set({ bib: input.bib, updated_at_ms: nowMs }).where('id', '=', runner.id).execute()
  await recordEvents(db, [{ entrantId: runner.id, kind: 'assign', from: null, to: input.bib, reason: 'handed out at pickup' }], session, nowMs)
  return { entrantId: runner.id, bib: input.bib }
}

/** One runner's bib on an A5 page, for a walk-up or a runner moved to another race. */
export async function printOneBib(db: ReadDb, prints: PrintJobs, input: ParsedInput<'checkin.printBib'>, session: Session) {
  const runner = await getEntrant(db, input.entrantId)
  if (runner.bib === null) throw new CommandError('ENTRANT_HAS_NO_BIB', `${nameOf(runner)} has no bib to print.`, { name: nameOf(runner) })
  const request = bibSheetsRequest.parse({
    kind: 'sheets',
    layout: 'a5',
    raceId: runner.raceId,
    firstBib: runner.bib,
    lastBib: runner.bib,
    cropMarks: false,
    language: input.language,
  })
  return prints.start(await prepareBibSheets(db, request), session)
}
