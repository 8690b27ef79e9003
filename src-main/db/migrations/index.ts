import type { Migration } from './migration'
import * as m0001 from './0001-event-races-waves-audit'
import * as m0002 from './0002-entrants'
import * as m0003 from './0003-bib-numbering'
import * as m0004 from './0004-chips'
import * as m0005 from './0005-printing'
import * as m0006 from './0006-entrant-waves'
import * as m0007 from './0007-checkin'
import * as m0008 from './0008-timing'
import * as m0009 from './0009-results'
import * as m0010 from './0010-backup-folder'
import * as m0011 from './0011-audit-subjects'
import * as m0012 from './0012-device-clocks'
import * as m0013 from './0013-search-initials'
import * as m0014 from './0014-sync-origins'
import * as m0015 from './0015-chip-keys'
import * as m0016 from './0016-typed-elapsed'
import * as m0017 from './0017-age-graded-awards'
import * as m0018 from './0018-team-scoring'
import * as m0019 from './0019-divisions-and-team-column'

// In order; a file's schema version is how many of these it has applied.
export const migrations: readonly Migration[] = [
  { name: '0001-event-races-waves-audit', up: m0001.up },
  { name: '0002-entrants', up: m0002.up },
  { name: '0003-bib-numbering', up: m0003.up },
  { name: '0004-chips', up: m0004.up },
  { name: '0005-printing', up: m0005.up },
  { name: '0006-entrant-waves', up: m0006.up },
  { name: '0007-checkin', up: m0007.up },
  { name: '0008-timing', up: m0008.up },
  { name: '0009-results', up: m0009.up },
  { name: '0010-backup-folder', up: m0010.up },
  { name: '0011-audit-subjects', up: m0011.up },
  { name: '0012-device-clocks', up: m0012.up },
  { name: '0013-search-initials', up: m0013.up },
  { name: '0014-sync-origins', up: m0014.up },
  { name: '0015-chip-keys', up: m0015.up },
  { name: '0016-typed-elapsed', up: m0016.up },
  { name: '0017-age-graded-awards', up: m0017.up },
  { name: '0018-team-scoring', up: m0018.up },
  { name: '0019-divisions-and-team-column', up: m0019.up },
]
