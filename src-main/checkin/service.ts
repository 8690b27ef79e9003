import { uuidv7 } from 'uuidv7'
import { CommandError, type Session } from '../../src-shared/contract'
import { adultAge, type CheckinConfirmation, type CheckinRecord, type CheckinStatus } from '../../src-shared/contract/checkin'
import type { ParsedInput } from '../../src-shared/contract/commands'
import type { Db, ReadDb } from '../db/schema'
import type { CheckinTable } from '../db/schema'
import { getEntrant } from '../entrants/service'
import { checkinSettings, shirtsHandedOut, shirtsLeft, tableFor, type CheckinSettings } from './settings'
import { personNameOf as nameOf } from '../../src-shared/names/person-name'

const hourMs = 3_600_000

function toRecord(row: CheckinTable): CheckinRecord {
  return {
    checkinId: row.id,
    entrantId: row.entrant_id,
    atMs: row.at_ms,
    desk: row.desk,
    actor: row.actor,
    items: JSON.parse(row.items_json) as string[],
    confirmed: JSON.parse(row.confirmed_json) as CheckinConfirmation[],
    shirtSize: row.shirt_size,
    overrideReason: row.override_reason,
    undoneAtMs: row.undone_at_ms,
    undoneBy: row.undone_by,
    undoneDesk: row.undone_desk,
  }
}

async function checkinsOf(db: ReadDb, entrantId: string): Promise<CheckinRecord[]> {
  const rows = await db.selectFrom('checkin').selectAll().where('entrant_id', '=', entrantId).orderBy('at_ms', 'desc').orderBy('id', 'desc').execute()
  return rows.map(toRecord)
}

interface Runner {
  bib: number | null
  shirtSize: string | null
  age: number | null
}

/** Bib when numbered, shirt when sized, then the event's own items. */
function dueTo(runner: Runner, settings: CheckinSettings): string[] {
  return [...(runner.bib !== null ? ['bib'] : []), ...(runner.shirtSize !== null ? ['shirt'] : []), ...settings.items]
}

/** A runner's size is out when stock is counted for it and none is left on the table. */
function sizeRanOut(runner: Runner, left: number | null): boolean {
  return runner.shirtSize !== null && (left ?? 1) <= 0
}

/** What is handed over unless the desk chooses otherwise: everything due, but a shirt whose size ran out is left for later. */
function defaultItems(due: readonly string[], shirtGone: boolean): string[] {
  return due.filter((item) => item !== 'shirt' || !shirtGone)
}

/** The minor's age check applies only to runners known to be under 18 on race day. */
function confirmationsFor(runner: Runner, settings: CheckinSettings): CheckinConfirmation[] {
  return settings.confirmations.filter((c) => c !== 'minorAge' || (runner.age !== null && runner.age < adultAge))
}

export async function checkIn(db: Db, input: ParsedInput<'checkin.checkIn'>, session: Session, nowMs: number) {
  const runner = await getEntrant(db, input.entrantId)
  const name = nameOf(runner)
  if (runner.status === 'withdrawn') throw new CommandError('ENTRANT_WITHDRAWN', `${name} has withdrawn from the race.`, { name })
  const [current] = (await checkinsOf(db, runner.id)).filter((c) => c.undoneAtMs === null)
  if (current !== undefined && input.override === undefined) {
    throw new CommandError('ALREADY_CHECKED_IN', `${name} already picked up at ${current.desk} (${current.actor}).`, {
      name,
      checkinId: current.checkinId,
      actor: current.actor,
      desk: current.desk,
      atMs: current.atMs,
    })
  }
  const race = await db.selectFrom('race').select('bibs_at_pickup').where('id', '=', runner.raceId).executeTakeFirstOrThrow()
  if (runner.bib === null && race.bibs_at_pickup === 1) {
    throw new CommandError('ENTRANT_HAS_NO_BIB', `${name} has no bib yet: hand over the top bib of the stack and enter its number first.`, { name })
  }
  const settings = await checkinSettings(db)
  const due = dueTo(runner, settings)
  const shirtGone = sizeRanOut(runner, await shirtsLeft(db, runner.shirtSize))
  const items = input.items ?? defaultItems(due, shirtGone)
  const unknown = items.filter((item) => !due.includes(item))
  if (unknown.length > 0) {
    throw new CommandError('INVALID_INPUT', `${name} is not due: ${unknown.join(', ')}.`, {
      issues: [{ path: 'items', code: 'custom', message: `Not due: ${unknown.join(', ')}` }],
    })
  }
  const missing = confirmationsFor(runner, settings).filter((c) => !input.confirmed.includes(c))
  if (missing.length > 0) throw new CommandError('CONFIRMATION_MISSING', `Confirm first: ${missing.join(', ')}.`, { missing })
  const shirt = items.includes('shirt') ? runner.shirtSize : null
  if (shirt !== null && shirtGone) {
    throw new CommandError('SHIRT_SIZE_OUT', `No ${shirt} shirts are left. Offer another size, or hand over the rest without a shirt.`, { size: shirt })
  }
  const checkinId = uuidv7()
  await db
    .insertInto('checkin')
    .values({
      id: checkinId,
      entrant_id: runner.id,
      at_ms: nowMs,
      desk: session.desk,
      actor: session.actor,
      items_json: JSON.stringify(items),
      confirmed_json: JSON.stringify(input.confirmed),
      shirt_size: shirt,
      override_reason: current !== undefined ? (input.override ?? null) : null,
    })
    .execute()
  await db.updateTable('entrant').set({ status: 'checked-in', updated_at_ms: nowMs }).where('id', '=', runner.id).execute()
  return {
    checkinId,
    entrantId: runner.id,
    name,
    bib: runner.bib,
    race: runner.race,
    atMs: nowMs,
    desk: session.desk,
    actor: session.actor,
    items,
    table: await tableFor(db, runner.bib),
    overridden: current !== undefined,
  }
}

/** Takes a check-in back (kept in the history as undone); a desk may undo only its own. */
export async function undoCheckin(db: Db, input: ParsedInput<'checkin.undo'>, session: Session, nowMs: number) {
  const row = await db.selectFrom('checkin').selectAll().where('id', '=', input.checkinId).executeTakeFirst()
  if (row === undefined) throw new CommandError('NOT_FOUND', 'There is no such check-in.', { checkinId: input.checkinId })
  const runner = await getEntrant(db, row.entrant_id)
  const name = nameOf(runner)
  if (row.undone_at_ms !== null) {
    throw new CommandError('CHECKIN_UNDONE', `That check-in of ${name} was already undone by ${row.undone_by ?? ''} at ${row.undone_desk ?? ''}.`, {
      name,
      actor: row.undone_by,
      desk: row.undone_desk,
      atMs: row.undone_at_ms,
    })
  }
  if (session.role !== 'organiser' && row.desk !== session.desk) {
    throw new CommandError('NOT_YOUR_CHECKIN', `${name} was checked in at ${row.desk}; only that desk or the organiser can undo it.`, { name, desk: row.desk })
  }
  await db.updateTable('checkin').set({ undone_at_ms: nowMs, undone_by: session.actor, undone_desk: session.desk }).where('id', '=', row.id).execute()
  const standing = await db.selectFrom('checkin').select('id').where('entrant_id', '=', row.entrant_id).where('undone_at_ms', 'is', null).executeTakeFirst()
  if (standing === undefined) await db.updateTable('entrant').set({ status: 'registered', updated_at_ms: nowMs }).where('id', '=', row.entrant_id).execute()
  return { checkinId: row.id, entrantId: row.entrant_id, name }
}

export async function checkinStatus(db: ReadDb, entrantId: string): Promise<CheckinStatus> {
  const [runner, history, settings, extra] = await Promise.all([
    getEntrant(db, entrantId),
    checkinsOf(db, entrantId),
    checkinSettings(db),
    db
      .selectFrom('entrant')
      .innerJoin('race', 'race.id', 'entrant.race_id')
      .select(['entrant.notes', 'entrant.payment_method', 'entrant.payment_amount', 'entrant.walk_up', 'race.bibs_at_pickup'])
      .where('entrant.id', '=', entrantId)
      .executeTakeFirst(),
  ])
  if (extra === undefined) throw new CommandError('NOT_FOUND', 'There is no such entrant (another desk may have removed them).', { id: entrantId })
  const due = dueTo(runner, settings)
  const left = await shirtsLeft(db, runner.shirtSize)
  const shirtGone = sizeRanOut(runner, left)
  return {
    entrant: { ...runner, notes: extra.notes, paymentMethod: extra.payment_method, paymentAmount: extra.payment_amount, walkUp: extra.walk_up === 1 },
    current: history.find((c) => c.undoneAtMs === null) ?? null,
    history,
    toHandOver: due,
    defaultItems: defaultItems(due, shirtGone),
    shirtGone,
    confirmations: confirmationsFor(runner, settings),
    shirtsLeft: left,
    table: await tableFor(db, runner.bib),
    needsBib: runner.bib === null && extra.bibs_at_pickup === 1,
  }
}

export async function checkinStats(db: ReadDb, session: Session, nowMs: number) {
  const [races, counts, stock, handedOut, mine] = await Promise.all([
    db.selectFrom('race').select(['id', 'name']).orderBy('id').execute(),
    db
      .selectFrom('entrant')
      .select(['race_id', 'status', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy(['race_id', 'status'])
      .execute(),
    db.selectFrom('shirt_stock').select(['size', 'stock']).orderBy('position').execute(),
    shirtsHandedOut(db),
    db
      .selectFrom('checkin')
      .select([(eb) => eb.fn.countAll<number>().as('total')])
      .select((eb) =>
        eb.fn
          .sum<number>(
            eb
              .case()
              .when('at_ms', '>', nowMs - hourMs)
              .then(1)
              .else(0)
              .end(),
          )
          .as('lastHour'),
      )
      .where('desk', '=', session.desk)
      .where('undone_at_ms', 'is', null)
      .executeTakeFirstOrThrow(),
  ])
  const count = (raceId: number, keep: (status: string) => boolean): number =>
    counts.filter((c) => c.race_id === raceId && keep(c.status)).reduce((sum, c) => sum + Number(c.count), 0)
  const perRace = races.map((r) => ({
    raceId: r.id,
    race: r.name,
    pickedUp: count(r.id, (s) => s === 'checked-in'),
    total: count(r.id, (s) => s !== 'withdrawn'),
  }))
  return {
    races: perRace,
    shirts: stock.map((s) => {
      const out = handedOut.get(s.size.toLowerCase()) ?? 0
      return { size: s.size, stock: s.stock, handedOut: out, left: s.stock - out }
    }),
    desk: { name: session.desk, lastHour: Number(mine.lastHour ?? 0), total: Number(mine.total) },
    pickedUp: perRace.reduce((sum, r) => sum + r.pickedUp, 0),
    total: perRace.reduce((sum, r) => sum + r.total, 0),
  }
}
