import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cliPath, runCliProcess } from '../../tests/support/cli'

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>
  scripts: Record<string, string>
}

describe('the command line as installed', () => {
  it('runs the JavaScript the build made: no TypeScript loader is a production dependency or loaded by bin/', async () => {
    for (const loader of ['tsx', 'ts-node', 'typescript', 'esbuild', '@swc/core']) expect(manifest.dependencies).not.toHaveProperty(loader)
    const bin = readFileSync(cliPath, 'utf8')
    expect(bin).toContain("'../out/main/cli.js'")
    expect(bin).not.toMatch(/tsx|\.ts'/)
    // npm install builds it: the same build that makes the screens.
    expect(manifest.scripts['prepare']).toBe('electron-vite build')
    const help = await runCliProcess(['--help'])
    expect(help).toMatchObject({ code: 0, stderr: '' })
    expect(help.stdout).toContain('Usage: race-office <command> [options]')
  })
})
