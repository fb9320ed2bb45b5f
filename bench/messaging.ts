/**
 * Messaging (issue: messaging): one group message fanned out to 1,000 connected SSE clients,
 * send to receipt at each client, beside a bare SSE broadcast to as many clients in the same run;
 * and messages persisted per second beside a bare insert transaction on the same database.
 *
 * Clients run in this process over real sockets. Sign-in is left out (each stream names its user
 * in a header a bench-only middleware reads): what is measured is the message path, from
 * `send` through the inbox log, the bus, the feed and the SSE write to the client's parser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { Worker } from 'node:worker_threads';
import { migrate, open, sqliteDialect } from '../host/db/index.ts';
import { createHttpApp } from '../host/http/index.ts';
import { createMessaging, messagingMigrations, type PartyId } from '../host/modules/messaging/index.ts';
import { messagingRoutes } from '../host/modules/messaging/routes.ts';
import { createMemoryBus, createTopicLog, realtimeMigrations } from '../host/realtime/index.ts';
import { percentile, printFigures, type Figure } from './stats.ts';

const CLIENTS = Number(process.env.BENCH_SSE_CLIENTS ?? 1000);
const MESSAGES = 20;
const PERSIST = 2000;

const now = () => performance.timeOrigin + performance.now();

/**
 * Opens `n` streams to `url` from a worker thread; `received(i)` is how many clients have heard
 * message i, and `latencies` what each took from `sentAt[i]`.
 */
async function clientsOf(url: string, n: number) {
  const worker = new Worker(new URL('./sse-clients.mjs', import.meta.url), { workerData: { url, clients: n } });
  const heard = new Map<number, number[]>();
  await new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (m: { ready?: true; n?: number; at?: number }) => {
      if (m.ready) return resolve();
      if (m.n !== undefined) heard.set(m.n, [...(heard.get(m.n) ?? []), m.at!]);
    });
  });
  return {
    received: (i: number) => heard.get(i)?.length ?? 0,
    latencies: (sentAt: number[]) => [...heard].flatMap(([i, ats]) => ats.map((at) => at - sentAt[i]!)),
    close: () => new Promise<void>((resolve) => {
      worker.on('message', (m: { closed?: true }) => m.closed && void worker.terminate().then(() => resolve()));
      worker.postMessage('close');
    }),
  };
}

/** Waits until `count()` reaches `n`, checking each turn of the event loop. */
async function until(count: () => number, n: number): Promise<void> {
  const end = Date.now() + 30_000;
  while (count() < n) {
    if (Date.now() > end) throw new Error(`only ${count()} of ${n} arrived`);
    await new Promise((r) => setImmediate(r));
  }
}

async function fanOut(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-msg-'));
  const db = open<any>(sqliteDialect(join(dir, 'bench.db')), 'sqlite');
  await migrate(db.kysely, [realtimeMigrations, messagingMigrations]);
  const bus = createMemoryBus();
  const m = createMessaging({ db: db.kysely, topics: createTopicLog(db.kysely, bus), displayName: async (p) => p, merchantExists: async () => false });
  // A merchant's customer group: the kind that holds a thousand.
  const owner: PartyId = 'm:bench-shop';
  const group = await m.conversations.createGroup(owner, { title: 'Bench', merchantId: 'bench-shop', memberCap: CLIENTS + 1 });
  const invite = await m.groups.invite(owner, group);
  for (let i = 0; i < CLIENTS; i++) await m.groups.join(`u:bench-${i}`, group, invite.code);

  // The real routes behind a bench-only sign-in that believes the header.
  const app = createHttpApp({ dev: true, verifyToken: async () => { throw new Error('the bench names its users in a header'); }, routes: [] });
  const chats = new Hono();
  chats.use('*', async (c, next) => {
    (c as any).set('principal', { id: c.req.header('x-bench-user')!, kind: 'user', via: 'bearer' });
    await next();
  });
  chats.route('/', messagingRoutes(m, { inviteUrl: (code) => `/join/${code}` }));
  // Bare baseline: an SSE broadcast from memory to as many clients, with the same stream helper's framing.
  const listeners = new Set<(data: string) => void>();
  chats.get('/bare', (c) =>
    streamSSE(c, async (sse) => {
      const queue: string[] = ['hello'];
      let wake: (() => void) | null = null;
      const fn = (d: string) => {
        queue.push(d);
        wake?.();
      };
      listeners.add(fn);
      sse.onAbort(() => {
        listeners.delete(fn);
        wake?.();
      });
      while (!sse.aborted) {
        while (queue.length) await sse.writeSSE({ event: 'bare', data: queue.shift()! });
        await new Promise<void>((r) => (wake = r));
      }
    }),
  );
  app.route('/', chats);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const measure = async (url: string, send: (i: number) => Promise<unknown>) => {
    const clients = await clientsOf(url, CLIENTS);
    const sentAt: number[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      sentAt[i] = now();
      await send(i);
      await until(() => clients.received(i), CLIENTS);
    }
    await clients.close();
    return clients.latencies(sentAt);
  };

  const bare = await measure(`${base}/bare`, async (i) => {
    for (const l of listeners) l(`{"n":${i}}`);
  });
  const real = await measure(`${base}/api/chats/stream`, (i) => m.send(owner, group, { kind: 'text', text: `tick ${i}` }));

  server.close();
  await bus.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  return [
    { name: `group message to ${CLIENTS} SSE clients, p50`, value: percentile(real, 50), unit: 'ms', baseline: { name: 'bare SSE broadcast p50', value: percentile(bare, 50) } },
    { name: `group message to ${CLIENTS} SSE clients, p99`, value: percentile(real, 99), unit: 'ms', baseline: { name: 'bare SSE broadcast p99', value: percentile(bare, 99) }, target: { kind: 'max', value: 100 } },
  ];
}

async function persisted(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-msg-'));
  const db = open<any>(sqliteDialect(join(dir, 'bench.db')), 'sqlite');
  await migrate(db.kysely, [realtimeMigrations, messagingMigrations]);
  const bus = createMemoryBus();
  const m = createMessaging({ db: db.kysely, topics: createTopicLog(db.kysely, bus), displayName: async (p) => p, merchantExists: async () => false, limits: { sendsPerMinute: 1e9 } });
  const a: PartyId = 'u:a';
  const b: PartyId = 'u:b';
  const id = await m.conversations.createGroup(a, { title: 'Pair' });
  await m.groups.join(b, id, (await m.groups.invite(a, id)).code);
  let t = performance.now();
  for (let i = 0; i < PERSIST; i++) await m.send(i % 2 ? a : b, id, { kind: 'text', text: `message ${i}` });
  const sent = PERSIST / ((performance.now() - t) / 1000);
  await db.kysely.schema.createTable('bench_bare').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('v', 'text').execute();
  t = performance.now();
  for (let i = 0; i < PERSIST; i++) await db.kysely.transaction().execute((trx) => trx.insertInto('bench_bare').values({ id: i, v: `message ${i}` }).execute());
  const bare = PERSIST / ((performance.now() - t) / 1000);
  await bus.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  return [{ name: 'messages persisted/s (SQLite, one at a time)', value: sent, unit: '/s', baseline: { name: 'bare insert transaction', value: bare } }];
}

export async function runMessagingBench(): Promise<void> {
  const figures = [...(await fanOut()), ...(await persisted())];
  printFigures('Messaging', figures);
}
