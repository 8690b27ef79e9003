import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { CommandErrorValue, CommandInput, CommandName, CommandOutput, Topic } from '../../../src-shared/contract'
import type { OfficeClient } from './client'
import type { LinkStatus } from './transport'

const refreshDelayMs = 100

export const ClientContext = createContext<OfficeClient | null>(null)

export function useClient(): OfficeClient {
  const client = useContext(ClientContext)
  if (client === null) throw new Error('useClient outside ClientContext')
  return client
}

export interface Query<T> {
  data: T | undefined
  error: CommandErrorValue | null
  loading: boolean
  reload(): void
}

/**
 * Runs a read command and runs it again whenever any desk changes one of `topics`, or when the
 * link comes back after being offline: every open screen stays current without a reload.
 */
export function useCommand<K extends CommandName>(command: K, input: CommandInput<K>, topics: readonly Topic[]): Query<CommandOutput<K>> {
  const client = useClient()
  const [state, setState] = useState<{ data: CommandOutput<K> | undefined; error: CommandErrorValue | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: true,
  })
  const inputKey = JSON.stringify(input)
  const latest = useRef(0)

  const load = useCallback(() => {
    // Stale data stays on screen while a refresh is under way: no flicker on every change.
    const ticket = ++latest.current
    void client.call(command, JSON.parse(inputKey) as CommandInput<K>).then((result) => {
      if (ticket !== latest.current) return
      setState(result.ok ? { data: result.value, error: null, loading: false } : (previous) => ({ ...previous, error: result.error, loading: false }))
    })
  }, [client, command, inputKey])

  const topicsKey = topics.join(',')
  useEffect(() => {
    load()
    const watched = new Set(topicsKey.split(','))
    // Changes come in bursts when many desks work at once: one refresh for a burst, a moment
    // later, so the screen that made the change draws its own answer first.
    let pending: ReturnType<typeof setTimeout> | null = null
    const stopChanges = client.onChange((change) => {
      if (pending !== null || !change.topics.some((topic) => watched.has(topic))) return
      pending = setTimeout(() => {
        pending = null
        load()
      }, refreshDelayMs)
    })
    let wasOffline = false
    const stopStatus = client.onStatus((status) => {
      if (status === 'live' && wasOffline) load()
      wasOffline = status !== 'live'
    })
    return () => {
      if (pending !== null) clearTimeout(pending)
      stopChanges()
      stopStatus()
    }
  }, [client, load, topicsKey])

  return { ...state, reload: load }
}

/** The link's state, read from the client itself: a change between render and subscription is never missed. */
export function useLinkStatus(): LinkStatus {
  const client = useClient()
  const subscribe = useCallback((onStoreChange: () => void) => client.onStatus(() => onStoreChange()), [client])
  return useSyncExternalStore(subscribe, () => client.status)
}
