import { useCallback, useEffect, useRef, useState } from 'react'
import type { CommandErrorValue, CommandInput, Entrant } from '../../../src-shared/contract'
import { useClient } from '../client/use-command'

const pageSize = 200

export type EntrantQuery = Omit<CommandInput<'entrants.list'>, 'offset' | 'limit'>

/**
 * Entrants for a virtualised table: the total at once, rows a page at a time as they scroll
 * into view, and everything fetched again when any desk changes an entrant.
 */
export function useEntrantPages(query: EntrantQuery): {
  total: number | null
  row(index: number): Entrant | undefined
  /** Fetches the pages that rows first…last fall on, if not yet fetched. */
  request(first: number, last: number): void
  error: CommandErrorValue | null
} {
  const client = useClient()
  const key = JSON.stringify(query)
  const [state, setState] = useState<{ key: string; total: number | null; pages: Map<number, Entrant[]>; generation: number }>({
    key,
    total: null,
    pages: new Map(),
    generation: 0,
  })
  const [error, setError] = useState<CommandErrorValue | null>(null)
  const requested = useRef(new Set<string>())

  const load = useCallback(
    (page: number, generation: number) => {
      const ticket = `${key}#${generation}#${page}`
      if (requested.current.has(ticket)) return
      requested.current.add(ticket)
      void client.call('entrants.list', { ...(JSON.parse(key) as EntrantQuery), offset: page * pageSize, limit: pageSize }).then((result) => {
        if (!result.ok) return setError(result.error)
        setError(null)
        setState((current) => {
          if (current.key !== key || current.generation !== generation) return current
          const pages = new Map(current.pages)
          pages.set(page, result.value.items)
          return { ...current, total: result.value.total, pages }
        })
      })
    },
    [client, key],
  )

  if (state.key !== key) setState({ key, total: null, pages: new Map(), generation: state.generation + 1 })

  useEffect(() => {
    load(0, state.generation)
  }, [load, state.generation])

  useEffect(
    () =>
      client.onChange((change) => {
        if (change.topics.includes('entrants') || change.topics.includes('races') || change.topics.includes('event')) {
          setState((current) => ({ ...current, pages: new Map(), generation: current.generation + 1 }))
        }
      }),
    [client],
  )

  const row = (index: number): Entrant | undefined => {
    const page = Math.floor(index / pageSize)
    return state.pages.get(page)?.[index - page * pageSize]
  }

  const request = (first: number, last: number): void => {
    for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) {
      if (!state.pages.has(page)) load(page, state.generation)
    }
  }

  return { total: state.total, row, request, error }
}
