import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '../db/index.ts';

export const sessionsMigrations: ModuleMigrations = {
  '2026-11-25-30-sessions-snapshots': {
    async up(db: Kysely<any>) {
      // An evicted session: enough to bring it back on the next event, on any node.
      await db.schema
        .createTable('sessions_snapshots')
        .addColumn('session_id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('version_id', 'text', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // What each user allowed each app: personal-data scopes, revocable.
      await db.schema
        .createTable('sessions_consents')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('granted', 'integer', (c) => c.notNull())
        .addColumn('decided_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('sessions_consents_pk', ['user_id', 'app_id', 'scope'])
        .execute();
    },
  },
  '2026-11-28-30-sessions-snapshot-seq': {
    async up(db: Kysely<any>) {
      // How many frames the user had seen: a session brought back counts on from there, or the
      // shell would take its first frames for old ones.
      await db.schema.alterTable('sessions_snapshots').addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  },
  '2026-12-08-50-sessions-snapshot-scene': {
    async up(db: Kysely<any>) {
      // How the session was opened (a QR code, a shared card), as the host checked it: host APIs
      // such as qr.getScene answer from it, also after the session was brought back.
      await db.schema.alterTable('sessions_snapshots').addColumn('scene', 'text').execute();
    },
  },
};

export interface SessionsTables {
  sessions_snapshots: { session_id: string; user_id: string; app_id: string; version_id: string; snapshot: string; seq: number; scene: string | null; updated_at: string };
  sessions_consents: { user_id: string; app_id: string; scope: string; granted: number; decided_at: string };
}
