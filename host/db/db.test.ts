import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/databases.ts';
import { migrate } from './migrate.ts';

const widgets = {
  '2026-01-01-01-test-widgets': {
    async up(db: any) {
      await db.schema
        .createTable('test_widgets')
        .addColumn('id', 'text', (c: any) => c.primaryKey())
        .addColumn('amount', 'bigint', (c: any) => c.notNull())
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .execute();
    },
  },
};
const gadgets = {
  '2026-01-01-02-test-gadgets': {
    async up(db: any) {
      await db.schema
        .createTable('test_gadgets')
        .addColumn('id', 'text', (c: any) => c.primaryKey())
        .addColumn('widget_id', 'text', (c: any) => c.notNull().references('test_widgets.id'))
        .execute();
    },
  },
};

describe.each(testDatabases())('storage on $name', (tdb) => {
  it('runs every module\'s migrations in the order they were written', async () => {
    const db = await tdb.create();
    try {
      // Given out of order, as modules register in any order.
      const result = await migrate(db.kysely, [gadgets, widgets]);
      expect(result.results?.map((r) => r.migrationName)).toEqual(['2026-01-01-01-test-widgets', '2026-01-01-02-test-gadgets']);
    } finally {
      await db.close();
    }
  });

  it('runs each migration once, however often it is asked', async () => {
    const db = await tdb.create();
    try {
      await migrate(db.kysely, [widgets]);
      const again = await migrate(db.kysely, [widgets]);
      expect(again.results).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('reads money columns back as numbers', async () => {
    const db = await tdb.create();
    try {
      await migrate(db.kysely, [widgets]);
      await db.kysely.insertInto('test_widgets').values({ id: 'w', amount: 9_007_199_254_740, created_at: 'now' }).execute();
      const row = await db.kysely.selectFrom('test_widgets').selectAll().executeTakeFirstOrThrow();
      expect(row.amount).toBe(9_007_199_254_740);
    } finally {
      await db.close();
    }
  });

  it('enforces foreign keys', async () => {
    const db = await tdb.create();
    try {
      await migrate(db.kysely, [widgets, gadgets]);
      await expect(db.kysely.insertInto('test_gadgets').values({ id: 'g', widget_id: 'missing' }).execute()).rejects.toThrow();
    } finally {
      await db.close();
    }
  });

  it('refuses two modules declaring the same migration', async () => {
    const db = await tdb.create();
    try {
      await expect(migrate(db.kysely, [widgets, widgets])).rejects.toThrow(/two modules declare/);
      expect(await sql`select 1 as one`.execute(db.kysely)).toBeTruthy();
    } finally {
      await db.close();
    }
  });
});
