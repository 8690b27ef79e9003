import type { ReadDb } from '../db/schema'
import type { RunnerFacts } from './sequence'
import { personName } from '../../src-shared/names/person-name'

const gunKey = (raceId: number, waveId: number | null): string => `${raceId}:${waveId ?? ''}`

/** The gun that counts for each race and wave: the latest recorded (a correction replaces a start), whatever its id. */
export async function currentGuns(db: ReadDb): Promise<Map<string, number>> {
  const rows = await db.selectFrom('clock').select(['race_id', 'wave_id', 'gun_at_ms']).orderBy('recorded_at_ms').orderBy('id').execute()
  return new Map(rows.map((r) => [gunKey(r.race_id, r.wave_id), r.gun_at_ms]))
}

/** A wave's own gun, else its race's. */
export function gunOf(guns: Map<string, number>, raceId: number, waveId: number | null): number | null {
  return (waveId !== null ? guns.get(gunKey(raceId, waveId)) : undefined) ?? guns.get(gunKey(raceId, null)) ?? null
}

/** The runners wearing these bibs (every numbered runner when `bibs` is absent). */
export async function runnersByBib(db: ReadDb, bibs?: readonly number[]): Promise<Map<number, RunnerFacts>> {
  if (bibs !== undefined && bibs.length === 0) return new Map()
  let query = db
    .selectFrom('entrant as e')
    .innerJoin('race as r', 'r.id', 'e.race_id')
    .leftJoin('wave as w', 'w.id', 'e.wave_id')
    .select(['e.id', 'e.bib', 'e.given_name', 'e.family_name', 'e.status', 'e.race_id', 'e.wave_id', 'r.name as race', 'r.distance_m', 'w.name as wave'])
    .where('e.bib', 'is not', null)
  // Past a few hundred bibs one pass over the numbered runners beats a list of SQL variables (and
  // SQLite's limit on them).
  if (bibs !== undefined && bibs.length <= 500) query = query.where('e.bib', 'in', [...new Set(bibs)])
  const [rows, guns] = await Promise.all([query.execute(), currentGuns(db)])
  return new Map(
    rows.map((r) => [
      r.bib as number,
      {
        entrantId: r.id,
        name: personName(r.given_name, r.family_name),
        race: r.race,
        wave: r.wave,
        distanceM: r.distance_m,
        gunAtMs: gunOf(guns, r.race_id, r.wave_id),
        pickedUp: r.status === 'checked-in',
      },
    ]),
  )
}
