import { randomBytes } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, type Db } from '../../host/db/index.ts';
import { createHttpApp, type AppEnv } from '../../host/http/index.ts';
import { createIdentity, identityMigrations, type Identity } from '../../host/modules/identity/index.ts';
import type { TestDatabase } from '../support/databases.ts';

/** A clock tests move by hand instead of sleeping. */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export function testClock(start = Date.parse('2026-11-25T09:00:00Z')): TestClock {
  let t = start;
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

/** One host over one database: the real identity module behind the real HTTP app, no port. */
export interface TestHost {
  db: Db<any>;
  dataDir: string;
  clock: TestClock;
  identity: Identity;
  app: ReturnType<typeof createHttpApp>;
  /** A request through app.request(); `cookie`, `bearer` and `origin` set the usual headers, `from` the caller's address. */
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
  close(): Promise<void>;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is (for malformed bodies); otherwise `body` is JSON-encoded. */
  raw?: string;
  cookie?: string;
  bearer?: string;
  origin?: string;
  headers?: Record<string, string>;
  /** The address the request comes from, as the Node server would give it. */
  from?: string;
}

export const HOST_ORIGIN = 'http://localhost';

/** More of the host beside identity: other modules' migrations and routes built on the same database. */
export interface TestHostExtras {
  migrations?: Parameters<typeof migrate>[1];
  routes?: (deps: { db: Db<any>; identity: Identity }) => OpenAPIHono<AppEnv>[] | Promise<OpenAPIHono<AppEnv>[]>;
}

export async function startTestHost(tdb: TestDatabase, extras: TestHostExtras = {}): Promise<TestHost> {
  const db = await tdb.create();
  await migrate(db.kysely, [identityMigrations, ...(extras.migrations ?? [])]);
  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-host-'));
  const clock = testClock();
  const identity = await createIdentity({ db: db.kysely, dataDir, now: clock.now });
  const more = (await extras.routes?.({ db, identity })) ?? [];
  const app = createHttpApp({ dev: true, verifyToken: identity.verifyToken, routes: [identity.routes, ...more], log: () => {} });

  const call = (method: string, path: string, o: CallOptions = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.body !== undefined || o.raw !== undefined) headers['content-type'] ??= 'application/json';
    if (o.cookie) headers.cookie = o.cookie;
    if (o.bearer) headers.authorization = `Bearer ${o.bearer}`;
    if (o.origin) headers.origin = o.origin;
    const body = o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
    const env = o.from === undefined ? undefined : { incoming: { socket: { remoteAddress: o.from } } };
    return Promise.resolve(app.request(path, { method, headers, ...(body === undefined ? {} : { body }) }, env));
  };

  return {
    db,
    dataDir,
    clock,
    identity,
    app,
    call,
    async close() {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An email no other test uses, so tests sharing a database stay apart. */
export function uniqueEmail(label = 'u'): string {
  return `${label}-${randomBytes(5).toString('hex')}@example.com`;
}

export const PASSWORD = 'correct horse battery';

/** The `name=value` of the session cookie a response sets (any kind's), for sending back. */
export function sessionCookie(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  const match = set.match(/(atrium_(?:user|merchant|admin))=([^;]+)/);
  if (!match?.[2]) throw new Error(`no session cookie in: ${set}`);
  return `${match[1]}=${match[2]}`;
}

/** Signs a new user up through the API; returns the account and a cookie riding their session. */
export async function signUp(host: TestHost, displayName = 'Test User') {
  const email = uniqueEmail();
  const res = await host.call('POST', '/api/auth/signup', { body: { email, password: PASSWORD, displayName }, origin: HOST_ORIGIN });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
  return { account: (await res.json()) as { id: string; email: string; displayName: string }, cookie: sessionCookie(res), email };
}
