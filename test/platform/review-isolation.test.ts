/**
 * Submission checks run merchants' unreviewed code. Anyone can sign up as a merchant and submit
 * a bundle built to stall its shard until the watchdog kills it; that must never reach the
 * shards users' sessions run on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../host/config.ts';
import { startPlatform, type Platform } from '../../host/platform.ts';
import { rawProgram } from '../support/programs.ts';

const ADMIN = { email: 'root@atrium.test', password: 'admin-password-1' };
type Call = (path: string, body?: unknown) => Promise<{ status: number; body: any }>;

let platform: Platform;

async function signIn(kind: 'user' | 'merchant' | 'admin', email: string, password = 'long enough password'): Promise<Call> {
  const post = (path: string, body: unknown) => fetch(platform.url + path, { method: 'POST', headers: { 'content-type': 'application/json', origin: platform.url }, body: JSON.stringify(body) });
  if (kind !== 'admin') await post('/api/auth/signup', { email, password, displayName: email.split('@')[0], kind });
  const { token } = (await (await post('/api/auth/login', { email, password, kind })).json()) as { token: string };
  return async (path, body) => {
    const res = await fetch(platform.url + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
}

const page = (members: string) => `{ ${members} render() { return { type: 'view', props: {}, children: [{ type: 'text', props: { id: 'shown' }, children: ['taps: ' + this.data.shown] }] }; } }`;
const upload = (bundle: string) => ({ manifest: { name: 'Tally', version: '1.0.0', pages: ['pages/index'] }, bundle, assets: [], releaseNotes: 'first' });

describe('a submission whose top level stalls its shard', () => {
  let dataDir: string;
  let admin: Call;
  let user: Call;
  let rogue: Call;
  let sessionId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'atrium-review-'));
    const config = loadConfig({ ATRIUM_DATA_DIR: dataDir, PORT: '0', ATRIUM_SHARDS: '1', ATRIUM_SEED_DEMO: 'false', ATRIUM_ADMIN_EMAIL: ADMIN.email, ATRIUM_ADMIN_PASSWORD: ADMIN.password });
    platform = await startPlatform(config, { log: () => {} });
    admin = await signIn('admin', ADMIN.email, ADMIN.password);
    const merchant = await signIn('merchant', 'tally@example.com');
    rogue = await signIn('merchant', 'rogue@example.com');
    user = await signIn('user', 'mei@example.com');

    // A released program that counts taps in a variable of its runtime, outside its page data:
    // the count survives only as long as that runtime does.
    const appId = (await merchant('/api/merchant/apps', { name: 'Tally', category: 'tools', description: 'counts' })).body.app.id;
    const bundle = `let taps = 0;\n${rawProgram({ 'pages/index': page(`data: { shown: 0 }, tap() { taps++; this.setData({ shown: taps }); },`) })}`;
    const submitted = await merchant(`/api/merchant/apps/${appId}/versions`, upload(bundle));
    expect(submitted.status).toBe(201);
    await admin(`/api/admin/reviews/${submitted.body.version.id}/approve`, {});
    await merchant(`/api/merchant/apps/${appId}/release`, { version: '1.0.0' });
    sessionId = (await user(`/api/apps/${appId}/sessions`, {})).body.sessionId;
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("fails its check and leaves a user's session running in the same runtime, untouched", async () => {
    expect((await user(`/api/sessions/${sessionId}/events`, { handler: 'tap', type: 'tap' })).body.frame.view).toMatchObject({ children: [{ children: ['taps: 1'] }] });

    // 6-8 s in one builtin on this machine kind, past the watchdog's 4.1 s for a 1 s load budget.
    const appId = (await rogue('/api/merchant/apps', { name: 'Stall', category: 'tools', description: 'stalls' })).body.app.id;
    const stall = `'a'.repeat(5e7).replaceAll('a', '');\n${rawProgram({ 'pages/index': page('data: { shown: 0 },') })}`;
    const refused = await rogue(`/api/merchant/apps/${appId}/versions`, upload(stall));
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.checks.find((c: { id: string }) => c.id === 'sandbox').outcome).toBe('failed');

    // The same runtime answers: had its shard been killed, the session would be back from its
    // snapshot with its page data, but `taps` would have started again from nothing.
    const after = await user(`/api/sessions/${sessionId}/events`, { handler: 'tap', type: 'tap' });
    expect(after.status).toBe(200);
    expect(after.body.frame.view).toMatchObject({ children: [{ children: ['taps: 2'] }] });
  });
});
