/** Storage: one Kysely codebase over SQLite (default) and PostgreSQL. Tables belong to modules. */
export { connect, open, postgresDialect, sqliteDialect, type Db, type Engine } from './connect.ts';
export { migrate, type ModuleMigrations } from './migrate.ts';
export { now, newId } from './values.ts';
