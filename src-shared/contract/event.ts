import { z } from 'zod'
import { everyone, organiser, type CommandTable } from './command-spec'
import { isoDate, shortText, timeZone } from './fields'

export const eventSettings = z.object({
  name: z.string(),
  date: isoDate,
  timeZone: z.string(),
  place: z.string(),
  /** Whether the organiser's logo is set; `event.logo` returns the image itself. */
  hasLogo: z.boolean(),
})
export type EventSettings = z.infer<typeof eventSettings>

export const eventGetInput = z.strictObject({})

export const eventUpdateInput = z
  .strictObject({
    name: shortText(200).optional(),
    date: isoDate.optional(),
    timeZone: timeZone.optional(),
    place: z.string().trim().max(200).optional(),
  })
  .refine((input) => Object.keys(input).length > 0, { message: 'Nothing to update' })

/** A PNG or JPEG, base64-encoded; at most 512 KB of image. */
export const maxLogoBytes = 512 * 1024
export const eventSetLogoInput = z.strictObject({
  imageBase64: z
    .string()
    .max(Math.ceil(maxLogoBytes / 3) * 4, { message: 'The logo must be at most 512 KB' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'The logo must be base64' })
    .nullable(),
})
export const eventLogo = z.object({ imageBase64: z.string().nullable(), type: z.enum(['image/png', 'image/jpeg']).nullable() })

export const eventCommands = {
  'event.get': { input: eventGetInput, output: eventSettings, roles: everyone, changes: [] },
  'event.update': { input: eventUpdateInput, output: eventSettings, roles: organiser, changes: ['event'] },
  'event.logo': { input: eventGetInput, output: eventLogo, roles: everyone, changes: [] },
  'event.setLogo': { input: eventSetLogoInput, output: eventSettings, roles: organiser, changes: ['event'] },
} as const satisfies CommandTable
