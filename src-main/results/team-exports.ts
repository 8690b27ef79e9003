import Papa from 'papaparse'
import type { CommandOutput } from '../../src-shared/contract'
import type { TeamRules } from '../../src-shared/contract/result-rules'
import { formatResultTime } from '../../src-shared/results/format'
import { asText } from './csv'

// Team results written out: the CSV a spreadsheet opens, a page of the results site, and the words
// that say the scoring rule on every list.

type Teams = CommandOutput<'results.teams'>
type Language = 'en' | 'ko'

/** The rule in words, said on every team list: who scores, how, and how a tie is broken. */
export function teamRuleText(rules: TeamRules, language: Language): string {
  if (language === 'ko') {
    const who = rules.sex === 'bySex' ? '남녀 팀 따로' : rules.sex === 'mixed' ? `혼성 (남녀 각 ${rules.mixedMin}명 이상)` : '성별 무관'
    const how = rules.score === 'times' ? '기록 합계' : rules.places === 'team' ? '팀 선수 중 순위 합계' : '전체 순위 합계'
    return `${rules.from === 'team' ? '팀 열 기준 팀' : '클럽별 팀'} · 상위 ${rules.size}명 득점 · ${who} · ${how}, 낮은 팀이 위 · 동점은 마지막 득점자의 순위로`
  }
  const who = rules.sex === 'bySex' ? "women's and men's teams apart" : rules.sex === 'mixed' ? `mixed, at least ${rules.mixedMin} of each sex` : 'open'
  const how = rules.score === 'times' ? 'sum of times' : rules.places === 'team' ? 'sum of places among team runners' : 'sum of overall places'
  return `Teams by ${rules.from} · first ${rules.size} score · ${who} · ${how}, lowest first · ties: the last scorer's place`
}

/** A team's score as published: places as a number, times as a time. */
export function teamScoreText(score: number, rules: TeamRules, precision: 's' | 'ds' | 'cs'): string {
  return rules.score === 'times' ? formatResultTime(score, precision) : String(score)
}

export function teamsCsv(teams: Teams): string {
  const header = ['race', 'place', 'team', 'sex', 'score', 'complete', 'scorers', 'rule']
  const lines = teams.races.flatMap(({ race, rules, teams: list }) =>
    list.map((t) => [
      asText(race.name),
      t.place ?? '',
      asText(t.team),
      t.sex ?? '',
      teamScoreText(t.score, rules, race.rules.precision),
      t.complete ? 'yes' : 'no',
      asText(t.scorers.map((s) => `${s.bib ?? ''} ${s.name} (${s.place}, ${formatResultTime(s.timeMs, race.rules.precision)})`).join('; ')),
      teamRuleText(rules, 'en'),
    ]),
  )
  return `\uFEFF${Papa.unparse({ fields: header, data: lines }, { newline: '\r\n' })}\r\n`
}

/** The public JSON rows of `race-office results --teams`. */
export function teamRows(teams: Teams) {
  return teams.races.flatMap(({ race, teams: list }) =>
    list.map((t) => ({
      race: race.name,
      team: t.team,
      sex: t.sex,
      place: t.place,
      score: t.score,
      scorers: t.scorers.map((s) => ({ bib: s.bib, place: s.place, timeMs: s.timeMs })),
      complete: t.complete,
    })),
  )
}
