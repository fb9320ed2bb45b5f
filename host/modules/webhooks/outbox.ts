import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { eventNames, type EventData, type EventType } from '../../../sdk/contract/events.ts';
import { prepared } from '../../db/index.ts';
import type { WebhooksTables } from './tables.ts';

/** Standard Webhooks message ids: unique, and the receiver's key for applying an event once. */
export const messageId = () => `msg_${Date.now().toString(36)}${randomBytes(10).toString('hex')}`;

/** One event for the outbox: its type from the events contract, and data of that type's shape. */
export type OutboxEvent = { [K in EventType]: { merchantId: string; type: K; data: EventData<K>; at: string } }[EventType];

/**
 * Writes an event to the outbox inside the caller's transaction: it exists if and only if the
 * change it announces committed. Delivery to the merchant's endpoints happens later (service.ts).
 * The event's subject (the order it is about, say) is kept beside it, so logs can name it without
 * reading the payload.
 */
export async function enqueue(trx: Kysely<any> | Transaction<any>, e: OutboxEvent): Promise<string> {
  const id = messageId();
  const subject = (e.data as Record<string, unknown>)[eventNames[e.type].subject];
  await insertEvent(trx, id, e.merchantId, e.type, JSON.stringify({ type: e.type, timestamp: e.at, data: e.data }), e.at, typeof subject === 'string' ? subject : null);
  return id;
}

const insertEvent = prepared<[string, string, string, string, string, string | null], never>((db, id, merchantId, type, payload, at, subject) =>
  (db as Kysely<WebhooksTables>).insertInto('webhook_events').values({ id, merchant_id: merchantId, type, payload, created_at: at, fanned_out: 0, subject }),
);
