import type { PrintRequest } from '../../src-shared/contract/prints'
import type { Db } from '../db/open'
import { prepareBibSheets } from './bib-sheets'
import type { PreparedDocument } from './document'
import { prepareLabels } from './labels'
import { preparePickupLists } from './pickup-lists'

export function prepareDocument(db: Db, request: PrintRequest): Promise<PreparedDocument> {
  switch (request.kind) {
    case 'sheets':
      return prepareBibSheets(db, request)
    case 'lists':
      return preparePickupLists(db, request)
    case 'labels':
      return prepareLabels(db, request)
  }
}
