import { capHeight } from './fonts'
import { qrRuns, type Code128 } from './codes'
import { defaultRaceColour, inkOn } from './colour'
import type { Pdf, Typesetter } from './pdf-document'
import { inset, mm, type Rect } from './paper'
import { safeMargin } from './sheet-layouts'
import type { PrintWords } from './words'

export interface BibFace {
  bib: number
  /** As the runner writes it (see personName). */
  name: string
  secondName: string | null
  reference: string | null
  raceName: string
  raceColour: string | null
  /** The wave (or corral) the runner starts in, printed beside the race's name. */
  wave: string | null
  /** What the QR code and barcode say. */
  scanCode: string
}

export interface FaceStyle {
  eventName: string
  logo: PDFKit.PDFKitImage | null
  /** The barcode beside the QR code, when the run prints one. */
  code128: Code128 | null
  tabs: number
  words: PrintWords
}

const ink = '#111111'
const quiet = '#666666'

/**
 * One bib in its piece of the page: the race's colour band with its name, the number as large as
 * the piece allows, the runner's name, the scan codes, and the tear-off tabs below a perforation.
 */
export function drawBib(doc: Pdf, type: Typesetter, cell: Rect, face: BibFace, style: FaceStyle): void {
  const content = inset(cell, safeMargin)
  const tabHeight = style.tabs > 0 ? content.height * 0.2 : 0
  const gap = style.tabs > 0 ? 4 * mm : 0
  const main: Rect = { ...content, height: content.height - tabHeight - gap }

  const bandHeight = main.height * 0.17
  drawBand(doc, type, { ...main, height: bandHeight }, face, style)

  // Every bib of a race has its number at the same size, whatever else it carries.
  const numberTop = main.y + bandHeight + main.height * 0.025
  const numberHeight = main.height * 0.42
  const digits = String(face.bib)
  const numberSize = type.fit(digits, 'bold', (numberHeight * 0.94) / capHeight, main.width * 0.94)
  doc.fillColor(ink)
  type.line(digits, main.x, numberTop + (numberHeight + capHeight * numberSize) / 2, 'center', main.width)

  const nameSize = type.fit(face.name, 'bold', main.height * 0.095, main.width * 0.92)
  const nameBaseline = numberTop + numberHeight + main.height * 0.015 + nameSize * 0.88
  type.line(type.shorten(face.name, main.width * 0.92), main.x, nameBaseline, 'center', main.width)
  let textBottom = nameBaseline + nameSize * 0.3
  if (face.secondName !== null && face.secondName !== '') {
    const secondSize = type.fit(face.secondName, 'bold', nameSize * 0.55, main.width * 0.5)
    doc.fillColor(quiet)
    type.line(face.secondName, main.x, nameBaseline + secondSize * 1.35, 'center', main.width)
    textBottom = nameBaseline + secondSize * 1.65
  }

  // The codes take the corners below the names, as large as the room there allows.
  const bottom = main.y + main.height
  const codeSize = Math.min(main.height * 0.26, bottom - textBottom - 1 * mm)
  drawQr(doc, { x: main.x + main.width - codeSize, y: bottom - codeSize, width: codeSize, height: codeSize }, face.scanCode)
  const corner: Rect = { x: main.x, y: bottom - codeSize, width: main.width - codeSize - 4 * mm, height: codeSize }
  if (style.code128 !== null) drawCode128(doc, type, corner, face.scanCode, style.code128)
  else if (face.reference !== null) {
    type.fit(face.reference, 'regular', Math.max(6, main.height * 0.04), corner.width)
    doc.fillColor(quiet)
    type.line(face.reference, corner.x, bottom)
  }

  if (style.tabs > 0) drawTabs(doc, type, cell, { ...content, y: content.y + content.height - tabHeight, height: tabHeight }, face, style)
}

function drawBand(doc: Pdf, type: Typesetter, band: Rect, face: BibFace, style: FaceStyle): void {
  const colour = face.raceColour ?? defaultRaceColour
  doc.rect(band.x, band.y, band.width, band.height).fill(colour)
  const padding = band.height * 0.2
  let left = band.x + padding
  if (style.logo !== null) {
    const box = band.height - 2 * padding
    const width = Math.min(box * 2.5, (box * style.logo.width) / style.logo.height)
    doc.roundedRect(left - padding / 2, band.y + padding / 2, width + padding, box + padding, padding / 2).fill('#ffffff')
    doc.image(style.logo, left, band.y + padding, { fit: [width, box], align: 'center', valign: 'center' })
    left += width + padding * 1.5
  }
  const room = band.x + band.width - padding - left
  const title = face.wave === null ? face.raceName : `${face.raceName} · ${style.words.wave(face.wave)}`
  const raceSize = type.fit(title, 'bold', band.height * 0.5, room * 0.6)
  const baseline = band.y + (band.height + capHeight * raceSize) / 2
  doc.fillColor(inkOn(colour))
  type.line(type.shorten(title, room * 0.6), left, baseline)
  type.fit(style.eventName, 'regular', Math.min(raceSize, band.height * 0.32), room * 0.36)
  type.line(type.shorten(style.eventName, room * 0.36), left, baseline, 'right', room)
}

export function drawQr(doc: Pdf, box: Rect, text: string): void {
  const { size, runs } = qrRuns(text)
  const quietModules = 4
  const module = box.width / (size + 2 * quietModules)
  // Drawn in module units, so each run is four short integers: 50,000 codes make a fifth of a sheet
  // run's content. Each run overlaps its neighbours by a twentieth of a module: touching edges would
  // leave hairline seams on anti-aliased screens and renderers, which scanners read as light modules.
  const rects = runs.map((run) => `${run.x} ${run.y} ${run.width}.05 1.05 re`).join('\n')
  doc.save().transform(module, 0, 0, module, box.x + quietModules * module, box.y + quietModules * module)
  doc.addContent(rects).fill(ink).restore()
}

function drawCode128(doc: Pdf, type: Typesetter, box: Rect, text: string, code128: Code128): void {
  const { width, bars } = code128(text)
  const module = Math.min(box.width / width, 1.2)
  const textSize = Math.max(6, box.height * 0.12)
  const barHeight = box.height * 0.62
  const top = box.y + box.height - barHeight - textSize * 1.3
  for (const bar of bars) doc.rect(box.x + bar.x * module, top, bar.width * module, barHeight)
  doc.fill(ink)
  type.use('regular', textSize)
  type.line(text, box.x, box.y + box.height)
}

function drawTabs(doc: Pdf, type: Typesetter, cell: Rect, strip: Rect, face: BibFace, style: FaceStyle): void {
  const perforation = strip.y - 2 * mm
  const width = strip.width / style.tabs
  doc.save().lineWidth(0.6).dash(3, { space: 3 }).strokeColor(quiet)
  doc.moveTo(cell.x, perforation).lineTo(cell.x + cell.width, perforation)
  for (let tab = 1; tab < style.tabs; tab++) {
    const x = strip.x + tab * width
    doc.moveTo(x, perforation).lineTo(x, cell.y + cell.height)
  }
  doc.stroke().restore()
  const labelSize = Math.max(6, strip.height * 0.15)
  const digits = String(face.bib)
  for (let tab = 0; tab < style.tabs; tab++) {
    const x = strip.x + tab * width
    type.use('regular', labelSize)
    doc.fillColor(quiet)
    type.line(style.words.tabs[tab] ?? '', x, strip.y + labelSize, 'center', width)
    const size = type.fit(digits, 'bold', strip.height * 0.42, width * 0.8)
    doc.fillColor(ink)
    type.line(digits, x, strip.y + labelSize * 1.5 + capHeight * size, 'center', width)
    type.fit(face.name, 'regular', strip.height * 0.14, width * 0.9)
    type.line(type.shorten(face.name, width * 0.9), x, strip.y + strip.height, 'center', width)
  }
}
