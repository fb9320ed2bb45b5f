import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../host/config.ts';
import { startPlatform, type Platform } from '../../host/platform.ts';
import { plannedMethods, type Manifest } from '../../sdk/contract/index.ts';
import { openProgram } from '../../sdk/testing/index.ts';
import { rawProgram } from '../support/programs.ts';

/** Valid arguments for each planned method, so what answers is the host, not the argument check. */
const calls: Record<string, unknown> = {
  'crm.recordEvent': { name: 'cart.added' },
  'crm.setAttributes': { attributes: { tier: 'gold' } },
};
// auth.getPhoneNumber is planned too; it asks for consent first, so it is checked on its own below.
const checked = Object.keys(calls);

const manifest: Manifest = {
  name: 'Planned',
  version: '1.0.0',
  pages: ['pages/index'],
  permissions: Object.fromEntries(['crm'].map((s) => [s, { reason: `to try ${s}` }])),
} as Manifest;

/** A program that calls every planned method on a tap and shows what each answered. */
const bundle = rawProgram({
  'pages/index': `{
    data: { said: 'ready' },
    async tryAll() {
      const out = {};
      for (const [m, a] of ${JSON.stringify(Object.entries(calls))}) {
        try { await globalThis.__atrium.call(m, a === null ? undefined : a); out[m] = 'ok'; }
        catch (e) { out[m] = e.code + ': ' + e.message; }
      }
      this.setData({ said: JSON.stringify(out) });
    },
    render() {
      return { type: 'view', props: {}, children: [{ type: 'text', props: {}, children: [this.data.said] }, { type: 'button', props: { onTap: 'tryAll' }, children: ['Try them all'] }] };
    },
  }`,
});

/** The answers the program shows: the one text of its view that is a JSON object. */
function answersIn(node: unknown): Record<string, string> | null {
  if (typeof node === 'string') return node.startsWith('{') ? (JSON.parse(node) as Record<string, string>) : null;
  for (const child of (node as { children?: unknown[] } | undefined)?.children ?? []) {
    const found = answersIn(child);
    if (found) return found;
  }
  return null;
}

describe('methods the contract declares but the host does not offer yet', () => {
  let platform: Platform;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atrium-planned-'));
    platform = await startPlatform(loadConfig({ ATRIUM_DATA_DIR: dir, PORT: '0', ATRIUM_SHARDS: '1', ATRIUM_SEED_DEMO: 'false', ATRIUM_WARM_SESSIONS: '0', ATRIUM_ADMIN_EMAIL: 'root@planned.test', ATRIUM_ADMIN_PASSWORD: 'admin-password-1' }), { log: () => {} });
  }, 60_000);
  afterAll(async () => {
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are crm.recordEvent, crm.setAttributes and auth.getPhoneNumber', () => {
    expect([...plannedMethods].sort()).toEqual([...checked, 'auth.getPhoneNumber'].sort());
  });

  it('answer not_implemented in atrium/testing (and so in atrium dev, which runs the same host)', async () => {
    const t = await openProgram({ manifest, bundle, assets: [], bytes: { bundle: bundle.length, assets: 0 } });
    await t.tap('Try them all');
    const answers = answersIn(t.view) ?? {};
    for (const m of checked) expect(answers[m], m).toBe(`not_implemented: ${m} is not available on this host yet`);
    await t.close();
  });

  it('answer the real host the same way, over HTTP, from a released program', async () => {
    const call = async (token: string, path: string, body?: unknown) => {
      const res = await fetch(platform.url + path, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return res.json() as Promise<any>;
    };
    const signIn = async (kind: string, email: string, password = 'long enough password') => {
      const post = (path: string, body: unknown) => fetch(platform.url + path, { method: 'POST', headers: { 'content-type': 'application/json', origin: platform.url }, body: JSON.stringify(body) });
      if (kind !== 'admin') await post('/api/auth/signup', { email, password, displayName: kind, kind });
      return ((await (await post('/api/auth/login', { email, password, kind })).json()) as { token: string }).token;
    };
    const merchant = await signIn('merchant', 'm@planned.test');
    const admin = await signIn('admin', 'root@planned.test', 'admin-password-1');
    const user = await signIn('user', 'u@planned.test');
    const { app } = await call(merchant, '/api/merchant/apps', { name: 'Planned', category: 'tools', description: 'tries what is planned' });
    const { version } = await call(merchant, `/api/merchant/apps/${app.id}/versions`, { manifest, bundle, assets: [], releaseNotes: '' });
    await call(admin, `/api/admin/reviews/${version.id}/approve`, {});
    await call(merchant, `/api/merchant/apps/${app.id}/release`, { version: '1.0.0' });
    const { sessionId } = await call(user, `/api/apps/${app.id}/sessions`, {});
    await call(user, `/api/sessions/${sessionId}/events`, { handler: 'tryAll', type: 'tap' });
    let answers: Record<string, string> = {};
    for (let i = 0; i < 100 && Object.keys(answers).length < checked.length; i++) {
      const { frame } = await call(user, `/api/sessions/${sessionId}/events`, { handler: 'none', type: 'tap' });
      const shown = answersIn(frame.view);
      if (shown) answers = shown;
      else await new Promise((r) => setTimeout(r, 50));
    }
    for (const m of checked) expect(answers[m], m).toBe(`not_implemented: ${m} is not available on this host yet`);
  }, 60_000);
});
