/**
 * A button that opens the system's file chooser and hands over the one file chosen. The input is
 * emptied after each choice, so choosing the same file again (after fixing it) is seen again.
 */
export function FileButton({
  label,
  accept,
  onFile,
  primary = false,
  autoFocus = false,
}: {
  label: string
  accept: string
  onFile: (file: File) => void
  primary?: boolean
  autoFocus?: boolean
}) {
  return (
    <label className={`button file-button ${primary ? 'button-primary' : ''}`}>
      {label}
      <input
        type="file"
        accept={accept}
        autoFocus={autoFocus}
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file !== undefined) onFile(file)
        }}
      />
    </label>
  )
}
