import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../tests/support/temp-event'

const script = join(import.meta.dirname, 'test-summary.mjs')

/** A project with two unit-test files and one browser spec, and the reports a run left. */
function project(vitestFiles: Record<string, number>, playwrightTests: number) {
  const dir = tempDir()
  execFileSync('git', ['init', '-q', dir])
  mkdirSync(join(dir, 'src'))
  mkdirSync(join(dir, 'tests', 'e2e'), { recursive: true })
  for (const file of ['src/a.test.ts', 'src/b.test.ts', 'tests/e2e/desk.spec.ts']) writeFileSync(join(dir, file), '')
  const reports = join(dir, 'reports')
  mkdirSync(reports)
  const tests = Object.values(vitestFiles).reduce((a, b) => a + b, 0)
  const passing = (count: number) => Array.from({ length: count }, () => ({ status: 'passed' }))
  writeFileSync(
    join(reports, 'vitest.json'),
    JSON.stringify({
      numPassedTests: tests,
      numFailedTests: 0,
      numPendingTests: 0,
      numTodoTests: 0,
      numTotalTests: tests,
      testResults: Object.entries(vitestFiles).map(([file, count]) => ({ name: join(dir, file), assertionResults: passing(count) })),
    }),
  )
  writeFileSync(
    join(reports, 'playwright.json'),
    JSON.stringify({
      stats: { expected: playwrightTests },
      suites: [{ file: 'desk.spec.ts', specs: Array.from({ length: playwrightTests }, () => ({ tests: [{ results: [{ status: 'passed' }] }] })) }],
    }),
  )
  return (env: Record<string, string> = {}) => {
    const run = spawnSync(process.execPath, [script, reports], { cwd: dir, encoding: 'utf8', env: { ...process.env, FUZZ_RUNS: '', ...env } })
    return { code: run.status, stderr: run.stderr }
  }
}

describe('the closing test summary', () => {
  it('passes a run in which every test file ran tests', () => {
    const run = project({ 'src/a.test.ts': 2, 'src/b.test.ts': 1 }, 1)
    expect(run({ FUZZ_RUNS: '5' })).toEqual({ code: 0, stderr: '' })
  })

  it('refuses a test file that ran no test, and one that was not run at all', () => {
    expect(project({ 'src/a.test.ts': 2, 'src/b.test.ts': 0 }, 1)()).toEqual({ code: 1, stderr: '- vitest: src/b.test.ts ran no test\n' })
    expect(project({ 'src/a.test.ts': 2 }, 1)()).toEqual({ code: 1, stderr: '- vitest: src/b.test.ts was not run\n' })
    expect(project({ 'src/a.test.ts': 2, 'src/b.test.ts': 1 }, 0)().stderr).toContain('Playwright: tests/e2e/desk.spec.ts ran no test')
  })

  it('refuses a fuzz run asked to run no case', () => {
    expect(project({ 'src/a.test.ts': 2, 'src/b.test.ts': 1 }, 1)({ FUZZ_RUNS: '0' })).toEqual({ code: 1, stderr: '- FUZZ_RUNS=0 runs no fuzz case\n' })
  })
})
