import fc from 'fast-check'
import type { z } from 'zod'
import { AcceptedShare, fuzzOptions } from '../../tests/support/fuzz'
import { describe, expect, it } from 'vitest'
import { commandNames, commands, errorCodes, isWrite, type CommandName } from '../../src-shared/contract'
import { contentsOf, deeplyNested, hostileString, hostileValue } from '../../tests/support/hostile'
import { organiser, tempRouter } from '../../tests/support/temp-event'
import { validInputFor } from '../../tests/support/valid-inputs'
import type { Router } from './router'
import { unwrap } from '../../tests/support/results'

// Every command, random and hostile input: a typed refusal or a valid answer, never a crash or an
// INTERNAL failure, and a refused call leaves the file exactly as it was.

async function fuzzedOffice() {
  const office = await tempRouter({ backups: true })
  await office.router.call('races.create', { name: 'Marathon', distanceM: 42195, bibRanges: [{ first: 1, last: 999 }] }, organiser)
  const created = unwrap(await office.router.call('entrants.create', { raceId: 1, givenName: 'Min-jun', familyName: 'Kim', sex: 'M', bib: 7 }, organiser))
  return { ...office, entrantId: created.id, fingerprint: contentsOf(office.file.sqlite) }
}

/** Objects with the command's own field names (so some get past the schema) and hostile values. */
function inputsFor(command: CommandName, known: unknown[]): fc.Arbitrary<unknown> {
  const shape = (commands[command].input as unknown as { shape?: Record<string, z.ZodType> }).shape
  const leaf = fc.oneof(hostileValue, fc.constantFrom(...known))
  if (shape === undefined) return fc.oneof(hostileValue, fc.constant(deeplyNested(5000)))
  const fields = Object.fromEntries(Object.keys(shape).map((key) => [key, leaf]))
  return fc.oneof(
    { weight: 4, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.record({ ...fields, unexpected: leaf }, { requiredKeys: ['unexpected'] }) },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.constant({ [Object.keys(shape)[0] ?? 'x']: deeplyNested(5000) }) },
  )
}

/**
 * What a write is fuzzed with: its valid input as a test makes it (so the call gets past
 * validation and commits), that input with one field left out or made hostile, or an input
 * made of the command's field names and hostile values.
 */
function writeInputs(command: CommandName, known: unknown[]): fc.Arbitrary<(seed: unknown) => unknown> {
  const leaf = fc.oneof(hostileValue, fc.constantFrom(...known))
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant((seed: unknown) => seed) },
    {
      weight: 2,
      arbitrary: fc.record({ which: fc.nat(), drop: fc.boolean(), value: leaf }).map(({ which, drop, value }) => (seed: unknown) => {
        if (typeof seed !== 'object' || seed === null) return value
        const keys = Object.keys(seed)
        const key = keys[which % Math.max(1, keys.length)] ?? 'x'
        const { [key]: _left, ...rest } = seed as Record<string, unknown>
        return drop ? rest : { ...rest, [key]: value }
      }),
    },
    { weight: 1, arbitrary: inputsFor(command, known).map((input) => () => input) },
  )
}

const accepted = new AcceptedShare()

/** One call: within its contract when it succeeds, typed and harmless when it is refused. Whether it succeeded. */
async function answersWithinContract(router: Router, command: CommandName, input: unknown, fingerprint: () => string): Promise<boolean> {
  const before = fingerprint()
  // A session of its own each time: a random session.lock must not lock the next call out.
  const result = await router.dispatch(command, input, { ...organiser })
  if (result.ok) {
    const output = (commands[command].output as z.ZodType).safeParse(result.value)
    expect(output.success, `${command} answered outside its contract: ${output.error?.message}`).toBe(true)
    return true
  }
  expect(errorCodes).toContain(result.error.code)
  expect(result.error.code, `${command} failed inside: ${result.error.message}`).not.toBe('INTERNAL')
  expect(fingerprint(), `${command} was refused but changed the file`).toBe(before)
  return false
}

describe('every command under random and hostile input', () => {
  it.each(commandNames.filter((name) => !isWrite(name)))(
    '%s answers with a typed refusal or a valid result, and a refusal changes nothing',
    { timeout: 120_000 },
    async (command) => {
      const { router, entrantId, fingerprint } = await fuzzedOffice()
      const known: unknown[] = [1, 7, entrantId, 'finish', 'Marathon', true, 'sheets', 'csv']
      await fc.assert(
        fc.asyncProperty(inputsFor(command, known), async (input) => {
          await answersWithinContract(router, command, input, fingerprint)
        }),
        fuzzOptions(25),
      )
    },
  )

  it.for(commandNames.filter(isWrite))(
    '%s answers with a typed refusal or a valid result, a refusal changes nothing, and at least one call in five commits',
    { timeout: 240_000 },
    async (command, { task }) => {
      const known: unknown[] = [1, 7, 'finish', 'Marathon', true, 'sheets', 'csv']
      await fc.assert(
        fc.asyncProperty(writeInputs(command, known), async (make) => {
          // An office of its own each run: the valid input is made anew, and a run that committed
          // leaves nothing in the way of the next.
          const { router, file, backups, network } = await tempRouter({ backups: true })
          const seed = await validInputFor(
            { call: (name, input) => router.dispatch(name, input, organiser), sqlite: file.sqlite, backups, officeUrl: null, network },
            command,
          )
          const ok = await answersWithinContract(router, command, make(seed), contentsOf(file.sqlite))
          accepted.count(command, ok)
        }),
        fuzzOptions(40),
      )
      task.meta.fuzzAccepted = accepted.counted(command)
      expect(accepted.share(command), accepted.report()).toBeGreaterThanOrEqual(0.2)
    },
  )

  it('refuses unknown command names of every shape', async () => {
    const { router } = await fuzzedOffice()
    await fc.assert(
      fc.asyncProperty(hostileString, async (name) => {
        fc.pre(!(commandNames as readonly string[]).includes(name))
        expect(await router.dispatch(name, {}, organiser)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } })
      }),
      { numRuns: 200, seed: 20261130 },
    )
  })
})
