import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-event'
import { openEventFile } from '../open'
import { migrations } from '.'

describe('migration 0015: chips by their key', () => {
  it('keeps the chips and reads of a file written before it under their keys, and a read there twice once', async () => {
    const path = join(tempDir(), 'before-chip-keys.raceoffice')
    const old = await openEventFile(path, { migrations: migrations.slice(0, 14), newEvent: { name: 'Seoul 10K' } })
    const insertChip = old.sqlite.prepare('insert into chip (code, bib, updated_at_ms) values (?, ?, 1)')
    insertChip.run('058003', 1)
    insertChip.run('e2943', 2)
    insertChip.run('000', 3)
    const insertRead = old.sqlite.prepare(
      "insert into chip_read (import_id, chip, bib, point, at_ms, reader, line) values ('i', ?, null, 'finish', ?, null, 1)",
    )
    insertRead.run('058003', 1000)
    insertRead.run('58003', 1000)
    insertRead.run('0e2943', 2000)
    await old.close()

    const file = await openEventFile(path)
    expect(file.sqlite.prepare('select code, bib from chip order by bib').all()).toEqual([
      { code: '58003', bib: 1 },
      { code: 'E2943', bib: 2 },
      { code: '0', bib: 3 },
    ])
    expect(file.sqlite.prepare('select chip, at_ms from chip_read order by at_ms').all()).toEqual([
      { chip: '58003', at_ms: 1000 },
      { chip: 'E2943', at_ms: 2000 },
    ])
    await file.close()
  })
})
