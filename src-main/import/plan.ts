import type { z } from 'zod'
import { entrantsCreateInput } from '../../src-shared/contract/entrants'
import {
  defaultDuplicateAction,
  type ColumnMapping,
  type DuplicateAction,
  type DuplicateFlag,
  type ImportField,
  type RejectedRow,
} from '../../src-shared/contract/imports'
import { fold } from '../../src-shared/search/fold'
import type { EntrantRow } from '../db/schema'
import { blankToNull, detailsDiffer, type RegistrationDetails } from '../entrants/columns'
import { dateOrderEvidence, readDate, type DateOrder, type DateOrderEvidence } from './dates'
import { readSex } from './sex'
import type { Table } from './table'
import { personName } from '../../src-shared/names/person-name'
import { normaliseDivisions, readDivisions } from '../../src-shared/divisions/divisions'

export type EntrantInput = z.output<typeof entrantsCreateInput>

export interface PlanContext {
  races: { id: number; name: string; ranges: { first: number; last: number }[]; waves: { id: number; name: string }[] }[]
  /** Everyone already in the event, to match re-imports by reference and to flag duplicates. */
  existing: (RegistrationDetails & Pick<EntrantRow, 'id' | 'num' | 'ref' | 'bib' | 'wave_id' | 'status'>)[]
  today: string
}

type Existing = PlanContext['existing'][number]

export interface PlanOptions {
  mapping: ColumnMapping
  dateOrder?: DateOrder | undefined
  race?: string | undefined
  /** For rows like a runner already in the event, unless `duplicateRows` says otherwise. */
  duplicates?: DuplicateAction | undefined
  duplicateRows?: { row: number; action: DuplicateAction }[] | undefined
}

export interface ImportPlan {
  dateOrder: DateOrderEvidence
  toAdd: { row: number; input: EntrantInput }[]
  /** `ref` is given to a runner that has none (a duplicate row updating it). */
  toUpdate: { row: number; num: number; id: string; input: EntrantInput; ref: string | null }[]
  unchanged: number
  skipped: number
  /** Rows the platform marks removed, left out; those of a runner already in the event withdraw them. */
  removed: number
  toWithdraw: { row: number; num: number }[]
  rejected: RejectedRow[]
  duplicates: DuplicateFlag[]
}

/** How exports write "yes" and "no" in a flag column (a removed registration, a division's own column). */
const yes = /^(true|yes|y|1|x|ja|oui|si|sí|예|o|✓|✔)$/i
const no = /^(false|no|n|0|nein|non|아니오|아니요|-)$/i

/**
 * A division cell: a yes/no column is named after its division ("Wheelchair: Y"); any other
 * cell names the runner's divisions, several split by ; or |.
 */
export function divisionsOfCell(header: string, text: string): string[] {
  if (text === '' || no.test(text)) return []
  if (yes.test(text)) return header.trim() === '' ? [] : [header.trim()]
  return normaliseDivisions(text.split(/[;|]/))
}

const labels: Record<ImportField, string> = {
  ref: 'registration reference',
  race: 'race',
  givenName: 'given name',
  familyName: 'family name',
  fullName: 'name',
  secondName: 'name in second script',
  sex: 'sex',
  birthDate: 'birth date',
  age: 'age',
  nationality: 'nationality',
  club: 'club',
  team: 'team',
  division: 'division',
  email: 'email',
  phone: 'phone',
  emergencyName: 'emergency contact',
  emergencyPhone: 'emergency phone',
  shirtSize: 'shirt size',
  bib: 'bib',
  removed: 'removed flag',
  predictedTime: 'predicted time',
  wave: 'wave',
}

/** Fields no row can do without, that the mapping gives no column for. */
export function missingColumns(mapping: ColumnMapping, defaultRace: string | undefined): ImportField[] {
  const missing: ImportField[] = []
  if (mapping.fullName === undefined) {
    if (mapping.givenName === undefined) missing.push('givenName')
    if (mapping.familyName === undefined) missing.push('familyName')
  }
  if (mapping.sex === undefined) missing.push('sex')
  if (mapping.race === undefined && defaultRace === undefined) missing.push('race')
  return missing
}

export function fieldLabel(field: ImportField): string {
  return labels[field]
}

/** Reads and checks every row, and decides what each would do; writes nothing. */
export function planImport(table: Table, options: PlanOptions, context: PlanContext): ImportPlan {
  const { mapping } = options
  // Race names, sex words and family names repeat thousands of times in a big field.
  const folded = new Map<string, string>()
  const foldOnce = (text: string): string => {
    let value = folded.get(text)
    if (value === undefined) folded.set(text, (value = fold(text).trim()))
    return value
  }
  const nameKey = (given: string, family: string, birthDate: string): string => `${foldOnce(family)}|${foldOnce(given)}|${birthDate}`
  const cell = (cells: string[], field: ImportField): string => {
    const index = mapping[field]
    return index === undefined ? '' : (cells[index] ?? '').trim()
  }
  const evidence =
    mapping.birthDate === undefined ? ({ kind: 'none' } as const) : dateOrderEvidence(table.rows.map((r) => ({ row: r.row, text: cell(r.cells, 'birthDate') })))
  const order = options.dateOrder ?? (evidence.kind === 'proven' ? evidence.order : null)
  const raceByName = new Map(context.races.map((race) => [fold(race.name).trim(), race]))
  const defaultRace = options.race === undefined ? undefined : raceByName.get(fold(options.race).trim())
  const existingByRef = new Map(context.existing.filter((e) => e.ref !== null).map((e) => [e.ref as string, e]))
  const bibHolders = new Map(context.existing.filter((e) => e.bib !== null).map((e) => [e.bib as number, e.id]))
  const raceName = new Map(context.races.map((r) => [r.id, r.name]))
  // The first runner of the event under each name and birth date, and under each e-mail.
  const existingByName = new Map<string, Existing>()
  const existingByEmail = new Map<string, Existing>()
  for (const e of context.existing) {
    if (e.birth_date !== null) {
      const key = nameKey(e.given_name, e.family_name, e.birth_date)
      if (!existingByName.has(key)) existingByName.set(key, e)
    }
    if (e.email !== null && !existingByEmail.has(emailKey(e.email))) existingByEmail.set(emailKey(e.email), e)
  }
  const rowsByName = new Map<string, { row: number; ref: string | null }>()
  const decisions = new Map((options.duplicateRows ?? []).map((d) => [d.row, d.action]))
  const forAll = options.duplicates ?? defaultDuplicateAction
  const updates = new Map<string, number>()
  const refsInFile = new Map<string, number>()
  const plan: ImportPlan = { dateOrder: evidence, toAdd: [], toUpdate: [], unchanged: 0, skipped: 0, removed: 0, toWithdraw: [], rejected: [], duplicates: [] }

  // One list and one closure for the whole file: 50,000 rows allocate enough as it is.
  let row = 0
  let rowErrors = 0
  const reject = (field: ImportField, code: string, message: string, params?: Record<string, string | number>): void => {
    plan.rejected.push(params === undefined ? { row, field, code, message } : { row, field, code, message, params })
    rowErrors++
  }
  for (const record of table.rows) {
    row = record.row
    rowErrors = 0
    const cells = record.cells
    // A registration the platform removed is no runner, whatever else its row says.
    if (mapping.removed !== undefined && yes.test(cell(cells, 'removed'))) {
      plan.removed++
      const runner = existingByRef.get(cell(cells, 'ref'))
      if (runner !== undefined && runner.status === 'registered') plan.toWithdraw.push({ row, num: runner.num })
      continue
    }

    let givenName = cell(cells, 'givenName')
    let familyName = cell(cells, 'familyName')
    if (givenName === '' && familyName === '' && mapping.fullName !== undefined) [givenName, familyName] = splitFullName(cell(cells, 'fullName'))
    if (givenName === '')
      reject(mapping.givenName === undefined && mapping.fullName !== undefined ? 'fullName' : 'givenName', 'MISSING', 'The given name is missing.')
    if (familyName === '')
      reject(mapping.familyName === undefined && mapping.fullName !== undefined ? 'fullName' : 'familyName', 'MISSING', 'The family name is missing.')

    const raceText = cell(cells, 'race')
    const race = raceText === '' ? defaultRace : raceByName.get(foldOnce(raceText))
    if (race === undefined) {
      if (raceText !== '') {
        const races = context.races.map((r) => r.name).join(', ')
        reject('race', 'UNKNOWN_RACE', `There is no race called "${raceText}" (races: ${races}).`, { value: raceText, races })
      } else reject('race', 'MISSING', 'The race is missing (choose a race for rows without one).')
    }

    const sexText = cell(cells, 'sex')
    const sex = readSex(sexText)
    if (sex === null) {
      if (sexText === '') reject('sex', 'MISSING', 'Sex is missing.')
      else reject('sex', 'BAD_SEX', `"${sexText}" is not a sex this import knows (use F, M or X).`, { value: sexText })
    }

    const birthText = cell(cells, 'birthDate')
    let birthDate: string | null = null
    if (birthText !== '') {
      birthDate = readDate(birthText, order, context.today)
      if (birthDate === null) {
        const undecided = order === null && /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:[T ].*)?$/.test(birthText)
        reject(
          'birthDate',
          undecided ? 'DATE_ORDER_UNKNOWN' : 'BAD_DATE',
          undecided ? `"${birthText}" could be day/month or month/day: say which order the file uses.` : `"${birthText}" is not a real date.`,
          { value: birthText },
        )
      }
    }

    const ageText = cell(cells, 'age')
    const age = ageText === '' ? null : /^\d{1,3}$/.test(ageText) ? Number(ageText) : Number.NaN
    if (Number.isNaN(age)) reject('age', 'INVALID', `"${ageText}" is not an age.`, { value: ageText })

    const bibText = cell(cells, 'bib')
    const bib = bibText === '' ? null : /^\d{1,7}$/.test(bibText) ? Number(bibText) : Number.NaN
    if (Number.isNaN(bib)) reject('bib', 'INVALID', `"${bibText}" is not a bib number.`, { value: bibText })

    const predictedText = cell(cells, 'predictedTime')
    const predictedTimeMs = predictedText === '' ? null : readDuration(predictedText)
    if (Number.isNaN(predictedTimeMs)) reject('predictedTime', 'INVALID', `"${predictedText}" is not a time (use H:MM or H:MM:SS).`, { value: predictedText })

    // A wave column is the file's word on waves: a cell names one of the race's waves, or none.
    const waveText = cell(cells, 'wave')
    let waveId: number | null | undefined
    if (mapping.wave !== undefined && race !== undefined) {
      const wave = waveText === '' ? null : race.waves.find((w) => foldOnce(w.name) === foldOnce(waveText))
      if (wave === undefined) {
        const waves = race.waves.map((w) => w.name).join(', ')
        reject('wave', 'UNKNOWN_WAVE', `${race.name} has no wave called "${waveText}" (waves: ${waves || 'none'}).`, {
          value: waveText,
          race: race.name,
          waves,
        })
      } else waveId = wave?.id ?? null
    }

    const ref = cell(cells, 'ref') || null
    if (ref !== null) {
      const first = refsInFile.get(ref)
      if (first !== undefined) reject('ref', 'DUPLICATE_REF', `Registration ${ref} is also on row ${first}.`, { ref, otherRow: first })
      else refsInFile.set(ref, row)
    }
    if (rowErrors > 0) continue

    const candidate = {
      raceId: (race as { id: number }).id,
      givenName,
      familyName,
      sex,
      secondName: cell(cells, 'secondName'),
      birthDate,
      age: birthDate === null ? age : null,
      nationality: cell(cells, 'nationality') || null,
      club: cell(cells, 'club'),
      team: cell(cells, 'team'),
      divisions: mapping.division === undefined ? [] : divisionsOfCell(table.headers[mapping.division] ?? '', cell(cells, 'division')),
      email: cell(cells, 'email'),
      phone: cell(cells, 'phone'),
      emergencyName: cell(cells, 'emergencyName'),
      emergencyPhone: cell(cells, 'emergencyPhone'),
      shirtSize: cell(cells, 'shirtSize'),
      ref,
      bib,
      predictedTimeMs,
      ...(waveId !== undefined && { waveId }),
    }
    const parsed = entrantsCreateInput.safeParse(candidate)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'row') as ImportField
        plan.rejected.push({ row, field, code: 'INVALID', message: `${labels[field] ?? field}: ${issue.message}` })
      }
      continue
    }
    const input = parsed.data
    const match = ref === null ? undefined : existingByRef.get(ref)
    const key = input.birthDate == null ? null : nameKey(input.givenName, input.familyName, input.birthDate)
    const byName = key === null ? undefined : existingByName.get(key)
    const like = byName ?? (input.email == null || input.email === '' ? undefined : existingByEmail.get(emailKey(input.email)))
    const incoming = {
      name: personName(input.givenName, input.familyName),
      birthDate: input.birthDate ?? null,
      email: blankToNull(input.email),
      club: blankToNull(input.club),
      race: (race as { name: string }).name,
      ref,
    }
    let action: DuplicateAction | null = null
    if (like !== undefined && like.id !== match?.id) {
      // A row matched by its reference updates that registration whatever it looks like.
      action = match === undefined ? (decisions.get(row) ?? forAll) : null
      const existing = {
        name: personName(like.given_name, like.family_name),
        birthDate: like.birth_date,
        email: like.email,
        club: like.club,
        race: raceName.get(like.race_id) ?? '',
        ref: like.ref,
        bib: like.bib,
      }
      plan.duplicates.push({
        ...flag(row, incoming),
        withRow: null,
        withRef: like.ref,
        withId: like.id,
        matchedBy: byName !== undefined ? 'nameAndBirthDate' : 'email',
        existing,
        action,
      })
    } else if (key !== null) {
      const earlier = rowsByName.get(key)
      if (earlier === undefined) rowsByName.set(key, { row, ref })
      else if (earlier.ref === null || earlier.ref !== ref)
        plan.duplicates.push({
          ...flag(row, incoming),
          withRow: earlier.row,
          withRef: earlier.ref,
          withId: null,
          matchedBy: 'nameAndBirthDate',
          existing: null,
          action: null,
        })
    }
    if (action === 'skip') {
      plan.skipped++
      continue
    }

    const target = match ?? (action === 'update' ? like : undefined)
    if (target === undefined) {
      if (input.bib != null) {
        const bibProblem = checkBib(
          input.bib,
          context.races.find((r) => r.id === input.raceId)!,
          bibHolders,
        )
        if (bibProblem !== null) {
          plan.rejected.push({ row, field: 'bib', ...bibProblem })
          continue
        }
        bibHolders.set(input.bib, `row ${row}`)
      }
      plan.toAdd.push({ row, input })
      continue
    }
    const merged = keepUnmapped(input, target, mapping, raceText === '')
    if (detailsDiffer(target, merged) || (merged.waveId !== undefined && merged.waveId !== target.wave_id)) {
      const update = { row, num: target.num, id: target.id, input: merged, ref: target.ref === null ? ref : null }
      // Two rows like one runner: the later one's details are the ones kept.
      const earlier = updates.get(target.id)
      if (earlier === undefined) updates.set(target.id, plan.toUpdate.push(update) - 1)
      else plan.toUpdate[earlier] = update
    } else plan.unchanged++
  }
  return plan
}

/** Details an update may only change when the file has a column for them. */
const keptUnlessMapped: [
  ImportField,
  (
    | 'secondName'
    | 'birthDate'
    | 'age'
    | 'nationality'
    | 'club'
    | 'team'
    | 'email'
    | 'phone'
    | 'emergencyName'
    | 'emergencyPhone'
    | 'shirtSize'
    | 'predictedTimeMs'
  ),
  keyof Existing,
][] = [
  ['secondName', 'secondName', 'second_name'],
  ['birthDate', 'birthDate', 'birth_date'],
  ['age', 'age', 'age'],
  ['nationality', 'nationality', 'nationality'],
  ['club', 'club', 'club'],
  ['team', 'team', 'team'],
  ['email', 'email', 'email'],
  ['phone', 'phone', 'phone'],
  ['emergencyName', 'emergencyName', 'emergency_name'],
  ['emergencyPhone', 'emergencyPhone', 'emergency_phone'],
  ['shirtSize', 'shirtSize', 'shirt_size'],
  ['predictedTime', 'predictedTimeMs', 'predicted_time_ms'],
]

/**
 * A file without a column says nothing about it: a club's list without e-mails leaves the
 * runner's e-mail as it is, and a row without a race keeps the runner in theirs.
 */
function keepUnmapped(input: EntrantInput, runner: Existing, mapping: ColumnMapping, noRaceCell: boolean): EntrantInput {
  const merged: EntrantInput = { ...input, ...(noRaceCell && { raceId: runner.race_id }) }
  for (const [field, key, column] of keptUnlessMapped) {
    if (mapping[field] === undefined) Object.assign(merged, { [key]: runner[column] })
  }
  if (mapping.division === undefined) merged.divisions = readDivisions(runner.divisions)
  return merged
}

function emailKey(email: string): string {
  return email.trim().toLowerCase()
}

function flag(row: number, incoming: DuplicateFlag['incoming']): Pick<DuplicateFlag, 'row' | 'name' | 'birthDate' | 'incoming'> {
  return { row, name: incoming.name, birthDate: incoming.birthDate, incoming }
}

/** A predicted finish time: H:MM or H:MM:SS (a marathon's 3:45 is three hours 45). */
function readDuration(text: string): number {
  const match = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(text)
  if (match === null) return Number.NaN
  return ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3] ?? 0)) * 1000
}

/** "Kim, Min-jun" is family first; "Min-jun Kim" has the family name last. */
/** Korean family names of two syllables: 남궁민수 is 남궁 and 민수, not 남 and 궁민수. */
const twoSyllableFamilies = new Set(['남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방', '망절', '어금'])
const hangulName = /^[\uAC00-\uD7A3]+(\s+[\uAC00-\uD7A3]+)*$/u
const hanName = /^[\u3400-\u9FFF]+(\s+[\u3400-\u9FFF]+)*$/u

/**
 * A whole name in one column, split as its script and order say: "Smith, Mary" and "Mary Smith"
 * (family last in Latin script); Korean and Chinese names family first, with or without a space
 * (김민준, 이 서연, 남궁민수, 王小明).
 */
function splitFullName(text: string): [string, string] {
  const comma = text.indexOf(',')
  if (comma >= 0) return [text.slice(comma + 1).trim(), text.slice(0, comma).trim()]
  const name = text.trim()
  const parts = name.split(/\s+/).filter(Boolean)
  if (hangulName.test(name) || hanName.test(name)) {
    if (parts.length >= 2) return [parts.slice(1).join(' '), parts[0] as string]
    const familyLength = name.length >= 3 && twoSyllableFamilies.has(name.slice(0, 2)) ? 2 : 1
    return name.length < 2 ? ['', name] : [name.slice(familyLength), name.slice(0, familyLength)]
  }
  if (parts.length < 2) return ['', name]
  return [parts.slice(0, -1).join(' '), parts.at(-1) as string]
}

function checkBib(
  bib: number,
  race: PlanContext['races'][number],
  holders: Map<number, string>,
): { code: string; message: string; params: Record<string, string | number> } | null {
  if (race.ranges.length > 0 && !race.ranges.some((r) => r.first <= bib && bib <= r.last)) {
    const ranges = race.ranges.map((r) => `${r.first}–${r.last}`).join(', ')
    return { code: 'BIB_OUT_OF_RANGE', message: `Bib ${bib} is outside ${race.name}'s bib numbers (${ranges}).`, params: { bib, race: race.name, ranges } }
  }
  const holder = holders.get(bib)
  if (holder !== undefined) {
    return {
      code: 'BIB_TAKEN',
      message: holder.startsWith('row ') ? `Bib ${bib} is also on ${holder}.` : `Bib ${bib} already belongs to another entrant.`,
      params: { bib },
    }
  }
  return null
}
