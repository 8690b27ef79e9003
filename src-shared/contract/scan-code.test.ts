import { describe, expect, it } from 'vitest'
import { bibScanCode, readBibScanCode } from './scan-code'

describe('bib scan codes', () => {
  it('reads back the bib and reference it encodes', () => {
    expect(readBibScanCode(bibScanCode(1234, 'REG-0042/B'))).toEqual({ bib: 1234, reference: 'REG-0042/B' })
  })

  it('encodes a runner without a reference', () => {
    expect(bibScanCode(7, null)).toBe('RO/7/')
    expect(readBibScanCode('RO/7/')).toEqual({ bib: 7, reference: null })
  })

  it('keeps the code typeable by replacing what a scanner cannot type', () => {
    expect(bibScanCode(5, '등록-1')).toBe('RO/5/??-1')
  })

  it('says a name or a bare number is not a scan code', () => {
    expect(readBibScanCode('Kim')).toBeNull()
    expect(readBibScanCode('1234')).toBeNull()
  })
})
