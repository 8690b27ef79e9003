import { useEffect, useRef, useState } from 'react'

/**
 * What a settings form has typed over the saved values. After a save the typed values stay on
 * screen until the saved values are read back: clearing them at once would show the old values
 * for a moment, and a button pressed in that moment would act on them.
 */
export function useDraft<Draft, Saved>(saved: Saved | undefined, reload: () => void) {
  const [edits, setEdits] = useState<Draft | null>(null)
  const savedWhenCommitted = useRef<{ value: Saved | undefined } | null>(null)

  useEffect(() => {
    if (savedWhenCommitted.current === null || savedWhenCommitted.current.value === saved) return
    savedWhenCommitted.current = null
    setEdits(null)
  }, [saved])

  function committed(): void {
    savedWhenCommitted.current = { value: saved }
    reload()
  }

  return { edits, setEdits, committed }
}
