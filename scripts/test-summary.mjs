// Adds up what vitest and Playwright ran and prints one closing line; exits non-zero when a
// step failed, a suite ran no test at all, a test file on disk was not run or ran no test, or
// fuzzing was asked to run nothing (a silent skip must never look green).
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const [reports, ...failedSteps] = process.argv.slice(2)
const problems = [...failedSteps.map((step) => `step failed: ${step}`)]
const root = process.cwd()
let passed = 0
let failed = 0
let skipped = 0
let fuzzLine = null

function read(name) {
  const path = join(reports, name)
  if (!existsSync(path)) {
    problems.push(`no report from ${name}: the suite did not run`)
    return null
  }
  return JSON.parse(readFileSync(path, 'utf8'))
}

/** The project's files matching a pattern, as git knows them (committed or not yet). */
function filesLike(pattern) {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', pattern], { encoding: 'utf8' }).split('\n').filter(Boolean)
}

/** Every file on disk must have run at least one test; `ran` maps a file to the tests it ran. */
function eachFileRan(suite, files, ran) {
  for (const file of files) {
    if (!ran.has(file)) problems.push(`${suite}: ${file} was not run`)
    else if (ran.get(file) === 0) problems.push(`${suite}: ${file} ran no test`)
  }
}

const vitest = read('vitest.json')
if (vitest !== null) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
  skipped += vitest.numPendingTests + vitest.numTodoTests
  if (vitest.numTotalTests === 0) problems.push('vitest ran no test')
  const ran = new Map(
    vitest.testResults.map((file) => [
      relative(root, file.name),
      file.assertionResults.filter((test) => test.status === 'passed' || test.status === 'failed').length,
    ]),
  )
  eachFileRan(
    'vitest',
    filesLike('*.test.ts').filter((file) => !file.startsWith('tests/e2e/')),
    ran,
  )
  // Fuzz tests record how many of their calls got past validation: the least of them is shown.
  const fuzzed = vitest.testResults.flatMap((file) => file.assertionResults).filter((test) => test.meta?.fuzzAccepted !== undefined)
  const least = fuzzed.map((test) => ({ title: test.title, ...test.meta.fuzzAccepted })).sort((a, b) => a.accepted / a.total - b.accepted / b.total)[0]
  if (least !== undefined)
    fuzzLine = `fuzz: ${fuzzed.length} tests count the calls past validation; the fewest: ${least.accepted}/${least.total} (${least.title.split(' ')[0]})`
}

const playwright = read('playwright.json')
if (playwright !== null) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped: notRun = 0 } = playwright.stats ?? {}
  passed += expected + flaky
  failed += unexpected
  skipped += notRun
  if (expected + unexpected + flaky === 0) problems.push('Playwright ran no test')
  const ran = new Map()
  const walk = (suite) => {
    const file = join('tests/e2e', suite.file ?? '')
    const tests = (suite.specs ?? []).flatMap((spec) => spec.tests ?? []).filter((test) => (test.results ?? []).some((result) => result.status !== 'skipped'))
    ran.set(file, (ran.get(file) ?? 0) + tests.length)
    for (const child of suite.suites ?? []) walk(child)
  }
  for (const suite of playwright.suites ?? []) walk(suite)
  eachFileRan('Playwright', filesLike('tests/e2e/*.spec.ts'), ran)
}

const fuzzRuns = process.env.FUZZ_RUNS
if (fuzzRuns !== undefined && fuzzRuns !== '' && !(Number.isInteger(Number(fuzzRuns)) && Number(fuzzRuns) >= 1))
  problems.push(`FUZZ_RUNS=${fuzzRuns} runs no fuzz case`)

for (const problem of problems) console.error(`- ${problem}`)
if (fuzzLine !== null) console.log(`\n${fuzzLine}`)
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`)
process.exit(problems.length > 0 || failed > 0 || skipped > 0 ? 1 : 0)
