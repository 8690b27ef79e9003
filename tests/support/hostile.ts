import type SqliteDatabase from 'better-sqlite3'
import fc from 'fast-check'

/** Strings people and attackers type: injections, markup, scripts, unicode that breaks naive code. */
export const hostileStrings = [
  "'; DROP TABLE entrant; --",
  '" OR 1=1 --',
  'Robert"); DELETE FROM audit; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  '=HYPERLINK("http://evil.example","x")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '../../../../etc/passwd',
  '..\\..\\windows\\system32',
  '%00',
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\u202Eevil\u202C',
  '\u200B\u200C\u200D\uFEFF',
  'Ｋｉｍ',
  '김민준',
  'Zoë Ñúñez-Ölçer',
  '👩🏽‍🦰🏃‍♀️',
  'e\u0301\u0301\u0301\u0301',
  ' ',
  '',
  '\r\n\r\n',
  '${7*7}{{7*7}}',
  '%s%s%s%n',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '99999999999999999999999',
]

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n)),
)

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1,
    2 ** 31,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53),
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    8_640_000_000_000_001,
  ),
  fc.integer(),
  fc.double(),
)

/** Any value JSON can carry, with hostile leaves, nested deep now and then. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('id', 'raceId', 'entrantId', 'bib', 'name', 'query', '__proto__')), tie('value'), { maxKeys: 4 }),
  ),
})).value

/** `[[[…]]]` deeper than any schema expects. */
export function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { inner: value }
  return value
}

/** Everything the file holds, as one string: equal before and after means the call changed nothing. */
export function contentsOf(sqlite: SqliteDatabase.Database): () => string {
  const tables = sqlite.prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[]
  const reads = tables.map((t) => sqlite.prepare(`select * from "${t}"`).raw())
  return () => JSON.stringify(reads.map((read) => read.all()))
}
