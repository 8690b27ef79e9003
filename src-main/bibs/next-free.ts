import { fold } from '../../src-shared/search/fold'
import type { Db } from '../db/schema'

interface Span {
  first: number
  last: number
}

/** Reservations whose purpose names walk-ups, in English or Korean ("Walk-up", "walkups", "현장 접수"). */
export function isWalkUpPurpose(purpose: string): boolean {
  const folded = fold(purpose).replace(/[\s_-]/g, '')
  return folded.startsWith('walk') || folded.includes('현장')
}

/**
 * The lowest number a single runner can be given now: from the race's walk-up reservations when
 * asked and any has room, else from its ranges outside every reservation. Null when none is left.
 */
export async function nextFreeBib(db: Db, raceId: number, options: { walkUp: boolean }): Promise<{ bib: number; fromWalkUpNumbers: boolean } | null> {
  const [ranges, reservations] = await Promise.all([
    db.selectFrom('race_bib_range').select(['first_bib as first', 'last_bib as last']).where('race_id', '=', raceId).orderBy('first_bib').execute(),
    db.selectFrom('bib_reservation').select(['first_bib as first', 'last_bib as last', 'purpose']).where('race_id', '=', raceId).orderBy('first_bib').execute(),
  ])
  if (options.walkUp) {
    const walkUps = reservations.filter((r) => isWalkUpPurpose(r.purpose))
    for (const span of walkUps) {
      const bib = await lowestFree(db, span, [])
      if (bib !== null) return { bib, fromWalkUpNumbers: true }
    }
  }
  for (const span of ranges) {
    const bib = await lowestFree(db, span, reservations)
    if (bib !== null) return { bib, fromWalkUpNumbers: false }
  }
  return null
}

async function lowestFree(db: Db, span: Span, skip: readonly Span[]): Promise<number | null> {
  const [held, excluded, voided] = await Promise.all([
    db.selectFrom('entrant').select('bib').where('bib', '>=', span.first).where('bib', '<=', span.last).execute(),
    db.selectFrom('bib_exclusion').select('bib').where('bib', '>=', span.first).where('bib', '<=', span.last).execute(),
    db.selectFrom('bib_void').select('bib').where('bib', '>=', span.first).where('bib', '<=', span.last).execute(),
  ])
  const blocked = new Set([...held, ...excluded, ...voided].map((r) => r.bib as number))
  for (let bib = span.first; bib <= span.last; bib++) {
    if (!blocked.has(bib) && !skip.some((s) => s.first <= bib && bib <= s.last)) return bib
  }
  return null
}
