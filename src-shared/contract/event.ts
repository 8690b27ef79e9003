import { z } from 'zod'
import { isoDate, shortText, timeZone } from './fields'

export const eventSettings = z.object({
  name: z.string(),
  date: isoDate,
  timeZone: z.string(),
  place: z.string(),
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
