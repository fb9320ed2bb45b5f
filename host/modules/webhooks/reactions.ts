import type { Kysely, Transaction } from 'kysely';
import type { EventData, EventType } from '../../../sdk/contract/events.ts';
import { retrySchedule } from './schedule.ts';
import type { WebhooksTables } from './tables.ts';

export interface OutboxEventMeta {
  id: string;
  merchantId: string;
  at: string;
}

type Handler = (data: unknown, e: OutboxEventMeta) => Promise<void>;

/**
 * The host's own reactions to outbox events (attributing a paid order to the QR code that brought
 * its buyer, say): like a merchant's endpoint, each reaction runs after the change committed, at
 * least once, retried on the webhook schedule when it throws. A handler must therefore be
 * idempotent by the event (its id, or the thing it is about).
 */
export function createReactions(db: Kysely<WebhooksTables>, clock: () => Date, log: (line: string) => void) {
  const handlers = new Map<string, { type: EventType; handle: Handler }>();

  /** Registers `consumer`'s reaction to events of `type`; consumers are named so their progress is kept. */
  function on<K extends EventType>(type: K, consumer: string, handle: (data: EventData<K>, e: OutboxEventMeta) => Promise<void>): void {
    if (handlers.has(consumer)) throw new Error(`two reactions are called "${consumer}"`);
    handlers.set(consumer, { type, handle: handle as Handler });
  }

  /** Inside the fan-out's transaction: a pending reaction for every consumer of the event's type. */
  async function enqueue(trx: Transaction<WebhooksTables>, e: { id: string; type: string }, at: string): Promise<void> {
    const consumers = [...handlers].filter(([, h]) => h.type === e.type).map(([name]) => name);
    if (!consumers.length) return;
    await trx
      .insertInto('webhook_reactions')
      .values(consumers.map((consumer) => ({ event_id: e.id, consumer, status: 'pending' as const, attempts: 0, next_at: at, last_error: null, done_at: null })))
      .onConflict((oc) => oc.columns(['event_id', 'consumer']).doNothing())
      .execute();
  }

  /** Runs the reactions that are due; each failure is logged and tried again later. */
  async function runDue(limit = 100): Promise<number> {
    const now = clock();
    const due = await db
      .selectFrom('webhook_reactions as r')
      .innerJoin('webhook_events as e', 'e.id', 'r.event_id')
      .select(['r.event_id', 'r.consumer', 'r.attempts', 'e.merchant_id', 'e.payload', 'e.created_at'])
      .where('r.status', '=', 'pending')
      .where('r.next_at', '<=', now.toISOString())
      .orderBy('r.next_at')
      .limit(limit)
      .execute();
    for (const r of due) {
      const h = handlers.get(r.consumer);
      if (!h) continue;
      const body = JSON.parse(r.payload) as { data: unknown };
      try {
        await h.handle(body.data, { id: r.event_id, merchantId: r.merchant_id, at: r.created_at });
        await db.updateTable('webhook_reactions').set({ status: 'done', done_at: clock().toISOString(), last_error: null }).where('event_id', '=', r.event_id).where('consumer', '=', r.consumer).execute();
      } catch (e) {
        const attempts = Number(r.attempts) + 1;
        const wait = retrySchedule[attempts - 1];
        log(`reaction ${r.consumer} to ${r.event_id} failed (attempt ${attempts}): ${(e as Error).message}`);
        await db
          .updateTable('webhook_reactions')
          .set({ attempts, last_error: (e as Error).message.slice(0, 500), status: wait === undefined ? 'failed' : 'pending', next_at: wait === undefined ? now.toISOString() : new Date(now.getTime() + wait * 1000).toISOString() })
          .where('event_id', '=', r.event_id)
          .where('consumer', '=', r.consumer)
          .execute();
      }
    }
    return due.length;
  }

  return { on, enqueue, runDue };
}

export type Reactions = ReturnType<typeof createReactions>;
