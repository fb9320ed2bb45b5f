import { sql, type Kysely } from 'kysely';
import type { ModuleMigrations } from '../../db/index.ts';

export const webhooksMigrations: ModuleMigrations = {
  '2026-11-26-30-webhooks': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('webhook_endpoints')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('merchant_id', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('events', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhook_endpoints_merchant').on('webhook_endpoints').column('merchant_id').execute();
      await db.schema
        .createTable('webhook_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('merchant_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('fanned_out', 'integer', (c) => c.notNull())
        .execute();
      // Only events still waiting to be fanned out are indexed, so the index stays a handful of rows
      // and writing an event (inside every payment) stays cheap.
      await db.schema.createIndex('webhook_events_pending').on('webhook_events').column('created_at').where(sql.ref('fanned_out'), '=', 0).execute();
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull().references('webhook_events.id'))
        .addColumn('endpoint_id', 'text', (c) => c.notNull().references('webhook_endpoints.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text')
        .addColumn('leased_until', 'text')
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('delivered_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('webhook_deliveries_event').on('webhook_deliveries').column('event_id').execute();
      await db.schema
        .createTable('webhook_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_deliveries.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('status', 'integer')
        .addColumn('error', 'text')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhook_attempts_delivery').on('webhook_attempts').columns(['delivery_id', 'at']).execute();
    },
  },
  '2026-12-08-20-webhooks-event-subject': {
    // What each event is about (an order, for every event so far), so the delivery log names it
    // without parsing payloads; earlier events get theirs from the payload once, here.
    async up(db: Kysely<any>) {
      await db.schema.alterTable('webhook_events').addColumn('subject', 'text').execute();
      for (;;) {
        const rows = await db.selectFrom('webhook_events').select(['id', 'payload']).where('subject', 'is', null).where('payload', 'like', '%"orderId":"%').limit(500).execute();
        if (!rows.length) break;
        for (const r of rows) {
          const orderId = (JSON.parse(r.payload) as { data?: { orderId?: unknown } }).data?.orderId;
          await db.updateTable('webhook_events').set({ subject: typeof orderId === 'string' ? orderId : '' }).where('id', '=', r.id).execute();
        }
      }
    },
  },
  '2026-12-08-70-webhooks-reactions': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('webhook_reactions')
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('consumer', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_at', 'text', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('done_at', 'text')
        .addPrimaryKeyConstraint('webhook_reactions_pk', ['event_id', 'consumer'])
        .execute();
      await db.schema.createIndex('webhook_reactions_due').on('webhook_reactions').columns(['status', 'next_at']).execute();
    },
  },
};
