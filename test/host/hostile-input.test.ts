import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.ts';
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
