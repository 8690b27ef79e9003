import { describe, expect, it } from 'vitest'
import { timeReader } from '../read-times'
import type { DecoderFormatName } from './format'
import { decodeLines, decoderFormat, decoderLines, recogniseDecoder } from './recognise'

// The event: 6 April 2025 in Seoul (UTC+9). Every sample's first read is 10:12:33.45 there.
const times = timeReader('2025-04-06', 'Asia/Seoul')
const clock = (anchor: string | null = null) => ({ wall: times.wall, eventDate: '2025-04-06', anchorMs: anchor === null ? null : times.timeOfDay(anchor) })
const at = Date.UTC(2025, 3, 6, 1, 12, 33, 450)

const samples: Record<DecoderFormatName, string> = {
  // 1428401553 s after 1980-01-01 00:00 is 2025-04-06 10:12:33 on the reader's clock.
  ultra: ['0,058003,1428401553,450,1,-52,0,1,0,0,0,1', '0,058003,1428401553,700,2,-60,0,1,0,0,0,2', 'V=25.1', '0,7001,1428401600,0,1,-58,1,1,0,0,0,3'].join(
    '\r\n',
  ),
  'ultra-file': ['1,058003,,"10:12:33.450",1,1', '2,7001,215,"2025-04-06 10:13:20.000",1,2'].join('\n'),
  raceresult: [
    'PassingNo;Transponder;Date;Time;EventID;Hits;MaxRSSI',
    '1;NHKCT25;2025-04-06;10:12:33.450;1;12;-56;0;0;1;1;0;0;0;0;0;Finish box;1',
    '2;NHKCT26;2025-04-06;10:13:20.000;1;9;-61;0;0;1;1;0;0;0;0;0;Finish box;1',
  ].join('\n'),
  trackbox:
    '1;NHKCT25;2025-04-06;01:12:33.450;1;12;-56;0;1;1;1;0;0;0;0;0;Track Box 3;1\n2;NHKCT26;2025-04-06;01:13:20.000;1;9;-61;0;1;1;1;0;0;0;0;0;Track Box 3;1',
  impinj: ['E2801160600002093E3A0A24,Sun Apr 06 10:12:33.450123,2025-04-06,1', 'E2801160600002093E3A0A25,Sun Apr 06 10:13:20.000000,2025-04-06,2'].join('\n'),
  jchip: ['S0000 status ok', 'DA0001234 10:12:33.450000 10  10000C', 'DA0001235 10:13:20.000000 10  10000C'].join('\n'),
  chronotrack: ['FINISH,0001234,1743901953.45,1', 'FINISH,0001234,1743901953.51,2', 'FINISH,0001235,1743902000.00,1'].join('\n'),
  ipico: ['aa400000000e29430a2a2504061012332d00', 'ab010203 status', 'aa400000000e29430a2a2504061012332d00FS'].join('\n'),
  mylaps: [
    'Finish@Passing@t=10:12:33.450|c=KX12345|ct=UH|d=250406|l=13|dv=4|re=0|an=00001111|g=0|b=41|n=5@1@$',
    'Finish@Marker@t=10:13:00.000|mt=M|n=Gun@2@$',
    'Finish@Store@t=10:12:33.450|c=KX12345|ct=UH|d=250406|l=13|dv=4|re=0|an=00001111|g=0|b=41|n=5@3@$',
  ].join('\n'),
  wiclax: ['058003;06-04-2025 10:12:33.450;1;0', '058003;06-04-2025 10:12:33.450;1;1', '7001;06-04-2025 10:13:20.000;2;0'].join('\n'),
}

describe('decoder formats read as they are', () => {
  for (const [name, text] of Object.entries(samples) as [DecoderFormatName, string][]) {
    it(`recognises ${name} from its lines and reads its first read at 10:12:33.45 in the event's zone`, () => {
      const lines = decoderLines(text)
      const format = recogniseDecoder(lines)
      expect(format?.name).toBe(name)
      const decoded = decodeLines(lines, decoderFormat(name), clock())
      expect(decoded.rejected).toEqual([])
      expect(decoded.reads[0]?.atMs).toBe(at)
    })
  }

  it('keeps the leading zeros and case as written: the chip key is made where reads are matched', () => {
    const decoded = decodeLines(decoderLines(samples.ipico), decoderFormat('ipico'), clock())
    expect(decoded.reads.map((r) => r.chip)).toEqual(['0000000E2943', '0000000E2943'])
    expect(decoded.skipped).toBe(1)
  })

  it('marks the reads a decoder sent again (Ultra rewind, MYLAPS store, Wiclax rewind)', () => {
    expect(decodeLines(decoderLines(samples.ultra), decoderFormat('ultra'), clock()).reads.map((r) => r.replayed)).toEqual([false, false, true])
    expect(decodeLines(decoderLines(samples.mylaps), decoderFormat('mylaps'), clock()).reads.map((r) => r.replayed)).toEqual([false, true])
    expect(decodeLines(decoderLines(samples.wiclax), decoderFormat('wiclax'), clock()).reads.map((r) => r.replayed)).toEqual([false, true, false])
  })

  it('reads the bib the Ultra already knew, and the reader of each read', () => {
    const reads = decodeLines(decoderLines(samples['ultra-file']), decoderFormat('ultra-file'), clock()).reads
    expect(reads.map((r) => [r.chip, r.bib, r.reader])).toEqual([
      ['058003', null, '1'],
      ['7001', 215, '1'],
    ])
  })

  it('asks when a RACE RESULT decoder without the time of day was switched on, and counts from then once told', () => {
    const lines = decoderLines('1;NHKCT25;0000-00-00;01:02:33.450;1;12;-56\n2;NHKCT26;0000-00-00;26:00:00.000;1;9;-61')
    const untold = decodeLines(lines, decoderFormat('raceresult'), clock())
    expect(untold.needsAnchor).toBe(true)
    expect(untold.rejected.map((r) => r.code)).toEqual(['NEEDS_ANCHOR', 'NEEDS_ANCHOR'])
    const told = decodeLines(lines, decoderFormat('raceresult'), clock('09:10:00'))
    expect(told.reads.map((r) => r.atMs)).toEqual([at, Date.UTC(2025, 3, 6, 0, 10) + 26 * 3_600_000])
  })

  it('reports a damaged line by its line number and reads the rest', () => {
    const text = ['aa400000000e29430a2a2504061012332d00', 'aa400000000e29430a2a2504061012332d01', '', 'aa40000000'].join('\n')
    const decoded = decodeLines(decoderLines(text), decoderFormat('ipico'), clock())
    expect(decoded.reads).toHaveLength(1)
    expect(decoded.rejected.map((r) => [r.row, r.field])).toEqual([
      [2, 'checksum'],
      [4, 'line'],
    ])
  })

  it('reads a time that is not on the clock as a problem, not as a read at another time', () => {
    const decoded = decodeLines(decoderLines('058003;06-04-2025 10:72:33.450;1;0'), decoderFormat('wiclax'), clock())
    expect(decoded.rejected).toMatchObject([{ row: 1, field: 'time' }])
  })

  it('does not take a table with a header row, or a registration file, for a decoder’s lines', () => {
    expect(recogniseDecoder(decoderLines('bib,time,point\n215,10:12:33.450,finish\n216,10:12:34.000,finish'))).toBeNull()
    expect(recogniseDecoder(decoderLines('Tag,Time Of Day,Location,Antenna\nA1,10:00:01.20,Finish,1\nA1,10:00:01.50,Finish,2'))).toBeNull()
    expect(recogniseDecoder(decoderLines('First,Last,Email\nMary,Smith,mary@example.com'))).toBeNull()
  })
})
