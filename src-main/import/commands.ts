import type { importsCommands } from '../../src-shared/contract/imports'
import type { DomainParts } from '../commands/parts'
import { commitImport, previewImport, uploadChunk } from './service'

// A registration file arrives in chunks and is previewed in memory; only the commit writes, and
// it has its own way back (the file's runners are there to edit or delete), not an undo.
export const importsParts: DomainParts<typeof importsCommands> = {
  'imports.upload': { read: async ({ imports }, input) => uploadChunk(imports, input) },
  'imports.preview': { read: ({ db, imports }, input) => previewImport(db, imports, input) },
  'imports.commit': {
    write: ({ tx, sqlite, imports, nowMs }, input) => commitImport(tx, sqlite, imports, input, nowMs),
    facts: ['runners'],
    about: null,
    undo: null,
  },
  'imports.discard': {
    read: async ({ imports }, input) => {
      imports.discard(input.id)
      return { id: input.id }
    },
  },
}
