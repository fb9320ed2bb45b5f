import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { Dialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { open, postgresDialect, sqliteDialect, type Db } from '../../host/db/index.ts';

/**
 * The databases every storage test runs on, declared once: SQLite, and PostgreSQL — the server
 * named by ATRIUM_TEST_PG_URL (CI names this machine's), or PGlite in-process when none is named.
 * ATRIUM_TEST_DATABASES=sqlite (or postgres) narrows the list.
 */
export interface TestDatabase {
  name: 'sqlite' | 'postgres' | 'pglite';
  /** A fresh, empty database; closing it removes it. */
  create(): Promise<TestDb>;
}

export interface TestDb extends Db<any> {
  /**
   * New connections to this same database, as another process (or the same host after a restart)
   * would open; destroying a Kysely made on it leaves the database and `kysely` alone.
   */
  dialect(): Dialect;
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'atrium-test-'));
    const file = join(dir, 'test.db');
    const db = open<any>(sqliteDialect(file), 'sqlite');
    return { ...db, dialect: () => sqliteDialect(file), close: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
  },
};

function postgresServer(url: string): TestDatabase {
  return {
    name: 'postgres',
    async create() {
      // A schema per database keeps concurrent test files apart on one server.
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const db = open<any>(postgresDialect(url, { schema, max: 5 }), 'postgres');
      return {
        ...db,
        dialect: () => postgresDialect(url, { schema, max: 5 }),
        close: async () => {
          await db.close();
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`DROP SCHEMA ${schema} CASCADE`);
          await c.end();
        },
      };
    },
  };
}

const pglite: TestDatabase = {
  name: 'pglite',
  async create() {
    const engine = new PGlite();
    const db = open<any>(new PGliteDialect(engine), 'postgres');
    return { ...db, dialect: () => keepOpen(new PGliteDialect(engine)), close: async () => { await db.close(); await engine.close().catch(() => {}); } };
  },
};

export function testDatabases(): TestDatabase[] {
  const url = process.env.ATRIUM_TEST_PG_URL;
  const all = [sqlite, url ? postgresServer(url) : pglite];
  const only = process.env.ATRIUM_TEST_DATABASES;
  return only ? all.filter((d) => only.split(',').includes(d.name === 'pglite' ? 'postgres' : d.name)) : all;
}

/** PGlite's driver closes its engine when destroyed; another "connection" to it must not. */
function keepOpen(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => {
      const driver = dialect.createDriver();
      return Object.assign(Object.create(driver), { destroy: async () => {} });
    },
  };
}
