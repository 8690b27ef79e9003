#!/usr/bin/env node
// The command line as the project's build made it (npm install builds it): nothing is compiled
// when a command runs.
import { existsSync } from 'node:fs'

const built = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(built)) {
  process.stderr.write('Race Office is not built yet: run npm install (or npm run build) in its folder first.\n')
  process.exit(70)
}
const { runCli, processIo } = await import(built.href)
process.exitCode = await runCli(process.argv.slice(2), processIo)
