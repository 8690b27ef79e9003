import type SqliteDatabase from 'better-sqlite3'

const statements = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>()

/** A statement prepared once per connection: for the same small questions asked on every update or capture. */
export function prepared(sqlite: SqliteDatabase.Database, text: string): SqliteDatabase.Statement {
  let cache = statements.get(sqlite)
  if (cache === undefined) statements.set(sqlite, (cache = new Map()))
  let statement = cache.get(text)
  if (statement === undefined) cache.set(text, (statement = sqlite.prepare(text)))
  return statement
}
