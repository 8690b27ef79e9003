/** Black or white, whichever reads better on the given #RRGGBB background (WCAG relative luminance). */
export function inkOn(background: string): '#111111' | '#ffffff' {
  const channel = (offset: number): number => {
    const value = parseInt(background.slice(offset, offset + 2), 16) / 255
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
  return luminance > 0.179 ? '#111111' : '#ffffff'
}

/** Races without a colour of their own print in a calm dark blue. */
export const defaultRaceColour = '#1f4e79'
