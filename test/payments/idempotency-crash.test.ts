import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type Db } from '../../host/db/index.ts';
import { createPayments, simulatedCards, simulatedProvider } from '../../host/modules/payments/index.ts';

const main = join(import.meta.dirname, '..', '..', 'host', 'main.ts');
const engines = [{ name: 'sqlite', url: '' }, ...(process.env.ATRIUM_TEST_PG_URL ? [{ name: 'postgres', url: process.env.ATRIUM_TEST_PG_URL }] : [])];
const ORDERS = 40;

/** `npm start` as a process of its own, on the given data; resolves with it and its URL once it listens. */
function startHost(dataDir: string, databaseUrl: string): Promise<{ child: ChildProcess; url: string; exited: Promise<unknown> }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, PORT: '0', ATRIUM_DATA_DIR: dataDir, ATRIUM_DATABASE_URL: databaseUrl, ATRIUM_SHARDS: '1', ATRIUM_SEED_DEMO: 'false', ATRIUM_WARM_SESSIONS: '0' };
    if (!databaseUrl) delete (env as Record<string, string | undefined>).ATRIUM_DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((r) => child.once('exit', r));
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const url = /Atrium is running: (\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url, exited });
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`the host exited (${code}) before listening: ${out}`)));
  });
}

describe.each(engines)('merchant API keys in flight when the host is killed, on $name', ({ name, url }) => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  let db: Db<any> | null = null;
  let schema: string | null = null;
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    if (schema) await sql.raw(`drop schema ${schema} cascade`).execute(db!.kysely);
    await db?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('answers every retried key after a restart, each refund done exactly once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'atrium-idem-crash-'));
    dirs.push(dataDir);
    let databaseUrl = url;
    if (name === 'postgres') {
      schema = `idem_${Date.now().toString(36)}`;
      const admin = connect<any>({ dataDir, databaseUrl: url });
      await sql.raw(`create schema ${schema}`).execute(admin.kysely);
      await admin.close();
      databaseUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    }

    const first = await startHost(dataDir, databaseUrl);
    children.push(first.child);
    const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', origin: base, ...headers }, body: JSON.stringify(body) });
    await post(first.url, '/api/auth/signup', { email: 'shop@example.com', password: 'long enough password', displayName: 'shop', kind: 'merchant' });
    const login = (await (await post(first.url, '/api/auth/login', { email: 'shop@example.com', password: 'long enough password', kind: 'merchant' })).json()) as { token: string; account: { id: string } };

    // Paid orders of this merchant, made straight in the database the host uses.
    db = connect<any>({ dataDir, databaseUrl: databaseUrl || null });
    const pay = createPayments({ db: db.kysely, mac: (m) => createHmac('sha256', 'test').update(m).digest('base64url'), provider: simulatedProvider(), feeBps: 60 });
    await pay.wallet.setPin('buyer', '111111');
    await pay.wallet.topUp('buyer', { amount: ORDERS * 10_00, currency: 'CNY', card: simulatedCards.approves, idempotencyKey: 'fund' });
    const orders: string[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const o = await pay.orders.create({ appId: 'app', merchantId: login.account.id, userId: 'buyer' }, { items: [{ sku: 's', name: 'Tea', quantity: 1, unitAmount: 10_00 }], currency: 'CNY', holdUntilReceipt: true });
      await pay.checkout.pay('buyer', o.orderId, '111111');
      orders.push(o.orderId);
    }

    const refund = (base: string, orderId: string) =>
      post(base, `/api/merchant/orders/${orderId}/refunds`, { amount: 2_00, reason: 'one cup chipped' }, { authorization: `Bearer ${login.token}`, 'idempotency-key': `refund-${orderId}` });
    // Every refund at once; the host is killed as soon as a few have answered, the rest mid-flight.
    let answered = 0;
    const inFlight = orders.map((id) =>
      refund(first.url, id).then(
        () => {
          if (++answered === 3) first.child.kill('SIGKILL');
        },
        () => {},
      ),
    );
    await Promise.all(inFlight);
    await first.exited;

    const second = await startHost(dataDir, databaseUrl);
    children.push(second.child);
    const retried = await Promise.all(orders.map(async (id) => ({ id, res: await refund(second.url, id) })));
    for (const { res } of retried) expect(res.status).toBe(200);
    for (const id of orders) {
      const refunds = await db.kysely.selectFrom('pay_refunds').select('amount').where('order_id', '=', id).execute();
      expect(refunds.map((r) => Number(r.amount))).toEqual([2_00]);
    }
    expect(await pay.auditOrders()).toEqual({ held: [], orders: [] });
    second.child.kill('SIGKILL');
  }, 90_000);
});
