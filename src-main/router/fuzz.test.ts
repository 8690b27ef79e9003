import fc from 'fast-check'
import type { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { commandNames, commands, errorCodes, type CommandName } from '../../src-shared/contract'
import { contentsOf, deeplyNested, hostileString, hostileValue } from '../../tests/support/hostile'
import { organiser, tempRouter } from '../../tests/support/temp-event'

// Every command, random and hostile input: a typed refusal or a valid answer, never a crash or an
// INTERNAL failure, and a refused call leaves the file exactly as it was.

async function fuzzedOffice() {
  const office = await tempRouter({ backups: true })
  await office.router.call('races.create', { name: 'Marathon', distanceM: 42195, bibRanges: [{ first: 1, last: 999 }] }, organiser)
  const created = await office.router.call('entrants.create', { raceId: 1, givenName: 'Min-jun', familyName: 'Kim', sex: 'M', bib: 7 }, organiser)
  if (!created.ok) throw new Error(created.error.message)
  return { ...office, entrantId: created.value.id, fingerprint: contentsOf(office.file.sqlite) }
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

describe('every command under random and hostile input', () => {
  it.each(commandNames)('%s answers with a typed refusal or a valid result, and a refusal changes nothing', { timeout: 120_000 }, async (command) => {
    const { router, entrantId, fingerprint } = await fuzzedOffice()
    const known: unknown[] = [1, 7, entrantId, 'finish', 'Marathon', true, 'sheets', 'csv']
    await fc.assert(
      fc.asyncProperty(inputsFor(command, known), async (input) => {
        const before = fingerprint()
        // A session of its own each time: a random session.lock must not lock the next call out.
        const result = await router.dispatch(command, input, { ...organiser })
        if (result.ok) {
          const output = (commands[command].output as z.ZodType).safeParse(result.value)
          expect(output.success, `${command} answered outside its contract: ${output.error?.message}`).toBe(true)
          return
        }
        expect(errorCodes).toContain(result.error.code)
        expect(result.error.code, `${command} failed inside: ${result.error.message}`).not.toBe('INTERNAL')
        expect(fingerprint(), `${command} was refused but changed the file`).toBe(before)
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 25), seed: Number(process.env.FUZZ_SEED ?? 20261130) },
    )
  })

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
