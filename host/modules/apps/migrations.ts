import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '../../db/index.ts';

export const appsMigrations: ModuleMigrations = {
  '2026-11-25-10-apps-apps': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('apps_apps')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('merchant_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('apps_apps_merchant').on('apps_apps').column('merchant_id').execute();
    },
  },
  '2026-11-25-11-apps-versions': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('apps_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull().references('apps_apps.id'))
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('manifest', 'text', (c) => c.notNull())
        .addColumn('bundle', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('apps_versions_app_version', ['app_id', 'version'])
        .execute();
      await db.schema
        .createTable('apps_assets')
        .addColumn('version_id', 'text', (c) => c.notNull().references('apps_versions.id'))
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        // Base64 text: one column type on both engines (SQLite blob, PostgreSQL bytea differ); assets are small.
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('apps_assets_pk', ['version_id', 'path'])
        .execute();
      // The version every user gets; gray releases (a later migration) refine this per user.
      await db.schema
        .createTable('apps_releases')
        .addColumn('app_id', 'text', (c) => c.primaryKey().references('apps_apps.id'))
        .addColumn('version_id', 'text', (c) => c.notNull().references('apps_versions.id'))
        .addColumn('released_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
