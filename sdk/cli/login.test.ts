import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../test/support/cli-host.ts';

let host: TestHost;

/** A port nothing listens on: one the system just gave out and took back. */
function closedPort(): Promise<number> {
  const server = createServer();
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    }),
  );
}

beforeAll(async () => {
  host = await startTestHost();
}, 60_000);
afterAll(() => host?.close());

describe('atrium login and logout', () => {
  it('signs in with the password from standard input and keeps the token in a 0600 file', async () => {
    const configDir = join(host.freshConfig(), 'nested');
    const run = await host.atrium(['login', '--host', host.url + '/', '--email', host.merchant.email], { configDir, stdin: `${host.merchant.password}\nignored\n` });
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Signed in to ${host.url} as ${host.merchant.email}`);
    const file = join(configDir, 'credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(configDir).mode & 0o777).toBe(0o700);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({ host: host.url, email: host.merchant.email, token: expect.any(String) });
    expect(Date.parse(saved.expiresAt)).toBeGreaterThan(Date.now());
    // The saved token works for the commands that follow.
    expect((await host.atrium(['apps'], { configDir })).code).toBe(0);
  });

  it('refuses a wrong password with the host\'s message and saves nothing', async () => {
    const configDir = host.freshConfig();
    const run = await host.atrium(['login', '--host', host.url, '--email', host.merchant.email], { configDir, stdin: 'not the password\n' });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^atrium login: .+ \(unauthorized\)$/);
    expect(run.out).toBe('');
    expect(existsSync(join(configDir, 'credentials.json'))).toBe(false);
  });

  it('takes the host from ATRIUM_HOST and asks for a password when standard input has none', async () => {
    const configDir = host.freshConfig();
    const run = await host.atrium(['login', '--email', host.merchant.email], { configDir, env: { ATRIUM_HOST: host.url } });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/no password on standard input/);
    const signedIn = await host.atrium(['login', '--email', host.merchant.email], { configDir, stdin: host.merchant.password, env: { ATRIUM_HOST: host.url } });
    expect(signedIn.out).toContain(`Signed in to ${host.url}`);
  });

  it('tells a command run before logging in to run atrium login', async () => {
    const run = await host.atrium(['versions', '--app', 'anything'], { configDir: host.freshConfig() });
    expect(run.code).toBe(1);
    expect(run.err).toBe('atrium versions: not signed in; run atrium login');
  });

  it('sends a token the host no longer accepts back to atrium login', async () => {
    const configDir = host.freshConfig();
    await host.atrium(['login', '--host', host.url, '--email', host.merchant.email], { configDir, stdin: host.merchant.password });
    const file = join(configDir, 'credentials.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...saved, token: saved.token.slice(0, -4) + 'AAAA' }));
    const run = await host.atrium(['apps'], { configDir });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^atrium apps: .+ \(unauthorized\)\nYour sign-in is missing or has expired: run atrium login$/);
  });

  it('says when the host is not reachable', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = await host.atrium(['login', '--host', url, '--email', host.merchant.email], { configDir: host.freshConfig(), stdin: 'whatever password' });
    expect(run.code).toBe(1);
    expect(run.err).toBe(`atrium login: the host is not reachable at ${url} (connection refused)`);
  });

  it('forgets the credentials on logout', async () => {
    const configDir = host.freshConfig();
    await host.atrium(['login', '--host', host.url, '--email', host.merchant.email], { configDir, stdin: host.merchant.password });
    const out = await host.atrium(['logout'], { configDir });
    expect(out.code).toBe(0);
    expect(out.out).toMatch(/^Signed out: removed .*credentials\.json$/);
    expect(existsSync(join(configDir, 'credentials.json'))).toBe(false);
    expect((await host.atrium(['apps'], { configDir })).err).toMatch(/not signed in; run atrium login/);
  });

  it('signs the token out on the host, so a copy of it kept elsewhere stops working', async () => {
    const configDir = host.freshConfig();
    await host.atrium(['login', '--host', host.url, '--email', host.merchant.email], { configDir, stdin: host.merchant.password });
    const { token } = JSON.parse(readFileSync(join(configDir, 'credentials.json'), 'utf8')) as { token: string };
    const me = () => fetch(`${host.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);
    expect((await host.atrium(['logout'], { configDir })).code).toBe(0);
    expect((await me()).status).toBe(401);
  });
});
