import { describe, expect, it } from 'vitest'
import { organiser } from '../../tests/support/sessions'
import { Tickets } from './tickets'

describe('tickets for addresses that cannot carry a token', () => {
  it('stand for their session once, for their own use, within a minute', () => {
    let nowMs = 0
    const tickets = new Tickets(() => nowMs)
    const { ticket, expiresAtMs } = tickets.issue(organiser, { for: 'download', jobId: 'job-1' })
    expect(expiresAtMs).toBe(60_000)
    expect(tickets.redeem(ticket, { for: 'download', jobId: 'job-1' })).toBe(organiser)
    expect(tickets.redeem(ticket, { for: 'download', jobId: 'job-1' })).toBeNull()

    const forJob = tickets.issue(organiser, { for: 'download', jobId: 'job-1' }).ticket
    expect(tickets.redeem(forJob, { for: 'download', jobId: 'job-2' })).toBeNull()
    expect(tickets.redeem(forJob, { for: 'download', jobId: 'job-1' })).toBeNull()

    const stream = tickets.issue(organiser, { for: 'events' }).ticket
    nowMs += 60_000
    expect(tickets.redeem(stream, { for: 'events' })).toBeNull()
    expect(tickets.redeem(null, { for: 'events' })).toBeNull()
  })
})
