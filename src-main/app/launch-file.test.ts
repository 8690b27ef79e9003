import { describe, expect, it } from 'vitest'
import { eventFileIn } from './launch-file'

describe('the event file a launch was given', () => {
  it('is the first .raceoffice argument, resolved against the folder the launch came from', () => {
    expect(eventFileIn(['/opt/Race Office/race-office', '/home/kim/Seoul 10K.raceoffice'], '/home/kim')).toBe('/home/kim/Seoul 10K.raceoffice')
    expect(eventFileIn(['race-office.exe', '--allow-file-access-from-files', 'events\\10K.RACEOFFICE'], 'C:\\Users\\kim')).toMatch(/10K\.RACEOFFICE$/)
    expect(eventFileIn(['electron', '.', 'marathon.raceoffice'], '/srv/race')).toBe('/srv/race/marathon.raceoffice')
  })

  it('is none when the launch named no event file', () => {
    expect(eventFileIn(['/opt/Race Office/race-office'], '/home/kim')).toBeNull()
    expect(eventFileIn(['electron', '.', '--inspect'], '/srv')).toBeNull()
  })
})
