import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
import pg from 'pg';

/** Which engine a database is, for the few places SQL differs (the Kysely dialects hide the rest). */
export type Engine = 'sqlite' | 'postgres';

export interface Db<T> {
  kysely: Kysely<T>;
  engine: Engine;
  close(): Promise<void>;
}

/** SQLite under the data directory: WAL so readers never wait for the writer, foreign keys on. */
export function sqliteDialect(file: string): Dialect {
  if (file !== ':memory:') mkdirSync(join(file, '..'), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // The default 2 MiB page cache makes a busy database re-read its pages through system calls.
  database.pragma('cache_size = -65536');
  // Savepoints keep the pages they change in a sub-journal: in memory, not a temporary file.
  database.pragma('temp_store = MEMORY');
  return new SqliteDialect({ database: withStatementCache(database) });
}

/**
 * Kysely prepares every query afresh; preparing costs more than running a small statement, and
 * the host runs the same few hundred SQL texts over and over. Statements are kept by their text
 * (better-sqlite3 runs each to completion synchronously, so reuse is safe), the oldest dropped
 * past `max`.
 */
function withStatementCache(database: SQLite.Database, max = 2000): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = database.prepare.bind(database);
  database.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (stmt) {
      // Refresh its place so often-used statements stay.
      cache.delete(source);
    } else {
      stmt = prepare(source);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, stmt);
    return stmt;
  }) as typeof database.prepare;
  return database;
}

export function postgresDialect(url: string, options: { schema?: string; max?: number } = {}): Dialect {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // bigint columns hold money in minor units: far below 2^53, so numbers, not strings.
    types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) },
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  return new PostgresDialect({ pool });
}

export function open<T>(dialect: Dialect, engine: Engine): Db<T> {
  const kysely = new Kysely<T>({ dialect });
  return { kysely, engine, close: () => kysely.destroy() };
}

/** The database named by the config: PostgreSQL when a URL is given, else SQLite in the data dir. */
export function connect<T>(config: { databaseUrl: string | null; dataDir: string }): Db<T> {
  if (config.databaseUrl) return open<T>(postgresDialect(config.databaseUrl), 'postgres');
  return open<T>(sqliteDialect(join(config.dataDir, 'atrium.db')), 'sqlite');
}
