import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../tests/support/temp-event'
import { newUntitledPath, recentEvents, rememberEvent, startupEventPath } from './recent-events'

describe('recent event files', () => {
  it('starts a new untitled event under the user-data folder when none was opened before', () => {
    const userData = tempDir()
    expect(startupEventPath(userData)).toBe(join(userData, 'events', 'Untitled event.raceoffice'))
  })

  it('opens the last event used, newest first, without repeats', () => {
    const userData = tempDir()
    const [a, b] = [join(userData, 'a.raceoffice'), join(userData, 'b.raceoffice')]
    writeFileSync(a, '')
    writeFileSync(b, '')
    rememberEvent(userData, a)
    rememberEvent(userData, b)
    rememberEvent(userData, a)
    expect(recentEvents(userData)).toEqual([a, b])
    expect(startupEventPath(userData)).toBe(a)
  })

  it('forgets files that were moved or deleted, and survives a damaged list', () => {
    const userData = tempDir()
    rememberEvent(userData, join(userData, 'gone.raceoffice'))
    expect(recentEvents(userData)).toEqual([])
    writeFileSync(join(userData, 'recent-events.json'), '{not json')
    expect(recentEvents(userData)).toEqual([])
  })

  it('never reuses the name of an untitled event that exists', () => {
    const userData = tempDir()
    writeFileSync(newUntitledPath(userData), '')
    expect(newUntitledPath(userData)).toBe(join(userData, 'events', 'Untitled event 2.raceoffice'))
  })
})
