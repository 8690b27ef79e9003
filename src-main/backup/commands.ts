import type { backupsCommands } from '../../src-shared/contract/backups'
import type { DomainParts } from '../commands/parts'
import { backupsStatus, listBackups, restoreBackup, setSecondFolder, verifyBackup } from './service'

export const backupsParts: DomainParts<typeof backupsCommands> = {
  'backups.status': { read: async ({ backups }) => backupsStatus(backups) },
  'backups.list': { read: async ({ backups }) => listBackups(backups) },
  'backups.verify': { read: async ({ backups }, input) => verifyBackup(backups, input.name, input.folder) },
  'backups.restore': { read: ({ backups, openEvent }, input) => restoreBackup(backups, input, openEvent) },
  'backups.setSecondFolder': {
    write: ({ tx, backups, nowMs }, input) => setSecondFolder(tx, backups, input.folder, nowMs),
    facts: [],
    about: null,
    undo: null,
  },
}
