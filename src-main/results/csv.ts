import Papa from 'papaparse'
import type { ResultRow } from '../../src-shared/contract/results'
import { formatResultTime } from '../../src-shared/results/format'
import type { RaceStanding } from './engine'

/** A spreadsheet opening the file must not run a name as a formula (=, +, -, @ at the start). */
export function asText(value: string | null): string {
  if (value === null) return ''
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** One row per runner, every time and place: for the press and for results sites. */
export function resultsCsv(results: readonly { race: RaceStanding; rows: readonly ResultRow[] }[], splitPoints: readonly string[]): string {
  const header = [
    'race',
    'place',
    'bib',
    'givenName',
    'familyName',
    'secondName',
    'sex',
    'sexPlace',
    'category',
    'categoryPlace',
    'gunTime',
    'netTime',
    'gunTimeMs',
    'netTimeMs',
    'status',
    'statusReason',
    'club',
    'nationality',
    'wave',
    'ranking',
    'ageGradePct',
    'ageGradedTime',
    'ageGradeReason',
    'team',
    'division',
    'divisionPlace',
    ...splitPoints.flatMap((p) => [`${p} time`, `${p} position`]),
  ]
  const lines = results.flatMap(({ race, rows }) =>
    rows.map((r) => {
      const time = (ms: number | null): string => formatResultTime(ms, race.rules.precision)
      const splits = new Map(r.splits.map((s) => [s.point, s]))
      return [
        asText(r.race),
        r.place ?? '',
        r.bib ?? '',
        asText(r.givenName),
        asText(r.familyName),
        asText(r.secondName),
        r.sex,
        r.sexPlace ?? '',
        r.category ?? '',
        r.categoryPlace ?? '',
        time(r.gunTimeMs),
        time(r.netTimeMs),
        r.gunTimeMs ?? '',
        r.netTimeMs ?? '',
        r.status,
        asText(r.statusReason),
        asText(r.club),
        r.nationality ?? '',
        asText(r.wave),
        race.rules.ranking,
        r.ageGradePct === null ? '' : r.ageGradePct.toFixed(2),
        time(r.ageGradedTimeMs),
        r.ageGradeReason ?? '',
        asText(r.team),
        // Several divisions in one cell, the places in the same order: "Wheelchair; Corporate" and "2; 5".
        asText(r.division.join('; ')),
        r.divisionPlaces.join('; '),
        ...splitPoints.flatMap((p) => {
          const split = splits.get(p)
          return split === undefined ? ['', ''] : [time(race.rules.ranking === 'gun' ? split.gunTimeMs : split.netTimeMs), split.position]
        }),
      ]
    }),
  )
  // A byte-order mark: Excel then reads names in any script as UTF-8.
  return `\uFEFF${Papa.unparse({ fields: header, data: lines }, { newline: '\r\n' })}\r\n`
}
