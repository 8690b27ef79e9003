import { fold } from '../../src-shared/search/fold'

export const bibRules = ['registration', 'alphabetical', 'predicted', 'fill'] as const
export type BibRule = (typeof bibRules)[number]

export interface PlanEntrant {
  id: string
  /** Registration order. */
  num: number
  bib: number | null
  givenName: string
  familyName: string
  predictedTimeMs: number | null
  /** Picked up already: the number in their hand stays theirs. */
  pickedUp: boolean
  waveId: number | null
}

export interface BibPlanInput {
  entrants: readonly PlanEntrant[]
  ranges: readonly { first: number; last: number }[]
  /** Held back for manual assignment (elites, VIPs, walk-ups); a runner already on one keeps it. */
  reserved: readonly { first: number; last: number }[]
  /** Never handed out: excluded by the organiser, voided, or held by another race's runner. */
  blocked: ReadonlySet<number>
  rule: BibRule
}

export interface BibPlan {
  changes: { entrantId: string; from: number | null; to: number }[]
  unchanged: number
  /** How many numbers the ranges lack; the plan cannot be applied while this is above 0. */
  missing: number
}

/**
 * Who gets which number, as a pure function of the race's runners, numbers and rule. Picked-up
 * runners and runners on reserved numbers keep theirs; `fill` keeps every valid number and
 * numbers the rest; the other rules number everyone else afresh in their order.
 */
export function planBibs(input: BibPlanInput): BibPlan {
  const inRanges = (bib: number): boolean => input.ranges.some((r) => r.first <= bib && bib <= r.last)
  const isReserved = (bib: number): boolean => input.reserved.some((r) => r.first <= bib && bib <= r.last)
  const keeps = (e: PlanEntrant): boolean =>
    e.bib !== null && !input.blocked.has(e.bib) && (e.pickedUp || isReserved(e.bib) || (input.rule === 'fill' && inRanges(e.bib)))
  const kept = input.entrants.filter(keeps)
  const keptBibs = new Set(kept.map((e) => e.bib as number))
  const toNumber = sortFor(
    input.rule,
    input.entrants.filter((e) => !keeps(e)),
  )

  const free: number[] = []
  for (const range of [...input.ranges].sort((a, b) => a.first - b.first)) {
    for (let bib = range.first; bib <= range.last && free.length < toNumber.length; bib++) {
      if (!input.blocked.has(bib) && !keptBibs.has(bib) && !isReserved(bib)) free.push(bib)
    }
  }
  const missing = Math.max(0, toNumber.length - free.length)
  const changes: BibPlan['changes'] = []
  let unchanged = kept.length
  toNumber.forEach((entrant, index) => {
    const to = free[index]
    if (to === undefined) return
    if (entrant.bib === to) unchanged++
    else changes.push({ entrantId: entrant.id, from: entrant.bib, to })
  })
  return { changes, unchanged, missing }
}

function sortFor(rule: BibRule, entrants: PlanEntrant[]): PlanEntrant[] {
  const byRegistration = (a: PlanEntrant, b: PlanEntrant): number => a.num - b.num
  switch (rule) {
    case 'alphabetical': {
      const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
      return [...entrants].sort(
        (a, b) => collator.compare(fold(a.familyName), fold(b.familyName)) || collator.compare(fold(a.givenName), fold(b.givenName)) || byRegistration(a, b),
      )
    }
    case 'predicted':
      // Fastest first, so the front corrals hold the lowest numbers; runners with no prediction last.
      return [...entrants].sort((a, b) => (a.predictedTimeMs ?? Infinity) - (b.predictedTimeMs ?? Infinity) || byRegistration(a, b))
    case 'registration':
    case 'fill':
      return [...entrants].sort(byRegistration)
  }
}

/**
 * Seeds a race's runners into its waves (or corrals) by predicted finish time, fastest into the
 * first wave, the waves filled evenly; runners without a prediction go last. Runners who have
 * picked up keep the wave printed on their bib. Returns the runners whose wave changes.
 */
export function seedWaves(entrants: readonly PlanEntrant[], waveIds: readonly number[]): { entrantId: string; from: number | null; to: number }[] {
  if (waveIds.length === 0) return []
  const capacity = Math.ceil(entrants.length / waveIds.length)
  const filled = new Map(waveIds.map((id) => [id, 0]))
  const keeps = (e: PlanEntrant): boolean => e.pickedUp && e.waveId !== null && filled.has(e.waveId)
  for (const entrant of entrants.filter(keeps)) filled.set(entrant.waveId as number, (filled.get(entrant.waveId as number) ?? 0) + 1)
  const changes: { entrantId: string; from: number | null; to: number }[] = []
  let wave = 0
  for (const entrant of sortFor(
    'predicted',
    entrants.filter((e) => !keeps(e)),
  )) {
    while (wave < waveIds.length - 1 && (filled.get(waveIds[wave] as number) ?? 0) >= capacity) wave++
    const to = waveIds[wave] as number
    filled.set(to, (filled.get(to) ?? 0) + 1)
    if (entrant.waveId !== to) changes.push({ entrantId: entrant.id, from: entrant.waveId, to })
  }
  return changes
}
