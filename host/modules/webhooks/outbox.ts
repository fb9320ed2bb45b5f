import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { prepared } from '../../db/index.ts';
import type { WebhooksTables } from './tables.ts';

export type WebhookEventType = 'order.paid' | 'order.refunded' | 'order.released' | 'order.shipped' | 'dispute.opened' | 'dispute.answered' | 'dispute.resolved';

/** Standard Webhooks message ids: unique, and the receiver's key for applying an event once. */
export const messageId = () => `msg_${Date.now().toString(36)}${randomBytes(10).toString('hex')}`;

/**
 * Writes an event to the outbox inside the caller's transaction: it exists if and only if the
 * change it announces committed. Delivery to the merchant's endpoints happens later (deliver.ts).
 */
export async function enqueue(trx: Kysely<any> | Transaction<any>, e: { merchantId: string; type: WebhookEventType; data: Record<string, unknown>; at: string }): Promise<string> {
  const id = messageId();
  await insertEvent(trx, id, e.merchantId, e.type, JSON.stringify({ type: e.type, timestamp: e.at, data: e.data }), e.at);
  return id;
}

const insertEvent = prepared<[string, string, string, string, string], never>((db, id, merchantId, type, payload, at) =>
  (db as Kysely<WebhooksTables>).insertInto('webhook_events').values({ id, merchant_id: merchantId, type, payload, created_at: at, fanned_out: 0 }),
);
