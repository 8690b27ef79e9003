import type { MigrationDb } from './migration'

// The second backup folder (a USB stick) the organiser chose in Setup, kept with the event.
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('event').addColumn('backup_second_folder', 'text').execute()
}
