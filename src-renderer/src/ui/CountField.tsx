import { useState } from 'react'

interface CountFieldProps {
  id: string
  label: string
  value: number
  onChange: (value: number) => void
  min?: number
  max?: number
}

/**
 * A whole number within bounds: what is typed stays as typed while the box has focus (an empty
 * box on the way to "12"), and the value passed on is always a whole number within them.
 */
export function CountField({ id, label, value, onChange, min = 0, max = 50 }: CountFieldProps) {
  const [typed, setTyped] = useState<string | null>(null)
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={typed ?? value}
        onChange={(e) => {
          setTyped(e.target.value)
          onChange(Math.max(min, Math.min(max, Math.round(Number(e.target.value) || min))))
        }}
        onBlur={() => setTyped(null)}
      />
    </div>
  )
}
