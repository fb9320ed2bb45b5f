import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../host/config.ts';
import type { Db } from '../../host/db/index.ts';
import { createPayments, simulatedCards, simulatedProvider, type Payments } from '../../host/modules/payments/index.ts';
import { startPlatform, type Platform } from '../../host/platform.ts';
import { testDatabases } from '../support/databases.ts';

const BUYERS = 8;
const ORDERS_EACH = 25;

/**
 * Ordinary traffic at once: buyers paying and confirming receipt while the merchant refunds the
 * same orders. Some requests lose (an order already released, a refund larger than what is left)
 * and say so; none may answer as a fault of ours, and the books must come out right.
 */
describe.each(testDatabases())('payments under concurrent requests on $name', (tdb) => {
  let platform: Platform;
  let dataDir: string;
  let database: Db<any>;
  let pay: Payments;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'atrium-concurrency-'));
    database = await tdb.create();
    platform = await startPlatform(loadConfig({ ATRIUM_DATA_DIR: dataDir, PORT: '0', ATRIUM_SHARDS: '1', ATRIUM_SEED_DEMO: 'false', ATRIUM_WARM_SESSIONS: '0' }), { log: () => {}, db: database });
    pay = createPayments({ db: database.kysely, mac: (m) => createHmac('sha256', 'unused').update(m).digest('base64url'), provider: simulatedProvider(), feeBps: 60 });
  }, 60_000);
  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (path: string, body: unknown, token: string, headers: Record<string, string> = {}) =>
    fetch(platform.url + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify(body) });
  async function account(kind: 'user' | 'merchant', email: string) {
    const anon = (path: string, body: unknown) => fetch(platform.url + path, { method: 'POST', headers: { 'content-type': 'application/json', origin: platform.url }, body: JSON.stringify(body) });
    await anon('/api/auth/signup', { email, password: 'long enough password', displayName: kind, kind });
    return (await (await anon('/api/auth/login', { email, password: 'long enough password', kind })).json()) as { token: string; account: { id: string } };
  }

  it('answers pay, receipt and refund races without a single 500, with books that balance', async () => {
    const merchant = await account('merchant', 'busy-shop@example.com');
    const buyers = await Promise.all(Array.from({ length: BUYERS }, (_, i) => account('user', `busy-buyer-${i}@example.com`)));
    for (const b of buyers) {
      await post('/api/wallet/pin', { pin: '123456' }, b.token);
      await post('/api/wallet/topups', { amount: ORDERS_EACH * 10_00, currency: 'CNY', card: simulatedCards.approves, idempotencyKey: 'fund' }, b.token);
    }
    const statuses: number[] = [];
    const request = async (r: Promise<Response>) => {
      const res = await r;
      statuses.push(res.status);
      await res.body?.cancel();
    };
    await Promise.all(
      buyers.map(async (b, i) => {
        for (let n = 0; n < ORDERS_EACH; n++) {
          const o = await pay.orders.create({ appId: 'app', merchantId: merchant.account.id, userId: b.account.id }, { items: [{ sku: 's', name: 'Tea', quantity: 1, unitAmount: 10_00 }], currency: 'CNY', holdUntilReceipt: true });
          await request(post(`/api/orders/${o.orderId}/pay`, { pin: '123456' }, b.token));
          await Promise.all([
            request(post(`/api/orders/${o.orderId}/confirm-receipt`, {}, b.token)),
            request(post(`/api/merchant/orders/${o.orderId}/refunds`, { amount: 3_00, reason: 'sorry' }, merchant.token, { 'idempotency-key': `r-${i}-${n}` })),
            request(post(`/api/merchant/orders/${o.orderId}/refunds`, { amount: 8_00, reason: 'sorry again' }, merchant.token)),
          ]);
        }
      }),
    );
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.length).toBe(BUYERS * ORDERS_EACH * 4);
    expect(await pay.auditOrders()).toEqual({ held: [], orders: [] });
    const books = await pay.checkBooks();
    expect(books.negative).toEqual([]);
    expect(books.drift).toEqual([]);
  }, 120_000);
});
