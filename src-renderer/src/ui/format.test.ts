import { describe, expect, it } from 'vitest'
import { dateTimeFormat, formatDate, formatEventDate } from './format'

const at = Date.UTC(2025, 3, 6, 1, 42, 13)

describe('dates on screen', () => {
  it('are unambiguous in English (day, month in letters, year), never the US order', () => {
    const text = dateTimeFormat('en', 'Asia/Pyongyang').format(at)
    expect(text).toMatch(/^6 Apr 2025,? 10:42:13$/)
    expect(dateTimeFormat('en', 'Asia/Pyongyang', false).format(at)).toMatch(/^6 Apr 2025,? 10:42$/)
  })

  it('follow the screen’s language in Korean', () => {
    expect(dateTimeFormat('ko', 'Asia/Pyongyang').format(at)).toMatch(/^2025\. 4\. 6\. .*10:42:13$/)
  })
})

describe('calendar dates on screen', () => {
  it('are day, month in letters and year in English, and year first in Korean', () => {
    expect(formatDate('1986-01-18', 'en')).toBe('18 Jan 1986')
    expect(formatDate('1986-01-18', 'ko')).toBe('1986. 1. 18.')
  })

  it("name the race day's weekday, day first in English", () => {
    expect(formatEventDate('2025-04-06', 'en')).toMatch(/^Sunday,? 6 April 2025$/)
    expect(formatEventDate('2025-04-06', 'ko')).toBe('2025년 4월 6일 일요일')
  })
})
