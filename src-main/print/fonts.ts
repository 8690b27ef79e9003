import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Two Noto families print any runner's name: Noto Sans for Latin with every accent, Greek and
// Cyrillic, Noto Sans CJK for Hangul, kana and Chinese characters (its Latin lacks letters
// such as Ł). Files and their OFL licence: resources/fonts. The same relative path holds from
// the sources (tsx) and from the built main bundle (out/main).
const fontsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'fonts')

export type Weight = 'regular' | 'bold'

/** pdfkit's name for each registered face, with its file and, in a collection, its face name. */
export const faces = [
  { name: 'regular', file: join(fontsDir, 'NotoSans-Regular.ttf') },
  { name: 'bold', file: join(fontsDir, 'NotoSans-Bold.ttf') },
  { name: 'regular-cjk', file: join(fontsDir, 'NotoSansCJK-Regular.ttc'), face: 'NotoSansCJKkr-Regular' },
  { name: 'bold-cjk', file: join(fontsDir, 'NotoSansCJK-Bold.ttc'), face: 'NotoSansCJKkr-Bold' },
] as const

export type FaceFiles = Map<string, SharedArrayBuffer>

let files: FaceFiles | null = null

/**
 * Each face's file, read once per process (when a run first starts page workers) into memory the
 * workers share rather than copy: the CJK collections alone are 40 MB.
 */
export function faceFiles(): FaceFiles {
  files ??= new Map(faces.map((face) => [face.name, readShared(face.file)]))
  return files
}

/** In a worker thread: the files its parent has read, instead of reading them again. */
export function adoptFaceFiles(shared: FaceFiles): void {
  files = shared
}

function readShared(path: string): SharedArrayBuffer {
  const fd = openSync(path, 'r')
  try {
    const bytes = new Uint8Array(new SharedArrayBuffer(fstatSync(fd).size))
    for (let read = 0; read < bytes.length;) read += readSync(fd, bytes, read, bytes.length - read, read)
    return bytes.buffer as SharedArrayBuffer
  } finally {
    closeSync(fd)
  }
}

/** Height of Noto Sans digits and capitals, as a share of the font size (its OS/2 capHeight). */
export const capHeight = 0.714

const eastAsian = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u
const eastAsianRuns = /([\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]+)/u

/** The text cut where it passes between the two families, each piece with the face that prints it. */
export function fontRuns(text: string, weight: Weight): { text: string; font: string }[] {
  if (!eastAsian.test(text)) return [{ text, font: weight }]
  return text
    .split(eastAsianRuns)
    .filter((piece) => piece !== '')
    .map((piece) => ({ text: piece, font: eastAsian.test(piece) ? `${weight}-cjk` : weight }))
}
