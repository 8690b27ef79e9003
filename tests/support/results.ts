import type { CommandResult } from '../../src-shared/contract'

/** A command's answer; a refusal fails the test with its code and message. */
export function unwrap<T>(result: CommandResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}
