import type { resultsCommands } from '../../src-shared/contract/results'
import type { DomainParts } from '../commands/parts'
import { exportResults } from './exports'
import {
  checkProblem,
  listResults,
  overrideHistory,
  overrideResult,
  resultsAwards,
  resultsBoard,
  resultsProblems,
  resultsRaces,
  resultsTeams,
  runnerResult,
} from './service'

// Results are derived from the timing and the officials' decisions; a decision is taken back by
// another decision (its history is kept), not from the Audit view.
export const resultsParts: DomainParts<typeof resultsCommands> = {
  'results.races': { read: async ({ results }) => resultsRaces(results) },
  'results.teams': { read: async ({ results }, input) => resultsTeams(results, input.raceId) },
  'results.list': { read: async ({ results }, input) => listResults(results, input) },
  'results.runner': { read: async ({ results }, input) => runnerResult(results, input.bib) },
  'results.board': { read: async ({ results }, input) => resultsBoard(results, input) },
  'results.awards': { read: async ({ results }, input) => resultsAwards(results, input.raceId) },
  'results.problems': { read: ({ results, db, nowMs }) => resultsProblems(results, db, nowMs) },
  'results.history': { read: ({ db }, input) => overrideHistory(db, input.entrantId) },
  'results.override': {
    write: ({ tx, session, nowMs }, input) => overrideResult(tx, input, session, nowMs),
    facts: ['overrides'],
    about: { asked: (input) => input.entrantId },
    undo: null,
  },
  'results.checkProblem': {
    write: ({ tx, results, session, nowMs }, input) => checkProblem(tx, results, input, session, nowMs),
    facts: ['checks'],
    about: { made: (problem) => problem.entrantId },
    undo: null,
  },
  'results.export': { read: ({ results, db }, input) => exportResults(results, db, input) },
}
