import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../host/config.ts';
import { feeOf, simulatedCards } from '../../host/modules/payments/index.ts';
import { startPlatform, type Platform } from '../../host/platform.ts';
import { merchantApi, verifyWebhook } from '../../sdk/server/index.ts';
import type { Db } from '../../host/db/index.ts';
import { testDatabases } from '../support/databases.ts';
import { rawProgram } from '../support/programs.ts';

/**
 * Payments through the whole host: a program makes an order and asks for payment, the host's
 * sheet is answered over HTTP as the shell would, money moves through held funds to the merchant,
 * and the merchant's backend hears about it through signed webhooks.
 */
const ADMIN = { email: 'root@atrium.test', password: 'admin-password-1' };
const PIN = '424242';
let platform: Platform;
type Call = (path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }) => Promise<{ status: number; body: any; headers: Headers }>;

function client(token: string): Call {
  return async (path, init = {}) => {
    const res = await fetch(platform.url + path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    });
    return { status: res.status, headers: res.headers, body: (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : await res.text() };
  };
}

async function signIn(kind: 'user' | 'merchant' | 'admin', email: string, password = 'long enough password'): Promise<Call & { token: string }> {
  const post = (path: string, body: unknown) => fetch(platform.url + path, { method: 'POST', headers: { 'content-type': 'application/json', origin: platform.url }, body: JSON.stringify(body) });
  if (kind !== 'admin') await post('/api/auth/signup', { email, password, displayName: email.split('@')[0], kind });
  const { token } = (await (await post('/api/auth/login', { email, password, kind })).json()) as { token: string };
  return Object.assign(client(token), { token });
}

/** Reads a session's server-sent events until one of `kind` arrives. */
async function nextEvent(token: string, sessionId: string, kind: string): Promise<any> {
  const res = await fetch(`${platform.url}/api/sessions/${sessionId}/stream`, { headers: { authorization: `Bearer ${token}` } });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended before a ${kind} event`);
      buffer += decoder.decode(value, { stream: true });
      for (const block of buffer.split('\n\n').slice(0, -1)) {
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === kind && data) return JSON.parse(data);
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

const checkoutPage = `{
  data: { said: 'ready' },
  async buy() {
    const order = await globalThis.__atrium.call('payments.createOrder', { items: [{ sku: 'tea', name: 'Oolong 250 g', quantity: 2, unitAmount: 4800 }], currency: 'CNY', holdUntilReceipt: true, shipping: true });
    this.setData({ said: 'ordered ' + order.orderId });
    try {
      const paid = await globalThis.__atrium.call('payments.requestPayment', { orderId: order.orderId });
      this.setData({ said: 'paid ' + paid.orderId });
    } catch (e) {
      this.setData({ said: 'failed ' + e.code });
    }
  },
  async keep() { await globalThis.__atrium.call('storage.set', { key: 'last', value: 'oolong' }); this.setData({ said: 'kept' }); },
  render() { return { type: 'view', props: {}, children: [{ type: 'text', props: { id: 'said' }, children: [this.data.said] }] }; },
}`;

describe.each(testDatabases())('payments over HTTP on $name', (tdb) => {
  let dataDir: string;
  let database: Db<any>;
  let merchant: Awaited<ReturnType<typeof signIn>>;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let appId: string;
  let appSecret: string;
  let receiver: Server;
  let receiverUrl: string;
  const webhooks: { id: string; type: string; data: any }[] = [];
  let secret = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'atrium-payments-'));
    const config = loadConfig({ ATRIUM_DATA_DIR: dataDir, PORT: '0', ATRIUM_SHARDS: '1', ATRIUM_SEED_DEMO: 'false', ATRIUM_ADMIN_EMAIL: ADMIN.email, ATRIUM_ADMIN_PASSWORD: ADMIN.password, ATRIUM_PLATFORM_FEE_BPS: '100' });
    database = await tdb.create();
    platform = await startPlatform(config, { log: () => {}, db: database });
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        try {
          const event = verifyWebhook({ secret, headers: req.headers as Record<string, string>, body });
          if (!webhooks.some((w) => w.id === event.id)) webhooks.push(event);
          res.statusCode = 204;
        } catch {
          res.statusCode = 400;
        }
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/atrium`;

    merchant = await signIn('merchant', 'tea@example.com');
    admin = await signIn('admin', ADMIN.email, ADMIN.password);
    secret = (await merchant('/api/merchant/webhooks/endpoints', { body: { url: receiverUrl } })).body.endpoint.secret;
    const created = (await merchant('/api/merchant/apps', { body: { name: 'Tea Checkout', category: 'shopping', description: 'buys tea' } })).body;
    appId = created.app.id;
    appSecret = created.secret.appSecret;
    const manifest = { name: 'Tea Checkout', version: '1.0.0', pages: ['pages/index'], permissions: { payments: { reason: 'to take payment for your tea' } } };
    const sub = await merchant(`/api/merchant/apps/${appId}/versions`, { body: { manifest, bundle: rawProgram({ 'pages/index': checkoutPage }), assets: [], releaseNotes: '' } });
    expect(sub.status).toBe(201);
    await admin(`/api/admin/reviews/${sub.body.version.id}/approve`, { body: {} });
    await merchant(`/api/merchant/apps/${appId}/release`, { body: { version: '1.0.0' } });
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A signed-in user with a PIN and 200.00 CNY. */
  async function buyer(email: string) {
    const user = await signIn('user', email);
    await user('/api/wallet/pin', { body: { pin: PIN } });
    const top = await user('/api/wallet/topups', { body: { amount: 200_00, currency: 'CNY', card: simulatedCards.approves, idempotencyKey: 'first' } });
    expect(top.body).toMatchObject({ status: 'succeeded' });
    return user;
  }

  /** Opens the program, taps buy, and waits for the host's payment sheet. */
  async function checkout(user: Awaited<ReturnType<typeof signIn>>) {
    const { sessionId } = (await user(`/api/apps/${appId}/sessions`, { body: {} })).body;
    const sheet = nextEvent(user.token, sessionId, 'payment');
    await user(`/api/sessions/${sessionId}/events`, { body: { handler: 'buy', type: 'tap' } });
    return { sessionId, sheet: await sheet };
  }

  const said = async (user: Call, sessionId: string) => JSON.stringify((await user(`/api/sessions/${sessionId}/events`, { body: { handler: 'noop', type: 'tap' } })).body.frame.view);

  it('shows the host sheet with merchant, items and total, and resolves the program once the user pays with the PIN', async () => {
    const user = await buyer('mei@example.com');
    const { sessionId, sheet } = await checkout(user);
    expect(sheet).toMatchObject({ kind: 'payment', appName: 'Tea Checkout', merchantName: 'tea', amount: 96_00, currency: 'CNY', items: [{ name: 'Oolong 250 g', quantity: 2, unitAmount: 4800 }] });
    // The sheet may stay open as long as the order can be paid, about 15 minutes.
    expect(Date.parse(sheet.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect((await user(`/api/orders/${sheet.orderId}/pay`, { body: { pin: '000000' } })).body.error.code).toBe('wrong_pin');
    expect((await user(`/api/orders/${sheet.orderId}/pay`, { body: { pin: PIN } })).body).toMatchObject({ status: 'paid' });
    await user(`/api/sessions/${sessionId}/prompts/${sheet.promptId}`, { body: { answer: true } });
    await expect.poll(() => said(user, sessionId), { timeout: 10_000 }).toContain(`paid ${sheet.orderId}`);
    expect((await user('/api/wallet')).body.balances.CNY).toBe(200_00 - 96_00);
  });

  it('rejects the program with payment_cancelled when the user closes the sheet', async () => {
    const user = await buyer('lin@example.com');
    const { sessionId, sheet } = await checkout(user);
    await user(`/api/sessions/${sessionId}/prompts/${sheet.promptId}`, { body: { answer: false } });
    await expect.poll(() => said(user, sessionId), { timeout: 10_000 }).toContain('failed payment_cancelled');
    expect((await user('/api/wallet')).body.balances.CNY).toBe(200_00);
  });

  it('carries the money from held funds to the merchant less the fee once the buyer confirms receipt, and tells the merchant in signed webhooks', async () => {
    const user = await buyer('wang@example.com');
    const { sessionId, sheet } = await checkout(user);
    await user(`/api/orders/${sheet.orderId}/pay`, { body: { pin: PIN } });
    await user(`/api/sessions/${sessionId}/prompts/${sheet.promptId}`, { body: { answer: true } });
    const before = (await merchant('/api/merchant/balance')).body;
    const shipped = await merchant(`/api/merchant/orders/${sheet.orderId}/ship`, { body: {}, headers: { 'idempotency-key': `ship-${sheet.orderId}` } });
    expect(shipped.body.order).toMatchObject({ stage: 'shipped', releaseDueAt: expect.any(String) });
    const again = await merchant(`/api/merchant/orders/${sheet.orderId}/ship`, { body: {}, headers: { 'idempotency-key': `ship-${sheet.orderId}` } });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(shipped.body);
    expect((await user(`/api/orders/${sheet.orderId}/confirm-receipt`, { body: {} })).body.order.status).toBe('completed');
    const after = (await merchant('/api/merchant/balance')).body;
    expect((after.available.CNY ?? 0) - (before.available.CNY ?? 0)).toBe(96_00 - feeOf(96_00, 100));
    await expect.poll(() => webhooks.filter((w) => w.data.orderId === sheet.orderId).map((w) => w.type).sort(), { timeout: 10_000 }).toEqual(['order.paid', 'order.released', 'order.shipped']);
  });

  it('refunds through the merchant API once per Idempotency-Key, and refuses the key on another request', async () => {
    const user = await buyer('zhao@example.com');
    const { sessionId, sheet } = await checkout(user);
    await user(`/api/orders/${sheet.orderId}/pay`, { body: { pin: PIN } });
    await user(`/api/sessions/${sessionId}/prompts/${sheet.promptId}`, { body: { answer: true } });
    const refund = (amount: number) => merchant(`/api/merchant/orders/${sheet.orderId}/refunds`, { body: { amount, reason: 'one tin dented' }, headers: { 'idempotency-key': 'refund-1' } });
    expect((await refund(20_00)).status).toBe(200);
    expect((await refund(20_00)).headers.get('idempotent-replayed')).toBe('true');
    expect((await refund(30_00)).body.error.code).toBe('conflict');
    expect((await user('/api/wallet')).body.balances.CNY).toBe(200_00 - 96_00 + 20_00);
  });

  it("lets a merchant's backend ship and refund through the server SDK, once per idempotency key", async () => {
    const user = await buyer('zhou@example.com');
    const { sessionId, sheet } = await checkout(user);
    await user(`/api/orders/${sheet.orderId}/pay`, { body: { pin: PIN } });
    await user(`/api/sessions/${sessionId}/prompts/${sheet.promptId}`, { body: { answer: true } });
    const atrium = merchantApi({ baseUrl: platform.url, token: merchant.token });
    expect((await atrium.listOrders({ appId })).map((o) => o.orderId)).toContain(sheet.orderId);
    expect((await atrium.ship(sheet.orderId, { idempotencyKey: 'ship-1' })).status).toBe('shipped');
    const first = await atrium.refund(sheet.orderId, { amount: 10_00, reason: 'late delivery', idempotencyKey: 'sdk-refund-1' });
    const retried = await atrium.refund(sheet.orderId, { amount: 10_00, reason: 'late delivery', idempotencyKey: 'sdk-refund-1' });
    expect(retried.refundId).toBe(first.refundId);
    expect((await atrium.getOrder(sheet.orderId)).refundedAmount).toBe(10_00);
    await expect(atrium.refund(sheet.orderId, { amount: 999_00, reason: 'everything' })).rejects.toMatchObject({ code: 'invalid_args' });
  });

  it("lets a merchant's backend use the order API with its app's secret, for that app only", async () => {
    const user = await buyer('wu@example.com');
    const { sessionId, sheet } = await checkout(user);
    await user(`/api/orders/${sheet.orderId}/pay`, { body: { pin: PIN } });
    await user(`/api/sessions/${sessionId}/prompts/${sheet.promptId}`, { body: { answer: true } });
    const backend = merchantApi({ baseUrl: platform.url, appId, appSecret });
    expect((await backend.listOrders()).every((o) => o.appId === appId)).toBe(true);
    expect((await backend.ship(sheet.orderId, { idempotencyKey: 'app-ship' })).status).toBe('shipped');
    expect((await backend.refund(sheet.orderId, { amount: 5_00, reason: 'a late delivery' })).status).toBe('refunded');
    const other = (await merchant('/api/merchant/apps', { body: { name: 'Other App', category: 'tools', description: 'x' } })).body.secret;
    await expect(merchantApi({ baseUrl: platform.url, appId: other.appId, appSecret: other.appSecret }).getOrder(sheet.orderId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(merchantApi({ baseUrl: platform.url, appId, appSecret: 'wrong' }).listOrders()).rejects.toMatchObject({ code: 'unauthorized' });
    const basic = `Basic ${Buffer.from(`${appId}:${appSecret}`).toString('base64')}`;
    const release = await fetch(`${platform.url}/api/merchant/apps/${appId}/release`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/json' }, body: JSON.stringify({ version: '1.0.0' }) });
    expect(release.status).toBe(401);
  });

  it("answers another merchant and another user as if the order did not exist, and moves nothing", async () => {
    const user = await buyer('qian@example.com');
    const { sheet } = await checkout(user);
    const rival = await signIn('merchant', 'rival@example.com');
    const stranger = await buyer('sun@example.com');
    expect((await rival(`/api/merchant/orders/${sheet.orderId}`)).status).toBe(404);
    expect((await rival(`/api/merchant/orders/${sheet.orderId}/refunds`, { body: { reason: 'give it back' } })).status).toBe(404);
    expect((await stranger(`/api/orders/${sheet.orderId}/pay`, { body: { pin: PIN } })).status).toBe(404);
    expect((await stranger('/api/wallet')).body.balances.CNY).toBe(200_00);
    expect((await user(`/api/orders/${sheet.orderId}`)).body.order.status).toBe('created');
  });

  it('lets an admin decide a dispute: part back to the buyer, the rest to the merchant', async () => {
    const user = await buyer('li@example.com');
    const { sessionId, sheet } = await checkout(user);
    await user(`/api/orders/${sheet.orderId}/pay`, { body: { pin: PIN } });
    await user(`/api/sessions/${sessionId}/prompts/${sheet.promptId}`, { body: { answer: true } });
    const { dispute } = (await user(`/api/orders/${sheet.orderId}/dispute`, { body: { reason: 'only one tin arrived' } })).body;
    await merchant(`/api/merchant/disputes/${dispute.disputeId}/answer`, { body: { answer: 'we shipped two; see the photo' } });
    expect((await merchant(`/api/admin/disputes/${dispute.disputeId}/decide`, { body: { decision: 'release', note: 'mine' } })).status).toBe(401);
    const decided = await admin(`/api/admin/disputes/${dispute.disputeId}/decide`, { body: { decision: 'refund', amount: 48_00, note: 'one tin missing' } });
    expect(decided.body.dispute).toMatchObject({ status: 'resolved', refundAmount: 48_00 });
    expect((await user(`/api/orders/${sheet.orderId}`)).body.order).toMatchObject({ status: 'partially_refunded', refundedAmount: 48_00 });
    expect((await admin(`/api/admin/orders/${sheet.orderId}`)).body.order).toMatchObject({ refundedAmount: 48_00, dispute: { status: 'resolved' } });
    expect((await merchant(`/api/admin/orders/${sheet.orderId}`)).status).toBe(401);
  });

  it("hands a user everything Atrium keeps about them as one download, and only theirs", async () => {
    const user = await buyer('export@example.com');
    const { sessionId, sheet } = await checkout(user);
    await user(`/api/orders/${sheet.orderId}/pay`, { body: { pin: PIN } });
    await user(`/api/sessions/${sessionId}/prompts/${sheet.promptId}`, { body: { answer: true } });
    await user(`/api/sessions/${sessionId}/events`, { body: { handler: 'keep', type: 'tap' } });
    await expect.poll(() => said(user, sessionId), { timeout: 10_000 }).toContain('kept');
    await user('/api/wallet/withdrawals', { body: { amount: 4_00, currency: 'CNY', card: simulatedCards.approves, pin: PIN, idempotencyKey: 'export-w' } });

    const res = await user('/api/me/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="atrium-export-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = res.body;
    expect(data.account).toMatchObject({ email: 'export@example.com', kind: 'user' });
    expect(JSON.stringify(data)).not.toMatch(/password|scrypt/i);
    expect(data.wallet.balances).toEqual({ CNY: 200_00 - 96_00 - 4_00 });
    expect(data.wallet.statement.CNY.map((t: { kind: string; direction: string }) => `${t.kind} ${t.direction}`)).toEqual(['withdrawal out', 'payment out', 'topup in']);
    expect(data.withdrawals).toEqual([expect.objectContaining({ amount: 4_00, status: 'succeeded', card: '•••• 4242' })]);
    expect(JSON.stringify(data)).not.toContain(simulatedCards.approves);
    expect(data.orders.map((o: { orderId: string }) => o.orderId)).toEqual([sheet.orderId]);
    expect(data.storage).toEqual([{ appId, key: 'last', value: 'oolong', updatedAt: expect.any(String) }]);

    // Another user's export holds none of it; a merchant has no such export.
    const other = await buyer('export-other@example.com');
    const theirs = (await other('/api/me/export')).body;
    expect(theirs.orders).toEqual([]);
    expect(theirs.withdrawals).toEqual([]);
    expect(theirs.storage).toEqual([]);
    expect((await merchant('/api/me/export')).status).toBe(401);
  });

  describe('erasing an account', () => {
    it('is refused while the wallet holds money, saying how much, and changes nothing', async () => {
      const user = await buyer('keeps-money@example.com');
      const res = await user('/api/me/erase', { body: { password: 'long enough password' } });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'conflict', message: 'The account cannot be erased while your wallet holds ¥200.00. Withdraw it to a card first.', details: { balances: { CNY: 200_00 }, orders: [] } });
      expect((await user('/api/me')).status).toBe(200);
    });

    it('is allowed once the wallet has been withdrawn to a card', async () => {
      const user = await buyer('withdraws-then-leaves@example.com');
      const sent = await user('/api/wallet/withdrawals', { body: { amount: 200_00, currency: 'CNY', card: simulatedCards.approves, pin: PIN, idempotencyKey: 'all' } });
      expect(sent.body).toMatchObject({ status: 'succeeded', amount: 200_00 });
      expect((await user('/api/me/erase', { body: { password: 'long enough password' } })).body).toEqual({ ok: true });
    });

    it('asks for the password again, and a wrong one changes nothing', async () => {
      const user = await signIn('user', 'wrong-pass@example.com');
      const res = await user('/api/me/erase', { body: { password: 'not my password' } });
      expect(res.body.error).toEqual({ code: 'forbidden', message: 'The password is wrong.' });
      expect((await user('/api/me')).status).toBe(200);
    });

    it('ends the sessions, deletes what was stored and decided, and leaves orders with only the account id', async () => {
      // Tops up exactly what the order costs, pays, and confirms receipt: nothing left in play.
      const user = await signIn('user', 'leaving@example.com');
      await user('/api/wallet/pin', { body: { pin: PIN } });
      await user('/api/wallet/topups', { body: { amount: 96_00, currency: 'CNY', card: simulatedCards.approves, idempotencyKey: 'exact' } });
      const { sessionId, sheet } = await checkout(user);
      await user(`/api/orders/${sheet.orderId}/pay`, { body: { pin: PIN } });
      await user(`/api/sessions/${sessionId}/prompts/${sheet.promptId}`, { body: { answer: true } });
      await user(`/api/sessions/${sessionId}/events`, { body: { handler: 'keep', type: 'tap' } });
      await expect.poll(() => said(user, sessionId), { timeout: 10_000 }).toContain('kept');
      await user(`/api/orders/${sheet.orderId}/confirm-receipt`, { body: {} });
      const { id } = (await user('/api/me')).body;
      // A decision the user made about this app's access to their profile.
      await database.kysely.insertInto('sessions_consents').values({ user_id: id, app_id: appId, scope: 'userInfo', granted: 1, decided_at: new Date().toISOString() }).execute();
      expect((await user('/api/me/authorizations')).body.authorizations).toHaveLength(1);

      expect((await user('/api/me/erase', { body: { password: 'long enough password' } })).body).toEqual({ ok: true });
      expect((await user('/api/me')).status).toBe(401);
      expect((await user(`/api/sessions/${sessionId}/events`, { body: { handler: 'keep', type: 'tap' } })).status).toBe(401);
      const login = await fetch(`${platform.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'leaving@example.com', password: 'long enough password' }) });
      expect(login.status).toBe(401);
      const db = database.kysely;
      expect(await db.selectFrom('storage_items').select('key').where('user_id', '=', id).execute()).toEqual([]);
      expect(await db.selectFrom('sessions_consents').select('scope').where('user_id', '=', id).execute()).toEqual([]);
      expect(await db.selectFrom('identity_accounts').select(['email', 'display_name', 'disabled']).where('id', '=', id).executeTakeFirst()).toEqual({ email: `erased-${id}@erased.invalid`, display_name: 'Erased account', disabled: 1 });
      // The merchant's record of the sale stays.
      expect((await merchant(`/api/merchant/orders/${sheet.orderId}`)).body.order).toMatchObject({ status: 'completed', amount: 96_00 });
    });
  });

  describe('withdrawals', () => {
    it('send wallet money to a card with the PIN, once per idempotency key, listed to their owner only', async () => {
      const user = await buyer('withdraws@example.com');
      const body = { amount: 50_00, currency: 'CNY', card: '4242 4242 4242 4242', pin: PIN, idempotencyKey: 'w1' };
      const first = await user('/api/wallet/withdrawals', { body });
      expect(first.body).toMatchObject({ status: 'succeeded', amount: 50_00, card: '•••• 4242' });
      expect((await user('/api/wallet/withdrawals', { body })).body.withdrawalId).toBe(first.body.withdrawalId);
      expect((await user('/api/wallet')).body).toMatchObject({ balances: { CNY: 150_00 }, sandbox: true });
      expect((await user('/api/wallet/withdrawals')).body.withdrawals.map((w: { withdrawalId: string }) => w.withdrawalId)).toEqual([first.body.withdrawalId]);
      const other = await signIn('user', 'nosy@example.com');
      expect((await other('/api/wallet/withdrawals')).body.withdrawals).toEqual([]);
    });

    it('to a card that refuses payouts answer 402 and leave the wallet as it was', async () => {
      const user = await buyer('refused-payout@example.com');
      const res = await user('/api/wallet/withdrawals', { body: { amount: 50_00, currency: 'CNY', card: simulatedCards.refusesPayouts, pin: PIN, idempotencyKey: 'w' } });
      expect(res.status).toBe(402);
      expect(res.body.error).toMatchObject({ code: 'payment_declined', message: 'The card cannot receive payouts. The money is back in your wallet.' });
      expect((await user('/api/wallet')).body.balances.CNY).toBe(200_00);
    });

    it("pay a merchant's available balance out once per Idempotency-Key, and no more than it holds", async () => {
      const user = await buyer('buys-for-payout@example.com');
      const { sessionId, sheet } = await checkout(user);
      await user(`/api/orders/${sheet.orderId}/pay`, { body: { pin: PIN } });
      await user(`/api/sessions/${sessionId}/prompts/${sheet.promptId}`, { body: { answer: true } });
      await user(`/api/orders/${sheet.orderId}/confirm-receipt`, { body: {} });
      const balance = (await merchant('/api/merchant/balance')).body;
      expect(balance.sandbox).toBe(true);
      const available = balance.available.CNY as number;
      const payout = (amount: number, key: string) => merchant('/api/merchant/payouts', { body: { amount, currency: 'CNY', card: simulatedCards.approves }, headers: { 'idempotency-key': key } });
      const tooMuch = await payout(available + 1, 'p-too-much');
      expect(tooMuch.status).toBe(409);
      expect(tooMuch.body.error.code).toBe('insufficient_funds');
      const first = await payout(available, 'p-all');
      expect(first.body.payout).toMatchObject({ status: 'succeeded', amount: available });
      const again = await payout(available, 'p-all');
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect((await merchant('/api/merchant/balance')).body.available.CNY).toBe(0);
      expect((await merchant('/api/merchant/payouts')).body.payouts.map((p: { withdrawalId: string }) => p.withdrawalId)).toContain(first.body.payout.withdrawalId);
      expect((await user('/api/merchant/payouts')).status).toBe(401);
    });
  });

  it('refuses a top-up in XXX (the ISO test code) with 400 invalid_request naming the currencies it supports, and credits nothing', async () => {
    const user = await buyer('xxx@example.com');
    const res = await user('/api/wallet/topups', { body: { amount: 100_00, currency: 'XXX', card: simulatedCards.approves, idempotencyKey: 'xxx' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/currency: .*CNY/) });
    expect(Object.keys((await user('/api/wallet')).body.balances)).toEqual(['CNY']);
  });

  it('answers malformed payment requests with a stable code', async () => {
    const user = await buyer('bad@example.com');
    expect((await user('/api/wallet/topups', { body: '{"amount": ' })).body.error.code).toBe('invalid_request');
    expect((await user('/api/wallet/topups', { body: { amount: -5, currency: 'CNY', card: simulatedCards.approves, idempotencyKey: 'x' } })).body.error.code).toBe('invalid_request');
    expect((await user('/api/wallet/pin', { body: { pin: '12' } })).body.error.code).toBe('invalid_request');
    expect((await user('/api/wallet/withdrawals', { body: { amount: 100, currency: 'CNY', card: simulatedCards.approves, idempotencyKey: 'no-pin' } })).body.error.code).toBe('invalid_request');
    expect((await user('/api/wallet/withdrawals', { body: { amount: 100, currency: 'CNY', card: 'not a card number', pin: PIN, idempotencyKey: 'bad-card' } })).body.error.code).toBe('invalid_args');
    expect((await user('/api/wallet/withdrawals', { body: { amount: 1e9, currency: 'CNY', card: simulatedCards.approves, pin: PIN, idempotencyKey: 'huge' } })).body.error.code).toBe('invalid_request');
    expect((await user('/api/wallet/topups', { body: { amount: 100, currency: 'CNY', card: simulatedCards.declines, idempotencyKey: 'd' } })).body.error.code).toBe('payment_declined');
    expect((await user('/api/wallet')).body.balances.CNY).toBe(200_00);
  });
});
