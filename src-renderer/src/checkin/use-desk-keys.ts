import { useEffect, type RefObject } from 'react'

interface DeskKeys {
  /** The box that takes typing and scans. */
  box: RefObject<HTMLInputElement | null>
  onWalkUp: () => void
  onUndo: () => void
  /** Enter with nothing focused: check in the runner on the card. */
  onCheckIn: () => void
}

/**
 * The desk's keys wherever the focus is: F2 a walk-up, Ctrl+Z undo, Enter check in; any other
 * typing (and a scanner) goes back to the box. Fields of the card and dialogs keep their own keys.
 */
export function useDeskKeys({ box, onWalkUp, onUndo, onCheckIn }: DeskKeys): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'F2') {
        e.preventDefault()
        onWalkUp()
        return
      }
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !isTextField(e.target)) {
        e.preventDefault()
        onUndo()
        return
      }
      if (isTextField(e.target) || document.querySelector('dialog[open]') !== null) return
      if (e.key === 'Enter' && e.target === document.body) {
        e.preventDefault()
        box.current?.focus()
        onCheckIn()
        return
      }
      if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) box.current?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [box, onWalkUp, onUndo, onCheckIn])
}

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)
  )
}
