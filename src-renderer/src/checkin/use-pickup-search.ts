import { useCallback, useEffect, useRef, useState } from 'react'
import type { CommandErrorValue, SearchHit } from '../../../src-shared/contract'
import { useClient } from '../client/use-command'

const limit = 8

export interface PickupMatches {
  /** The query these matches answer; the box may already hold a newer one. */
  query: string
  items: SearchHit[]
  error: CommandErrorValue | null
}

/**
 * Matches for every keystroke, without waiting for a pause: a search costs a millisecond at the
 * office, and an answer to an older query never replaces a newer one.
 */
export function usePickupSearch(query: string): { matches: PickupMatches; find: (text: string) => Promise<SearchHit[]> } {
  const client = useClient()
  const [matches, setMatches] = useState<PickupMatches>({ query: '', items: [], error: null })
  const latest = useRef(0)

  const find = useCallback(
    async (text: string): Promise<SearchHit[]> => {
      const result = await client.call('entrants.search', { query: text, limit })
      return result.ok ? result.value.items : []
    },
    [client],
  )

  useEffect(() => {
    const text = query.trim()
    const ticket = ++latest.current
    // An emptied box shows no list (see MatchList); a late answer to its last query is dropped.
    if (text === '') return
    void client.call('entrants.search', { query: text, limit }).then((result) => {
      if (ticket !== latest.current) return
      setMatches(result.ok ? { query: text, items: result.value.items, error: null } : { query: text, items: [], error: result.error })
    })
  }, [client, query])

  return { matches, find }
}
