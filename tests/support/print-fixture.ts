import type { Router } from '../../src-main/router/router'
import { organiser } from './sessions'

/** Runners whose names need every script a bib must print. */
export const printableRunners = [
  { givenName: 'Zoë', familyName: 'Łukasiewicz', sex: 'F', ref: 'REG-001', bib: 101 },
  { givenName: '민준', familyName: '김', sex: 'M', ref: 'REG-002', bib: 102 },
  { givenName: 'Алексей', familyName: 'Смирнов', sex: 'M', ref: 'REG-003', bib: 103 },
  { givenName: '小明', familyName: '王', sex: 'M', ref: 'REG-004', bib: 104 },
  { givenName: 'José', familyName: 'Núñez', sex: 'M', ref: 'REG-005', bib: 105, secondName: '호세 누녜스' },
  { givenName: 'Bartholomew-Alexander', familyName: 'Featherstonehaugh-Wolfeschlegel', sex: 'M', ref: 'REG-006', bib: 106 },
] as const

/** An event with a 10K of the runners above (bibs 101–106, waves A and B) and a half marathon of three more (2001–2003). */
export async function seedPrintableEvent(router: Router): Promise<{ tenK: number; half: number }> {
  await router.call('event.update', { name: 'Seoul Spring Run 2025' }, organiser)
  const tenK = await router.call(
    'races.create',
    { name: '10K', distanceM: 10_000, colour: '#c0392b', bibRanges: [{ first: 101, last: 999 }], waves: [{ name: 'A' }, { name: 'B' }] },
    organiser,
  )
  const half = await router.call(
    'races.create',
    { name: 'Half marathon', distanceM: 21_097, colour: '#f1c40f', bibRanges: [{ first: 2001, last: 2999 }] },
    organiser,
  )
  if (!tenK.ok || !half.ok) throw new Error('could not create the races')
  for (const [index, runner] of printableRunners.entries()) {
    const predictedTimeMs = (40 + index) * 60_000
    const created = await router.call('entrants.create', { raceId: tenK.value.id, ...runner, sex: runner.sex as 'F' | 'M', predictedTimeMs }, organiser)
    if (!created.ok) throw new Error(created.error.message)
  }
  // Predicted times in registration order: the numbers stay 101–106 and the first three start in wave A.
  const seeded = await router.call('bibs.apply', { raceId: tenK.value.id, rule: 'predicted' }, organiser)
  if (!seeded.ok || seeded.value.assigned !== 0) throw new Error('the 10K runners should keep their numbers')
  const halfRunners = [
    { givenName: 'Anna', familyName: 'Åberg', sex: 'F' as const, bib: 2001, ref: 'H-1' },
    { givenName: '서연', familyName: '이', sex: 'F' as const, bib: 2002, ref: 'H-2' },
    { givenName: 'Ben', familyName: 'Abbott', sex: 'M' as const, bib: 2003, ref: 'H-3' },
  ]
  for (const runner of halfRunners) {
    const created = await router.call('entrants.create', { raceId: half.value.id, ...runner }, organiser)
    if (!created.ok) throw new Error(created.error.message)
  }
  return { tenK: tenK.value.id, half: half.value.id }
}
