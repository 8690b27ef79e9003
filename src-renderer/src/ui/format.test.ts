import { describe, expect, it } from 'vitest'
import { dateTimeFormat } from './format'

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
