import { useEffect, useRef, type ReactNode } from 'react'

/** A native modal dialog: focus is trapped by the browser and Escape closes it. */
export function Dialog({ title, onClose, children, labelledBy }: { title: string; onClose: () => void; children: ReactNode; labelledBy: string }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog === null) return
    dialog.showModal()
    return () => dialog.close()
  }, [])
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <h2 id={labelledBy} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  )
}
