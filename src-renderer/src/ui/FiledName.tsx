import { filedName } from '../../../src-shared/names/person-name'

/** A name on a list filed by family name: the family name in bold, then the given name, in the name's own order. */
export function FiledName({ givenName, familyName }: { givenName: string; familyName: string }) {
  const { family, separator, given } = filedName(givenName, familyName)
  return (
    <>
      <strong>{family}</strong>
      {separator}
      {given}
    </>
  )
}
