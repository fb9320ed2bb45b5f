import { sql, type Kysely } from 'kysely';
import type { ModuleMigrations } from '../db/index.ts';

export const realtimeMigrations: ModuleMigrations = {
  '2026-12-08-30-realtime-log': {
    async up(db: Kysely<any>) {
      // One row per durable topic: the last sequence number it gave. Appending locks it, so a
      // topic's events commit in the order of their numbers.
      await db.schema
        .createTable('realtime_topics')
        .addColumn('topic', 'text', (c) => c.primaryKey())
        .addColumn('last_seq', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('realtime_events')
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('realtime_events_pk', ['topic', 'seq'])
        .addCheckConstraint('realtime_events_seq', sql`seq > 0`)
        .execute();
    },
  },
};
