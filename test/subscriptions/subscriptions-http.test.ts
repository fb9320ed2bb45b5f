import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../host/config.ts';
import type { Db } from '../../host/db/index.ts';
import { startPlatform, type Platform } from '../../host/platform.ts';
import { exchangeLoginCode, merchantApi } from '../../sdk/server/index.ts';
import { testDatabases } from '../support/databases.ts';
import { rawProgram } from '../support/programs.ts';

/**
 * Subscription messages through the whole host: a program asks on the user's tap, the host's
 * prompt is answered over HTTP as the shell would, the merchant's backend sends with the app's
 * secret, the notice reaches the user's inbox stream, and Me lists and takes back what is left.
 */
const ADMIN = { email: 'root@subs.test', password: 'admin-password-1' };
let platform: Platform;
type Call = (path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }) => Promise<{ status: number; body: any; headers: Headers }>;

function client(auth: string | undefined): Call {
  return async (path, init = {}) => {
    const res = await fetch(platform.url + path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { ...(auth ? { authorization: auth } : {}), ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    });
    return { status: res.status, headers: res.headers, body: (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : await res.text() };
  };
}

async function signIn(kind: 'user' | 'merchant' | 'admin', email: string, password = 'long enough password'): Promise<Call & { token: string }> {
  const post = (path: string, body: unknown) => fetch(platform.url + path, { method: 'POST', headers: { 'content-type': 'application/json', origin: platform.url }, body: JSON.stringify(body) });
  if (kind !== 'admin') await post('/api/auth/signup', { email, password, displayName: email.split('@')[0], kind });
  const { token } = (await (await post('/api/auth/login', { email, password, kind })).json()) as { token: string };
  return Object.assign(client(`Bearer ${token}`), { token });
}

/** A server-sent event stream, read as it comes: wait for the first event that matches. */
async function stream(token: string, path: string) {
  const ctrl = new AbortController();
  const res = await fetch(platform.url + path, { headers: { authorization: `Bearer ${token}` }, signal: ctrl.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const seen: { event: string; data: any }[] = [];
  let buffer = '';
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop()!;
      for (const b of blocks) {
        const event = /^event: (.*)$/m.exec(b)?.[1];
        const data = /^data: (.*)$/m.exec(b)?.[1];
        if (event && data) seen.push({ event, data: JSON.parse(data) });
      }
    }
  })();
  return {
    async next(match: (e: { event: string; data: any }) => boolean, ms = 10_000): Promise<{ event: string; data: any }> {
      const end = Date.now() + ms;
      for (;;) {
        const hit = seen.find(match);
        if (hit) return hit;
        if (Date.now() > end) throw new Error(`no such event on ${path}; heard ${seen.map((e) => e.event).join(', ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close() {
      ctrl.abort();
      return pump;
    },
  };
}

const templates = [
  { id: 'order-shipped', title: 'Order shipped', fields: [{ key: 'order', label: 'Order', type: 'text' }, { key: 'carrier', label: 'Carrier', type: 'text' }, { key: 'total', label: 'Total', type: 'money' }] },
  { id: 'restock', title: 'Back in stock', fields: [{ key: 'item', label: 'Tea', type: 'text' }] },
];
const manifest = {
  name: 'Tea House',
  version: '1.0.0',
  pages: ['pages/index', 'pages/result'],
  permissions: { subscribe: { reason: 'to tell you when your order ships' } },
  subscriptions: { templates },
};
/** Asks on a tap (the first call of the turn, as the host requires), then logs in so the backend learns the openid. */
const page = `{
  data: { said: 'ready' },
  async notify() {
    try {
      const r = await globalThis.__atrium.call('subscribe.requestSubscribe', { templateIds: ['order-shipped', 'restock'] });
      const { code } = await globalThis.__atrium.call('auth.login');
      this.setData({ said: 'answered ' + JSON.stringify(r.results) + ' code ' + code });
    } catch (e) { this.setData({ said: 'failed ' + e.code }); }
  },
  async newsletter() {
    try { await globalThis.__atrium.call('subscribe.requestSubscribe', { templateIds: ['newsletter'] }); } catch (e) { this.setData({ said: 'failed ' + e.code }); }
  },
  render() { return { type: 'text', props: { id: 'said' }, children: [this.data.said] }; },
}`;
const bundle = rawProgram({ 'pages/index': page, 'pages/result': `{ render() { return { type: 'text', props: {}, children: ['Your order'] }; } }` });
const fields = { order: 'TH-1001', carrier: 'SF Express', total: { amount: 4800, currency: 'CNY' as const } };

describe.each(testDatabases())('subscription messages over HTTP on $name', (tdb) => {
  let dataDir: string;
  let database: Db<any>;
  let merchant: Awaited<ReturnType<typeof signIn>>;
  let rival: Awaited<ReturnType<typeof signIn>>;
  let appId: string;
  let appSecret: string;
  let rivalApp: { id: string; secret: string };
  let n = 0;

  async function release(owner: Call, name: string) {
    const created = (await owner('/api/merchant/apps', { body: { name, category: 'shopping', description: 'tea' } })).body;
    const sub = await owner(`/api/merchant/apps/${created.app.id}/versions`, { body: { manifest: { ...manifest, name }, bundle, assets: [], releaseNotes: '' } });
    expect(sub.status).toBe(201);
    const admin = await signIn('admin', ADMIN.email, ADMIN.password);
    await admin(`/api/admin/reviews/${sub.body.version.id}/approve`, { body: {} });
    await owner(`/api/merchant/apps/${created.app.id}/release`, { body: { version: '1.0.0' } });
    return { id: created.app.id as string, secret: created.secret.appSecret as string };
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'atrium-subs-'));
    database = await tdb.create();
    platform = await startPlatform(loadConfig({ ATRIUM_DATA_DIR: dataDir, PORT: '0', ATRIUM_SHARDS: '1', ATRIUM_SEED_DEMO: 'false', ATRIUM_WARM_SESSIONS: '0', ATRIUM_ADMIN_EMAIL: ADMIN.email, ATRIUM_ADMIN_PASSWORD: ADMIN.password }), { log: () => {}, db: database });
    merchant = await signIn('merchant', 'tea@subs.test');
    rival = await signIn('merchant', 'rival@subs.test');
    ({ id: appId, secret: appSecret } = await release(merchant, 'Tea House'));
    rivalApp = await release(rival, 'Rival Tea');
  }, 120_000);
  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const backend = () => merchantApi({ baseUrl: platform.url, appId, appSecret });
  const said = async (user: Call, sessionId: string) => JSON.stringify((await user(`/api/sessions/${sessionId}/events`, { body: { handler: 'none', type: 'tap' } })).body.frame.view);

  /** A new user who opened the app, tapped, and answered the host's prompt with `answer`; with their openid. */
  async function subscriber(answer: unknown = { accept: ['order-shipped'] }) {
    const user = await signIn('user', `user-${++n}@subs.test`);
    const { sessionId } = (await user(`/api/apps/${appId}/sessions`, { body: {} })).body;
    const shell = await stream(user.token, `/api/sessions/${sessionId}/stream`);
    await user(`/api/sessions/${sessionId}/events`, { body: { handler: 'notify', type: 'tap' } });
    const prompt = (await shell.next((e) => e.event === 'subscribe')).data;
    await shell.close();
    const answered = await user(`/api/sessions/${sessionId}/prompts/${prompt.promptId}`, { body: { answer } });
    expect(answered.status).toBe(200);
    let shown = '';
    await expect.poll(async () => (shown = await said(user, sessionId)), { timeout: 10_000 }).toMatch(/answered .* code /);
    const code = /code ([\w-]+)/.exec(shown)![1]!;
    const { openid } = await exchangeLoginCode({ baseUrl: platform.url, appId, appSecret, code });
    return { user, sessionId, prompt, shown, openid };
  }

  it("draws the host's prompt with the app and each template's title, records what the user accepted, and sends once per acceptance to their inbox", async () => {
    const { user, prompt, shown, openid } = await subscriber();
    expect(prompt).toMatchObject({ kind: 'subscribe', appId, appName: 'Tea House', templates: [{ id: 'order-shipped', title: 'Order shipped' }, { id: 'restock', title: 'Back in stock' }] });
    expect(shown).toContain('answered {\\"order-shipped\\":\\"accept\\",\\"restock\\":\\"reject\\"}');
    expect((await user('/api/me/subscriptions')).body).toEqual({ subscriptions: [{ appId, appName: 'Tea House', templateId: 'order-shipped', title: 'Order shipped', unused: 1, lastAcceptedAt: expect.any(String) }] });

    const inbox = await stream(user.token, '/api/chats/stream');
    await inbox.next((e) => e.event === 'resync');
    const sent = await backend().sendSubscriptionMessage(appId, { openid, templateId: 'order-shipped', fields, page: 'pages/result', query: { orderId: 'TH-1001' }, idempotencyKey: `ship-${openid}` });
    expect(sent).toEqual({ id: expect.stringMatching(/^sm_/), appId, openid, templateId: 'order-shipped', page: 'pages/result', sentAt: expect.any(String) });
    const heard = (await inbox.next((e) => e.event === 'message')).data;
    await inbox.close();
    expect(heard.message).toMatchObject({
      kind: 'notice',
      body: {
        appId,
        appName: 'Tea House',
        templateId: 'order-shipped',
        title: 'Order shipped',
        fields: [
          { key: 'order', label: 'Order', type: 'text', value: 'TH-1001' },
          { key: 'carrier', label: 'Carrier', type: 'text', value: 'SF Express' },
          { key: 'total', label: 'Total', type: 'money', value: '¥48.00' },
        ],
        page: 'pages/result',
        query: { orderId: 'TH-1001' },
      },
    });
    const { conversations } = (await user('/api/chats')).body;
    expect(conversations).toEqual([expect.objectContaining({ id: heard.c, kind: 'notices', title: 'Service notifications', unread: 1 })]);

    // The same key again answers the first result and sends nothing; without a grant left, no_grant.
    const again = await client(`Basic ${btoa(`${appId}:${appSecret}`)}`)(`/api/merchant/apps/${appId}/subscription-messages`, {
      body: { openid, templateId: 'order-shipped', fields, page: 'pages/result', query: { orderId: 'TH-1001' } },
      headers: { 'idempotency-key': `ship-${openid}` },
    });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual({ message: sent });
    await expect(backend().sendSubscriptionMessage(appId, { openid, templateId: 'order-shipped', fields, page: 'pages/result' })).rejects.toMatchObject({ code: 'no_grant' });
    const refused = await merchant(`/api/merchant/apps/${appId}/subscription-messages`, { body: { openid, templateId: 'order-shipped', fields, page: 'pages/result' } });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'no_grant' } } });
    expect((await user(`/api/chats/${heard.c}/messages`)).body.messages).toHaveLength(1);
    expect((await user('/api/me/subscriptions')).body.subscriptions).toEqual([]);
  });

  it('takes a yes for every template, refuses an answer naming one the prompt did not offer, and a template the app does not declare', async () => {
    const { user } = await subscriber(true);
    expect((await user('/api/me/subscriptions')).body.subscriptions.map((s: { templateId: string; unused: number }) => [s.templateId, s.unused]).sort()).toEqual([['order-shipped', 1], ['restock', 1]]);

    const other = await signIn('user', `stray-${++n}@subs.test`);
    const { sessionId } = (await other(`/api/apps/${appId}/sessions`, { body: {} })).body;
    const shell = await stream(other.token, `/api/sessions/${sessionId}/stream`);
    await other(`/api/sessions/${sessionId}/events`, { body: { handler: 'notify', type: 'tap' } });
    const { promptId } = (await shell.next((e) => e.event === 'subscribe')).data;
    await shell.close();
    const stray = await other(`/api/sessions/${sessionId}/prompts/${promptId}`, { body: { answer: { accept: ['newsletter'] } } });
    expect(stray).toMatchObject({ status: 400, body: { error: { code: 'invalid_args' } } });
    // Another user cannot answer it either.
    expect((await user(`/api/sessions/${sessionId}/prompts/${promptId}`, { body: { answer: true } })).status).toBe(404);
    await other(`/api/sessions/${sessionId}/prompts/${promptId}`, { body: { answer: { accept: [] } } });
    await expect.poll(() => said(other, sessionId), { timeout: 10_000 }).toContain('\\"order-shipped\\":\\"reject\\",\\"restock\\":\\"reject\\"');
    expect((await other('/api/me/subscriptions')).body.subscriptions).toEqual([]);

    await other(`/api/sessions/${sessionId}/events`, { body: { handler: 'newsletter', type: 'tap' } });
    await expect.poll(() => said(other, sessionId), { timeout: 10_000 }).toContain('failed invalid_args');
  });

  it('answers a malformed request with invalid_request, fields unlike the template with invalid_args, and another merchant or app with not_found, using no grant', async () => {
    const { user, openid } = await subscriber();
    const asApp = client(`Basic ${btoa(`${appId}:${appSecret}`)}`);
    const path = `/api/merchant/apps/${appId}/subscription-messages`;
    const good = { openid, templateId: 'order-shipped', fields, page: 'pages/result' };
    const refusals: [string, Awaited<ReturnType<Call>>, number, string][] = [
      ['no openid', await asApp(path, { body: { ...good, openid: undefined } }), 400, 'invalid_request'],
      ['an unknown key', await asApp(path, { body: { ...good, priority: 'high' } }), 400, 'invalid_request'],
      ['a page path with a dot', await asApp(path, { body: { ...good, page: '../admin' } }), 400, 'invalid_request'],
      ['a missing field', await asApp(path, { body: { ...good, fields: { order: 'TH-1' } } }), 400, 'invalid_args'],
      ['money as a string', await asApp(path, { body: { ...good, fields: { ...fields, total: '48.00' } } }), 400, 'invalid_args'],
      ['an undeclared template', await asApp(path, { body: { ...good, templateId: 'newsletter' } }), 400, 'invalid_args'],
      ['a page the version lacks', await asApp(path, { body: { ...good, page: 'pages/admin' } }), 400, 'invalid_args'],
      ['a query of 11 values', await asApp(path, { body: { ...good, query: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])) } }), 400, 'invalid_request'],
      ['a malformed Idempotency-Key', await asApp(path, { body: good, headers: { 'idempotency-key': 'has space' } }), 400, 'invalid_request'],
      ['no credentials', await client(undefined)(path, { body: good }), 401, 'unauthorized'],
      ["a user's token", await user(path, { body: good }), 401, 'unauthorized'],
      ['a wrong secret', await client(`Basic ${btoa(`${appId}:not-the-secret`)}`)(path, { body: good }), 401, 'unauthorized'],
      ["another app's secret", await client(`Basic ${btoa(`${rivalApp.id}:${rivalApp.secret}`)}`)(path, { body: good }), 404, 'not_found'],
      ['another merchant', await rival(path, { body: good }), 404, 'not_found'],
      ["a rival sending its own app's template to this openid", await rival(`/api/merchant/apps/${rivalApp.id}/subscription-messages`, { body: good }), 409, 'no_grant'],
    ];
    for (const [what, res, status, code] of refusals) expect([what, res.status, res.body.error?.code], what).toEqual([what, status, code]);
    expect(refusals[3]![1].body.error.message).toMatch(/fields\.carrier \(text\)/);
    expect((await user('/api/me/subscriptions')).body.subscriptions).toEqual([expect.objectContaining({ templateId: 'order-shipped', unused: 1 })]);
  });

  it("lets the user take back an app's unused grants from Me, and nobody else's", async () => {
    const { user, openid } = await subscriber(true);
    const bystander = await subscriber(true);
    expect((await bystander.user(`/api/me/subscriptions/${appId}/order-shipped`, { method: 'DELETE' })).body).toEqual({ revoked: 1 });
    expect((await user('/api/me/subscriptions')).body.subscriptions).toHaveLength(2);
    expect((await user(`/api/me/subscriptions/${appId}/order-shipped`, { method: 'DELETE' })).body).toEqual({ revoked: 1 });
    await expect(backend().sendSubscriptionMessage(appId, { openid, templateId: 'order-shipped', fields, page: 'pages/result' })).rejects.toMatchObject({ code: 'no_grant' });
    expect((await user(`/api/me/subscriptions/${appId}`, { method: 'DELETE' })).body).toEqual({ revoked: 1 });
    expect((await user(`/api/me/subscriptions/${appId}`, { method: 'DELETE' })).body).toEqual({ revoked: 0 });
    expect((await user('/api/me/subscriptions')).body.subscriptions).toEqual([]);
    expect((await user(`/api/me/subscriptions/${appId}/not%20an%20id`, { method: 'DELETE' })).status).toBe(400);
    expect((await merchant('/api/me/subscriptions')).status).toBe(401);
    await expect(backend().sendSubscriptionMessage(appId, { openid: bystander.openid, templateId: 'restock', fields: { item: 'Longjing' }, page: 'pages/index' })).resolves.toMatchObject({ templateId: 'restock' });
  });

  it('exports what the user accepted, and forgets it when the account is erased', async () => {
    const { user, openid } = await subscriber(true);
    const exported = (await user('/api/me/export')).body;
    expect(exported.subscriptions.map((s: { templateId: string; status: string }) => [s.templateId, s.status])).toEqual([['order-shipped', 'unused'], ['restock', 'unused']]);
    expect((await user('/api/me/erase', { body: { password: 'long enough password' } })).body).toEqual({ ok: true });
    await expect(backend().sendSubscriptionMessage(appId, { openid, templateId: 'order-shipped', fields, page: 'pages/result' })).rejects.toMatchObject({ code: 'no_grant' });
  });
});
