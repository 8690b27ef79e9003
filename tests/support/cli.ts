import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const cliPath = fileURLToPath(new URL('../../bin/race-office.mjs', import.meta.url))

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `race-office ARGS…` as a user would, in its own process. */
export function runCliProcess(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

export interface Served {
  child: ChildProcessWithoutNullStreams
  url: string
  origin: string
  token: string
  stderr(): string
  /** Sends SIGTERM and resolves with the exit code once the process has closed the file. */
  stop(): Promise<number | null>
}

/** Starts `race-office serve FILE --port 0` and waits for its "open …" line. */
export function serveProcess(file: string, extraArgs: string[] = []): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, 'serve', file, '--port', '0', ...extraArgs], { stdio: 'pipe' })
    let stdout = ''
    let stderr = ''
    const exited = new Promise<number | null>((done) => child.on('close', done))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
      const match = /^open (http:\/\/[^/\s]+)\/#token=(\S+)$/m.exec(stdout)
      if (match?.[1] === undefined || match[2] === undefined) return
      resolve({
        child,
        url: `${match[1]}/#token=${match[2]}`,
        origin: match[1],
        token: match[2],
        stderr: () => stderr,
        stop: () => {
          child.kill('SIGTERM')
          return exited
        },
      })
    })
    void exited.then((code) => reject(new Error(`serve exited with ${code} before it was ready:\n${stderr}`)))
  })
}

/**
 * `init` arguments for the event the sample registration files are for (../shared/fixtures):
 * a marathon, a half and a 10K in Pyongyang, bibs 1–999, 1000–1999 and 2000–2999.
 */
export function sampleEventArgs(name: string, marathonBibs = '1-999'): string[] {
  const races = [`Marathon:42195:${marathonBibs}`, 'Half Marathon:21097:1000-1999', '10K:10000:2000-2999']
  return ['--name', name, '--date', '2025-04-06', '--tz', 'Asia/Pyongyang', ...races.flatMap((race) => ['--race', race])]
}
