import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Agent, request } from 'undici';
import { AtriumError } from '../../../sdk/contract/index.ts';
import { signWebhook } from '../../../sdk/server/webhooks.ts';
import { isIP } from 'node:net';
import { guardedLookup, isForbiddenAddress, systemResolve, type Resolve } from '../../bridge/net/addresses.ts';
import { newId, sortableId } from '../../db/index.ts';
import { eventTypes, isEventType } from '../../../sdk/contract/events.ts';
import type { WebhooksTables } from './tables.ts';

export { retrySchedule } from './schedule.ts';
import { retrySchedule } from './schedule.ts';
import { createReactions } from './reactions.ts';


/** One try at sending a delivery: when, what the endpoint answered (or the error), how long it took. */
export interface AttemptView {
  id: string;
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface EndpointView {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  createdAt: string;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  /** The order the event is about (every event has one), so the log can say which. */
  orderId: string | null;
  endpointId: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/**
 * Deliveries in flight to one endpoint from this node at once: a burst for one receiver neither
 * floods it nor, since rounds do not wait for slow receivers, holds up anyone else's events.
 */
const IN_FLIGHT_PER_ENDPOINT = 8;

export interface WebhooksOptions {
  db: Kysely<any>;
  /** Development lets endpoints be on loopback and private addresses; production refuses them. */
  dev: boolean;
  clock?: () => Date;
  /** Where a failing reaction is reported. */
  log?: (line: string) => void;
  resolve?: Resolve;
  timeoutMs?: number;
}

function checkUrl(url: string, dev: boolean): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AtriumError('invalid_args', 'The endpoint is not a URL.');
  }
  if (u.protocol !== 'https:' && !(dev && u.protocol === 'http:')) throw new AtriumError('invalid_args', 'A webhook endpoint is an https:// URL.');
  if (u.username || u.password) throw new AtriumError('invalid_args', 'A webhook endpoint may not carry a user name or password.');
  if (!dev && literalForbidden(u)) throw new AtriumError('invalid_args', 'A webhook endpoint may not be on a private or loopback address.');
  return u.toString();
}

/** An address written into the URL is never looked up, so the guarded lookup never sees it. */
function literalForbidden(u: URL): boolean {
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) !== 0 && isForbiddenAddress(host);
}

/** Merchants' endpoints, and the delivery of outbox events to them: signed, retried, logged. */
export function createWebhooks(options: WebhooksOptions) {
  const db = options.db as Kysely<WebhooksTables>;
  const clock = options.clock ?? (() => new Date());
  const reactions = createReactions(db, clock, options.log ?? (() => {}));
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(options.resolve ?? systemResolve, !options.dev), timeout: 10_000 } });

  const endpointView = (r: WebhooksTables['webhook_endpoints']): EndpointView => ({ id: r.id, url: r.url, events: JSON.parse(r.events) as string[], enabled: Number(r.enabled) === 1, createdAt: r.created_at });

  async function addEndpoint(merchantId: string, input: { url: string; events?: string[] }): Promise<EndpointView & { secret: string }> {
    const url = checkUrl(input.url, options.dev);
    const events = input.events?.length ? input.events : ['*'];
    for (const e of events) if (e !== '*' && !isEventType(e)) throw new AtriumError('invalid_args', `No event type "${e}"; the types are ${eventTypes.join(', ')}.`);
    const count = await db.selectFrom('webhook_endpoints').select((eb) => eb.fn.countAll().as('n')).where('merchant_id', '=', merchantId).executeTakeFirstOrThrow();
    if (Number(count.n) >= 20) throw new AtriumError('quota_exceeded', 'A merchant may register at most 20 endpoints.');
    const row = { id: `ep_${newId().replace(/-/g, '').slice(0, 20)}`, merchant_id: merchantId, url, secret: `whsec_${randomBytes(24).toString('base64')}`, events: JSON.stringify(events), enabled: 1, created_at: clock().toISOString() };
    await db.insertInto('webhook_endpoints').values(row).execute();
    return { ...endpointView(row), secret: row.secret };
  }

  async function endpointOf(merchantId: string, id: string) {
    const row = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).where('merchant_id', '=', merchantId).executeTakeFirst();
    if (!row) throw new AtriumError('not_found', `No endpoint "${id}".`);
    return row;
  }

  async function listEndpoints(merchantId: string): Promise<EndpointView[]> {
    return (await db.selectFrom('webhook_endpoints').selectAll().where('merchant_id', '=', merchantId).orderBy('created_at').execute()).map(endpointView);
  }

  async function removeEndpoint(merchantId: string, id: string): Promise<void> {
    await endpointOf(merchantId, id);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('webhook_endpoints').set({ enabled: 0 }).where('id', '=', id).execute();
      // Nothing more goes to a removed endpoint, retries included.
      await trx
        .updateTable('webhook_deliveries')
        .set({ status: 'failed', next_attempt_at: null, last_error: 'the endpoint was removed' })
        .where('endpoint_id', '=', id)
        .where('status', '=', 'pending')
        .execute();
    });
  }

  /** Gives each new outbox event a delivery per endpoint that wants it. */
  async function fanOut(): Promise<number> {
    const events = await db.selectFrom('webhook_events').select(['id', 'merchant_id', 'type']).where('fanned_out', '=', 0).orderBy('created_at').limit(200).execute();
    if (!events.length) return 0;
    const at = clock().toISOString();
    await db.transaction().execute(async (trx) => {
      const merchants = [...new Set(events.map((e) => e.merchant_id))];
      const endpoints = await trx.selectFrom('webhook_endpoints').selectAll().where('merchant_id', 'in', merchants).where('enabled', '=', 1).execute();
      for (const e of events) {
        const claimed = await trx.updateTable('webhook_events').set({ fanned_out: 1 }).where('id', '=', e.id).where('fanned_out', '=', 0).executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) continue;
        await reactions.enqueue(trx, e, at);
        for (const ep of endpoints) {
          if (ep.merchant_id !== e.merchant_id) continue;
          const wanted = JSON.parse(ep.events) as string[];
          if (!wanted.includes('*') && !wanted.includes(e.type)) continue;
          await trx
            .insertInto('webhook_deliveries')
            .values({ id: sortableId(), event_id: e.id, endpoint_id: ep.id, status: 'pending', attempts: 0, next_attempt_at: at, leased_until: null, last_status: null, last_error: null, delivered_at: null, created_at: at })
            .execute();
        }
      }
    });
    return events.length;
  }

  /** One attempt at one delivery; the outcome is recorded whatever happens. */
  async function attempt(deliveryId: string): Promise<boolean> {
    const d = await db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
      .innerJoin('webhook_endpoints as p', 'p.id', 'd.endpoint_id')
      .select(['d.id', 'd.attempts', 'e.id as event_id', 'e.payload', 'p.url', 'p.secret'])
      .where('d.id', '=', deliveryId)
      .executeTakeFirstOrThrow();
    const started = clock();
    const timestamp = Math.floor(started.getTime() / 1000);
    let status: number | null = null;
    let error: string | null = null;
    const t = performance.now();
    try {
      if (!options.dev && literalForbidden(new URL(d.url))) throw new Error(`${new URL(d.url).hostname} is a private or loopback address, which webhooks may not reach`);
      const res = await request(d.url, {
        method: 'POST',
        dispatcher,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Atrium-Webhooks/1',
          'webhook-id': d.event_id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(d.secret, d.event_id, timestamp, d.payload),
        },
        body: d.payload,
        headersTimeout: options.timeoutMs ?? 10_000,
        bodyTimeout: options.timeoutMs ?? 10_000,
      });
      status = res.statusCode;
      await res.body.dump({ limit: 64 * 1024 }).catch(() => {});
      if (status < 200 || status >= 300) error = `answered ${status}`;
    } catch (e) {
      error = (e as Error).message.slice(0, 300);
    }
    const ok = error === null;
    const attempts = Number(d.attempts) + 1;
    const wait = retrySchedule[attempts - 1];
    const at = clock().toISOString();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('webhook_attempts').values({ id: sortableId(), delivery_id: d.id, at, status, error, duration_ms: Math.round(performance.now() - t) }).execute();
      await trx
        .updateTable('webhook_deliveries')
        .set({
          attempts,
          status: ok ? 'delivered' : wait === undefined ? 'failed' : 'pending',
          next_attempt_at: ok || wait === undefined ? null : new Date(clock().getTime() + wait * 1000).toISOString(),
          leased_until: null,
          last_status: status,
          last_error: error,
          delivered_at: ok ? at : null,
        })
        .where('id', '=', d.id)
        .execute();
    });
    return ok;
  }

  /**
   * Sends what is due. Each delivery is leased before it is sent, so two nodes (or two runs) never
   * send it at once; a node that dies mid-send leaves a lease that lapses, and it is sent again.
   */
  const inFlight = new Map<string, number>();

  /**
   * One round of sending: up to `limit` due deliveries, leaving out endpoints that have
   * IN_FLIGHT_PER_ENDPOINT deliveries under way already. Resolves when this round's are done;
   * rounds may overlap, and leases keep any delivery from going out twice.
   */
  async function deliverDue(limit = 50): Promise<{ sent: number; delivered: number }> {
    await fanOut();
    await reactions.runDue();
    const now = clock();
    const candidates = await db
      .selectFrom('webhook_deliveries')
      .select(['id', 'endpoint_id'])
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now.toISOString())
      .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<', now.toISOString())]))
      .orderBy('next_attempt_at')
      .limit(limit * 4)
      .execute();
    const taken = new Map<string, number>();
    const due = candidates
      .filter((d) => {
        const n = (inFlight.get(d.endpoint_id) ?? 0) + (taken.get(d.endpoint_id) ?? 0);
        if (n >= IN_FLIGHT_PER_ENDPOINT) return false;
        taken.set(d.endpoint_id, (taken.get(d.endpoint_id) ?? 0) + 1);
        return true;
      })
      .slice(0, limit);
    const lease = new Date(now.getTime() + 60_000).toISOString();
    const mine: { id: string; endpoint: string }[] = [];
    for (const { id, endpoint_id: endpoint } of due) {
      const r = await db
        .updateTable('webhook_deliveries')
        .set({ leased_until: lease })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<', now.toISOString())]))
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) mine.push({ id, endpoint });
    }
    for (const d of mine) inFlight.set(d.endpoint, (inFlight.get(d.endpoint) ?? 0) + 1);
    const results = await Promise.all(
      mine.map((d) =>
        attempt(d.id).finally(() => {
          const left = (inFlight.get(d.endpoint) ?? 1) - 1;
          if (left > 0) inFlight.set(d.endpoint, left);
          else inFlight.delete(d.endpoint);
        }),
      ),
    );
    return { sent: mine.length, delivered: results.filter(Boolean).length };
  }

  async function deliveries(merchantId: string, opts: { id?: string; endpointId?: string; status?: DeliveryView['status']; limit?: number } = {}): Promise<DeliveryView[]> {
    let q = db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
      .selectAll('d')
      .select(['e.type', 'e.subject'])
      .where('e.merchant_id', '=', merchantId);
    if (opts.id) q = q.where('d.id', '=', opts.id);
    if (opts.endpointId) q = q.where('d.endpoint_id', '=', opts.endpointId);
    if (opts.status) q = q.where('d.status', '=', opts.status);
    const rows = await q.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(Math.min(opts.limit ?? 100, 500)).execute();
    return rows.map((r) => ({
      id: r.id, eventId: r.event_id, eventType: r.type, orderId: r.subject || null, endpointId: r.endpoint_id, status: r.status, attempts: Number(r.attempts),
      nextAttemptAt: r.next_attempt_at, lastStatus: r.last_status, lastError: r.last_error, deliveredAt: r.delivered_at, createdAt: r.created_at,
    }));
  }

  /**
   * Sends an event to an endpoint again, now, with the same webhook-id (the receiver dedupes by it).
   * A delivery of that event to that endpoint still pending (a retry not yet due) is the one sent
   * now: a new delivery beside it would leave it to go out again later. Only when none is pending
   * is a new delivery made.
   */
  async function redeliver(merchantId: string, deliveryId: string): Promise<DeliveryView> {
    const d = await db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
      .select(['d.event_id', 'd.endpoint_id'])
      .where('d.id', '=', deliveryId)
      .where('e.merchant_id', '=', merchantId)
      .executeTakeFirst();
    if (!d) throw new AtriumError('not_found', `No delivery "${deliveryId}".`);
    const at = clock().toISOString();
    const id = await db.transaction().execute(async (trx) => {
      const [oldest, ...copies] = await trx
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('event_id', '=', d.event_id)
        .where('endpoint_id', '=', d.endpoint_id)
        .where('status', '=', 'pending')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      // Redeliveries made before this rule may have left several pending: the oldest goes now and
      // the copies are closed, so the receiver gets the event once more, not once per copy.
      for (const copy of copies) {
        await trx
          .updateTable('webhook_deliveries')
          .set({ status: 'failed', next_attempt_at: null, last_error: `sent again by hand as ${oldest!.id}` })
          .where('id', '=', copy.id)
          .where('status', '=', 'pending')
          .execute();
      }
      if (oldest) {
        const due = await trx.updateTable('webhook_deliveries').set({ next_attempt_at: at }).where('id', '=', oldest.id).where('status', '=', 'pending').executeTakeFirst();
        if (Number(due.numUpdatedRows) === 1) return oldest.id;
        // It was delivered or failed in the meantime: the event goes again as a new delivery.
      }
      const fresh = sortableId();
      await trx
        .insertInto('webhook_deliveries')
        .values({ id: fresh, event_id: d.event_id, endpoint_id: d.endpoint_id, status: 'pending', attempts: 0, next_attempt_at: at, leased_until: null, last_status: null, last_error: null, delivered_at: null, created_at: at })
        .execute();
      return fresh;
    });
    return (await deliveries(merchantId, { id }))[0]!;
  }

  async function attempts(merchantId: string, deliveryId: string) {
    await db.selectFrom('webhook_deliveries as d').innerJoin('webhook_events as e', 'e.id', 'd.event_id').select('d.id').where('d.id', '=', deliveryId).where('e.merchant_id', '=', merchantId).executeTakeFirstOrThrow().catch(() => {
      throw new AtriumError('not_found', `No delivery "${deliveryId}".`);
    });
    const rows = await db.selectFrom('webhook_attempts').selectAll().where('delivery_id', '=', deliveryId).orderBy('at').execute();
    return rows.map((r): AttemptView => ({ id: r.id, at: r.at, status: r.status, error: r.error, durationMs: Number(r.duration_ms) }));
  }

  return { addEndpoint, listEndpoints, removeEndpoint, fanOut, deliverDue, deliveries, redeliver, attempts, on: reactions.on, runReactions: reactions.runDue, close: () => dispatcher.close() };
}

export type Webhooks = ReturnType<typeof createWebhooks>;
