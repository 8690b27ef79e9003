// How many runs and which seed a fuzz test uses: fixed by default so CI is repeatable,
// FUZZ_RUNS and FUZZ_SEED to explore more. A run count that would run nothing is refused, so a
// fuzz test can never pass without fuzzing.
export function fuzzOptions(defaultRuns: number): { numRuns: number; seed: number } {
  const runs = process.env['FUZZ_RUNS'] === undefined ? defaultRuns : Number(process.env['FUZZ_RUNS'])
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`FUZZ_RUNS=${process.env['FUZZ_RUNS']} would run no fuzz case: give a whole number of runs, 1 or more.`)
  const seed = process.env['FUZZ_SEED'] === undefined ? 20261130 : Number(process.env['FUZZ_SEED'])
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED=${process.env['FUZZ_SEED']} is not a whole number.`)
  return { numRuns: runs, seed }
}

declare module 'vitest' {
  interface TaskMeta {
    /** Fuzzed calls that got past validation, in the JSON report for the closing summary. */
    fuzzAccepted?: { accepted: number; total: number }
  }
}

/** Calls that got past validation, per command: a fuzz test that only ever sees refusals proves little. */
export class AcceptedShare {
  private readonly counts = new Map<string, { accepted: number; total: number }>()

  count(name: string, accepted: boolean): void {
    const entry = this.counts.get(name) ?? { accepted: 0, total: 0 }
    entry.total += 1
    if (accepted) entry.accepted += 1
    this.counts.set(name, entry)
  }

  counted(name: string): { accepted: number; total: number } {
    return { ...(this.counts.get(name) ?? { accepted: 0, total: 0 }) }
  }

  share(name: string): number {
    const entry = this.counts.get(name)
    return entry === undefined || entry.total === 0 ? 0 : entry.accepted / entry.total
  }

  /** One line per name: accepted / total (share). */
  report(): string {
    return [...this.counts]
      .map(([name, { accepted, total }]) => `${name}: ${accepted}/${total} accepted (${Math.round((100 * accepted) / total)} %)`)
      .join('\n')
  }
}
