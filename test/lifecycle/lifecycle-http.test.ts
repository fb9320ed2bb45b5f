import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../host/config.ts';
import { startPlatform, type Platform } from '../../host/platform.ts';
import { buildProgram, type BuiltProgram } from '../../sdk/build/index.ts';
import { testDatabases } from '../support/databases.ts';
import { rawProgram } from '../support/programs.ts';

/**
 * The lifecycle over real HTTP: merchants with bearer tokens, as the CLI calls it; an admin; a
 * user opening what was released. Every bad input answers with a stable code and changes nothing.
 */
const ADMIN = { email: 'root@atrium.test', password: 'admin-password-1' };

let platform: Platform;
type Call = (path: string, init?: { method?: string; body?: unknown }) => Promise<{ status: number; body: any }>;

function client(token: string): Call {
  return async (path, init = {}) => {
    const res = await fetch(platform.url + path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    });
    return { status: res.status, body: (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : await res.text() };
  };
}

async function signIn(kind: 'user' | 'merchant' | 'admin', email: string, password = 'long enough password'): Promise<Call> {
  const post = (path: string, body: unknown) => fetch(platform.url + path, { method: 'POST', headers: { 'content-type': 'application/json', origin: platform.url }, body: JSON.stringify(body) });
  if (kind !== 'admin') await post('/api/auth/signup', { email, password, displayName: email.split('@')[0], kind });
  const res = await post('/api/auth/login', { email, password, kind });
  return client(((await res.json()) as { token: string }).token);
}

/** A built program as the upload's JSON, with another version number and optionally other pages. */
function upload(p: BuiltProgram, version: string, change: { manifest?: Record<string, unknown>; bundle?: string } = {}) {
  return {
    manifest: { ...p.manifest, version, ...change.manifest },
    bundle: change.bundle ?? p.bundle,
    assets: p.assets.map((a) => ({ path: a.path, contentType: a.contentType, data: a.bytes.toString('base64') })),
    releaseNotes: `Version ${version}`,
  };
}

const says = (text: string) => `{ render() { return { type: 'view', props: {}, children: [{ type: 'text', props: {}, children: [${JSON.stringify(text)}] }] }; } }`;

describe.each(testDatabases())('the app lifecycle over HTTP on $name', (tdb) => {
  let dataDir: string;
  let hello: BuiltProgram;
  let merchant: Call;
  let rival: Call;
  let admin: Call;
  let user: Call;
  let n = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'atrium-lifecycle-'));
    const config = loadConfig({ ATRIUM_DATA_DIR: dataDir, PORT: '0', ATRIUM_SHARDS: '1', ATRIUM_SEED_DEMO: 'false', ATRIUM_ADMIN_EMAIL: ADMIN.email, ATRIUM_ADMIN_PASSWORD: ADMIN.password });
    platform = await startPlatform(config, { log: () => {}, db: await tdb.create() });
    const built = await buildProgram('examples/hello');
    if (!built.ok) throw new Error('examples/hello did not build');
    hello = built;
    merchant = await signIn('merchant', 'shop@example.com');
    rival = await signIn('merchant', 'rival@example.com');
    admin = await signIn('admin', ADMIN.email, ADMIN.password);
    user = await signIn('user', 'mei@example.com');
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const newApp = async (as = merchant) => {
    const res = await as('/api/merchant/apps', { body: { name: `Hello ${++n}`, category: 'tools', description: 'says hello' } });
    expect(res.status).toBe(201);
    return res.body.app.id as string;
  };
  const versionsOf = async (appId: string) => (await merchant(`/api/merchant/apps/${appId}/versions`)).body.versions as { version: string; status: string; id: string }[];
  /** Submitted, approved and released to everyone. */
  const ship = async (appId: string, version: string, change: Parameters<typeof upload>[2] = {}) => {
    const sub = await merchant(`/api/merchant/apps/${appId}/versions`, { body: upload(hello, version, change) });
    expect(sub.status).toBe(201);
    expect((await admin(`/api/admin/reviews/${sub.body.version.id}/approve`, { body: {} })).status).toBe(200);
    expect((await merchant(`/api/merchant/apps/${appId}/release`, { body: { version } })).status).toBe(200);
    return sub.body.version.id as string;
  };

  it('gives a new app its id and, once, its secret', async () => {
    const res = await merchant('/api/merchant/apps', { body: { name: 'Tea House', category: 'Shopping', description: 'Loose-leaf tea' } });
    expect(res.status).toBe(201);
    expect(res.body.app).toMatchObject({ id: expect.stringMatching(/^tea-house-[0-9a-f]{6}$/), category: 'shopping', status: 'active', release: null });
    expect(res.body.secret).toEqual({ appId: res.body.app.id, appSecret: expect.stringMatching(/^[\w-]{40,}$/) });
    expect(JSON.stringify((await merchant(`/api/merchant/apps/${res.body.app.id}`)).body)).not.toContain(res.body.secret.appSecret);
  });

  it('takes a version from submission through review and release to a user opening it', async () => {
    const appId = await newApp();
    const sub = await merchant(`/api/merchant/apps/${appId}/versions`, { body: upload(hello, '1.0.0') });
    expect(sub.body.version).toMatchObject({ status: 'in_review', checks: expect.arrayContaining([expect.objectContaining({ id: 'sandbox', outcome: 'passed' })]) });
    const queue = (await admin('/api/admin/reviews')).body.items;
    expect(queue.find((i: any) => i.version.id === sub.body.version.id)).toMatchObject({ merchant: { email: 'shop@example.com' }, app: { id: appId } });
    await admin(`/api/admin/reviews/${sub.body.version.id}/approve`, { body: { note: 'fine' } });
    expect((await user('/api/apps')).body.apps.map((a: any) => a.id)).not.toContain(appId);
    const released = await merchant(`/api/merchant/apps/${appId}/release`, { body: { version: '1.0.0' } });
    expect(released.body.release).toMatchObject({ version: '1.0.0', gray: null });
    expect((await user('/api/apps')).body.apps.map((a: any) => a.id)).toContain(appId);
    const opened = await user(`/api/apps/${appId}/sessions`, { body: {} });
    expect(opened.status).toBe(200);
    expect(opened.body.app.version).toBe('1.0.0');
  });

  describe('bad input: a clear error with a stable code, and nothing changes', () => {
    it('a manifest with unknown keys', async () => {
      const appId = await newApp();
      const res = await merchant(`/api/merchant/apps/${appId}/versions`, { body: upload(hello, '1.0.0', { manifest: { theme: 'dark' } }) });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'checks_failed', message: expect.stringMatching(/theme/) });
      expect(res.body.error.details.checks[0]).toMatchObject({ id: 'manifest', outcome: 'failed' });
      expect(await versionsOf(appId)).toEqual([]);
    });

    it('a bundle that throws on load', async () => {
      const appId = await newApp();
      const res = await merchant(`/api/merchant/apps/${appId}/versions`, { body: upload(hello, '1.0.0', { bundle: 'null.boom();' }) });
      expect(res.status).toBe(422);
      expect(res.body.error.details.checks.find((c: any) => c.id === 'sandbox')).toMatchObject({ outcome: 'failed' });
      expect(await versionsOf(appId)).toEqual([]);
    });

    it('an oversized bundle', async () => {
      const appId = await newApp();
      const res = await merchant(`/api/merchant/apps/${appId}/versions`, { body: upload(hello, '1.0.0', { bundle: hello.bundle + `/*${'x'.repeat(2 * 1024 * 1024)}*/` }) });
      expect(res.status).toBe(422);
      expect(res.body.error.message).toMatch(/limit is 2048 KiB/);
      expect(await versionsOf(appId)).toEqual([]);
    });

    it('a body past the upload cap', async () => {
      const appId = await newApp();
      const res = await merchant(`/api/merchant/apps/${appId}/versions`, { body: upload(hello, '1.0.0', { bundle: 'x'.repeat(7 * 1024 * 1024) }) });
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('too_large');
      expect(await versionsOf(appId)).toEqual([]);
    });

    it('a page that renders blank', async () => {
      const appId = await newApp();
      const bundle = rawProgram({ 'pages/index': says('Hello'), 'pages/blank': `{ render() { return { type: 'view', props: {}, children: [] }; } }` });
      const res = await merchant(`/api/merchant/apps/${appId}/versions`, { body: upload(hello, '1.0.0', { bundle, manifest: { pages: ['pages/index', 'pages/blank'] } }) });
      expect(res.status).toBe(422);
      expect(res.body.error.message).toMatch(/pages\/blank: the page renders blank/);
      expect(await versionsOf(appId)).toEqual([]);
    });

    it('releasing a version not yet approved', async () => {
      const appId = await newApp();
      await merchant(`/api/merchant/apps/${appId}/versions`, { body: upload(hello, '1.0.0') });
      const res = await merchant(`/api/merchant/apps/${appId}/release`, { body: { version: '1.0.0' } });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/only approved versions/) });
      expect((await merchant(`/api/merchant/apps/${appId}`)).body.app.release).toBeNull();
    });

    it('a merchant calling an admin action', async () => {
      const appId = await newApp();
      const sub = await merchant(`/api/merchant/apps/${appId}/versions`, { body: upload(hello, '1.0.0') });
      for (const [path, body] of [
        [`/api/admin/reviews/${sub.body.version.id}/approve`, {}],
        [`/api/admin/apps/${appId}/suspend`, { reason: 'I suspend myself' }],
        [`/api/admin/apps/${appId}/licence`, { granted: true, reason: 'self-granted' }],
      ] as const) {
        const res = await merchant(path, { body });
        expect(res.status).toBe(401);
        expect(res.body.error).toMatchObject({ code: 'unauthorized', message: 'Sign in as an admin.' });
      }
      expect((await merchant('/api/admin/reviews')).status).toBe(401);
      expect((await merchant(`/api/merchant/apps/${appId}`)).body.app).toMatchObject({ status: 'active', licensed: false, inReview: '1.0.0' });
    });

    it("a merchant touching another merchant's app", async () => {
      const appId = await newApp();
      const versionId = await ship(appId, '1.0.0');
      for (const [method, path, body] of [
        ['GET', `/api/merchant/apps/${appId}`, undefined],
        ['PATCH', `/api/merchant/apps/${appId}`, { name: 'Stolen' }],
        ['POST', `/api/merchant/apps/${appId}/versions`, upload(hello, '6.6.6')],
        ['POST', `/api/merchant/apps/${appId}/rollback`, {}],
        ['POST', `/api/merchant/apps/${appId}/secret`, undefined],
      ] as const) {
        const res = await rival(path, { method, body });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.body.error.code).toBe('not_found');
      }
      const mine = (await merchant(`/api/merchant/apps/${appId}`)).body;
      expect(mine.app).toMatchObject({ name: expect.stringMatching(/^Hello/), release: { versionId } });
      expect(mine.versions).toHaveLength(1);
    });

    it('an app with fields the API does not take, or a malformed body', async () => {
      const before = (await merchant('/api/merchant/apps')).body.apps.length;
      const extra = await merchant('/api/merchant/apps', { body: { name: 'X', category: 'tools', merchantId: 'someone-else' } });
      expect(extra.status).toBe(400);
      expect(extra.body.error.code).toBe('invalid_request');
      const broken = await merchant('/api/merchant/apps', { body: '{"name": ' });
      expect(broken.status).toBe(400);
      expect((await merchant('/api/merchant/apps')).body.apps.length).toBe(before);
    });

    it('signing up as an admin', async () => {
      const res = await fetch(platform.url + '/api/auth/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: platform.url },
        body: JSON.stringify({ email: 'sneaky@example.com', password: 'long enough password', displayName: 'Sneaky', kind: 'admin' }),
      });
      expect(res.status).toBe(400);
      const login = await fetch(platform.url + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'sneaky@example.com', password: 'long enough password', kind: 'admin' }) });
      expect(login.status).toBe(401);
    });
  });

  it('lets a user with an open session keep their version until they reopen', async () => {
    const appId = await newApp();
    const saying = (text: string) => ({ bundle: rawProgram({ 'pages/index': says(text) }), manifest: { pages: ['pages/index'], tabBar: undefined } });
    await ship(appId, '1.0.0', saying('the first'));
    const opened = await user(`/api/apps/${appId}/sessions`, { body: {} });
    await ship(appId, '1.1.0', saying('the second'));
    const still = await user(`/api/sessions/${opened.body.sessionId}/events`, { body: { handler: 'noop', type: 'tap' } });
    expect(still.status).toBe(200);
    expect(JSON.stringify(still.body.frame)).toContain('the first');
    const reopened = await user(`/api/apps/${appId}/sessions`, { body: {} });
    expect(reopened.body.app.version).toBe('1.1.0');
    expect(JSON.stringify(reopened.body.frame)).toContain('the second');
  });

  it('ends live sessions of a suspended app with the reason, and reinstating brings it back', async () => {
    const appId = await newApp();
    await ship(appId, '1.0.0');
    const opened = await user(`/api/apps/${appId}/sessions`, { body: {} });
    const suspended = await admin(`/api/admin/apps/${appId}/suspend`, { body: { reason: 'reported for spam' } });
    expect(suspended.body).toMatchObject({ app: { status: 'suspended', suspendedReason: 'reported for spam' }, endedSessions: 1 });
    const event = await user(`/api/sessions/${opened.body.sessionId}/events`, { body: { handler: 'noop', type: 'tap' } });
    expect(event.status).toBe(403);
    expect(event.body.error).toMatchObject({ code: 'app_suspended', message: expect.stringMatching(/reported for spam/) });
    const reopen = await user(`/api/apps/${appId}/sessions`, { body: {} });
    expect(reopen.body.error).toMatchObject({ code: 'app_suspended', details: { reason: 'reported for spam' } });
    expect((await user('/api/apps')).body.apps.map((a: any) => a.id)).not.toContain(appId);
    await admin(`/api/admin/apps/${appId}/reinstate`, { body: { reason: 'the reports were false' } });
    expect((await user(`/api/apps/${appId}/sessions`, { body: {} })).status).toBe(200);
    const history = (await admin(`/api/admin/apps/${appId}`)).body.audit.map((e: any) => [e.action, e.actorEmail]);
    expect(history.slice(0, 2)).toEqual([['app.reinstate', ADMIN.email], ['app.suspend', ADMIN.email]]);
  });

  it('shows the merchant why a version was rejected, pointing at its page', async () => {
    const appId = await newApp();
    const sub = await merchant(`/api/merchant/apps/${appId}/versions`, { body: upload(hello, '1.0.0') });
    const page = hello.manifest.pages[0]!;
    const res = await admin(`/api/admin/reviews/${sub.body.version.id}/reject`, { body: { reasons: [{ page, message: 'the greeting promises a prize' }] } });
    expect(res.status).toBe(200);
    const [v] = await versionsOf(appId);
    expect(v).toMatchObject({ status: 'rejected', reasons: [{ page, message: 'the greeting promises a prize' }], reviewSeconds: expect.any(Number) });
  });
});
