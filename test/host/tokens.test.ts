import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.ts';
import { HOST_ORIGIN, PASSWORD, sessionCookie, signUp, startTestHost, type TestHost } from './support.ts';

const DAY = 24 * 3600 * 1000;

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe.each(testDatabases())('tokens on $name', (tdb) => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost(tdb);
  });
  afterAll(async () => {
    await host?.close();
  });

  async function expect401(token: string, via: 'bearer' | 'cookie' = 'bearer') {
    const res = await host.call('GET', '/api/me', via === 'bearer' ? { bearer: token } : { cookie: `atrium_user=${token}` });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe('unauthorized');
    return body.error.message as string;
  }

  it('keeps the signing key in <dataDir>/keys, private to the host user, with a kid', async () => {
    const dir = join(host.dataDir, 'keys');
    const files = readdirSync(dir).filter((f) => f.endsWith('.jwk'));
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const f of [...files, 'platform.secret']) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    const { account } = await signUp(host);
    const { token } = await host.identity.issueToken(account as never, 'tool');
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString());
    expect(header).toMatchObject({ alg: 'EdDSA', kid: expect.any(String) });
  });

  it('refuses a token signed by another key, even with our kid', async () => {
    const { account } = await signUp(host);
    const { token } = await host.identity.issueToken({ id: account.id, kind: 'user' }, 'tool');
    const kid = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid;
    const { privateKey } = await generateKeyPair('EdDSA');
    const forged = await new SignJWT({ kind: 'user' })
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .setIssuer('atrium')
      .setSubject(account.id)
      .setExpirationTime(Math.floor(host.clock.now().getTime() / 1000) + 3600)
      .sign(privateKey);
    expect(await expect401(forged)).toMatch(/invalid/);
    await expect401(forged, 'cookie');
  });

  it('refuses an expired token, saying so', async () => {
    const { account } = await signUp(host);
    const { token } = await host.identity.issueToken({ id: account.id, kind: 'user' }, 'session');
    expect((await host.call('GET', '/api/me', { bearer: token })).status).toBe(200);
    host.clock.advance(7 * DAY + 1000);
    expect(await expect401(token)).toMatch(/expired/);
  });

  it('refuses alg none, HS256 made with the public key, garbage and a missing kid', async () => {
    const { account } = await signUp(host);
    const claims = { sub: account.id, kind: 'admin', iss: 'atrium', exp: Math.floor(host.clock.now().getTime() / 1000) + 3600 };
    await expect401(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`);
    await expect401(`${b64url({ alg: 'none' })}.${b64url(claims)}`);
    // The classic confusion: sign HS256 with the (public) verification key as the HMAC secret.
    const jwk = await exportJWK((await generateKeyPair('EdDSA', { extractable: true })).publicKey);
    const hs = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'x' }).sign(new TextEncoder().encode(JSON.stringify(jwk)));
    await expect401(hs);
    for (const garbage of ['garbage', 'a.b.c', '...', 'eyJhbGciOiJFZERTQSJ9', '%00', 'x'.repeat(5000)]) await expect401(garbage);
    const { token } = await host.identity.issueToken({ id: account.id, kind: 'user' }, 'tool');
    const [, payload, signature] = token.split('.');
    await expect401(`${b64url({ alg: 'EdDSA' })}.${payload}.${signature}`);
  });

  it('refuses a genuine token whose claims were edited to another kind', async () => {
    const { account } = await signUp(host);
    const { token } = await host.identity.issueToken({ id: account.id, kind: 'user' }, 'tool');
    const [header, , signature] = token.split('.');
    const edited = `${header}.${b64url({ sub: account.id, kind: 'admin', iss: 'atrium', exp: 9999999999 })}.${signature}`;
    await expect401(edited);
  });

  it('refuses a token naming a kind the account is not, and one for a disabled account', async () => {
    const { account } = await signUp(host);
    const { token: asMerchant } = await host.identity.issueToken({ id: account.id, kind: 'merchant' }, 'tool');
    await expect401(asMerchant);
    const { token } = await host.identity.issueToken({ id: account.id, kind: 'user' }, 'tool');
    await host.db.kysely.updateTable('identity_accounts').set({ disabled: 1 }).where('id', '=', account.id).execute();
    await expect401(token);
  });

  it('shuts a disabled account out once its verified token is no longer trusted, within seconds', async () => {
    const { account } = await signUp(host);
    const { token } = await host.identity.issueToken({ id: account.id, kind: 'user' }, 'tool');
    expect(await host.identity.verifyToken(token)).toEqual({ id: account.id, kind: 'user' });
    await host.db.kysely.updateTable('identity_accounts').set({ disabled: 1 }).where('id', '=', account.id).execute();
    host.clock.advance(11_000);
    await expect401(token);
  });

  it('ignores a bad cookie on public routes, so signing in again works', async () => {
    const { email } = await signUp(host);
    const res = await host.call('POST', '/api/auth/login', { body: { email, password: 'correct horse battery' }, cookie: 'atrium_user=stale.junk.token', origin: 'http://localhost' });
    expect(res.status).toBe(200);
  });

  it('keeps tokens signed by an old key valid after rotation, and signs new ones with the new key', async () => {
    const { account } = await signUp(host);
    const { token: before } = await host.identity.issueToken({ id: account.id, kind: 'user' }, 'tool');
    const kidOf = (t: string) => JSON.parse(Buffer.from(t.split('.')[0]!, 'base64url').toString()).kid;
    const kid = await host.identity.rotateSigningKey();
    const { token: after } = await host.identity.issueToken({ id: account.id, kind: 'user' }, 'tool');
    expect(kidOf(after)).toBe(kid);
    expect(kidOf(before)).not.toBe(kid);
    for (const t of [before, after]) expect((await host.call('GET', '/api/me', { bearer: t })).status).toBe(200);
    expect(readdirSync(join(host.dataDir, 'keys')).filter((f) => f.endsWith('.jwk'))).toHaveLength(2);
  });

  it('reads the same keys on the next start: tokens survive a restart', async () => {
    const { account } = await signUp(host);
    const { token } = await host.identity.issueToken({ id: account.id, kind: 'user' }, 'tool');
    const { createIdentity } = await import('../../host/modules/identity/index.ts');
    const again = await createIdentity({ db: host.db.kysely, dataDir: host.dataDir, now: host.clock.now });
    expect(await again.verifyToken(token)).toEqual({ id: account.id, kind: 'user' });
    expect(again.openidFor('app', account.id)).toBe(host.identity.openidFor('app', account.id));
  });

  it('signs out the session cookie used: kept and sent again, it no longer opens anything', async () => {
    const { cookie } = await signUp(host);
    expect((await host.call('GET', '/api/me', { cookie })).status).toBe(200);
    expect((await host.call('POST', '/api/auth/logout', { cookie, origin: HOST_ORIGIN })).status).toBe(200);
    const again = await host.call('GET', '/api/me', { cookie });
    expect(again.status).toBe(401);
    expect((await again.json()).error.message).toMatch(/signed out/);
  });

  it("signs out a tool's bearer token and leaves the browser session of the same account signed in", async () => {
    const { email } = await signUp(host);
    const login = await host.call('POST', '/api/auth/login', { body: { email, password: PASSWORD } });
    const { token } = await login.json();
    const cookie = sessionCookie(login);
    expect((await host.call('POST', '/api/auth/logout', { bearer: token })).status).toBe(200);
    expect(await expect401(token)).toMatch(/signed out/);
    expect((await host.call('GET', '/api/me', { cookie })).status).toBe(200);
  });

  it('leaves everything as it was when signing out with a token that does not verify', async () => {
    const before = await host.db.kysely.selectFrom('identity_revoked_tokens').select('jti').execute();
    const res = await host.call('POST', '/api/auth/logout', { bearer: 'not.a.token' });
    expect(res.status).toBe(200);
    await host.identity.revokeToken('still.not.a.token');
    expect(await host.db.kysely.selectFrom('identity_revoked_tokens').select('jti').execute()).toEqual(before);
  });

  it('forgets a signed-out token once it would have expired anyway', async () => {
    const { account } = await signUp(host);
    const { token } = await host.identity.issueToken({ id: account.id, kind: 'user' }, 'session');
    await host.identity.revokeToken(token);
    const jti = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).jti as string;
    const rows = () => host.db.kysely.selectFrom('identity_revoked_tokens').select('jti').where('jti', '=', jti).execute();
    expect(await rows()).toHaveLength(1);
    host.clock.advance(31 * DAY);
    const other = await host.identity.issueToken({ id: account.id, kind: 'user' }, 'session');
    await host.identity.revokeToken(other.token);
    expect(await rows()).toHaveLength(0);
  });
});
