// cli.start: the command line as a user runs it, each command a whole process of its own.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../bin/race-office.mjs', import.meta.url))

/** Wall time of each of `runs` whole processes of `node ARGS…` (ms). */
function processTimes(args: string[], runs: number): number[] {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    execFileSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 })
    times.push(performance.now() - start)
  }
  return times
}

/** `race-office --help`, `race-office entrants FILE --json`, and the floor: `node -e 0`. */
export function cliStartTimes(eventPath: string, runs: number) {
  return {
    help: processTimes([cli, '--help'], runs),
    entrants: processTimes([cli, 'entrants', eventPath, '--json'], runs),
    floor: processTimes(['-e', '0'], runs),
  }
}
