import { useTranslation } from 'react-i18next'

/** Birth year, club and registration number: shown beside a name someone else in the list also has. */
export function TellApart({ birthYear, club, reference }: { birthYear?: number | null; club: string | null; reference: string | null }) {
  const { t } = useTranslation()
  const parts = [
    birthYear === null || birthYear === undefined ? null : t('namesake.born', { year: birthYear }),
    club,
    reference === null ? null : t('namesake.ref', { ref: reference }),
  ].filter((part): part is string => part !== null && part !== '')
  if (parts.length === 0) return null
  return (
    <span className="tell-apart" data-testid="tell-apart">
      {parts.join(' · ')}
    </span>
  )
}
