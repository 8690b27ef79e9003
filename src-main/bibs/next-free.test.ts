import { describe, expect, it } from 'vitest'
import { organiser, tempRouter } from '../../tests/support/temp-event'
import { isWalkUpPurpose, nextFreeBib } from './next-free'

describe('walk-up reservations', () => {
  it('are the reservations whose purpose says walk-up, in English or Korean', () => {
    for (const purpose of ['Walk-up', 'walkups', 'WALK UP', '현장 접수', '현장등록']) expect(isWalkUpPurpose(purpose), purpose).toBe(true)
    for (const purpose of ['elite', 'VIP', 'sponsors']) expect(isWalkUpPurpose(purpose), purpose).toBe(false)
  })
})

describe('the next free bib for one runner', () => {
  it('skips held, excluded and voided numbers and, outside walk-ups, every reservation', async () => {
    const { router, file } = await tempRouter()
    await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 1, last: 10 }] }, organiser)
    await router.call(
      'bibs.configure',
      {
        raceId: 1,
        reserved: [
          { first: 1, last: 2, purpose: 'elite' },
          { first: 9, last: 10, purpose: '현장 접수' },
        ],
      },
      organiser,
    )
    await router.call('bibs.exclude', { bibs: [4] }, organiser)
    await router.call('entrants.create', { raceId: 1, givenName: 'A', familyName: 'B', sex: 'F', bib: 3 }, organiser)
    expect(await nextFreeBib(file.db, 1, { walkUp: false })).toEqual({ bib: 5, fromWalkUpNumbers: false })
    expect(await nextFreeBib(file.db, 1, { walkUp: true })).toEqual({ bib: 9, fromWalkUpNumbers: true })
    await router.call('entrants.create', { raceId: 1, givenName: 'C', familyName: 'D', sex: 'F', bib: 9 }, organiser)
    await router.call('entrants.create', { raceId: 1, givenName: 'E', familyName: 'F', sex: 'F', bib: 10 }, organiser)
    expect(await nextFreeBib(file.db, 1, { walkUp: true })).toEqual({ bib: 5, fromWalkUpNumbers: false })
    await router.call('bibs.exclude', { bibs: [4, 5, 6, 7, 8] }, organiser)
    expect(await nextFreeBib(file.db, 1, { walkUp: true })).toBeNull()
  })
})
