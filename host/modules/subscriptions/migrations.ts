import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '../../db/index.ts';

export const subscriptionsMigrations: ModuleMigrations = {
  '2026-12-08-50-subscriptions': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('sub_grants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('merchant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('openid', 'text', (c) => c.notNull())
        .addColumn('template_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('app_name', 'text', (c) => c.notNull())
        .addColumn('version_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('granted_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('send_id', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      // A send finds the oldest unused grant of an openid's template; Me lists and revokes a user's.
      await db.schema.createIndex('sub_grants_send').on('sub_grants').columns(['app_id', 'openid', 'template_id', 'status', 'id']).execute();
      await db.schema.createIndex('sub_grants_user').on('sub_grants').columns(['user_id', 'app_id', 'template_id']).execute();
      await db.schema
        .createTable('sub_sends')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('merchant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('openid', 'text', (c) => c.notNull())
        .addColumn('template_id', 'text', (c) => c.notNull())
        .addColumn('grant_id', 'text', (c) => c.notNull().unique())
        .addColumn('page', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sub_sends_user').on('sub_sends').columns(['user_id']).execute();
      await db.schema
        .createTable('sub_idempotency')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('sub_idempotency_pk', ['scope', 'key'])
        .execute();
    },
  },
};
