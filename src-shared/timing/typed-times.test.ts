import { describe, expect, it } from 'vitest'
import { entersByItself, parseTypedLine, parseTypedLines, parseTypedTime, typedDigitsOf } from './typed-times'

const hms = (h: number, m: number, s: number, ms = 0): number => ((h * 60 + m) * 60 + s) * 1000 + ms

describe('typed times', () => {
  it('reads digits alone from the right: seconds, minutes, then hours', () => {
    expect(parseTypedTime('12345')).toBe(hms(1, 23, 45))
    expect(parseTypedTime('4512')).toBe(hms(0, 45, 12))
    expect(parseTypedTime('512')).toBe(hms(0, 5, 12))
    expect(parseTypedTime('59')).toBe(hms(0, 0, 59))
    expect(parseTypedTime('123456')).toBe(hms(12, 34, 56))
    expect(parseTypedTime('1012345')).toBe(hms(101, 23, 45))
  })

  it('reads tenths, hundredths and thousandths after a point', () => {
    expect(parseTypedTime('12345.6')).toBe(hms(1, 23, 45, 600))
    expect(parseTypedTime('1:23:45.67')).toBe(hms(1, 23, 45, 670))
    expect(parseTypedTime('45:12.005')).toBe(hms(0, 45, 12, 5))
  })

  it('reads colons as a stopwatch prints them', () => {
    expect(parseTypedTime('1:23:45')).toBe(hms(1, 23, 45))
    expect(parseTypedTime('45:12')).toBe(hms(0, 45, 12))
    expect(parseTypedTime('0:05:12')).toBe(hms(0, 5, 12))
  })

  it('refuses minutes or seconds past 59 and anything that is not a time', () => {
    for (const text of ['4575', '16012', '1:60:00', '1:23:4', '45:1', '12a45', '1.2.3', '', '12345.6789', ':12']) expect(parseTypedTime(text)).toBeNull()
  })

  it('takes a bib leading the line, apart by a space, tab, comma or semicolon', () => {
    expect(parseTypedLine('215 1:23:45')).toEqual({ ok: true, bib: 215, timeMs: hms(1, 23, 45) })
    expect(parseTypedLine('215\t12345')).toEqual({ ok: true, bib: 215, timeMs: hms(1, 23, 45) })
    expect(parseTypedLine(' 215, 4512 ')).toEqual({ ok: true, bib: 215, timeMs: hms(0, 45, 12) })
    expect(parseTypedLine('215;4512')).toEqual({ ok: true, bib: 215, timeMs: hms(0, 45, 12) })
    expect(parseTypedLine('4512')).toEqual({ ok: true, bib: null, timeMs: hms(0, 45, 12) })
  })

  it('says what is wrong with a line it cannot read', () => {
    expect(parseTypedLine('  ')).toMatchObject({ ok: false, problem: 'empty' })
    expect(parseTypedLine('215 1:75:00')).toMatchObject({ ok: false, problem: 'time' })
    expect(parseTypedLine('A12 1:23:45')).toMatchObject({ ok: false, problem: 'bib' })
    expect(parseTypedLine('0 1:23:45')).toMatchObject({ ok: false, problem: 'bib' })
    expect(parseTypedLine('1 2 3')).toMatchObject({ ok: false, problem: 'time' })
  })

  it('reads a pasted column line by line and leaves blank lines out', () => {
    expect(parseTypedLines('1:23:45\r\n\r\n215 12346\nxx\n').map((l) => (l.ok ? l.timeMs : l.problem))).toEqual([hms(1, 23, 45), hms(1, 23, 46), 'time'])
  })

  it('writes a time as its shortest digits, which read back to the same time', () => {
    for (const ms of [hms(0, 0, 9), hms(0, 45, 12), hms(1, 23, 45, 600), hms(2, 0, 0, 50), hms(12, 3, 4, 7)]) {
      expect(parseTypedTime(typedDigitsOf(ms))).toBe(ms)
    }
    expect(typedDigitsOf(hms(1, 23, 45, 600))).toBe('12345.6')
    expect(typedDigitsOf(hms(0, 45, 12))).toBe('4512')
  })

  it('lets a line of digits alone go in by itself at the set length, and nothing else', () => {
    expect(entersByItself('12345', 5)).toBe(true)
    expect(entersByItself('1234', 5)).toBe(false)
    expect(entersByItself('215 1', 5)).toBe(false)
    expect(entersByItself('12345', 0)).toBe(false)
  })
})
