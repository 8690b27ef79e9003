// finish.typed.keys: keystrokes per time typed from a stopwatch tape on the Finish line desk's
// Typed times mode, over a held tape: the 2012 Boston Marathon's official finish times
// (../shared/validation/), as a tape prints them. Each time is typed by the desk's digits rule,
// key by key through the same "Enter by itself" rule the desk applies, and read back by the
// desk's parser: a time that would not come back as it was on the tape fails the bench.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { entersByItself, parseTypedLine, typedDigitsOf } from '../src-shared/timing/typed-times'

const file = join(import.meta.dirname, '..', '..', 'shared', 'validation', 'boston-marathon-2012-results.csv')

/** The tape: every official time, to the second as published (minutes with decimals in the file). */
export function bostonTape(): number[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data
  return rows.map((row) => Math.round(Number(row['official']) * 60) * 1000).filter((ms) => Number.isFinite(ms) && ms > 0)
}

/** As the tape prints it: 2:22:56. */
const printed = (ms: number): string => {
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}

/** Keys per time with the desk set to go in by itself after `autoDigits` digits (0: Enter each time). */
export function typedKeys(tape: readonly number[], autoDigits: number): { keys: number; floor: number } {
  let keys = 0
  let digits = 0
  for (const ms of tape) {
    let line = ''
    let committed: string | null = null
    for (const key of typedDigitsOf(ms)) {
      line += key
      keys++
      if (entersByItself(line, autoDigits)) {
        committed = line
        break
      }
    }
    if (committed === null) {
      keys++
      committed = line
    }
    const read = parseTypedLine(committed)
    if (!read.ok || read.timeMs !== ms) throw new Error(`${printed(ms)} typed as ${committed} reads back as ${read.ok ? read.timeMs : read.problem}`)
    digits += printed(ms).replace(/\D/g, '').length
  }
  return { keys: keys / tape.length, floor: digits / tape.length }
}
