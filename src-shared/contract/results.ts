import { z } from 'zod'
import { everyone, organiser, type CommandTable } from './command-spec'
import { id, instantMs } from './fields'
import { bib } from './entrants'
import { rankingBases, resultRules, teamRules, teamScores } from './result-rules'

// Results: derived from captures, clocks, waves, chip reads and the officials' decisions; never typed in.

/** An official's decision about a runner. */
export const overrideStatuses = ['DNS', 'DNF', 'DQ'] as const
/** `onCourse`: started or expected, no finish yet ("not yet finished"). */
export const resultStatuses = ['finished', 'onCourse', 'DNS', 'DNF', 'DQ'] as const
export type ResultStatus = (typeof resultStatuses)[number]
const sex = z.enum(['F', 'M', 'X'])

export const splitResult = z.object({
  point: z.string(),
  distanceM: z.int(),
  /** From the gun, rounded up like every time. */
  gunTimeMs: z.int(),
  netTimeMs: z.int(),
  /** Place among the race's runners at this point, on the race's ranking basis. */
  position: z.int(),
})

/** Why a finisher has no age grade: the race's distance, the runner's sex or age is not in the road tables, or no birth date. */
export const ageGradeReasons = ['distanceNotInTables', 'sexNotInTables', 'noBirthDate', 'ageNotInTables'] as const
export type AgeGradeReason = (typeof ageGradeReasons)[number]

/** One runner's result. The first twelve fields are the public JSON row of `race-office results`. */
export const resultRow = z.object({
  race: z.string(),
  bib: z.int().nullable(),
  givenName: z.string(),
  familyName: z.string(),
  sex,
  category: z.string().nullable(),
  status: z.enum(resultStatuses),
  /** Official times, rounded up to the race's precision; null until finished. */
  gunTimeMs: z.int().nullable(),
  netTimeMs: z.int().nullable(),
  place: z.int().nullable(),
  sexPlace: z.int().nullable(),
  categoryPlace: z.int().nullable(),
  raceId: id,
  entrantId: z.string(),
  secondName: z.string().nullable(),
  wave: z.string().nullable(),
  club: z.string().nullable(),
  /** A team apart from the club (the import's team column or the runner's card). */
  team: z.string().nullable(),
  /** The organiser's divisions the runner is in (wheelchair, corporate…); empty for none. */
  division: z.array(z.string()),
  /** The runner's place in each of their divisions, in the order of `division`; empty until ranked. */
  divisionPlaces: z.array(z.int()),
  nationality: z.string().nullable(),
  /** The official's reason for DNS, DNF or DQ. */
  statusReason: z.string().nullable(),
  /** The instants behind the times: the finish and the runner's own start (mat), when known. */
  finishAtMs: instantMs.nullable(),
  startAtMs: instantMs.nullable(),
  /** Where the finish came from: a chip read or a finish-line capture. */
  finishSource: z.enum(['chip', 'capture']).nullable(),
  splits: z.array(splitResult),
  /** From the 2025 road age-grading tables, on the official time; null without one (see ageGradeReason). */
  ageGradePct: z.number().nullable(),
  ageGradedTimeMs: z.int().nullable(),
  /** Why a finisher has no age grade; null when graded or not finished. */
  ageGradeReason: z.enum(ageGradeReasons).nullable(),
})
export type ResultRow = z.infer<typeof resultRow>

export const raceResultsInfo = z.object({
  id,
  name: z.string(),
  distanceM: z.int(),
  rules: resultRules,
  categories: z.array(z.string()),
  /** The divisions the race's runners are in, as first spelt. */
  divisions: z.array(z.string()),
  counts: z.record(z.enum(resultStatuses), z.int()),
  /** The race's distance is in the road age-grading tables: its finishers are age-graded. */
  ageGrading: z.boolean(),
})

const search = z.string().trim().max(100)

export const resultsListInput = z.strictObject({
  raceId: id,
  sex: sex.optional(),
  category: z.string().trim().min(1).max(40).optional(),
  /** One division's runners (matched regardless of case); each row's divisionPlaces has its place in it. */
  division: z.string().trim().min(1).max(60).optional(),
  status: z.enum(resultStatuses).optional(),
  /** Name, bib or club. */
  search: search.optional(),
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).max(1000).default(200),
  /** place: result order; ageGrade: the highest age grade first, then those without one in result order. */
  sort: z.enum(['place', 'ageGrade']).default('place'),
})

export const resultsList = z.object({
  race: raceResultsInfo,
  /** Finishers in place order, then runners on course, then DNS, DNF and DQ. */
  rows: z.array(resultRow),
  total: z.int(),
  /** Problems not yet looked at by an official: the results are provisional until there are none. */
  openProblems: z.int(),
})

export const resultsRacesInput = z.strictObject({})
export const resultsRaces = z.object({ races: z.array(raceResultsInfo), openProblems: z.int() })

export const resultsRunnerInput = z.strictObject({ bib })
export const resultsRunner = z.object({ row: resultRow, race: raceResultsInfo, finishers: z.int(), sexFinishers: z.int(), categoryFinishers: z.int() })

export const teamResult = z.object({
  team: z.string(),
  /** F or M when the race's teams are by sex; null for open and mixed teams. */
  sex: sex.nullable(),
  /** Null for an incomplete team. */
  place: z.int().nullable(),
  /** The sum of the scorers' places, or of their times (ms). */
  score: z.int(),
  complete: z.boolean(),
  scorers: z.array(z.object({ bib: z.int().nullable(), name: z.string(), sex, place: z.int(), timeMs: z.int() })),
})
export const resultsBoardInput = z.strictObject({ raceId: id.optional(), last: z.int().min(1).max(50).default(12), leaders: z.int().min(1).max(10).default(3) })
export const resultsBoard = z.object({
  eventName: z.string(),
  /** The latest finishers across the races shown, newest first. */
  latest: z.array(resultRow),
  leaders: z.array(
    z.object({
      raceId: id,
      race: z.string(),
      ranking: z.enum(rankingBases),
      /** The race has problems not yet checked: its leaders are provisional. */
      provisional: z.boolean(),
      sexes: z.array(z.object({ sex, rows: z.array(resultRow) })),
      /** The leading complete teams (as many as `leaders`, of each sex when by sex); empty when the race scores none. */
      teams: z.array(teamResult),
      /** What the teams' scores are: sums of places, or of times (ms); null when the race scores no teams. */
      teamScore: z.enum(teamScores).nullable(),
    }),
  ),
  finishers: z.int(),
  onCourse: z.int(),
})

export const resultsOverrideInput = z.strictObject({
  entrantId: z.string().min(1).max(64),
  /** Null withdraws the decision: the runner's status follows the times again. */
  status: z.enum(overrideStatuses).nullable(),
  reason: z.string().trim().min(1).max(300),
})
export const resultOverride = z.object({
  id: z.string(),
  entrantId: z.string(),
  status: z.enum(overrideStatuses).nullable(),
  reason: z.string(),
  atMs: instantMs,
  actor: z.string(),
  desk: z.string(),
})
export const resultsHistoryInput = z.strictObject({ entrantId: z.string().min(1).max(64) })

export const problemKinds = [
  'timeWithoutBib',
  'bibWithoutTime',
  'unknownBib',
  'duplicateFinish',
  'startWithoutFinish',
  'impossibleTime',
  'noGun',
  'clockUnknown',
  'futureTime',
  'beforeFirstGun',
  /** A backup timer's finding the results depend on (see timing.crossCheck): fixed with timing.applyCrossCheck. */
  'crossCheck',
] as const
export type ProblemKind = (typeof problemKinds)[number]
export const resultProblem = z.object({
  /** Stable while the problem stands: what an official's check is kept under. */
  key: z.string(),
  kind: z.enum(problemKinds),
  race: z.string().nullable(),
  bib: z.int().nullable(),
  entrantId: z.string().nullable(),
  name: z.string().nullable(),
  captureId: z.string().nullable(),
  atMs: instantMs.nullable(),
  /** A time that goes with the problem (the finish time, the two times of a duplicate…). */
  timesMs: z.array(z.int()),
  /** The recording device (a clock never measured, a time in the future). */
  device: z.string().nullable(),
  /** How many times it is about (a device's times taken on an unmeasured clock). */
  count: z.int().nullable(),
  checked: z.object({ note: z.string(), atMs: instantMs, actor: z.string(), desk: z.string() }).nullable(),
  /** For a bib nobody wears: the bibs it most likely meant, best first (see timing.nearMiss). */
  candidates: z.array(z.object({ bib: z.int(), name: z.string(), race: z.string() })),
})
export type ResultProblem = z.infer<typeof resultProblem>
export const resultsProblemsInput = z.strictObject({})
export const resultsProblems = z.object({ problems: z.array(resultProblem), open: z.int() })
export const resultsCheckProblemInput = z.strictObject({ key: z.string().min(1).max(200), note: z.string().trim().min(1).max(300) })

export const resultsAwardsInput = z.strictObject({ raceId: id.optional() })
const awardGroup = z.object({
  title: z.string(),
  sex: sex.nullable(),
  category: z.string().nullable(),
  /** A division's award (the race's award rules name it); null for the others. */
  division: z.string().nullable(),
  rows: z.array(resultRow),
})
export const resultsAwards = z.object({
  races: z.array(
    z.object({
      race: raceResultsInfo,
      overall: z.array(awardGroup),
      categories: z.array(awardGroup),
      /** The top N of each sex by age grade (the race's awardAgeGraded); empty when it has none. */
      ageGraded: z.array(awardGroup),
      /** The top N of each division the race's award rules name, of each sex where they say so. */
      divisions: z.array(awardGroup),
      /** The top N complete teams (the race's awardTeams), of each sex when teams are by sex; empty when it scores none. */
      teams: z.array(z.object({ sex: sex.nullable(), teams: z.array(teamResult) })),
      /** Winners as they finish, provisional until the race's problems are all checked. */
      provisional: z.boolean(),
    }),
  ),
  openProblems: z.int(),
})

export const resultsTeamsInput = z.strictObject({ raceId: id.optional() })
export const resultsTeams = z.object({
  races: z.array(z.object({ race: raceResultsInfo, rules: teamRules, provisional: z.boolean(), teams: z.array(teamResult) })),
})

/** csv and html: ours; itra (XLSX) and ultrasignup (CSV): the files those platforms take, one race each. */
export const exportFormats = ['csv', 'html', 'itra', 'ultrasignup'] as const
export const resultsExportInput = z.strictObject({ format: z.enum(exportFormats), raceId: id.optional(), language: z.enum(['en', 'ko']).default('en') })
export const resultsExported = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** The CSV text, the XLSX workbook, or the HTML site's folder as a ZIP file, in base64. */
  base64: z.string(),
})

export const resultsCommands = {
  // Results are derived from the timing and the officials' decisions; the reads are for every screen (the board, the kiosk).
  'results.races': { input: resultsRacesInput, output: resultsRaces, roles: everyone, changes: [] },
  'results.list': { input: resultsListInput, output: resultsList, roles: everyone, changes: [] },
  'results.runner': { input: resultsRunnerInput, output: resultsRunner, roles: everyone, changes: [] },
  'results.board': { input: resultsBoardInput, output: resultsBoard, roles: everyone, changes: [] },
  'results.awards': { input: resultsAwardsInput, output: resultsAwards, roles: everyone, changes: [] },
  // Team scores of the races that score teams (a race without team rules is left out).
  'results.teams': { input: resultsTeamsInput, output: resultsTeams, roles: everyone, changes: [] },
  'results.problems': { input: resultsProblemsInput, output: resultsProblems, roles: everyone, changes: [] },
  'results.history': { input: resultsHistoryInput, output: z.array(resultOverride), roles: everyone, changes: [] },
  'results.override': { input: resultsOverrideInput, output: resultOverride, roles: organiser, changes: ['results'] },
  'results.checkProblem': { input: resultsCheckProblemInput, output: resultProblem, roles: organiser, changes: ['results'] },
  'results.export': { input: resultsExportInput, output: resultsExported, roles: organiser, changes: [] },
} as const satisfies CommandTable
