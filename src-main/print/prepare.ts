import type { PrintRequest } from '../../src-shared/contract/prints'
import type { ReadDb } from '../db/schema'
import type { ResultsEngine } from '../results/engine'
import { prepareAwardLists } from './award-lists'
import { prepareBibSheets } from './bib-sheets'
import { prepareCertificates } from './certificates'
import type { PreparedDocument } from './document'
import { prepareLabels } from './labels'
import { preparePickupLists } from './pickup-lists'
import { prepareResultLists } from './result-lists'
import { prepareChuteCards, prepareTallySheets } from './tally-sheets'
import { prepareTeamLists } from './team-lists'

export function prepareDocument(db: ReadDb, results: ResultsEngine, request: PrintRequest): Promise<PreparedDocument> {
  switch (request.kind) {
    case 'sheets':
      return prepareBibSheets(db, request)
    case 'lists':
      return preparePickupLists(db, request)
    case 'labels':
      return prepareLabels(db, request)
    case 'results':
      return prepareResultLists(db, results, request)
    case 'awards':
      return prepareAwardLists(db, results, request)
    case 'certificates':
      return prepareCertificates(db, results, request)
    case 'tally':
      return prepareTallySheets(db, request)
    case 'chute':
      return prepareChuteCards(db, request)
    case 'teams':
      return prepareTeamLists(db, results, request)
  }
}
