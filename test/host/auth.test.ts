import { eventNames, eventTypes } from '../../sdk/contract/events.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentity } from '../../host/modules/identity/index.ts';
import { testDatabases } from '../support/databases.ts';
import { HOST_ORIGIN, PASSWORD, sessionCookie, signUp, startTestHost, uniqueEmail, type TestHost } from './support.ts';

describe.each(testDatabases())('accounts over HTTP on $name', (tdb) => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost(tdb);
  });
  afterAll(async () => {
    await host?.close();
  });

  it('signs a user up, sets an httpOnly session cookie, and /api/me answers with the account', async () => {
    const email = uniqueEmail('Mei');
    const res = await host.call('POST', '/api/auth/signup', { body: { email: `  ${email.toUpperCase()} `, password: PASSWORD, displayName: 'Mei' } });
    expect(res.status).toBe(201);
    const account = await res.json();
    expect(account).toMatchObject({ kind: 'user', email: email.toLowerCase(), displayName: 'Mei' });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);

    const me = await host.call('GET', '/api/me', { cookie: sessionCookie(res) });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual(account);
  });

  it('logs in with a cookie for browsers and a bearer token for tools', async () => {
    const { account, email } = await signUp(host);
    const res = await host.call('POST', '/api/auth/login', { body: { email, password: PASSWORD } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.account).toEqual(account);
    expect(Date.parse(body.expiresAt) - host.clock.now().getTime()).toBe(30 * 24 * 3600 * 1000);

    const viaBearer = await host.call('GET', '/api/me', { bearer: body.token });
    expect((await viaBearer.json()).id).toBe(account.id);
    const viaCookie = await host.call('GET', '/api/me', { cookie: sessionCookie(res) });
    expect((await viaCookie.json()).id).toBe(account.id);
  });

  it('answers an unknown email and a wrong password with the same 401 body', async () => {
    const { email } = await signUp(host);
    const wrong = await host.call('POST', '/api/auth/login', { body: { email, password: 'not the password' } });
    const unknown = await host.call('POST', '/api/auth/login', { body: { email: uniqueEmail(), password: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.text(), await unknown.text()];
    expect(a).toBe(b);
    expect(JSON.parse(a)).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it('refuses a second signup with the same email as a conflict, whatever its case', async () => {
    const { email } = await signUp(host);
    const res = await host.call('POST', '/api/auth/signup', { body: { email: email.toUpperCase(), password: PASSWORD, displayName: 'Again' } });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('conflict');
  });

  it('lets one email be a user and a merchant, and logs each in as its own kind', async () => {
    const { email } = await signUp(host);
    const merchant = await host.identity.createAccount('merchant', { email, password: 'merchant password', displayName: 'Shop' });
    const asMerchant = await host.call('POST', '/api/auth/login', { body: { email, password: 'merchant password', kind: 'merchant' } });
    expect(asMerchant.status).toBe(200);
    expect((await asMerchant.json()).account).toMatchObject({ id: merchant.id, kind: 'merchant' });
    const wrongKind = await host.call('POST', '/api/auth/login', { body: { email, password: 'merchant password' } });
    expect(wrongKind.status).toBe(401);
  });

  it('validates signups, naming the field at fault', async () => {
    const cases: [object, RegExp][] = [
      [{ email: 'not an email', password: PASSWORD, displayName: 'X' }, /email/],
      [{ email: uniqueEmail(), password: 'short', displayName: 'X' }, /password: at least 10/],
      [{ email: uniqueEmail(), password: PASSWORD, displayName: '' }, /displayName/],
      [{ email: uniqueEmail(), password: PASSWORD, displayName: 'x'.repeat(65) }, /displayName: at most 64/],
      [{ email: uniqueEmail(), password: PASSWORD, displayName: 'evil\u202Eexe.txt' }, /displayName/],
      [{ email: uniqueEmail(), password: PASSWORD, displayName: 'nul\u0000byte' }, /displayName/],
      [{ email: uniqueEmail(), password: PASSWORD }, /displayName/],
    ];
    for (const [body, message] of cases) {
      const res = await host.call('POST', '/api/auth/signup', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe('invalid_request');
      expect(error.message).toMatch(message);
    }
  });

  it('never puts a password hash in any response', async () => {
    const email = uniqueEmail();
    const bodies: string[] = [];
    const signup = await host.call('POST', '/api/auth/signup', { body: { email, password: PASSWORD, displayName: 'Hash Check' } });
    bodies.push(await signup.text());
    const login = await host.call('POST', '/api/auth/login', { body: { email, password: PASSWORD } });
    bodies.push(await login.clone().text());
    const me = await host.call('GET', '/api/me', { cookie: sessionCookie(login) });
    bodies.push(await me.text());
    bodies.push(await (await host.call('POST', '/api/auth/login', { body: { email, password: 'wrong password' } })).text());
    const { password_hash: hash } = await host.db.kysely.selectFrom('identity_accounts').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow();
    const salt = hash.split('$')[4];
    for (const body of bodies) {
      expect(body).not.toContain(hash.split('$')[5]);
      expect(body).not.toContain(salt);
      expect(body).not.toMatch(/scrypt\$|password_?hash|passwordHash/i);
    }
  });

  it('logs out by clearing the cookie', async () => {
    const { cookie } = await signUp(host);
    const res = await host.call('POST', '/api/auth/logout', { cookie, origin: HOST_ORIGIN });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/atrium_user=;.*Max-Age=0/);
  });

  it('keeps a user and a merchant signed in side by side in one browser, and signs out only the one asked', async () => {
    const shopper = await signUp(host, 'Shopper');
    const email = uniqueEmail('m');
    const signup = await host.call('POST', '/api/auth/signup', { body: { email, password: PASSWORD, displayName: 'Seller', kind: 'merchant' }, origin: HOST_ORIGIN });
    const browser = `${shopper.cookie}; ${sessionCookie(signup)}`;
    const me = (kind: string) => host.call('GET', '/api/me', { cookie: browser, headers: { 'x-atrium-account': kind } });
    expect(await (await me('user')).json()).toMatchObject({ id: shopper.account.id, kind: 'user' });
    expect(await (await me('merchant')).json()).toMatchObject({ email, kind: 'merchant' });
    const out = await host.call('POST', '/api/auth/logout', { cookie: browser, origin: HOST_ORIGIN, headers: { 'x-atrium-account': 'merchant' } });
    expect(out.headers.get('set-cookie')).toMatch(/^atrium_merchant=;.*Max-Age=0/);
    expect((await me('merchant')).status).toBe(401);
    expect((await me('user')).status).toBe(200);
  });

  describe('changing the password', () => {
    const NEW = 'a brand new passphrase';
    async function twoDevices() {
      const first = await signUp(host);
      const login = await host.call('POST', '/api/auth/login', { body: { email: first.email, password: PASSWORD } });
      const { token } = await login.json();
      // Later than both sign-ins: sessions end "before now", to the millisecond.
      host.clock.advance(1000);
      return { ...first, other: sessionCookie(login), token };
    }
    const change = (cookie: string, body: unknown) => host.call('POST', '/api/me/password', { cookie, origin: HOST_ORIGIN, body });
    const meWith = (o: { cookie?: string; bearer?: string }) => host.call('GET', '/api/me', o).then((r) => r.status);

    it('ends every other session, keeps this one, and lets only the new password sign in', async () => {
      const d = await twoDevices();
      const res = await change(d.cookie, { currentPassword: PASSWORD, newPassword: NEW });
      expect(res.status).toBe(200);
      expect(await meWith({ cookie: sessionCookie(res) })).toBe(200);
      expect(await meWith({ cookie: d.other })).toBe(401);
      expect(await meWith({ bearer: d.token })).toBe(401);
      expect((await host.call('POST', '/api/auth/login', { body: { email: d.email, password: PASSWORD } })).status).toBe(401);
      expect((await host.call('POST', '/api/auth/login', { body: { email: d.email, password: NEW } })).status).toBe(200);
    });

    it('gives a tool that changed it with its bearer token a fresh token', async () => {
      const d = await twoDevices();
      const res = await host.call('POST', '/api/me/password', { bearer: d.token, body: { currentPassword: PASSWORD, newPassword: NEW } });
      const body = await res.json();
      expect(body).toMatchObject({ ok: true, token: expect.any(String) });
      expect(await meWith({ bearer: body.token })).toBe(200);
      expect(await meWith({ bearer: d.token })).toBe(401);
    });

    it('refuses a wrong current password with 403 and changes nothing', async () => {
      const d = await twoDevices();
      const res = await change(d.cookie, { currentPassword: 'not my password', newPassword: NEW });
      expect(res.status).toBe(403);
      expect((await res.json()).error).toEqual({ code: 'forbidden', message: 'The current password is wrong.' });
      expect(await meWith({ cookie: d.other })).toBe(200);
      expect((await host.call('POST', '/api/auth/login', { body: { email: d.email, password: PASSWORD } })).status).toBe(200);
    });

    it('refuses a new password that is too short with 400 and changes nothing', async () => {
      const d = await twoDevices();
      const res = await change(d.cookie, { currentPassword: PASSWORD, newPassword: 'short' });
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(/newPassword: at least 10 characters/);
      expect(await meWith({ cookie: d.other })).toBe(200);
    });
  });

  it('signs out everywhere: every session of the account ends, this one too', async () => {
    const first = await signUp(host);
    const login = await host.call('POST', '/api/auth/login', { body: { email: first.email, password: PASSWORD } });
    const { token } = await login.json();
    host.clock.advance(1000);
    const res = await host.call('POST', '/api/me/sessions/end', { cookie: first.cookie, origin: HOST_ORIGIN });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^atrium_user=;.*Max-Age=0/);
    for (const o of [{ cookie: first.cookie }, { cookie: sessionCookie(login) }, { bearer: token }]) {
      expect((await host.call('GET', '/api/me', o)).status).toBe(401);
    }
    expect((await host.call('POST', '/api/auth/login', { body: { email: first.email, password: PASSWORD } })).status).toBe(200);
  });

  it('shows each user only their own account', async () => {
    const mei = await signUp(host, 'Mei');
    const li = await signUp(host, 'Li');
    const asMei = await (await host.call('GET', '/api/me', { cookie: mei.cookie })).json();
    const asLi = await (await host.call('GET', '/api/me', { cookie: li.cookie })).json();
    expect(asMei.id).toBe(mei.account.id);
    expect(asLi.id).toBe(li.account.id);
    // The id is not a handle to anyone's data: there is no route that takes another account's id.
    const probe = await host.call('GET', `/api/accounts/${mei.account.id}`, { cookie: li.cookie });
    expect(probe.status).toBe(404);
    expect(JSON.stringify(await probe.json())).not.toContain(mei.email);
  });

  it('slows password guessing: ten failures lock that account out until the window passes', async () => {
    const { email } = await signUp(host);
    for (let i = 0; i < 10; i++) {
      expect((await host.call('POST', '/api/auth/login', { body: { email, password: `guess number ${i}` } })).status).toBe(401);
    }
    const locked = await host.call('POST', '/api/auth/login', { body: { email, password: PASSWORD } });
    expect(locked.status).toBe(429);
    expect((await locked.json()).error.code).toBe('rate_limited');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    host.clock.advance(15 * 60 * 1000);
    expect((await host.call('POST', '/api/auth/login', { body: { email, password: PASSWORD } })).status).toBe(200);
  });

  it("does not hand a lockout to whoever knows the email: after ten wrong passwords from one address, the owner signs in from another", async () => {
    const { email } = await signUp(host);
    for (let i = 0; i < 10; i++) {
      expect((await host.call('POST', '/api/auth/login', { body: { email, password: `guess number ${i}` }, from: '203.0.113.7' })).status).toBe(401);
    }
    expect((await host.call('POST', '/api/auth/login', { body: { email, password: PASSWORD }, from: '198.51.100.20' })).status).toBe(200);
  });

  it('keeps refusing the address that guessed ten times, even with the right password, until the window passes', async () => {
    const { email } = await signUp(host);
    for (let i = 0; i < 10; i++) await host.call('POST', '/api/auth/login', { body: { email, password: `guess number ${i}` }, from: '203.0.113.8' });
    expect((await host.call('POST', '/api/auth/login', { body: { email, password: PASSWORD }, from: '203.0.113.8' })).status).toBe(429);
    host.clock.advance(15 * 60 * 1000);
    expect((await host.call('POST', '/api/auth/login', { body: { email, password: PASSWORD }, from: '203.0.113.8' })).status).toBe(200);
  });

  it('counts wrong passwords on every node alike: guesses split across two nodes still lock the account', async () => {
    const { email } = await signUp(host);
    const otherNode = await createIdentity({ db: host.db.kysely, dataDir: host.dataDir, now: host.clock.now });
    for (let i = 0; i < 10; i++) {
      const node = i % 2 ? otherNode : host.identity;
      await expect(node.authenticate('user', email, `guess number ${i}`)).rejects.toMatchObject({ code: 'unauthorized' });
    }
    await expect(host.identity.authenticate('user', email, PASSWORD)).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(otherNode.authenticate('user', email, PASSWORD)).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('makes the first admin, once', async () => {
    expect(await host.identity.hasAdmin()).toBe(false);
    const email = uniqueEmail('admin');
    await host.identity.createAdmin(email, 'admin password');
    expect(await host.identity.hasAdmin()).toBe(true);
    await expect(host.identity.createAdmin(email, 'admin password')).rejects.toMatchObject({ code: 'conflict' });
    await expect(host.identity.createAdmin(uniqueEmail('admin'), 'short')).rejects.toMatchObject({ code: 'invalid_args', message: /password: at least 10/ });
    const res = await host.call('POST', '/api/auth/login', { body: { email, password: 'admin password', kind: 'admin' } });
    expect((await res.json()).account.kind).toBe('admin');
  });

  it('documents its routes at /api/openapi.json, generated from their schemas', async () => {
    const res = await host.call('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/api/auth/signup', '/api/auth/login', '/api/auth/logout', '/api/me', '/api/apps/{appId}/login-codes/exchange']));
    expect(doc.paths['/api/auth/signup'].post.requestBody.content['application/json'].schema).toBeTruthy();
    expect(doc.components.schemas).toHaveProperty('Error');
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    expect(JSON.stringify(doc)).not.toMatch(/password_?hash|passwordHash/i);
  });

  it('documents every outbound event as a webhook, with the payload the events contract declares', async () => {
    const doc = await (await host.call('GET', '/api/openapi.json')).json();
    expect(Object.keys(doc.webhooks).sort()).toEqual([...eventTypes].sort());
    const paid = doc.webhooks['order.paid'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(paid)).toContain('paidAt');
    expect(doc.webhooks['dispute.resolved'].post.summary).toBe(eventNames['dispute.resolved'].summary);
  });
});
