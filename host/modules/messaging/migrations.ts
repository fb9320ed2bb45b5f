import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { ModuleMigrations } from '../../db/index.ts';

export const messagingMigrations: ModuleMigrations = {
  '2026-12-08-40-messaging': {
    async up(db: Kysely<any>) {
      const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
      await db.schema
        .createTable('msg_conversations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('merchant_id', 'text')
        .addColumn('app_id', 'text')
        .addColumn('handle', 'text')
        .addColumn('member_cap', 'integer', (c) => c.notNull())
        .addColumn('mute_all', 'integer', (c) => c.notNull())
        .addColumn('open', 'integer', (c) => c.notNull())
        .addColumn('last_seq', 'bigint', (c) => c.notNull())
        .addColumn('last_at', 'text')
        .addColumn('status', 'text')
        .addColumn('pair_key', 'text', (c) => c.unique())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('msg_conversations_merchant').on('msg_conversations').columns(['merchant_id', 'kind', 'last_at']).execute();
      await db.schema.createIndex('msg_conversations_handle').on('msg_conversations').columns(['merchant_id', 'handle']).unique().execute();
      await db.schema
        .createTable('msg_members')
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('msg_conversations.id'))
        .addColumn('member_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('joined_seq', 'bigint', (c) => c.notNull())
        .addColumn('read_seq', 'bigint', (c) => c.notNull())
        .addColumn('muted_until', 'text')
        .addColumn('left_at', 'text')
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('msg_members_pk', ['conversation_id', 'member_id'])
        .execute();
      await db.schema.createIndex('msg_members_party').on('msg_members').columns(['member_id', 'conversation_id']).execute();
      await db.schema
        .createTable('msg_messages')
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('msg_conversations.id'))
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('sender_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('removed_at', 'text')
        .addColumn('removed_by', 'text')
        .addPrimaryKeyConstraint('msg_messages_pk', ['conversation_id', 'seq'])
        .addUniqueConstraint('msg_messages_client', ['conversation_id', 'sender_id', 'client_id'])
        .addCheckConstraint('msg_messages_seq', sql`seq > 0`)
        .execute();
      // A sender's recent messages, for the per-member send limit.
      await db.schema.createIndex('msg_messages_sender').on('msg_messages').columns(['sender_id', 'created_at']).execute();
      await db.schema
        .createTable('msg_invites')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('msg_conversations.id'))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('max_uses', 'integer')
        .addColumn('uses', 'integer', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createTable('msg_images')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('data', bytes, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('msg_reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('reported_by', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addUniqueConstraint('msg_reports_once', ['conversation_id', 'seq', 'reported_by'])
        .execute();
      await db.schema.createIndex('msg_reports_open').on('msg_reports').columns(['status', 'created_at']).execute();
      await db.schema
        .createTable('msg_follows')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('merchant_id', 'text', (c) => c.notNull())
        .addColumn('followed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('msg_follows_pk', ['user_id', 'merchant_id'])
        .execute();
      await db.schema.createIndex('msg_follows_merchant').on('msg_follows').columns(['merchant_id', 'followed_at']).execute();
    },
  },
};
