import { z } from 'zod'

// How a race's results are ranked, rounded and awarded: part of the race's settings.

export const rankingBases = ['gun', 'net'] as const
export type RankingBasis = (typeof rankingBases)[number]
/** Times are rounded up: to whole seconds (road races, World Athletics), tenths or hundredths. */
export const timePrecisions = ['s', 'ds', 'cs'] as const
export type TimePrecision = (typeof timePrecisions)[number]
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
})
export type ResultRules = z.infer<typeof resultRules>
