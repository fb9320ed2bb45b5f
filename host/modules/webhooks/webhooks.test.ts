import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { signWebhook, verifyWebhook } from '../../../sdk/server/index.ts';
import { testDatabases } from '../../../test/support/databases.ts';
import { migrate, type Db } from '../../db/index.ts';
import { createWebhooks, enqueue, webhooksMigrations, type Webhooks } from './index.ts';

describe('Standard Webhooks signatures', () => {
  // The test vector published with the Standard Webhooks specification.
  const vector = { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330, body: '{"test": 2432232314}' };
  const headers = (sig: string, ts = vector.timestamp) => ({ 'webhook-id': vector.id, 'webhook-timestamp': String(ts), 'webhook-signature': sig });
  const at = new Date(vector.timestamp * 1000);

  it('signs as the specification says', () => {
    expect(signWebhook(vector.secret, vector.id, vector.timestamp, vector.body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('verifies a good signature among several', () => {
    const sig = `v1,bm9wZQ== ${signWebhook(vector.secret, vector.id, vector.timestamp, vector.body)}`;
    expect(verifyWebhook({ secret: vector.secret, headers: headers(sig), body: vector.body, now: at })).toMatchObject({ id: vector.id, test: 2432232314 });
  });

  it('refuses a body changed in transit', () => {
    const sig = signWebhook(vector.secret, vector.id, vector.timestamp, vector.body);
    expect(() => verifyWebhook({ secret: vector.secret, headers: headers(sig), body: '{"test": 1}', now: at })).toThrow(expect.objectContaining({ code: 'unauthorized' }));
  });

  it('refuses a timestamp more than five minutes off, even correctly signed', () => {
    const ts = vector.timestamp - 301;
    const sig = signWebhook(vector.secret, vector.id, ts, vector.body);
    expect(() => verifyWebhook({ secret: vector.secret, headers: headers(sig, ts), body: vector.body, now: at })).toThrow(expect.objectContaining({ code: 'expired' }));
  });
});

describe.each(testDatabases())('webhook delivery on $name', (tdb) => {
  let db: Db<any>;
  let hooks: Webhooks;
  let server: Server;
  let url: string;
  let time = Date.parse('2026-11-25T10:00:00Z');
  /** What the receiver does with the next requests: answer statuses in turn, then 204. */
  let failures: number[] = [];
  const applied = new Map<string, number>();
  const timesTaken = new Map<string, number>();
  const received: { id: string; verified: boolean }[] = [];
  let secret = '';

  beforeAll(async () => {
    db = await tdb.create();
    await migrate(db.kysely, [webhooksMigrations]);
    hooks = createWebhooks({ db: db.kysely, dev: true, clock: () => new Date(time) });
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const id = String(req.headers['webhook-id']);
        let verified = false;
        try {
          verifyWebhook({ secret, headers: req.headers as Record<string, string>, body, now: new Date(time) });
          verified = true;
        } catch {}
        received.push({ id, verified });
        const status = failures.shift() ?? 204;
        // The receiver applies each event once, by its id, however often it is sent.
        if (status < 300 && verified) applied.set(id, applied.has(id) ? applied.get(id)! : 1);
        if (status < 300 && verified) timesTaken.set(id, (timesTaken.get(id) ?? 0) + 1);
        res.statusCode = status;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  });
  beforeEach(() => {
    failures = [];
    received.length = 0;
  });
  afterAll(async () => {
    await hooks.close();
    server.close();
    await db.close();
  });

  const order = { orderId: 'ord_1', appId: 'app_1', outTradeNo: null, currency: 'CNY' };
  const emit = (merchantId: string, type: 'order.paid' | 'order.refunded' = 'order.paid') =>
    db.kysely.transaction().execute((trx) =>
      enqueue(trx, type === 'order.paid'
        ? { merchantId, type, at: new Date(time).toISOString(), data: { ...order, amount: 10_00, paidAt: new Date(time).toISOString() } }
        : { merchantId, type, at: new Date(time).toISOString(), data: { ...order, refundId: 'rfd_1', amount: 1_00, refundedAmount: 1_00 } }),
    );

  it('retries a failing receiver with backoff until it takes the event, which it applies once', async () => {
    const ep = await hooks.addEndpoint('m-retry', { url });
    secret = ep.secret;
    const id = await emit('m-retry');
    failures = [500, 503];
    expect(await hooks.deliverDue()).toEqual({ sent: 1, delivered: 0 });
    expect(await hooks.deliverDue()).toEqual({ sent: 0, delivered: 0 });
    time += 5_000;
    expect(await hooks.deliverDue()).toEqual({ sent: 1, delivered: 0 });
    time += 5 * 60_000;
    expect(await hooks.deliverDue()).toEqual({ sent: 1, delivered: 1 });
    expect(received.map((r) => r.id)).toEqual([id, id, id]);
    expect(received.every((r) => r.verified)).toBe(true);
    expect(applied.get(id)).toBe(1);
    const [d] = await hooks.deliveries('m-retry');
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 204, eventType: 'order.paid', orderId: 'ord_1' });
    expect((await hooks.attempts('m-retry', d!.id)).map((a) => a.status)).toEqual([500, 503, 204]);
  });

  it('sends only the event types an endpoint asked for, and only to its own merchant', async () => {
    const ep = await hooks.addEndpoint('m-types', { url, events: ['order.refunded'] });
    secret = ep.secret;
    await emit('m-types', 'order.paid');
    await emit('m-other', 'order.refunded');
    const refunded = await emit('m-types', 'order.refunded');
    await hooks.deliverDue();
    expect(received.map((r) => r.id)).toEqual([refunded]);
  });

  it('never sends one delivery twice when two workers run at once', async () => {
    const ep = await hooks.addEndpoint('m-race', { url });
    secret = ep.secret;
    const id = await emit('m-race');
    await Promise.all([hooks.deliverDue(), hooks.deliverDue(), hooks.deliverDue()]);
    expect(received.filter((r) => r.id === id)).toHaveLength(1);
  });

  it('sends an event again by hand, with the same webhook-id', async () => {
    const ep = await hooks.addEndpoint('m-again', { url });
    secret = ep.secret;
    const id = await emit('m-again');
    await hooks.deliverDue();
    const [first] = await hooks.deliveries('m-again');
    await hooks.redeliver('m-again', first!.id);
    await hooks.deliverDue();
    expect(timesTaken.get(id)).toBe(2);
    expect(applied.get(id)).toBe(1);
    await expect(hooks.redeliver('m-intruder', first!.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('sends an event again by hand once: a retry still pending is sent now, and not again later', async () => {
    const ep = await hooks.addEndpoint('m-pending', { url });
    secret = ep.secret;
    const id = await emit('m-pending');
    failures = [500];
    await hooks.deliverDue();
    const [waiting] = await hooks.deliveries('m-pending');
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    await hooks.redeliver('m-pending', waiting!.id);
    await hooks.deliverDue();
    time += 24 * 3600_000;
    await hooks.deliverDue();
    expect(received.map((r) => r.id)).toEqual([id, id]);
    expect((await hooks.deliveries('m-pending')).map((d) => d.status)).toEqual(['delivered']);
  });

  it('sends nothing more to an endpoint once it is removed, retries included', async () => {
    const ep = await hooks.addEndpoint('m-removed', { url });
    secret = ep.secret;
    await emit('m-removed');
    failures = [500];
    await hooks.deliverDue();
    await hooks.removeEndpoint('m-removed', ep.id);
    await emit('m-removed');
    time += 60_000;
    await hooks.deliverDue();
    expect(received).toHaveLength(1);
    expect((await hooks.deliveries('m-removed')).map((d) => [d.status, d.lastError])).toEqual([['failed', 'the endpoint was removed']]);
  });

  it('gives up after the last retry, about a day later, and says so', async () => {
    const ep = await hooks.addEndpoint('m-down', { url });
    secret = ep.secret;
    await emit('m-down');
    failures = Array(20).fill(500);
    for (let i = 0; i < 10; i++) {
      await hooks.deliverDue();
      time += 11 * 3600_000;
    }
    const [d] = await hooks.deliveries('m-down');
    expect(d).toMatchObject({ status: 'failed', attempts: 8, lastError: 'answered 500' });
  });

  it('refuses an endpoint that is not http(s), and in production one on a private address at connect time', async () => {
    await expect(hooks.addEndpoint('m-bad', { url: 'ftp://example.com/x' })).rejects.toMatchObject({ code: 'invalid_args' });
    const prod = createWebhooks({ db: db.kysely, dev: false, clock: () => new Date(time) });
    await expect(prod.addEndpoint('m-bad', { url })).rejects.toMatchObject({ code: 'invalid_args' });
    await expect(prod.addEndpoint('m-bad', { url: url.replace('http:', 'https:') })).rejects.toMatchObject({ code: 'invalid_args', message: expect.stringMatching(/private or loopback/) });
    // A name that resolves to a private address is refused when the connection is made.
    const named = createWebhooks({ db: db.kysely, dev: false, clock: () => new Date(time), resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    await named.addEndpoint('m-private', { url: 'https://hooks.example.com/atrium' });
    await emit('m-private');
    await named.deliverDue();
    expect(received).toEqual([]);
    expect((await named.deliveries('m-private'))[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/private or loopback/) });
    await named.close();
    await prod.close();
  });

  it("keeps at most 8 deliveries in flight to one endpoint, and a slow receiver holds up no one else's", async () => {
    // A receiver that holds every request until told to answer.
    const held: (() => void)[] = [];
    let inFlight = 0;
    let most = 0;
    const slow = createServer((req, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      req.resume();
      held.push(() => {
        inFlight--;
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/hooks`;
    await hooks.addEndpoint('m-slow', { url: slowUrl });
    secret = (await hooks.addEndpoint('m-quick', { url })).secret;
    for (let i = 0; i < 12; i++) await emit('m-slow');
    const quick = await emit('m-quick');

    const first = hooks.deliverDue();
    await vi.waitFor(() => expect(held.length).toBe(8));
    // The next round sends the other merchant's event while the slow receiver still holds eight.
    await hooks.deliverDue();
    expect(received.map((r) => r.id)).toContain(quick);
    expect(held.length).toBe(8);

    while (held.length) held.shift()!();
    await first;
    const rest = hooks.deliverDue();
    await vi.waitFor(() => expect(held.length).toBe(4));
    while (held.length) held.shift()!();
    await rest;
    expect(most).toBe(8);
    expect((await hooks.deliveries('m-slow')).filter((d) => d.status === 'delivered')).toHaveLength(12);
    slow.close();
  });

  it("runs the host's own reaction to an event after it committed, again after it threw, and never again once done", async () => {
    const seen: string[] = [];
    let failNext = true;
    hooks.on('order.refunded', 'test-reaction', async (data, e) => {
      seen.push(`${e.merchantId}:${data.refundId}`);
      if (failNext) {
        failNext = false;
        throw new Error('not yet');
      }
    });
    await emit('m-react', 'order.refunded');
    await hooks.deliverDue();
    expect(seen).toEqual(['m-react:rfd_1']);
    await hooks.deliverDue();
    expect(seen).toHaveLength(1);
    time += 6_000;
    await hooks.deliverDue();
    time += 60_000;
    await hooks.deliverDue();
    expect(seen).toEqual(['m-react:rfd_1', 'm-react:rfd_1']);
  });
});
