import type { Kysely } from 'kysely'

/**
 * Migrations see the file as it was, not today's schema types: a database of unknown tables.
 * They are forward-only and never edited once released; a new change is a new file.
 */
export type MigrationDb = Kysely<Record<string, never>>

export interface Migration {
  name: string
  up(db: MigrationDb): Promise<void>
}
