import { describe, expect, it } from 'vitest'
import { commandNames, isWrite } from '../../src-shared/contract'
import { everyFactGroup } from '../results/load'
import type { Part } from './parts'
import { commandParts, factsChangedBy, partOf } from './registry'

describe("every command's main-process parts", () => {
  it('are a write exactly where the contract says the command changes something', () => {
    for (const name of commandNames) expect({ name, write: 'write' in partOf(name) }).toEqual({ name, write: isWrite(name) })
    expect(Object.keys(commandParts).sort()).toEqual([...commandNames].sort())
  })

  it('offer an undo only for changes about one runner, since the undo is checked against that runner', () => {
    for (const name of commandNames) {
      const part = partOf(name)
      if ('write' in part && part.undo !== null) expect({ name, about: part.about }).toEqual({ name, about: expect.any(Object) })
    }
  })

  it('tell the results engine what a write changed, and everything for a command this version does not know', () => {
    expect(factsChangedBy('timing.correct')).toEqual(['captures'])
    expect(factsChangedBy('timing.capture')).toEqual([])
    expect(factsChangedBy('races.list')).toEqual(everyFactGroup)
    expect(factsChangedBy('teams.score')).toEqual(everyFactGroup)
  })
})

// Checked by the compiler (`tsc -b` type-checks the tests): a write that says only how it runs, or a
// read given a write's parts, does not compile.
const racesCreate = commandParts['races.create']
// @ts-expect-error a write must say what it changes, which runner it is about and how it is undone
export const writeWithoutItsParts: Part<'races.create'> = { write: racesCreate.write }
// @ts-expect-error a read has no transaction to write in
export const readAsWrite: Part<'races.list'> = { ...racesCreate }
