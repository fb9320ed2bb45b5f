import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../host/config.ts';
import { startPlatform, type Platform } from '../../host/platform.ts';
import { demoAccounts } from '../../host/flows/demo-seed.ts';
import { testDatabases } from '../support/databases.ts';

let platform: Platform;

/** A client keeping the session cookie, sending the Origin a browser on this site sends. */
function browser() {
  let cookie = '';
  return async function call(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
    const res = await fetch(platform.url + path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        origin: platform.url,
        ...(cookie ? { cookie } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, body: type.includes('json') ? await res.json() : await res.text(), headers: res.headers };
  };
}

function texts(node: any): string {
  if (typeof node === 'string') return node;
  return (node?.children ?? []).map(texts).join(' ');
}

describe.each(testDatabases())('the platform on a fresh $name database', (tdb) => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'atrium-platform-'));
    platform = await startPlatform(loadConfig({ ATRIUM_DATA_DIR: dataDir, PORT: '0', ATRIUM_SHARDS: '1' }), { log: () => {}, db: await tdb.create() });
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers its health check', async () => {
    expect((await browser()('/healthz')).body).toEqual({ ok: true });
  });

  it('seeds the example apps into the directory', async () => {
    const { body } = await browser()('/api/apps');
    expect(body.apps.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(['hello', 'shop']));
  });

  it('lets the demo user log in', async () => {
    const call = browser();
    const res = await call('/api/auth/login', { body: { email: demoAccounts.user.email, password: demoAccounts.user.password } });
    expect(res.status).toBe(200);
    expect((await call('/api/me')).body).toMatchObject({ email: demoAccounts.user.email });
  });

  it('lets a new user sign up, open the shop and see the view change after a tap', async () => {
    const call = browser();
    expect((await call('/api/auth/signup', { body: { email: 'mei@example.com', password: 'correct horse battery', displayName: 'Mei' } })).status).toBe(201);
    const opened = await call('/api/apps/shop/sessions', { body: {} });
    expect(opened.status).toBe(200);
    const { sessionId, frame } = opened.body;
    expect(frame.route).toBe('pages/catalog');
    expect(texts(frame.view)).toContain('Tea House');
    const tapped = await call(`/api/sessions/${sessionId}/events`, { body: { handler: '$nav', type: 'tap', value: { url: '/pages/cart', openType: 'switchTab' } } });
    expect(tapped.status).toBe(200);
    expect(tapped.body.frame.route).toBe('pages/cart');
  });

  it("answers an event with only the changes since the frame the shell says it has, and whole when it cannot know them", async () => {
    const call = browser();
    await call('/api/auth/signup', { body: { email: `since-${tdb.name}@example.com`, password: 'correct horse battery', displayName: 'Since' } });
    const hello = await call('/api/apps/hello/sessions', { body: {} });
    const first = hello.body.frame;
    const patched = await call(`/api/sessions/${hello.body.sessionId}/events?since=${first.seq}`, { body: { handler: 'add', type: 'tap' } });
    expect(patched.body.frame).toMatchObject({ seq: first.seq + 1, base: first.seq, patches: expect.any(Array) });
    expect(patched.body.frame.view).toBeUndefined();
    // "Tapped 0 times" became "Tapped 1 times": one text node changed, and that is all that came.
    expect(patched.body.frame.patches).toEqual([{ op: 'replace', path: [1, 1], node: '1' }]);
    const unknown = await call(`/api/sessions/${hello.body.sessionId}/events?since=999`, { body: { handler: 'add', type: 'tap' } });
    // A frame the session never had (or one too old): the answer is the whole view.
    expect(unknown.body.frame.patches).toBeUndefined();
    expect(texts(unknown.body.frame.view)).toContain('Tapped  2  times');
    const bad = await call(`/api/sessions/${hello.body.sessionId}/events?since=-1`, { body: { handler: 'add', type: 'tap' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
  });

  it('streams the session\'s frames as server-sent events, starting from the whole view', async () => {
    const call = browser();
    await call('/api/auth/signup', { body: { email: 'sse@example.com', password: 'correct horse battery', displayName: 'Sse' } });
    const { body } = await call('/api/apps/hello/sessions', { body: {} });
    const cookie = (await call('/api/auth/login', { body: { email: 'sse@example.com', password: 'correct horse battery' } })).headers.get('set-cookie')!.split(';')[0]!;
    const ctrl = new AbortController();
    const res = await fetch(`${platform.url}/api/sessions/${body.sessionId}/stream`, { headers: { cookie }, signal: ctrl.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let seen = '';
    const readUntil = async (needle: string) => {
      while (!seen.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += value;
      }
    };
    await readUntil('"Tapped ","0"');
    await call(`/api/sessions/${body.sessionId}/events`, { body: { handler: 'add', type: 'tap' } });
    await readUntil('"patches"');
    expect(seen).toMatch(/event: frame/);
    ctrl.abort();
  });

  it('resumes a broken event stream from Last-Event-ID with what it missed', async () => {
    const call = browser();
    await call('/api/auth/signup', { body: { email: `resume-${tdb.name}@example.com`, password: 'correct horse battery', displayName: 'R' } });
    const { body } = await call('/api/apps/hello/sessions', { body: {} });
    const cookie = (await call('/api/auth/login', { body: { email: `resume-${tdb.name}@example.com`, password: 'correct horse battery' } })).headers.get('set-cookie')!.split(';')[0]!;
    const first = await call(`/api/sessions/${body.sessionId}/events`, { body: { handler: 'add', type: 'tap' } });
    expect(first.status).toBe(200);
    // Two taps happen while no stream is connected; a client that saw event 1 asks for the rest.
    await call(`/api/sessions/${body.sessionId}/events`, { body: { handler: 'add', type: 'tap' } });
    await call(`/api/sessions/${body.sessionId}/events`, { body: { handler: 'add', type: 'tap' } });
    const ctrl = new AbortController();
    const res = await fetch(`${platform.url}/api/sessions/${body.sessionId}/stream`, { headers: { cookie, 'last-event-id': '1' }, signal: ctrl.signal });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let seen = '';
    while (!seen.includes('id: 3')) seen += (await reader.read()).value ?? '';
    ctrl.abort();
    expect(seen).toMatch(/id: 2\n/);
    expect(seen).not.toMatch(/id: 1\n/);
    expect(seen).not.toContain('"view"');
  });

  it('serves a version\'s assets with their content type', async () => {
    const call = browser();
    await call('/api/auth/login', { body: { email: demoAccounts.user.email, password: demoAccounts.user.password } });
    const { body } = await call('/api/apps/shop/sessions', { body: {} });
    const src = JSON.stringify(body.frame.view).match(/assets\/[\w-]+\.png/)![0];
    const res = await fetch(`${platform.url}/api/versions/${body.app.versionId}/${src}`);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses to open an app without signing in', async () => {
    const res = await browser()('/api/apps/shop/sessions', { body: {} });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('refuses a cross-site request riding a user\'s cookie, and opens nothing', async () => {
    const call = browser();
    await call('/api/auth/login', { body: { email: demoAccounts.user.email, password: demoAccounts.user.password } });
    const res = await call('/api/apps/shop/sessions', { body: {}, headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
  });

  it('never lets one user drive another user\'s session', async () => {
    const alice = browser();
    const bob = browser();
    await alice('/api/auth/signup', { body: { email: 'alice@example.com', password: 'correct horse battery', displayName: 'Alice' } });
    await bob('/api/auth/signup', { body: { email: 'bob@example.com', password: 'correct horse battery', displayName: 'Bob' } });
    const { body } = await alice('/api/apps/hello/sessions', { body: {} });
    const res = await bob(`/api/sessions/${body.sessionId}/events`, { body: { handler: 'add', type: 'tap' } });
    expect(res.status).toBe(404);
    expect((await bob(`/api/sessions/${body.sessionId}/stream`)).status).toBe(404);
  });

  it('refuses a malformed shell event with a clear error', async () => {
    const call = browser();
    await call('/api/auth/login', { body: { email: demoAccounts.user.email, password: demoAccounts.user.password } });
    const { body } = await call('/api/apps/hello/sessions', { body: {} });
    const res = await call(`/api/sessions/${body.sessionId}/events`, { body: { handler: 'alert(1)', type: 'tap' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
  });

  it('documents its API', async () => {
    const { body } = await browser()('/api/openapi.json');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/apps', '/api/apps/{appId}/sessions', '/api/auth/signup',
        '/api/merchant/apps/{appId}/versions', '/api/merchant/apps/{appId}/release', '/api/admin/reviews', '/api/admin/audit',
        '/api/wallet/topups', '/api/orders/{orderId}/pay', '/api/merchant/orders/{orderId}/refunds', '/api/admin/disputes/{disputeId}/decide',
        '/api/merchant/webhooks/endpoints',
      ]),
    );
  });
});

describe('restarting on the same data directory', () => {
  it('keeps accounts, apps and open sessions, and seeds nothing twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atrium-restart-'));
    const config = loadConfig({ ATRIUM_DATA_DIR: dir, PORT: '0', ATRIUM_SHARDS: '1' });
    const first = await startPlatform(config, { log: () => {} });
    expect(first.seeded).toBe(true);
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: first.url },
      body: JSON.stringify({ email: demoAccounts.user.email, password: demoAccounts.user.password }),
    });
    const firstCookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const post = (path: string, body: unknown) =>
      fetch(first.url + path, { method: 'POST', headers: { 'content-type': 'application/json', origin: first.url, cookie: firstCookie }, body: JSON.stringify(body) });
    const { sessionId } = (await (await post('/api/apps/hello/sessions', {})).json()) as { sessionId: string };
    await post(`/api/sessions/${sessionId}/events`, { handler: 'add', type: 'tap' });
    await first.close();
    const second = await startPlatform(config, { log: () => {} });
    try {
      expect(second.seeded).toBe(false);
      const res = await fetch(`${second.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: second.url },
        body: JSON.stringify({ email: demoAccounts.user.email, password: demoAccounts.user.password }),
      });
      expect(res.status).toBe(200);
      // The session opened before the restart carries on where it was.
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      const tap = await fetch(`${second.url}/api/sessions/${sessionId}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: second.url, cookie },
        body: JSON.stringify({ handler: 'add', type: 'tap' }),
      });
      expect(tap.status).toBe(200);
      expect(JSON.stringify((await tap.json()).frame.view)).toContain('"Tapped ","2"," times"');
    } finally {
      await second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('behind a proxy that rewrites Host', () => {
  it('accepts cookie-riding requests from the configured public origin and no other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atrium-proxy-'));
    const p = await startPlatform(loadConfig({ ATRIUM_DATA_DIR: dir, PORT: '0', ATRIUM_SHARDS: '1', ATRIUM_PUBLIC_ORIGIN: 'https://atrium.example.com' }), { log: () => {} });
    try {
      const login = (origin: string) =>
        fetch(`${p.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: JSON.stringify({ email: demoAccounts.user.email, password: demoAccounts.user.password }),
        });
      expect((await login('https://atrium.example.com')).status).toBe(200);
      expect((await login('https://evil.example')).status).toBe(403);
    } finally {
      await p.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
