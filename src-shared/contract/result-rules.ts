import { z } from 'zod'

// How a race's results are ranked, rounded and awarded: part of the race's settings.

export const rankingBases = ['gun', 'net'] as const
export type RankingBasis = (typeof rankingBases)[number]
/** Times are rounded up: to whole seconds (road races, World Athletics), tenths or hundredths. */
export const timePrecisions = ['s', 'ds', 'cs'] as const
export type TimePrecision = (typeof timePrecisions)[number]
export const teamScores = ['places', 'times'] as const
export const teamSexes = ['open', 'bySex', 'mixed'] as const
export const teamPlaceCounts = ['team', 'overall'] as const
/** The first `size` finishers of a team score: by the sum of places or of times, lowest first; ties go to the better last scorer. */
export const teamRules = z.object({
  score: z.enum(teamScores),
  size: z.int().min(1).max(20),
  /** open: men and women alike; bySex: women's and men's teams apart; mixed: at least `mixedMin` of each sex among the scorers. */
  sex: z.enum(teamSexes),
  mixedMin: z.int().min(1).max(10),
  /** team: places among the runners with a team only (cross-country); overall: the race's places. */
  places: z.enum(teamPlaceCounts),
})
export type TeamRules = z.infer<typeof teamRules>

export const resultRules = z.object({
  ranking: z.enum(rankingBases),
  precision: z.enum(timePrecisions),
  /** Awards: the top N overall of each sex and the top N of each category. */
  awardOverall: z.int(),
  awardCategory: z.int(),
  /** An overall award winner is not also awarded in a category. */
  awardExcludeOverall: z.boolean(),
  /** Age-graded awards: the top N of each sex by age grade (0: none). */
  awardAgeGraded: z.int(),
  /** Team scoring; null: the race scores no teams. */
  teams: teamRules.nullable(),
})
export type ResultRules = z.infer<typeof resultRules>
