/**
 * The host's HTTP figures (issue: the host): event round trip over HTTP on a real port (requests
 * per second, p50, p99) and open-app latency, beside a bare hono endpoint served the same way in
 * the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { Pool } from 'undici';
import { loadConfig } from '../host/config.ts';
import { startPlatform } from '../host/platform.ts';
import { createRequire } from 'node:module';
import { loadFromWorker } from './load.ts';
import { percentile, printFigures, samples, time, type Figure } from './stats.ts';
import { built } from './programs.ts';
import { Runtime } from '../runtime/index.ts';

const undiciPath = createRequire(import.meta.url).resolve('undici');

export async function runHttpBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-bench-'));
  const platform = await startPlatform(loadConfig({ ATRIUM_DATA_DIR: dataDir, PORT: '0', ATRIUM_SHARDS: '2' }), { log: () => {} });
  const bare = new Hono().post('/bare', async (c) => c.json({ ok: true, echo: await c.req.json() }));
  const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => bareServer.once('listening', r));
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`;
  const connections = 32;
  const pool = new Pool(platform.url, { connections });
  const barePool = new Pool(bareUrl, { connections });
  const origin = { origin: platform.url };

  // One signed-in user per connection, each with a session of the smallest example.
  const tokens: string[] = [];
  const sessionIds: string[] = [];
  for (let i = 0; i < connections; i++) {
    const signup = await pool.request({
      method: 'POST',
      path: '/api/auth/signup',
      headers: { 'content-type': 'application/json', ...origin },
      body: JSON.stringify({ email: `bench${i}@example.com`, password: 'bench-password-1', displayName: `Bench ${i}` }),
    });
    await signup.body.text();
    const login = await pool.request({
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json', ...origin },
      body: JSON.stringify({ email: `bench${i}@example.com`, password: 'bench-password-1' }),
    });
    tokens.push(((await login.body.json()) as { token: string }).token);
    const opened = await pool.request({ method: 'POST', path: '/api/apps/hello/sessions', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}` }, body: '{}' });
    sessionIds.push(((await opened.body.json()) as { sessionId: string }).sessionId);
  }
  const tap = JSON.stringify({ handler: 'add', type: 'tap' });
  const event = (i: number) => ({ path: `/api/sessions/${sessionIds[i]}/events`, body: tap, headers: { authorization: `Bearer ${tokens[i]}` } });
  const eventRequests = sessionIds.map((_, i) => event(i));
  const bareRequests = [{ path: '/bare', body: tap, headers: {} }];

  await loadFromWorker(platform.url, eventRequests, 1000, connections, undiciPath);
  await loadFromWorker(bareUrl, bareRequests, 1000, connections, undiciPath);
  const events = await loadFromWorker(platform.url, eventRequests, 4000, connections, undiciPath);
  const baseline = await loadFromWorker(bareUrl, bareRequests, 4000, connections, undiciPath);

  const oneEvent = async () => {
    const res = await pool.request({ method: 'POST', ...event(0), headers: { 'content-type': 'application/json', ...event(0).headers } });
    await res.body.text();
  };
  const oneBare = async () => {
    const res = await barePool.request({ method: 'POST', path: '/bare', body: tap, headers: { 'content-type': 'application/json' } });
    await res.body.text();
  };
  const single = await samples(300, oneEvent);
  const singleBare = await samples(300, oneBare);
  const parts = await roundTripParts(oneEvent, oneBare);
  const openShop = async () => {
    const res = await pool.request({ method: 'POST', path: '/api/apps/shop/sessions', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[0]}` }, body: '{}' });
    await res.body.text();
  };
  // Back to back, the warm sessions run out after the first few and the rest load the program.
  const burstOpens = await samples(40, openShop);
  // Users arriving one at a time find a session of the version ready: the pool refills between them.
  const spacedOpens = await samples(40, async () => {
    await new Promise((r) => setTimeout(r, 100));
    const t = performance.now();
    await openShop();
    return performance.now() - t;
  });

  const figures: Figure[] = [
    { name: `events over HTTP, ${connections} connections`, value: events.rps, unit: 'req/s', baseline: { name: 'bare hono endpoint', value: baseline.rps }, target: { kind: 'min', value: 3000 } },
    { name: 'event round trip under load, p50', value: events.p50, unit: 'ms', baseline: { name: 'bare hono p50', value: baseline.p50 } },
    { name: 'event round trip under load, p99', value: events.p99, unit: 'ms', baseline: { name: 'bare hono p99', value: baseline.p99 } },
    { name: 'event round trip, one at a time, p50', value: percentile(single, 50), unit: 'ms', baseline: { name: 'bare hono p50', value: percentile(singleBare, 50) }, target: { kind: 'max', value: 2 * percentile(singleBare, 50) } },
    ...parts,
    { name: 'open an app (shop) to first frame, 40 back to back, p50', value: percentile(burstOpens, 50), unit: 'ms', baseline: { name: 'bare hono p50', value: percentile(singleBare, 50) } },
    { name: 'open an app (shop) to first frame, one at a time (warm), p50', value: percentile(spacedOpens, 50), unit: 'ms', baseline: { name: 'bare hono p50', value: percentile(singleBare, 50) } },
  ];
  await pool.close();
  await barePool.close();
  bareServer.close();
  await platform.close();
  rmSync(dataDir, { recursive: true, force: true });
  printFigures('Host HTTP (real port, SQLite)', figures);
}

/**
 * Where one event's time goes: the event over HTTP, the bare endpoint, and the same tap sent
 * straight to a runtime of its own (no HTTP, no host), taken in turn so that all three see the
 * same machine (it is shared, and its speed drifts). Bare HTTP plus the sandbox round trip is the
 * floor for an event with the guest in a worker thread; the host's own share is what is left.
 */
async function roundTripParts(overHttp: () => Promise<void>, bare: () => Promise<void>): Promise<Figure[]> {
  const hello = await built('examples/hello');
  const rt = await Runtime.create({ shards: 1 });
  const session = await rt.open({ merchantId: 'parts', appId: 'hello', bundle: hello.bundle, pages: { pages: hello.manifest.pages, tabs: [] }, onCall: async () => ({ ok: true as const, data: null }) });
  const http: number[] = [];
  const plain: number[] = [];
  const sandbox: number[] = [];
  for (let i = 0; i < 300; i++) {
    http.push(await time(overHttp));
    plain.push(await time(bare));
    sandbox.push(await time(() => session.event({ handler: 'add', type: 'tap' })));
  }
  await rt.shutdown();
  const [h, b, s] = [http, plain, sandbox].map((xs) => percentile(xs, 50)) as [number, number, number];
  return [
    { name: 'taken in turn: event round trip, p50', value: h, unit: 'ms', baseline: { name: 'bare hono p50', value: b } },
    { name: 'taken in turn: the same tap without HTTP (sandbox round trip), p50', value: s, unit: 'ms', baseline: { name: 'bare hono p50', value: b } },
    { name: 'taken in turn: the host beyond bare HTTP + sandbox', value: h - b - s, unit: 'ms', baseline: { name: 'bare hono p50', value: b } },
  ];
}
