import { sql, type Kysely } from 'kysely';
import type { ModuleMigrations } from '../../db/index.ts';

export const paymentsMigrations: ModuleMigrations = {
  '2026-11-26-20-payments-ledger': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('pay_accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('balance', 'bigint', (c) => c.notNull())
        .addColumn('allow_negative', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        // The last line of defence: no code path may leave a non-funding account below zero.
        .addCheckConstraint('pay_accounts_floor', sql`allow_negative = 1 or balance >= 0`)
        .execute();
      await db.schema.createIndex('pay_accounts_owner').on('pay_accounts').columns(['owner_id', 'kind']).execute();
      await db.schema
        .createTable('pay_transfers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('debit_account_id', 'text', (c) => c.notNull().references('pay_accounts.id'))
        .addColumn('credit_account_id', 'text', (c) => c.notNull().references('pay_accounts.id'))
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('pay_transfers_positive', sql`amount > 0`)
        .execute();
      await db.schema.createIndex('pay_transfers_debit').on('pay_transfers').columns(['debit_account_id', 'created_at']).execute();
      await db.schema.createIndex('pay_transfers_credit').on('pay_transfers').columns(['credit_account_id', 'created_at']).execute();
      await db.schema
        .createTable('pay_wallets')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('pin_hash', 'text')
        .addColumn('failed_pins', 'integer', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('pay_topups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('provider_ref', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('pay_topups_key', ['user_id', 'idempotency_key'])
        .execute();
      await db.schema
        .createTable('pay_orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('merchant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('out_trade_no', 'text')
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('shipping', 'integer', (c) => c.notNull())
        .addColumn('hold', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('refunded_amount', 'bigint', (c) => c.notNull())
        .addColumn('fee_bps', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('paid_at', 'text')
        .addColumn('shipped_at', 'text')
        .addColumn('release_due_at', 'text')
        .addColumn('released_at', 'text')
        .addUniqueConstraint('pay_orders_out_trade_no', ['app_id', 'out_trade_no'])
        .addCheckConstraint('pay_orders_refund_bound', sql`refunded_amount >= 0 and refunded_amount <= amount`)
        .execute();
      await db.schema.createIndex('pay_orders_user').on('pay_orders').columns(['user_id', 'created_at']).execute();
      await db.schema.createIndex('pay_orders_merchant').on('pay_orders').columns(['merchant_id', 'created_at']).execute();
      await db.schema.createIndex('pay_orders_release_due').on('pay_orders').column('release_due_at').execute();
      await db.schema
        .createTable('pay_refunds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('order_id', 'text', (c) => c.notNull().references('pay_orders.id'))
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('out_refund_no', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'text')
        .addUniqueConstraint('pay_refunds_out_refund_no', ['order_id', 'out_refund_no'])
        .execute();
      await db.schema
        .createTable('pay_disputes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('order_id', 'text', (c) => c.notNull().references('pay_orders.id'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('answer', 'text')
        .addColumn('decision', 'text')
        .addColumn('refund_amount', 'bigint')
        .addColumn('decided_by', 'text')
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('answered_at', 'text')
        .addColumn('decided_at', 'text')
        .execute();
      await db.schema.createIndex('pay_disputes_order').on('pay_disputes').column('order_id').execute();
      await db.schema
        .createTable('pay_idempotency')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('pay_idempotency_pk', ['scope', 'key'])
        .execute();
    },
  },
  '2026-11-27-20-payments-withdrawals': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('pay_withdrawals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_kind', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('card', 'text', (c) => c.notNull())
        .addColumn('card_last4', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('provider_ref', 'text')
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('pay_withdrawals_key', ['owner_kind', 'owner_id', 'idempotency_key'])
        .addCheckConstraint('pay_withdrawals_positive', sql`amount > 0`)
        .execute();
      await db.schema.createIndex('pay_withdrawals_owner').on('pay_withdrawals').columns(['owner_kind', 'owner_id', 'created_at']).execute();
      await db.schema.createIndex('pay_withdrawals_pending').on('pay_withdrawals').columns(['status', 'updated_at']).execute();
    },
  },
  '2026-12-08-10-payments-idempotency-unstuck': {
    // Keys claimed by a host that died before answering, under the earlier scheme that claimed a
    // key in a transaction of its own: their work never committed, so they are free again.
    async up(db: Kysely<any>) {
      await db.deleteFrom('pay_idempotency').where('response', '=', '').execute();
    },
  },
};
