import { z } from 'zod'

// Field shapes shared by several commands. Instants are integer ms since the epoch (UTC).
export const instantMs = z.int().min(0).max(8_640_000_000_000_000)
export const id = z.int().positive()
export const isoDate = z.iso.date({ message: 'Use a real date written YYYY-MM-DD' })
export const timeZone = z.string().min(1).max(64).refine(isKnownTimeZone, { message: 'Unknown time zone (use an IANA name such as Asia/Pyongyang)' })
export const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'Colour must be #RRGGBB' })
export const shortText = (max: number) => z.string().trim().min(1).max(max)

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
