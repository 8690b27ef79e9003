import type { ParsedInput } from '../../src-shared/contract/commands'
import type { EntrantRow } from '../db/schema'
import { derivedCategory } from './category'
import { storedDivisions } from '../../src-shared/divisions/divisions'

export type EntrantFields = ParsedInput<'entrants.create'>

/** Optional text that was cleared is stored as null, never as an empty string. */
export function blankToNull(value: string | null | undefined): string | null {
  return value == null || value === '' ? null : value
}

/** The columns a registration fills (the runner's details, not their bib or reference). */
export type RegistrationDetails = Pick<
  EntrantRow,
  | 'race_id'
  | 'given_name'
  | 'family_name'
  | 'second_name'
  | 'sex'
  | 'birth_date'
  | 'age'
  | 'nationality'
  | 'club'
  | 'team'
  | 'divisions'
  | 'email'
  | 'phone'
  | 'emergency_name'
  | 'emergency_phone'
  | 'shirt_size'
  | 'predicted_time_ms'
>

/**
 * An entrant's registration details as table columns, normalised: everything a re-import may
 * change (never bib, status or timing). Every write of an entrant goes through here.
 */
export function registrationDetails(input: EntrantFields): RegistrationDetails {
  const birthDate = input.birthDate ?? null
  return {
    race_id: input.raceId,
    given_name: input.givenName,
    family_name: input.familyName,
    second_name: blankToNull(input.secondName),
    sex: input.sex,
    birth_date: birthDate,
    // Age as registered is kept only while the birth date is unknown.
    age: birthDate === null ? (input.age ?? null) : null,
    nationality: blankToNull(input.nationality)?.toUpperCase() ?? null,
    club: blankToNull(input.club),
    team: blankToNull(input.team),
    divisions: storedDivisions(input.divisions),
    email: blankToNull(input.email),
    phone: blankToNull(input.phone),
    emergency_name: blankToNull(input.emergencyName),
    emergency_phone: blankToNull(input.emergencyPhone),
    shirt_size: blankToNull(input.shirtSize),
    predicted_time_ms: input.predictedTimeMs ?? null,
  }
}

/** The details with the category derived from them, race day and the race's bands. */
export function registrationColumns(input: EntrantFields, raceDay: string, bandsJson: string | null): RegistrationDetails & { category: string | null } {
  const details = registrationDetails(input)
  return Object.assign(details, { category: derivedCategory(details.sex, details.birth_date, details.age, raceDay, bandsJson) })
}

/** Whether writing `next` would change any registration detail of `current`. */
export function detailsDiffer(current: RegistrationDetails, next: EntrantFields): boolean {
  const details = registrationDetails(next)
  return (Object.keys(details) as (keyof RegistrationDetails)[]).some((column) => current[column] !== details[column])
}
