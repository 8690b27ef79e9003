#!/usr/bin/env node
// The CLI runs the TypeScript sources directly (through tsx), so a fresh clone needs no build
// step for scripts; only `serve` needs the built screens (npm run build, run by npm install).
import { register } from 'tsx/esm/api'

register()
const { runCli, processIo } = await import('../src-main/cli/main.ts')
process.exitCode = await runCli(process.argv.slice(2), processIo)
