// Loaded with `node --import` into a command the benchmarks run as a whole process: writes the
// process's peak memory (all its threads) as the last line of stderr as it exits.
import { writeSync } from 'node:fs'

process.on('exit', () => writeSync(2, `\n${JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`))
