import { CommandError } from '../../src-shared/contract'
import type { Db } from '../db/schema'
import { personName } from '../../src-shared/names/person-name'

/**
 * A bib may go to a runner only inside the race's ranges (when ranges are set) and only if nobody
 * else holds it: bibs are unique in the whole event.
 */
export async function refuseUnusableBib(db: Db, raceId: number, bib: number, exceptEntrantId: string | null): Promise<void> {
  if ((await db.selectFrom('bib_exclusion').select('bib').where('bib', '=', bib).executeTakeFirst()) !== undefined) {
    throw new CommandError('BIB_EXCLUDED', `Bib ${bib} is on the list of numbers this event does not use.`, { bib })
  }
  const voided = await db.selectFrom('bib_void').select('reason').where('bib', '=', bib).executeTakeFirst()
  if (voided !== undefined) {
    throw new CommandError('BIB_VOIDED', `Bib ${bib} was voided (${voided.reason}) and is never handed out again.`, { bib, reason: voided.reason })
  }
  const ranges = await db.selectFrom('race_bib_range').select(['first_bib', 'last_bib']).where('race_id', '=', raceId).execute()
  if (ranges.length > 0 && !ranges.some((r) => r.first_bib <= bib && bib <= r.last_bib)) {
    const race = await db.selectFrom('race').select('name').where('id', '=', raceId).executeTakeFirstOrThrow()
    const allowed = ranges.map((r) => `${r.first_bib}–${r.last_bib}`).join(', ')
    throw new CommandError('BIB_OUT_OF_RANGE', `Bib ${bib} is outside ${race.name}'s bib numbers (${allowed}).`, { bib, race: race.name, ranges: allowed })
  }
  const holder = await db
    .selectFrom('entrant')
    .select(['id', 'given_name', 'family_name'])
    .where('bib', '=', bib)
    .$if(exceptEntrantId !== null, (q) => q.where('id', '!=', exceptEntrantId as string))
    .executeTakeFirst()
  if (holder !== undefined) {
    const name = personName(holder.given_name, holder.family_name)
    throw new CommandError('BIB_TAKEN', `Bib ${bib} already belongs to ${name}.`, { bib, holder: name })
  }
}
