import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.ts';
import { HOST_ORIGIN, PASSWORD, signUp, startTestHost, uniqueEmail, type TestHost } from './support.ts';

describe.each(testDatabases())('cross-site requests on $name', (tdb) => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost(tdb);
  });
  afterAll(async () => {
    await host?.close();
  });

  const count = async () => Number((await host.db.kysely.selectFrom('identity_accounts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses a POST from another site riding the session cookie, and changes nothing', async () => {
    const { cookie } = await signUp(host);
    const before = await count();
    const crossSite: Record<string, string>[] = [{ origin: 'https://evil.example' }, { referer: 'https://evil.example/page' }, { origin: 'null' }, { origin: 'http://localhost.evil.example' }];
    for (const headers of crossSite) {
      const res = await host.call('POST', '/api/auth/signup', { cookie, headers, body: { email: uniqueEmail(), password: PASSWORD, displayName: 'CSRF' } });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
    const logout = await host.call('POST', '/api/auth/logout', { cookie, origin: 'https://evil.example' });
    expect(logout.status).toBe(403);
    expect(logout.headers.get('set-cookie')).toBeNull();
    expect(await count()).toBe(before);
  });

  it('refuses a cookie-riding POST that carries no Origin or Referer at all', async () => {
    const { cookie } = await signUp(host);
    const res = await host.call('POST', '/api/auth/logout', { cookie });
    expect(res.status).toBe(403);
  });

  it('refuses a cross-site login attempt even without a cookie (login CSRF)', async () => {
    const { email } = await signUp(host);
    const res = await host.call('POST', '/api/auth/login', { origin: 'https://evil.example', body: { email, password: PASSWORD } });
    expect(res.status).toBe(403);
  });

  it('accepts the same POST from the host itself (Origin or Referer)', async () => {
    const a = await signUp(host);
    expect((await host.call('POST', '/api/auth/logout', { cookie: a.cookie, origin: HOST_ORIGIN })).status).toBe(200);
    expect((await host.call('POST', '/api/auth/logout', { cookie: a.cookie, headers: { referer: `${HOST_ORIGIN}/me` } })).status).toBe(200);
  });

  it('lets GETs ride the cookie from anywhere (they change nothing)', async () => {
    const { cookie } = await signUp(host);
    expect((await host.call('GET', '/api/me', { cookie, origin: 'https://evil.example' })).status).toBe(200);
  });

  it('accepts a bearer POST with no Origin, as tools send it', async () => {
    const { email } = await signUp(host);
    const { token } = await (await host.call('POST', '/api/auth/login', { body: { email, password: PASSWORD } })).json();
    const res = await host.call('POST', '/api/auth/logout', { bearer: token });
    expect(res.status).toBe(200);
    // Even with a cookie alongside: the bearer is what authenticates, and no page can set it.
    const both = await host.call('POST', '/api/auth/logout', { bearer: token, cookie: 'atrium_user=x', origin: 'https://evil.example' });
    expect(both.status).toBe(200);
  });
});
