/** Storage: one Kysely codebase over SQLite (default) and PostgreSQL. Tables belong to modules. */
export { connect, open, postgresDialect, sqliteDialect, type Db, type Engine } from './connect.ts';
export { migrate, type ModuleMigrations } from './migrate.ts';
export { now, newId, sortableId } from './values.ts';
export { prepared } from './prepared.ts';
export { groupCommit, type GroupCommit } from './group-commit.ts';
export { transact, isRetryable, backoff, busyError, forUpdate, locksRows } from './transact.ts';
