import { describe, expect, it } from 'vitest'
import { auditCommands } from './audit'
import { backupsCommands } from './backups'
import { bibsCommands } from './bibs'
import { checkinCommands } from './checkin'
import { commandNames } from './commands'
import { desksCommands } from './desks'
import { entrantsCommands } from './entrants'
import { eventCommands } from './event'
import { importsCommands } from './imports'
import { printsCommands } from './prints'
import { racesCommands } from './races'
import { resultsCommands } from './results'
import { timingCommands } from './timing'
import { manualTimingCommands } from './manual-timing'

const domains = [
  eventCommands,
  racesCommands,
  entrantsCommands,
  importsCommands,
  bibsCommands,
  printsCommands,
  checkinCommands,
  desksCommands,
  timingCommands,
  manualTimingCommands,
  resultsCommands,
  auditCommands,
  backupsCommands,
]

describe('the one table of commands', () => {
  it('holds every domain command once, so no domain silently replaces another one', () => {
    const names = domains.flatMap((table) => Object.keys(table))
    expect(new Set(names).size).toBe(names.length)
    expect([...names].sort()).toEqual([...commandNames].sort())
  })
})
