// Adds up what vitest and Playwright ran and prints one closing line; exits non-zero when a
// step failed or a suite ran no test at all (a silent skip must never look green).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const [reports, ...failedSteps] = process.argv.slice(2)
const problems = [...failedSteps.map((step) => `step failed: ${step}`)]
let passed = 0
let failed = 0
let skipped = 0

function read(name) {
  const path = join(reports, name)
  if (!existsSync(path)) {
    problems.push(`no report from ${name}: the suite did not run`)
    return null
  }
  return JSON.parse(readFileSync(path, 'utf8'))
}

const vitest = read('vitest.json')
if (vitest !== null) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
  skipped += vitest.numPendingTests + vitest.numTodoTests
  if (vitest.numTotalTests === 0) problems.push('vitest ran no test')
}

const playwright = read('playwright.json')
if (playwright !== null) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped: notRun = 0 } = playwright.stats ?? {}
  passed += expected + flaky
  failed += unexpected
  skipped += notRun
  if (expected + unexpected + flaky === 0) problems.push('Playwright ran no test')
}

for (const problem of problems) console.error(`- ${problem}`)
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`)
process.exit(problems.length > 0 || failed > 0 || skipped > 0 ? 1 : 0)
