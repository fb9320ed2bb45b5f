import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../host/config.ts';
import type { Db } from '../../host/db/index.ts';
import { startPlatform, type Platform } from '../../host/platform.ts';
import { testDatabases } from '../support/databases.ts';
import { rawProgram } from '../support/programs.ts';
import { client, rawRequest, signIn, type Call } from './platform-client.ts';
import { PASSWORD, sessionCookie, signUp, startTestHost, uniqueEmail, type TestHost } from './support.ts';

const sqlBreakers = [`' OR 1=1 --`, `"; DROP TABLE identity_accounts; --`, `'); DELETE FROM identity_accounts; --`, `\\'; SELECT pg_sleep(10); --`];

describe.each(testDatabases())('hostile input on $name', (tdb) => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost(tdb);
  });
  afterAll(async () => {
    await host?.close();
  });

  const accounts = async () => Number((await host.db.kysely.selectFrom('identity_accounts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('stores SQL-breaking display names verbatim, and the table survives', async () => {
    for (const name of sqlBreakers) {
      const { cookie } = await signUp(host, name);
      const me = await (await host.call('GET', '/api/me', { cookie })).json();
      expect(me.displayName).toBe(name);
    }
    expect(await accounts()).toBeGreaterThanOrEqual(sqlBreakers.length);
  });

  it('refuses SQL-breaking emails at signup and answers them at login like any wrong email', async () => {
    const before = await accounts();
    for (const email of [...sqlBreakers, ...sqlBreakers.map((s) => `${s}@example.com`)]) {
      const signup = await host.call('POST', '/api/auth/signup', { body: { email, password: PASSWORD, displayName: 'x' } });
      expect(signup.status, email).toBe(400);
      expect((await signup.json()).error.code).toBe('invalid_request');
      const login = await host.call('POST', '/api/auth/login', { body: { email, password: PASSWORD } });
      expect(login.status, email).toBe(401);
    }
    expect(await accounts()).toBe(before);
    // Still there, still answering.
    await sql`select count(*) from identity_accounts`.execute(host.db.kysely);
  });

  it('answers a NUL in the sign-in email with 400 invalid_request, as on every database', async () => {
    const res = await host.call('POST', '/api/auth/login', { body: { email: 'mei\u0000@example.com', password: PASSWORD } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/email: .*NUL/) });
  });

  it('refuses a NUL in a form field as it does in JSON', async () => {
    const res = await host.call('POST', '/api/auth/login', { raw: 'email=mei%00%40example.com&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/email: .*NUL/) });
  });

  it('gives HTML in a display name back as JSON text, never as markup', async () => {
    const name = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
    const { cookie, account } = await signUp(host, name);
    expect(account.displayName).toBe(name);
    const res = await host.call('GET', '/api/me', { cookie });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await res.json()).displayName).toBe(name);
  });

  it('answers malformed JSON with 400 invalid_request and changes nothing', async () => {
    const before = await accounts();
    for (const raw of ['{"email": ', '{email: "a@b.c"}', 'null', '[]', '"text"', '']) {
      const res = await host.call('POST', '/api/auth/signup', { raw });
      expect(res.status, raw).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_request');
    }
    expect(await accounts()).toBe(before);
  });

  it('answers a body that is not JSON with 400 invalid_request', async () => {
    const res = await host.call('POST', '/api/auth/login', { raw: 'email=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_request');
  });

  it('answers a 2 MiB body with 413 too_large and changes nothing', async () => {
    const before = await accounts();
    const huge = JSON.stringify({ email: uniqueEmail(), password: PASSWORD, displayName: 'x'.repeat(2 * 1024 * 1024) });
    const res = await host.call('POST', '/api/auth/signup', { raw: huge });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('too_large');
    expect(await accounts()).toBe(before);
  });

  it('answers a 2 MiB body sent without a length (streamed) with 413 too', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 2 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await host.app.request('/api/auth/signup', { method: 'POST', body, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('refuses an over-long password before hashing it', async () => {
    const res = await host.call('POST', '/api/auth/signup', { body: { email: uniqueEmail(), password: 'p'.repeat(100_000), displayName: 'x' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/password/);
  });

  it('refuses an admin signup outright, with nothing made', async () => {
    const email = uniqueEmail();
    const res = await host.call('POST', '/api/auth/signup', { body: { email, password: PASSWORD, displayName: 'Sneaky', kind: 'admin' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_request');
    expect((await host.call('POST', '/api/auth/login', { body: { email, password: PASSWORD, kind: 'admin' } })).status).toBe(401);
  });

  it('ignores fields it does not know, so a client cannot choose its id or password hash at signup', async () => {
    const res = await host.call('POST', '/api/auth/signup', {
      body: { email: uniqueEmail(), password: PASSWORD, displayName: 'Sneaky', id: 'chosen', password_hash: 'scrypt$1$1$1$x$y' },
    });
    expect(res.status).toBe(201);
    const account = await res.json();
    expect(account.kind).toBe('user');
    expect(account.id).not.toBe('chosen');
    expect((await host.call('GET', '/api/me', { cookie: sessionCookie(res) })).status).toBe(200);
  });
});

/** Nested arrays `levels` deep as JSON text: under the body cap, far past any stack's depth. */
const nestedJson = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

const ADMIN = { email: 'root@atrium.test', password: 'admin-password-1' };

// A page whose handler hands the host text with a NUL in it, and shows what the host answered.
const nulOrderPage = `{
  data: { said: 'ready' },
  async order() {
    try {
      await globalThis.__atrium.call('payments.createOrder', { items: [{ sku: 'tea', name: 'Oolong\\u0000', quantity: 1, unitAmount: 100 }], currency: 'CNY' });
      this.setData({ said: 'ordered' });
    } catch (e) {
      this.setData({ said: 'refused ' + e.code });
    }
  },
  noop() {},
  render() { return { type: 'view', props: {}, children: [{ type: 'text', props: { id: 'said' }, children: [this.data.said] }] }; },
}`;

describe.each(testDatabases())('hostile input against the whole platform on $name', (tdb) => {
  let platform: Platform;
  let dataDir: string;
  let db: Db<any>;
  let user: Call;
  let merchant: Call;
  let admin: Call;
  let appId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'atrium-hostile-'));
    db = await tdb.create();
    const config = loadConfig({ ATRIUM_DATA_DIR: dataDir, PORT: '0', ATRIUM_SHARDS: '1', ATRIUM_SEED_DEMO: 'false', ATRIUM_ADMIN_EMAIL: ADMIN.email, ATRIUM_ADMIN_PASSWORD: ADMIN.password });
    platform = await startPlatform(config, { log: () => {}, db });
    merchant = await signIn(platform.url, 'merchant', 'hostile-merchant@example.com');
    admin = await signIn(platform.url, 'admin', ADMIN.email, ADMIN.password);
    user = await signIn(platform.url, 'user', 'hostile-user@example.com');
    appId = (await merchant('/api/merchant/apps', { body: { name: 'Hostile Tea', category: 'shopping', description: 'takes hostile input' } })).body.app.id;
    const manifest = { name: 'Hostile Tea', version: '1.0.0', pages: ['pages/index'], permissions: { payments: { reason: 'to take payment for tea' } } };
    const sub = await merchant(`/api/merchant/apps/${appId}/versions`, { body: { manifest, bundle: rawProgram({ 'pages/index': nulOrderPage }), assets: [], releaseNotes: '' } });
    expect(sub.status).toBe(201);
    await admin(`/api/admin/reviews/${sub.body.version.id}/approve`, { body: {} });
    expect((await merchant(`/api/merchant/apps/${appId}/release`, { body: { version: '1.0.0' } })).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const count = async (table: string) => Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses a NUL in the directory search, signed out, with 400 invalid_request', async () => {
    const anonymous = client(platform.url);
    for (const query of ['search=tea%00', 'category=shopping%00']) {
      const res = await anonymous(`/api/apps?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/NUL/) });
    }
  });

  // A path segment, a query parameter, a JSON field and a JSON key, for each kind of account.
  const nulInputs: [string, () => Call, string, { method?: string; body?: unknown }?][] = [
    ['a user reading an order', () => user, '/api/orders/ord%00'],
    ['a user paging orders', () => user, '/api/orders?before=ord%00'],
    ['a user confirming a top-up', () => user, '/api/wallet/topups/top%00/confirm', { body: { code: '123456' } }],
    ['a user opening an app with a query key', () => user, '/api/apps/{app}/sessions', { body: { query: { 'from\u0000': 'qr' } } }],
    ['a merchant refunding an order', () => merchant, '/api/merchant/orders/ord%00/refunds', { body: { amount: 1, reason: 'broken\u0000 box' } }],
    ['a merchant adding a webhook endpoint', () => merchant, '/api/merchant/webhooks/endpoints', { body: { url: 'https://example.com/\u0000' } }],
    ['an admin approving a version', () => admin, '/api/admin/reviews/v%00/approve', { body: {} }],
  ];

  it.each(nulInputs)('refuses a NUL from %s with 400 invalid_request, and changes nothing', async (_who, as, path, init) => {
    const before = { endpoints: await count('webhook_endpoints'), orders: await count('pay_orders') };
    const res = await as()(path.replace('{app}', appId), init);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/NUL/) });
    expect({ endpoints: await count('webhook_endpoints'), orders: await count('pay_orders') }).toEqual(before);
  });

  it("refuses a merchant backend's app id holding a NUL as a wrong credential", async () => {
    const basic = `Basic ${Buffer.from(`${appId}\u0000:secret`).toString('base64')}`;
    const res = await client(platform.url)('/api/merchant/orders', { headers: { authorization: basic } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('answers a program that hands the host text with a NUL invalid_args, and makes no order', async () => {
    const orders = await count('pay_orders');
    const { sessionId } = (await user(`/api/apps/${appId}/sessions`, { body: {} })).body;
    expect((await user(`/api/sessions/${sessionId}/events`, { body: { handler: 'order', type: 'tap' } })).status).toBe(200);
    // The host answers the call after the tap's frame: later frames show what it said.
    const said = async () => (await user(`/api/sessions/${sessionId}/events`, { body: { handler: 'noop', type: 'tap' } })).body.frame.view.children[0].children[0];
    await expect.poll(said, { timeout: 10_000 }).not.toBe('ready');
    expect(await said()).toBe('refused invalid_args');
    expect(await count('pay_orders')).toBe(orders);
  });

  it("refuses a session's scene nested 100,000 deep with 400, and the app still opens", async () => {
    const res = await user(`/api/apps/${appId}/sessions`, { raw: `{"scene":${nestedJson(100_000)}}` });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/nested more than \d+ levels/) });
    expect((await user(`/api/apps/${appId}/sessions`, { body: { scene: { from: 'qr' } } })).status).toBe(200);
  });

  it("refuses an event's data nested 100,000 deep with 400, and the session carries on", async () => {
    const { sessionId } = (await user(`/api/apps/${appId}/sessions`, { body: {} })).body;
    const res = await user(`/api/sessions/${sessionId}/events`, { raw: `{"handler":"order","type":"tap","data":${nestedJson(100_000)}}` });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    const next = await user(`/api/sessions/${sessionId}/events`, { body: { handler: 'order', type: 'tap' } });
    expect(next.status).toBe(200);
  });

  it('answers a malformed percent-escape in an asset path with 400 invalid_request', async () => {
    const res = await client(platform.url)('/api/versions/x/assets/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/percent-escape/) });
  });

  // Node refuses these before the app sees them; they are sent over a socket as no client would.
  const refusedByNode: [string, string, number, string][] = [
    ['headers over 16 KiB', `GET /api/apps HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`, 413, 'too_large'],
    ['a URL over 16 KiB', `GET /api/apps?search=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 413, 'too_large'],
    ['Content-Length beside Transfer-Encoding', 'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n', 400, 'invalid_request'],
  ];

  it.each(refusedByNode)('answers %s in the API error shape', async (_what, request, status, code) => {
    const res = await rawRequest(platform.url, request);
    expect(res.status).toBe(status);
    expect(res.headers).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(res.body)).toEqual({ error: { code, message: expect.any(String) } });
  });
});
