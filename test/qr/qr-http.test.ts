import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../host/config.ts';
import type { Db } from '../../host/db/index.ts';
import { createPayments, simulatedCards, simulatedProvider } from '../../host/modules/payments/index.ts';
import { startPlatform, type Platform } from '../../host/platform.ts';
import { testDatabases } from '../support/databases.ts';
import { rawProgram } from '../support/programs.ts';
import { readQrPng } from '../support/qr.ts';

const ADMIN = { email: 'root@qr.test', password: 'admin-password-1' };

/** A menu page that shows which code opened it, as qr.getScene tells. */
const menu = rawProgram({
  'pages/menu': `{
    data: { said: 'waiting' },
    async onLoad() {
      try { const s = await globalThis.__atrium.call('qr.getScene'); this.setData({ said: s ? 'code ' + s.codeId + ' scene ' + s.scene : 'no code' }); }
      catch (e) { this.setData({ said: 'failed ' + e.code }); }
    },
    noop() {},
    render() { return { type: 'view', props: {}, children: [{ type: 'text', props: {}, children: [this.data.said] }] }; },
  }`,
});

/**
 * QR lead capture through the whole host: a merchant's codes over its API, a visitor's scan
 * joined at sign-in, a signed-in scan opening the program with its scene, an order credited to
 * the code, and the numbers, CSV and print sheet that show it.
 */
describe.each(testDatabases())('QR lead capture over HTTP on $name', (tdb) => {
  let platform: Platform;
  let dataDir: string;
  let database: Db<any>;
  let n = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'atrium-qr-'));
    database = await tdb.create();
    platform = await startPlatform(loadConfig({ ATRIUM_DATA_DIR: dataDir, PORT: '0', ATRIUM_SHARDS: '1', ATRIUM_SEED_DEMO: 'false', ATRIUM_WARM_SESSIONS: '0', ATRIUM_ADMIN_EMAIL: ADMIN.email, ATRIUM_ADMIN_PASSWORD: ADMIN.password }), { log: () => {}, db: database });
  }, 60_000);
  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const anon = (path: string, body?: unknown) =>
    fetch(platform.url + path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json', origin: platform.url }, body: JSON.stringify(body) });
  async function account(kind: 'user' | 'merchant' | 'admin', email = `${kind}-${++n}@qr.test`, password = 'long enough password') {
    if (kind !== 'admin') await anon('/api/auth/signup', { email, password, displayName: `${kind} ${n}`, kind });
    const { token, account: a } = (await (await anon('/api/auth/login', { email, password, kind })).json()) as { token: string; account: { id: string } };
    const call = async (path: string, init: { method?: string; body?: unknown } = {}) => {
      const res = await fetch(platform.url + path, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, headers: res.headers, body: type.includes('json') ? await res.json() : type.startsWith('image/png') ? new Uint8Array(await res.arrayBuffer()) : await res.text() } as { status: number; headers: Headers; body: any };
    };
    return Object.assign(call, { id: a.id });
  }

  async function release(shop: Awaited<ReturnType<typeof account>>) {
    const admin = await account('admin', ADMIN.email, ADMIN.password);
    const { app } = (await shop('/api/merchant/apps', { body: { name: 'Tea House Menu', category: 'food', description: 'order at your table' } })).body;
    const manifest = { name: 'Tea House Menu', version: '1.0.0', pages: ['pages/menu'], permissions: { qr: { reason: 'to know which table you sit at' } } };
    const { version } = (await shop(`/api/merchant/apps/${app.id}/versions`, { body: { manifest, bundle: menu, assets: [], releaseNotes: '' } })).body;
    await admin(`/api/admin/reviews/${version.id}/approve`, { body: {} });
    await shop(`/api/merchant/apps/${app.id}/release`, { body: { version: '1.0.0' } });
    return app.id as string;
  }

  it('turns a scan into a visitor, a customer, a scene in the program and credited revenue in the numbers', async () => {
    const shop = await account('merchant');
    const appId = await release(shop);
    const { code } = (await shop('/api/merchant/qr/codes', { body: { appId, scene: 'table=7', name: 'Table 7', campaign: 'Winter menu', store: 'Jing An', channel: 'table' } })).body;
    expect(code).toMatchObject({ page: 'pages/menu', state: 'live', url: expect.stringMatching(new RegExp(`/q/${code.codeId}$`)) });

    // Signed out: the landing says what it opens; the scan is a visitor's.
    expect(await (await anon(`/api/qr/${code.codeId}`)).json()).toMatchObject({ appName: 'Tea House Menu', state: 'live' });
    const visitorId = 'visitor-0123456789abcdef';
    expect(await (await anon(`/api/qr/${code.codeId}/scan`, { visitorId })).json()).toMatchObject({ scanId: null, appId, counted: true });

    // Signed in: the visitor's scan is claimed, and the scan opens the program with its scene.
    const u = await account('user');
    expect((await u('/api/qr/claim', { body: { visitorId } })).body).toEqual({ codes: 1 });
    const scan = (await u(`/api/qr/${code.codeId}/scan`, { body: { source: 'upload' } })).body;
    expect(scan.scanId).toMatch(/^scn_/);
    const opened = (await u(`/api/apps/${appId}/sessions`, { body: { route: scan.page, via: { scan: scan.scanId } } })).body;
    await expect.poll(async () => JSON.stringify((await u(`/api/sessions/${opened.sessionId}/events`, { body: { handler: 'noop', type: 'tap' } })).body.frame.view)).toContain(`code ${code.codeId} scene table=7`);

    // The visitor's scan and the user's, minutes apart, are one person's: counted once.
    // An order paid by the user is credited to the code once the outbox has run.
    const pay = createPayments({ db: database.kysely, mac: (m) => createHmac('sha256', 'qr').update(m).digest('base64url'), provider: simulatedProvider(), feeBps: 60 });
    await pay.wallet.setPin(u.id, '123456');
    await pay.wallet.topUp(u.id, { amount: 100_00, currency: 'CNY', card: simulatedCards.approves, idempotencyKey: 'fund' });
    const order = await pay.orders.create({ appId, merchantId: shop.id, userId: u.id }, { items: [{ sku: 'tgy', name: 'Tieguanyin', quantity: 1, unitAmount: 68_00 }], currency: 'CNY' });
    await pay.checkout.pay(u.id, order.orderId, '123456');
    await expect.poll(async () => (await shop('/api/merchant/qr/report?by=code')).body.rows[0], { timeout: 15_000 }).toMatchObject({ key: code.codeId, scans: 1, scanners: 1, newCustomers: 1, payingCustomers: 1, firstOrders: 1, revenue: { CNY: 68_00 } });
    expect((await shop('/api/merchant/qr/report?by=campaign')).body.rows).toMatchObject([{ key: 'Winter menu', revenue: { CNY: 68_00 } }]);
    const csv = (await shop('/api/merchant/qr/report?by=store&format=csv')).body as string;
    expect(csv.split('\n')[1]).toBe('Jing An,Jing An,1,1,1,1,1,1,1,68.00,1.0000');
  }, 90_000);

  it('prints a batch as a sheet of codes that read back as their links, and serves each as PNG and SVG', async () => {
    const shop = await account('merchant');
    const appId = await release(shop);
    const { batchId, codes } = (await shop('/api/merchant/qr/batches', { body: { appId, campaign: 'Tables', items: Array.from({ length: 6 }, (_, i) => ({ name: `Table ${i + 1}`, scene: `table=${i + 1}` })) } })).body;
    expect(codes).toHaveLength(6);
    const sheet = await shop(`/api/merchant/qr/batches/${batchId}/sheet`);
    expect(sheet.headers.get('content-type')).toMatch(/text\/html/);
    expect((sheet.body as string).match(/<svg/g)).toHaveLength(6);
    expect(sheet.body).toContain('Table 6');
    for (const size of [256, 1024]) {
      const png = await shop(`/api/qr/${codes[2].codeId}/image?format=png&size=${size}&level=Q`);
      expect(readQrPng(png.body)).toBe(codes[2].url);
    }
    expect((await shop(`/api/qr/${codes[0].codeId}/image?format=svg`)).headers.get('content-type')).toBe('image/svg+xml');
  }, 60_000);

  it('shows a clear refusal for a paused code, and keeps codes and numbers to their merchant', async () => {
    const [shop, other] = [await account('merchant'), await account('merchant')];
    const appId = await release(shop);
    const { code } = (await shop('/api/merchant/qr/codes', { body: { appId, scene: 'x', name: 'Paused one' } })).body;
    await shop(`/api/merchant/qr/codes/${code.codeId}`, { method: 'PATCH', body: { paused: true } });
    expect(await (await anon(`/api/qr/${code.codeId}`)).json()).toMatchObject({ state: 'paused' });
    const refused = await (await anon(`/api/qr/${code.codeId}/scan`, { visitorId: 'visitor-0123456789abcdef' })).json();
    expect(refused).toMatchObject({ error: { code: 'expired', message: expect.stringMatching(/paused/) } });
    expect((await other(`/api/merchant/qr/codes/${code.codeId}`)).status).toBe(404);
    // A code of a suspended program says so, and records nothing.
    await shop(`/api/merchant/qr/codes/${code.codeId}`, { method: 'PATCH', body: { paused: false } });
    const admin = await account('admin', ADMIN.email, ADMIN.password);
    await admin(`/api/admin/apps/${appId}/suspend`, { body: { reason: 'selling counterfeit tea' } });
    expect(await (await anon(`/api/qr/${code.codeId}`)).json()).toMatchObject({ state: 'suspended' });
    expect((await (await anon(`/api/qr/${code.codeId}/scan`, { visitorId: 'visitor-0123456789abcdef' })).json()).error.code).toBe('app_suspended');
    expect((await other('/api/merchant/qr/codes', { body: { appId, scene: 'x', name: 'Not mine' } })).status).toBe(404);
    expect((await other('/api/merchant/qr/report')).body.rows).toEqual([]);
  }, 60_000);

  it("puts a user's scans, touches and tags in their export, and erasure unlinks them without changing the merchant's numbers", async () => {
    const shop = await account('merchant');
    const appId = await release(shop);
    const { code } = (await shop('/api/merchant/qr/codes', { body: { appId, scene: 'table=2', name: 'Table 2', actions: { tags: ['walk-in'] } } })).body;
    const u = await account('user');
    await u(`/api/qr/${code.codeId}/scan`, { body: { source: 'scan' } });
    await expect.poll(async () => (await u('/api/me/export')).body.qr.tags).toMatchObject([{ merchantId: shop.id, tag: 'walk-in', codeId: code.codeId }]);
    const { qr } = (await u('/api/me/export')).body;
    expect(qr.scans).toMatchObject([{ codeId: code.codeId, codeName: 'Table 2', merchantId: shop.id, source: 'scan', counted: true }]);
    expect(qr.touches).toMatchObject([{ merchantId: shop.id, firstCodeId: code.codeId, lastCodeId: code.codeId }]);
    const before = (await shop('/api/merchant/qr/report?by=code')).body.rows;

    expect((await u('/api/me/erase', { body: { password: 'long enough password' } })).body).toEqual({ ok: true });
    for (const table of ['qr_touches', 'qr_lead_tags', 'qr_actions_done', 'qr_scans'] as const) {
      expect(await database.kysely.selectFrom(table).selectAll().where('user_id', '=', u.id).execute(), table).toEqual([]);
    }
    expect((await shop('/api/merchant/qr/report?by=code')).body.rows).toEqual(before);
  }, 60_000);

  it('answers bad input with 400 and a stable code, making nothing', async () => {
    const shop = await account('merchant');
    const appId = await release(shop);
    for (const body of [
      { appId, scene: '', name: 'Empty scene' },
      { appId, scene: 'x'.repeat(8193), name: 'Too long' },
      { appId, scene: 'x', name: 'Bad channel', channel: 'pigeon' },
      { appId, scene: 'x', name: 'Bad page', page: '../../etc' },
      { appId, scene: 'x', name: 'Bad actions', actions: { group: 'has space' } },
    ]) expect((await shop('/api/merchant/qr/codes', { body })).body.error.code, body.name).toBe('invalid_request');
    expect((await shop('/api/merchant/qr/codes', { body: { appId, scene: 'x', name: 'No such page', page: 'pages/none' } })).body.error.code).toBe('invalid_args');
    expect((await shop('/api/merchant/qr/batches', { body: { appId, items: Array.from({ length: 501 }, (_, i) => ({ name: `T${i}`, scene: 's' })) } })).body.error.code).toBe('invalid_request');
    expect((await (await anon('/api/qr/abc/image?size=9999')).json()).error.code).toBe('invalid_request');
    expect((await (await anon('/api/qr/abc%00/scan', { visitorId: 'visitor-0123456789abcdef' })).json()).error.code).toBe('invalid_request');
    expect((await (await anon('/api/qr/abcdefghij/scan', {})).json()).error.code).toBe('invalid_request');
    expect((await shop('/api/merchant/qr/codes')).body.codes).toEqual([]);
  }, 60_000);
});
