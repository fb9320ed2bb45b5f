import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { ModuleMigrations } from '../../db/index.ts';

type ColumnBuilder = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

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
  // Submission, review, gray release and suspension. Versions the platform published before this
  // are taken as approved and released.
  '2026-11-26-10-apps-lifecycle': {
    async up(db: Kysely<any>) {
      // SQLite adds one column per ALTER TABLE.
      const add = (table: string, column: string, type: 'text' | 'integer', build?: ColumnBuilder) =>
        db.schema.alterTable(table).addColumn(column, type, build).execute();
      await add('apps_apps', 'suspended_reason', 'text');
      await add('apps_apps', 'licensed', 'integer', (c) => c.notNull().defaultTo(0));
      await add('apps_apps', 'icon', 'text');
      await add('apps_apps', 'icon_type', 'text');
      await add('apps_versions', 'release_notes', 'text', (c) => c.notNull().defaultTo(''));
      await add('apps_versions', 'size_bytes', 'integer', (c) => c.notNull().defaultTo(0));
      await add('apps_versions', 'checks', 'text', (c) => c.notNull().defaultTo('[]'));
      await add('apps_versions', 'diff', 'text', (c) => c.notNull().defaultTo('{}'));
      await add('apps_versions', 'submitted_at', 'text');
      await add('apps_versions', 'decided_at', 'text');
      await add('apps_versions', 'decided_by', 'text');
      await add('apps_versions', 'reasons', 'text', (c) => c.notNull().defaultTo('[]'));
      await add('apps_versions', 'released_at', 'text');
      await db
        .updateTable('apps_versions')
        .set((eb) => ({ status: 'approved', submitted_at: eb.ref('created_at'), decided_at: eb.ref('created_at'), decided_by: 'system', released_at: eb.ref('created_at') }))
        .where('status', '=', 'published')
        .execute();
      await db.schema.createIndex('apps_versions_review').on('apps_versions').columns(['status', 'submitted_at']).execute();
      // One version in review per app, even when two submissions race.
      await db.schema.createIndex('apps_versions_one_in_review').unique().on('apps_versions').column('app_id').where(sql.ref('status'), '=', 'in_review').execute();
      await add('apps_releases', 'gray_version_id', 'text');
      await add('apps_releases', 'gray_percent', 'integer', (c) => c.notNull().defaultTo(0));
      await db.schema
        .createTable('apps_audit')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_kind', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('version_id', 'text')
        .addColumn('reason', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('apps_audit_app').on('apps_audit').columns(['app_id', 'at']).execute();
      await db.schema.createIndex('apps_audit_at').on('apps_audit').columns(['actor_kind', 'at']).execute();
    },
  },
  // What the reviewer said when approving, shown to the merchant beside the decision.
  '2026-11-26-11-apps-decision-note': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('apps_versions').addColumn('decision_note', 'text').execute();
    },
  },
};
