import { isAbsolute, resolve } from 'node:path'

/**
 * The event file a launch was given: double-clicking a .raceoffice file starts the app (or a
 * second copy of it, which hands its command line to the one running) with the file among its
 * arguments, beside Electron's own switches. Null when it was given none.
 */
export function eventFileIn(argv: readonly string[], cwd: string): string | null {
  // The first argument is the program itself (and, unpackaged, the app's folder).
  const file = argv.slice(1).find((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.raceoffice'))
  if (file === undefined) return null
  return isAbsolute(file) ? file : resolve(cwd, file)
}
