import { describe, expect, it } from 'vitest'
import type { Session } from '../../src-shared/contract'
import { desk, organiser, tempRouter } from '../../tests/support/temp-event'
import { unwrap } from '../../tests/support/results'

const otherDesk: Session = { role: 'desk', actor: 'Ji-woo', desk: 'desk-3' }

async function pickupDay() {
  const { router, file } = await tempRouter()
  await router.call('races.create', { name: 'Marathon', distanceM: 42195, bibRanges: [{ first: 1, last: 100 }] }, organiser)
  await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 500, last: 520 }] }, organiser)
  const runner = async (fields: Record<string, unknown> = {}): Promise<string> => {
    const created = unwrap(await router.call('entrants.create', { raceId: 1, givenName: 'Min-jun', familyName: 'Kim', sex: 'M', ...fields }, organiser))
    return created.id
  }
  return { router, file, runner, value: unwrap }
}

describe('checking a runner in', () => {
  it('hands over everything the runner is due and marks them picked up', async () => {
    const { router, runner, value } = await pickupDay()
    await router.call('checkin.configure', { items: ['Gift bag'], tables: [{ name: 'Table A', first: 1, last: 50 }] }, organiser)
    const id = await runner({ bib: 7, shirtSize: 'M' })
    const done = value(await router.call('checkin.checkIn', { entrantId: id }, desk))
    expect(done).toMatchObject({
      name: 'Min-jun Kim',
      bib: 7,
      race: 'Marathon',
      desk: 'desk-2',
      actor: 'Volunteer',
      items: ['bib', 'shirt', 'Gift bag'],
      table: 'Table A',
      overridden: false,
    })
    const status = value(await router.call('checkin.status', { entrantId: id }, desk))
    expect(status.entrant.status).toBe('checked-in')
    expect(status.current).toMatchObject({ checkinId: done.checkinId, shirtSize: 'M', desk: 'desk-2' })
  })

  it('refuses a second check-in with who, where and when, and takes it with a reason', async () => {
    const { router, runner, value } = await pickupDay()
    const id = await runner({ bib: 7 })
    const first = value(await router.call('checkin.checkIn', { entrantId: id }, desk))
    const again = await router.call('checkin.checkIn', { entrantId: id }, otherDesk)
    expect(again).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'ALREADY_CHECKED_IN',
        details: { name: 'Min-jun Kim', checkinId: first.checkinId, actor: 'Volunteer', desk: 'desk-2', atMs: first.atMs },
      }),
    })
    const overridden = value(await router.call('checkin.checkIn', { entrantId: id, override: 'lost the first bib in the car park' }, otherDesk))
    expect(overridden.overridden).toBe(true)
    const status = value(await router.call('checkin.status', { entrantId: id }, desk))
    expect(status.history.map((c) => c.overrideReason)).toEqual(['lost the first bib in the car park', null])
  })

  it('lets exactly one of two desks check in the same runner at the same moment', async () => {
    const { router, runner } = await pickupDay()
    const id = await runner({ bib: 7 })
    const results = await Promise.all([router.call('checkin.checkIn', { entrantId: id }, desk), router.call('checkin.checkIn', { entrantId: id }, otherDesk)])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const refused = results.find((r) => !r.ok)
    expect(refused).toMatchObject({ ok: false, error: { code: 'ALREADY_CHECKED_IN' } })
  })

  it('undoes a check-in, keeps it in the history, and lets only its desk or the organiser undo', async () => {
    const { router, runner, value } = await pickupDay()
    const id = await runner({ bib: 7 })
    const done = value(await router.call('checkin.checkIn', { entrantId: id }, desk))
    expect(await router.call('checkin.undo', { checkinId: done.checkinId }, otherDesk)).toMatchObject({
      ok: false,
      error: { code: 'NOT_YOUR_CHECKIN', details: { desk: 'desk-2' } },
    })
    expect(value(await router.call('checkin.undo', { checkinId: done.checkinId }, desk))).toEqual({
      checkinId: done.checkinId,
      entrantId: id,
      name: 'Min-jun Kim',
    })
    expect(await router.call('checkin.undo', { checkinId: done.checkinId }, organiser)).toMatchObject({ ok: false, error: { code: 'CHECKIN_UNDONE' } })
    const status = value(await router.call('checkin.status', { entrantId: id }, desk))
    expect(status.entrant.status).toBe('registered')
    expect(status.current).toBeNull()
    expect(status.history).toEqual([expect.objectContaining({ undoneBy: 'Volunteer', undoneDesk: 'desk-2' })])
    const later = value(await router.call('checkin.checkIn', { entrantId: id }, otherDesk))
    expect(value(await router.call('checkin.undo', { checkinId: later.checkinId }, organiser)).name).toBe('Min-jun Kim')
  })

  it('asks for the confirmations the organiser chose, the age check only for minors', async () => {
    const { router, runner, value } = await pickupDay()
    await router.call('checkin.configure', { confirmations: ['waiver', 'minorAge', 'photoId'] }, organiser)
    const adult = await runner({ bib: 1, birthDate: '1980-01-01' })
    const minor = await runner({ bib: 2, birthDate: '2010-06-01' })
    expect(value(await router.call('checkin.status', { entrantId: adult }, desk)).confirmations).toEqual(['photoId', 'waiver'])
    expect(value(await router.call('checkin.status', { entrantId: minor }, desk)).confirmations).toEqual(['photoId', 'waiver', 'minorAge'])
    expect(await router.call('checkin.checkIn', { entrantId: minor, confirmed: ['photoId', 'waiver'] }, desk)).toMatchObject({
      ok: false,
      error: { code: 'CONFIRMATION_MISSING', details: { missing: ['minorAge'] } },
    })
    expect((await router.call('checkin.checkIn', { entrantId: adult, confirmed: ['photoId', 'waiver'] }, desk)).ok).toBe(true)
  })

  it('refuses a withdrawn runner and items the runner is not due', async () => {
    const { router, runner } = await pickupDay()
    const id = await runner({ bib: 3 })
    expect(await router.call('checkin.checkIn', { entrantId: id, items: ['shirt'] }, desk)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    await router.call('entrants.update', { id, status: 'withdrawn' }, organiser)
    expect(await router.call('checkin.checkIn', { entrantId: id }, desk)).toMatchObject({ ok: false, error: { code: 'ENTRANT_WITHDRAWN' } })
  })
})

describe('shirts at the desk', () => {
  it('counts stock per size, refuses a size that ran out, and swaps a shirt already handed over', async () => {
    const { router, runner, value } = await pickupDay()
    await router.call(
      'checkin.configure',
      {
        shirts: [
          { size: 'S', stock: 1 },
          { size: 'M', stock: 2 },
        ],
      },
      organiser,
    )
    const a = await runner({ bib: 1, shirtSize: 'S' })
    const b = await runner({ bib: 2, shirtSize: 's' })
    const c = await runner({ bib: 3, shirtSize: 'M' })
    value(await router.call('checkin.checkIn', { entrantId: a }, desk))
    expect(value(await router.call('checkin.status', { entrantId: b }, desk)).shirtsLeft).toBe(0)
    expect(await router.call('checkin.checkIn', { entrantId: b, items: ['bib', 'shirt'] }, desk)).toMatchObject({
      ok: false,
      error: { code: 'SHIRT_SIZE_OUT', details: { size: 's' } },
    })
    expect(value(await router.call('checkin.changeShirt', { entrantId: b, size: 'm' }, desk))).toEqual({ entrantId: b, shirtSize: 'M', from: 's', left: 2 })
    value(await router.call('checkin.checkIn', { entrantId: b }, desk))
    // The runner with the small shirt swaps it for a medium: the small one is back on the table.
    expect(value(await router.call('checkin.changeShirt', { entrantId: a, size: 'M' }, desk)).left).toBe(0)
    expect(await router.call('checkin.changeShirt', { entrantId: c, size: 'M' }, desk)).toMatchObject({ ok: true })
    // The last medium went to the swap: the card offers everything else, and a check-in without a
    // choice hands over just that, the shirt later.
    expect(value(await router.call('checkin.status', { entrantId: c }, desk))).toMatchObject({
      toHandOver: ['bib', 'shirt'],
      defaultItems: ['bib'],
      shirtGone: true,
    })
    expect(value(await router.call('checkin.checkIn', { entrantId: c }, desk)).items).toEqual(['bib'])
    expect(await router.call('checkin.changeShirt', { entrantId: c, size: 'XXXL' }, desk)).toMatchObject({
      ok: false,
      error: { code: 'SHIRT_SIZE_UNKNOWN', details: { sizes: 'S, M' } },
    })
    const stats = value(await router.call('checkin.stats', {}, desk))
    expect(stats.shirts).toEqual([
      { size: 'S', stock: 1, handedOut: 0, left: 1 },
      { size: 'M', stock: 2, handedOut: 2, left: 0 },
    ])
  })
})

describe('changes at the desk', () => {
  it('moves a runner to another race: old bib voided, next free number of the new race', async () => {
    const { router, runner, value } = await pickupDay()
    const id = await runner({ bib: 7 })
    await runner({ raceId: 2, bib: 500 })
    expect(value(await router.call('checkin.moveRace', { entrantId: id, raceId: 2 }, desk))).toEqual({ entrantId: id, race: '10K', voided: 7, bib: 501 })
    const status = value(await router.call('checkin.status', { entrantId: id }, desk))
    expect(status.entrant).toMatchObject({ race: '10K', bib: 501 })
    expect(value(await router.call('bibs.settings', { raceId: 1 }, desk)).voided).toEqual([7])
    expect(value(await router.call('bibs.history', { entrantId: id }, desk)).map((e) => [e.kind, e.from, e.to])).toEqual([
      ['void', 7, null],
      ['assign', null, 501],
    ])
    expect(await router.call('checkin.moveRace', { entrantId: id, raceId: 2 }, desk)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('corrects names, contacts and notes, and nothing a desk may not change', async () => {
    const { router, runner, value } = await pickupDay()
    const id = await runner({ bib: 7 })
    const corrected = value(
      await router.call('checkin.correct', { entrantId: id, familyName: 'Gim', emergencyPhone: '010-9876-5432', notes: 'Wheelchair start' }, desk),
    )
    expect(corrected).toMatchObject({ familyName: 'Gim', emergencyPhone: '010-9876-5432', bib: 7 })
    expect(value(await router.call('checkin.status', { entrantId: id }, desk)).entrant.notes).toBe('Wheelchair start')
    expect(await router.call('checkin.correct', { entrantId: id, bib: 9 } as never, desk)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((await router.call('entrants.update', { id, bib: 9 }, desk)).ok).toBe(false)
    expect((await router.call('entrants.delete', { id }, desk)).ok).toBe(false)
    expect((await router.call('races.update', { id: 1, name: 'Full' }, desk)).ok).toBe(false)
  })

  it('registers a walk-up on the next walk-up number and notes the payment', async () => {
    const { router, value } = await pickupDay()
    const walkUp = { raceId: 1, givenName: 'Ha-eun', familyName: 'Park', sex: 'F' as const, paymentMethod: 'card' as const, paymentAmount: '40,000' }
    // No walk-up numbers set: the race's next free number, and the answer says none were set.
    const first = value(await router.call('checkin.walkUp', walkUp, desk))
    expect(first).toMatchObject({ fromWalkUpNumbers: false, walkUpNumbers: false })
    expect((await router.call('entrants.delete', { id: first.entrantId }, organiser)).ok).toBe(true)
    await router.call('bibs.configure', { raceId: 1, reserved: [{ first: 90, last: 91, purpose: 'Walk-ups' }] }, organiser)
    expect(value(await router.call('checkin.walkUp', walkUp, desk))).toMatchObject({ bib: 90, fromWalkUpNumbers: true, walkUpNumbers: true })
    expect(value(await router.call('checkin.walkUp', walkUp, desk))).toMatchObject({ bib: 91, fromWalkUpNumbers: true })
    const third = value(await router.call('checkin.walkUp', walkUp, desk))
    expect(third).toMatchObject({ bib: 1, fromWalkUpNumbers: false, walkUpNumbers: true })
    const status = value(await router.call('checkin.status', { entrantId: third.entrantId }, desk))
    expect(status.entrant).toMatchObject({ walkUp: true, paymentMethod: 'card', paymentAmount: '40,000', status: 'registered' })
  })

  it('prints a single bib for the desk that asked, and for no other desk', async () => {
    const { router, runner, value } = await pickupDay()
    const id = await runner({ bib: 7 })
    const job = value(await router.call('checkin.printBib', { entrantId: id }, desk))
    expect(job).toMatchObject({ kind: 'sheets', items: 1, pages: 1 })
    expect(await router.call('prints.status', { jobId: job.jobId }, otherDesk)).toMatchObject({ ok: false, error: { code: 'PRINT_NOT_FOUND' } })
    expect((await router.call('prints.status', { jobId: job.jobId }, desk)).ok).toBe(true)
    expect(await router.call('checkin.printBib', { entrantId: await runner() }, desk)).toMatchObject({ ok: false, error: { code: 'ENTRANT_HAS_NO_BIB' } })
  })
})

describe('bibs handed out at pickup', () => {
  it("links the stack's top bib to the runner after checking it against the race and the bibs given", async () => {
    const { router, runner, value } = await pickupDay()
    await router.call('races.update', { id: 1, bibsAtPickup: true }, organiser)
    const a = await runner()
    const b = await runner()
    expect(value(await router.call('checkin.status', { entrantId: a }, desk)).needsBib).toBe(true)
    expect(await router.call('checkin.checkIn', { entrantId: a }, desk)).toMatchObject({ ok: false, error: { code: 'ENTRANT_HAS_NO_BIB' } })
    expect(await router.call('checkin.giveBib', { entrantId: a, bib: 505 }, desk)).toMatchObject({ ok: false, error: { code: 'BIB_OUT_OF_RANGE' } })
    expect(value(await router.call('checkin.giveBib', { entrantId: a, bib: 42 }, desk))).toEqual({ entrantId: a, bib: 42 })
    expect(await router.call('checkin.giveBib', { entrantId: b, bib: 42 }, otherDesk)).toMatchObject({ ok: false, error: { code: 'BIB_TAKEN' } })
    expect(await router.call('checkin.giveBib', { entrantId: a, bib: 43 }, desk)).toMatchObject({
      ok: false,
      error: { code: 'BIB_ALREADY_GIVEN', details: { bib: 42 } },
    })
    expect((await router.call('checkin.checkIn', { entrantId: a }, desk)).ok).toBe(true)
    const walkUp = value(await router.call('checkin.walkUp', { raceId: 1, givenName: 'Ha-eun', familyName: 'Park', sex: 'F', paymentMethod: 'cash' }, desk))
    expect(walkUp.bib).toBeNull()
  })
})

describe('the counters', () => {
  it('counts picked-up runners per race and this desk in the last hour', async () => {
    const { router, runner, value } = await pickupDay()
    const ids = [await runner({ bib: 1 }), await runner({ bib: 2 }), await runner({ raceId: 2, bib: 500 })]
    value(await router.call('checkin.checkIn', { entrantId: ids[0] as string }, desk))
    value(await router.call('checkin.checkIn', { entrantId: ids[2] as string }, otherDesk))
    const stats = value(await router.call('checkin.stats', {}, desk))
    expect(stats.races).toEqual([
      { raceId: 1, race: 'Marathon', pickedUp: 1, total: 2 },
      { raceId: 2, race: '10K', pickedUp: 1, total: 1 },
    ])
    expect(stats).toMatchObject({ pickedUp: 2, total: 3, desk: { name: 'desk-2', lastHour: 1, total: 1 } })
  })
})
