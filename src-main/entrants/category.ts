import { ageOnDay, categoryOf, type CategoryBand, type Sex } from '../../src-shared/categories/categories'
import type { Db } from '../db/schema'

/** Age on race day: from the birth date when known, else the age the registration gave. */
export function raceDayAge(birthDate: string | null, age: number | null, raceDay: string): number | null {
  return birthDate === null ? age : ageOnDay(birthDate, raceDay)
}

/** The category as stored in entrant.category; also the SQL function ro_category. */
export function derivedCategory(sex: Sex, birthDate: string | null, age: number | null, raceDay: string, bandsJson: string | null): string | null {
  return categoryOf(sex, raceDayAge(birthDate, age, raceDay), bandsOf(bandsJson))
}

// A race's bands are read once for a whole import or recount, not once a runner.
const readBands = new Map<string, CategoryBand[]>()
function bandsOf(json: string | null): CategoryBand[] | null {
  if (json === null) return null
  let bands = readBands.get(json)
  if (bands === undefined) {
    if (readBands.size > 100) readBands.clear()
    readBands.set(json, (bands = JSON.parse(json) as CategoryBand[]))
  }
  return bands
}

/** Derives every entrant's category again (of one race, or all) after race day or bands change. */
export async function recomputeCategories(db: Db, raceId?: number): Promise<void> {
  await db
    .updateTable('entrant')
    .set((eb) => ({
      category: eb.fn<string | null>('ro_category', [
        'sex',
        'birth_date',
        'age',
        eb.selectFrom('event').select('date').where('event.id', '=', 1),
        eb.selectFrom('race').select('race.category_bands').whereRef('race.id', '=', 'entrant.race_id'),
      ]),
    }))
    .$if(raceId !== undefined, (q) => q.where('race_id', '=', raceId as number))
    .execute()
}
