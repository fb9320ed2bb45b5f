import { Migrator, PostgresAdapter, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely';

/**
 * A module's migrations. Names start with a date and a sequence (`2026-11-25-01-identity-accounts`)
 * so the union of every module's migrations runs in the order they were written, whatever module
 * they belong to. Migrations are frozen in time: written against `Kysely<any>`, never today's types.
 */
export type ModuleMigrations = Record<string, Migration>;

/** Brings the schema up to date with every module's migrations, in one ordered run. */
export async function migrate(db: Kysely<any>, modules: ModuleMigrations[]): Promise<MigrationResultSet> {
  const all: Record<string, Migration> = {};
  for (const m of modules) {
    for (const [name, migration] of Object.entries(m)) {
      if (all[name]) throw new Error(`two modules declare the migration "${name}"`);
      all[name] = migration;
    }
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => all },
    migrationTableName: 'atrium_migrations',
    migrationLockTableName: 'atrium_migrations_lock',
    migrationTableSchema: await schemaOf(db),
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${(result.error as Error).message ?? result.error}`);
  }
  return result;
}

/**
 * The schema tables are made in on PostgreSQL. Kysely looks for its migration tables in every
 * schema unless told one, so a second database in another schema of the same server (a tenant, a
 * test) would find the first one's tables, skip making its own, and fail.
 */
async function schemaOf(db: Kysely<any>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}
