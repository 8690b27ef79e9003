import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliProcess } from '../../tests/support/cli'
import { tempDir } from '../../tests/support/temp-event'
import { sampleEventArgs } from '../../tests/support/cli'

const fixtures = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures')

async function importedEvent(marathonRange = '1-999'): Promise<string> {
  const file = join(tempDir(), 'event.raceoffice')
  await runCliProcess(['init', file, ...sampleEventArgs('P', marathonRange)])
  await runCliProcess(['import', file, join(fixtures, 'registrations-platform.csv')])
  return file
}

describe('race-office bibs chips', () => {
  it('imports a chip file and prints the counts as JSON, and refuses a bad one with exit code 1', async () => {
    const file = await importedEvent()
    const chips = join(tempDir(), 'chips.csv')
    writeFileSync(chips, 'Chip,Bib\nA1,1\nA2,2\n')
    const run = await runCliProcess(['bibs', 'chips', file, chips, '--json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({ imported: 2, replaced: 0, unchanged: 0, rejected: [] })
    writeFileSync(chips, 'Chip,Bib\nA1,one\n')
    const bad = await runCliProcess(['bibs', 'chips', file, chips])
    expect(bad.code).toBe(1)
    expect(bad.stdout).toMatch(/row 2, bib: "one" is not a bib number/)
  })
})

describe('race-office bibs assign', () => {
  it('numbers every race by its rule and prints what it applied', async () => {
    const file = await importedEvent()
    const run = await runCliProcess(['bibs', 'assign', file, '--json'])
    expect(run.code).toBe(0)
    const applied = JSON.parse(run.stdout) as { race: string; assigned: number }[]
    expect(applied.map((r) => r.race)).toEqual(['Marathon', 'Half Marathon', '10K'])
    expect(applied.reduce((sum, r) => sum + r.assigned, 0)).toBe(30)
    const entrants = JSON.parse((await runCliProcess(['entrants', file, '--json'])).stdout) as { race: string; bib: number }[]
    expect(entrants.filter((e) => e.race === '10K').every((e) => e.bib >= 2000 && e.bib <= 2999)).toBe(true)
  })

  it('numbers one race alphabetically when asked', async () => {
    const file = await importedEvent()
    const run = await runCliProcess(['bibs', 'assign', file, '--race', 'marathon', '--rule', 'alphabetical'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Marathon: \d+ numbered \(alphabetical\), 0 kept their number\.$/m)
    const marathon = (
      JSON.parse((await runCliProcess(['entrants', file, '--race', 'Marathon', '--json'])).stdout) as { familyName: string; bib: number }[]
    ).sort((a, b) => a.bib - b.bib)
    expect(marathon[0]?.familyName).toBe('Andersson')
  })

  it('refuses a race whose numbers are too few, with exit code 1', async () => {
    const file = await importedEvent('1-3')
    const run = await runCliProcess(['bibs', 'assign', file, '--race', 'Marathon'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/Marathon's bib numbers are \d+ short/)
  })

  it('answers usage errors with exit code 2', async () => {
    expect((await runCliProcess(['bibs'])).code).toBe(2)
    expect((await runCliProcess(['bibs', 'chips', 'only-one.raceoffice'])).code).toBe(2)
    expect((await runCliProcess(['bibs', 'assign', 'x.raceoffice', '--rule', 'lottery'])).code).toBe(2)
  })
})
