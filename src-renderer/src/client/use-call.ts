import { useCallback, useRef, useState } from 'react'
import type { CommandErrorValue, CommandInput, CommandName, CommandOutput, CommandResult } from '../../../src-shared/contract'
import { useClient } from './use-command'

export interface Call {
  /** A call is under way: the form's buttons wait, and say so. */
  busy: boolean
  /** The last refusal, for the component's ErrorBanner; the next success clears it. */
  failure: CommandErrorValue | null
  /** Calls a command, busy while it runs; a refusal becomes `failure`. */
  call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<CommandResult<CommandOutput<K>>>
  /** The same, for a caller that shows a refusal itself (beside a field): `failure` is left as it is. */
  attempt<K extends CommandName>(command: K, input: CommandInput<K>): Promise<CommandResult<CommandOutput<K>>>
  /** Shows a refusal found before calling, or clears the banner. */
  setFailure(failure: CommandErrorValue | null): void
}

/** Calling a command from a component: the busy state and the refusal every form shows, in one place. */
export function useCall(): Call {
  const client = useClient()
  const [running, setRunning] = useState(0)
  const [failure, setFailure] = useState<CommandErrorValue | null>(null)
  // Calls can overlap (two in a row under one button): busy until the last one answers.
  const underWay = useRef(0)

  const attempt = useCallback(
    async <K extends CommandName>(command: K, input: CommandInput<K>): Promise<CommandResult<CommandOutput<K>>> => {
      setRunning(++underWay.current)
      try {
        return await client.call(command, input)
      } finally {
        setRunning(--underWay.current)
      }
    },
    [client],
  )

  const call = useCallback(
    async <K extends CommandName>(command: K, input: CommandInput<K>): Promise<CommandResult<CommandOutput<K>>> => {
      const result = await attempt(command, input)
      setFailure(result.ok ? null : result.error)
      return result
    },
    [attempt],
  )

  return { busy: running > 0, failure, call, attempt, setFailure }
}
