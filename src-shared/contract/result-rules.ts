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
export const teamSources = ['club', 'team'] as const
export const bandAdaptations = ['split', 'merge'] as const
/** The first `size` finishers of a team score: by the sum of places or of times, lowest first; ties go to the better last scorer. */
export const teamRules = z.object({
  score: z.enum(teamScores),
  size: z.int().min(1).max(20),
  /** open: men and women alike; bySex: women's and men's teams apart; mixed: at least `mixedMin` of each sex among the scorers. */
  sex: z.enum(teamSexes),
  mixedMin: z.int().min(1).max(10),
  /** team: places among the runners with a team only (cross-country); overall: the race's places. */
  places: z.enum(teamPlaceCounts),
  /** What a runner's team is: the club, or the team column of the import (or of the runner's card). */
  from: z.enum(teamSources).default('club'),
})
export type TeamRules = z.infer<typeof teamRules>

/** A division of the organiser's own with awards: the top N of it, of each sex apart or all together. */
export const divisionAward = z.object({
  name: z.string().trim().min(1).max(60),
  top: z.int().min(1).max(50),
  bySex: z.boolean(),
})
export type DivisionAward = z.infer<typeof divisionAward>

/**
 * Age bands fitted to the field: a band (of one sex) with more than `runners` runners is split in
 * two, or one with fewer is merged into its smaller neighbour (the younger on a tie).
 */
export const bandAdaptation = z.object({
  adapt: z.enum(bandAdaptations),
  runners: z.int().min(2).max(10_000),
})
export type BandAdaptation = z.infer<typeof bandAdaptation>

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
  /** Team awards where the race scores teams: the top N complete teams (of each sex when by sex). */
  awardTeams: z.int(),
  /** Team scoring; null: the race scores no teams. */
  teams: teamRules.nullable(),
  /** Divisions awarded apart; every division has its own places whether awarded or not. */
  divisions: z.array(divisionAward),
  /** Age bands split or merged by the number of runners in them; null: the bands as set. */
  bands: bandAdaptation.nullable(),
})
export type ResultRules = z.infer<typeof resultRules>
