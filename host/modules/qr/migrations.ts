import type { Kysely } from 'kysely';
import type { ModuleMigrations } from '../../db/index.ts';

export const qrMigrations: ModuleMigrations = {
  '2026-12-08-60-qr': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('qr_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('merchant_id', 'text', (c) => c.notNull())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('page', 'text', (c) => c.notNull())
        .addColumn('query', 'text', (c) => c.notNull())
        .addColumn('scene', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('campaign', 'text')
        .addColumn('store', 'text')
        .addColumn('staff', 'text')
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('batch_id', 'text')
        .addColumn('expires_at', 'text')
        .addColumn('max_scans', 'integer')
        .addColumn('scans', 'integer', (c) => c.notNull())
        .addColumn('uniques', 'integer', (c) => c.notNull())
        .addColumn('new_customers', 'integer', (c) => c.notNull())
        .addColumn('payers', 'integer', (c) => c.notNull())
        .addColumn('paused', 'integer', (c) => c.notNull())
        .addColumn('actions', 'text', (c) => c.notNull())
        .addColumn('made_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('qr_codes_merchant').on('qr_codes').columns(['merchant_id', 'created_at']).execute();
      await db.schema.createIndex('qr_codes_batch').on('qr_codes').column('batch_id').execute();
      await db.schema
        .createTable('qr_scans')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code_id', 'text', (c) => c.notNull())
        .addColumn('merchant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('visitor_id', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('counted', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('qr_scans_code').on('qr_scans').columns(['code_id', 'at']).execute();
      await db.schema.createIndex('qr_scans_user').on('qr_scans').columns(['user_id', 'code_id', 'at']).execute();
      await db.schema.createIndex('qr_scans_visitor').on('qr_scans').columns(['visitor_id', 'code_id', 'at']).execute();
      await db.schema
        .createTable('qr_touches')
        .addColumn('merchant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('first_code_id', 'text', (c) => c.notNull())
        .addColumn('first_at', 'text', (c) => c.notNull())
        .addColumn('last_code_id', 'text', (c) => c.notNull())
        .addColumn('last_at', 'text', (c) => c.notNull())
        .addColumn('staff', 'text')
        .addPrimaryKeyConstraint('qr_touches_pk', ['merchant_id', 'user_id'])
        .execute();
      await db.schema.createIndex('qr_touches_first').on('qr_touches').columns(['first_code_id']).execute();
      await db.schema
        .createTable('qr_daily')
        .addColumn('code_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('scans', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('qr_daily_pk', ['code_id', 'day'])
        .execute();
      await db.schema
        .createTable('qr_attributions')
        .addColumn('order_id', 'text', (c) => c.primaryKey())
        .addColumn('merchant_id', 'text', (c) => c.notNull())
        .addColumn('code_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('paid_at', 'text', (c) => c.notNull())
        .addColumn('first_order', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('qr_attributions_code').on('qr_attributions').columns(['code_id', 'paid_at']).execute();
      await db.schema
        .createTable('qr_code_revenue')
        .addColumn('code_id', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('orders', 'integer', (c) => c.notNull())
        .addColumn('first_orders', 'integer', (c) => c.notNull())
        .addColumn('revenue', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('qr_code_revenue_pk', ['code_id', 'currency'])
        .execute();
      await db.schema
        .createTable('qr_code_payers')
        .addColumn('code_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('qr_code_payers_pk', ['code_id', 'user_id'])
        .execute();
      await db.schema
        .createTable('qr_lead_tags')
        .addColumn('merchant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('tag', 'text', (c) => c.notNull())
        .addColumn('code_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('qr_lead_tags_pk', ['merchant_id', 'user_id', 'tag'])
        .execute();
      await db.schema
        .createTable('qr_actions_done')
        .addColumn('code_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addPrimaryKeyConstraint('qr_actions_done_pk', ['code_id', 'user_id', 'action'])
        .execute();
    },
  },
};
