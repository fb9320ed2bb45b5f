import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, requireMerchant, requireTeam } from '../../host/http/index.ts';
import { testDatabases } from '../support/databases.ts';
import { HOST_ORIGIN, PASSWORD, sessionCookie, startTestHost, uniqueEmail, type TestHost } from './support.ts';

/**
 * A merchant's team: the merchant invites people by email and role, they take the invitation up
 * and sign in to the console acting for the merchant, within what their role allows.
 */
describe.each(testDatabases())('a merchant team on $name', (tdb) => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost(tdb, {
      // Two routes as the modules guard theirs: one for owners only, one for managers too.
      routes: () => {
        const app = apiRoutes();
        app.get('/api/test/owners-only', (c) => c.json({ merchantId: requireMerchant(c).id }));
        app.get('/api/test/customers', (c) => c.json(requireTeam(c, ['owner', 'manager'])));
        return [app];
      },
    });
  });
  afterAll(async () => {
    await host?.close();
  });

  async function merchant(name = 'Tea House') {
    const email = uniqueEmail('m');
    const res = await host.call('POST', '/api/auth/signup', { body: { email, password: PASSWORD, displayName: name, kind: 'merchant' }, origin: HOST_ORIGIN });
    const account = (await res.json()) as { id: string };
    return { id: account.id, cookie: sessionCookie(res) };
  }
  const asJson = async (res: Response) => ({ status: res.status, body: (await res.json()) as any });
  const inviteCode = (url: string) => url.slice(url.lastIndexOf('/') + 1);

  async function joined(owner: { cookie: string }, role: 'owner' | 'manager' | 'staff', name = 'Li Wei') {
    const email = uniqueEmail('staff');
    const { body } = await asJson(await host.call('POST', '/api/merchant/team/invites', { cookie: owner.cookie, origin: HOST_ORIGIN, body: { email, role } }));
    const res = await host.call('POST', `/api/team-invites/${inviteCode(body.url)}/accept`, { body: { displayName: name, password: PASSWORD } });
    expect(res.status).toBe(200);
    const account = ((await res.json()) as { account: { id: string } }).account;
    return { id: account.id, email, cookie: sessionCookie(res), code: inviteCode(body.url) };
  }

  it('invites someone by email and role, and the link says whose team and what role before they accept', async () => {
    const owner = await merchant('Jade Leaf Teas');
    const email = uniqueEmail('staff');
    const { status, body } = await asJson(await host.call('POST', '/api/merchant/team/invites', { cookie: owner.cookie, origin: HOST_ORIGIN, body: { email, role: 'manager' } }));
    expect(status).toBe(200);
    expect(body.url).toMatch(/\/console\/join\/[A-Za-z0-9_-]{32}$/);
    const preview = await asJson(await host.call('GET', `/api/team-invites/${inviteCode(body.url)}`));
    expect(preview.body).toMatchObject({ merchantId: owner.id, merchantName: 'Jade Leaf Teas', email, role: 'manager' });
    const team = await asJson(await host.call('GET', '/api/merchant/team', { cookie: owner.cookie }));
    expect(team.body).toMatchObject({ staff: [], invites: [{ email, role: 'manager', state: 'pending' }] });
  });

  it('signs the new member in to the console, acting for the merchant, with their own name and role', async () => {
    const owner = await merchant('Jade Leaf Teas');
    const m = await joined(owner, 'manager', 'Li Wei');
    const me = await asJson(await host.call('GET', '/api/me', { cookie: m.cookie }));
    expect(me.body).toMatchObject({ id: m.id, kind: 'staff', displayName: 'Li Wei', staff: { merchantId: owner.id, merchantName: 'Jade Leaf Teas', role: 'manager' } });
    expect(m.cookie).toMatch(/^atrium_merchant=/);
    expect((await asJson(await host.call('GET', '/api/test/customers', { cookie: m.cookie }))).body).toEqual({ merchantId: owner.id, actorId: m.id, role: 'manager' });
    // The console's one sign-in form: the staff email with kind merchant.
    const login = await asJson(await host.call('POST', '/api/auth/login', { body: { email: m.email, password: PASSWORD, kind: 'merchant' } }));
    expect(login.body.account).toMatchObject({ id: m.id, kind: 'staff' });
    expect((await asJson(await host.call('GET', '/api/test/customers', { bearer: login.body.token }))).body.merchantId).toBe(owner.id);
  });

  it("keeps a manager and staff out of the owners' routes and staff out of the managers'", async () => {
    const owner = await merchant();
    const manager = await joined(owner, 'manager');
    const staff = await joined(owner, 'staff');
    const co = await joined(owner, 'owner');
    const refused = await asJson(await host.call('GET', '/api/test/owners-only', { cookie: manager.cookie }));
    expect(refused).toEqual({ status: 403, body: { error: { code: 'forbidden', message: expect.stringContaining('you are a manager') } } });
    expect((await host.call('GET', '/api/merchant/team', { cookie: manager.cookie })).status).toBe(403);
    expect((await host.call('POST', '/api/merchant/team/invites', { cookie: staff.cookie, origin: HOST_ORIGIN, body: { email: uniqueEmail(), role: 'owner' } })).status).toBe(403);
    expect((await host.call('GET', '/api/test/customers', { cookie: staff.cookie })).status).toBe(403);
    expect((await asJson(await host.call('GET', '/api/test/owners-only', { cookie: co.cookie }))).body).toEqual({ merchantId: owner.id });
  });

  it('takes an invitation up once: a second accept, a withdrawn or an expired one is 410', async () => {
    const owner = await merchant();
    const m = await joined(owner, 'staff');
    const again = await asJson(await host.call('POST', `/api/team-invites/${m.code}/accept`, { body: { displayName: 'Again', password: PASSWORD } }));
    expect(again).toMatchObject({ status: 410, body: { error: { code: 'expired' } } });

    const { body } = await asJson(await host.call('POST', '/api/merchant/team/invites', { cookie: owner.cookie, origin: HOST_ORIGIN, body: { email: uniqueEmail(), role: 'staff' } }));
    await host.call('DELETE', `/api/merchant/team/invites/${body.invite.id}`, { cookie: owner.cookie, origin: HOST_ORIGIN });
    expect((await host.call('GET', `/api/team-invites/${inviteCode(body.url)}`)).status).toBe(410);

    const late = await asJson(await host.call('POST', '/api/merchant/team/invites', { cookie: owner.cookie, origin: HOST_ORIGIN, body: { email: uniqueEmail(), role: 'staff' } }));
    host.clock.advance(8 * 24 * 3600_000);
    expect((await host.call('POST', `/api/team-invites/${inviteCode(late.body.url)}/accept`, { body: { displayName: 'Late', password: PASSWORD } })).status).toBe(410);
  });

  it('makes one account when the same invitation is accepted twice at once', async () => {
    const owner = await merchant();
    const { body } = await asJson(await host.call('POST', '/api/merchant/team/invites', { cookie: owner.cookie, origin: HOST_ORIGIN, body: { email: uniqueEmail(), role: 'staff' } }));
    const code = inviteCode(body.url);
    const answers = await Promise.all([1, 2, 3].map(() => host.call('POST', `/api/team-invites/${code}/accept`, { body: { displayName: 'Twin', password: PASSWORD } })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 410, 410]);
    expect((await asJson(await host.call('GET', '/api/merchant/team', { cookie: owner.cookie }))).body.staff).toHaveLength(1);
  });

  it('applies a changed role to the next request, and a removal ends every session and frees the email', async () => {
    const owner = await merchant();
    const m = await joined(owner, 'manager');
    await host.call('POST', `/api/merchant/team/${m.id}/role`, { cookie: owner.cookie, origin: HOST_ORIGIN, body: { role: 'staff' } });
    expect((await host.call('GET', '/api/test/customers', { cookie: m.cookie })).status).toBe(403);

    expect((await host.call('DELETE', `/api/merchant/team/${m.id}`, { cookie: owner.cookie, origin: HOST_ORIGIN })).status).toBe(200);
    expect((await host.call('GET', '/api/me', { cookie: m.cookie })).status).toBe(401);
    expect((await host.call('POST', '/api/auth/login', { body: { email: m.email, password: PASSWORD, kind: 'merchant' } })).status).toBe(401);
    // Another merchant may now invite that email.
    const other = await merchant();
    const { body } = await asJson(await host.call('POST', '/api/merchant/team/invites', { cookie: other.cookie, origin: HOST_ORIGIN, body: { email: m.email, role: 'staff' } }));
    expect((await host.call('POST', `/api/team-invites/${inviteCode(body.url)}/accept`, { body: { displayName: 'Li Wei', password: PASSWORD } })).status).toBe(200);
  });

  it("refuses to touch another merchant's team: its members and invitations are not found", async () => {
    const [a, b] = [await merchant(), await merchant()];
    const m = await joined(a, 'staff');
    const { body } = await asJson(await host.call('POST', '/api/merchant/team/invites', { cookie: a.cookie, origin: HOST_ORIGIN, body: { email: uniqueEmail(), role: 'staff' } }));
    expect((await host.call('POST', `/api/merchant/team/${m.id}/role`, { cookie: b.cookie, origin: HOST_ORIGIN, body: { role: 'owner' } })).status).toBe(404);
    expect((await host.call('DELETE', `/api/merchant/team/${m.id}`, { cookie: b.cookie, origin: HOST_ORIGIN })).status).toBe(404);
    expect((await host.call('DELETE', `/api/merchant/team/invites/${body.invite.id}`, { cookie: b.cookie, origin: HOST_ORIGIN })).status).toBe(404);
    expect((await asJson(await host.call('GET', '/api/merchant/team', { cookie: b.cookie }))).body).toEqual({ staff: [], invites: [] });
  });

  it('answers bad input with 400 and a stable code, inviting nobody', async () => {
    const owner = await merchant();
    const bad = [{ email: 'not-an-email', role: 'staff' }, { email: uniqueEmail(), role: 'boss' }, { email: uniqueEmail(), role: 'staff', extra: 1 }, { email: `a\u0000b@example.com`, role: 'staff' }];
    for (const body of bad) {
      const res = await asJson(await host.call('POST', '/api/merchant/team/invites', { cookie: owner.cookie, origin: HOST_ORIGIN, body }));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(['invalid_args', 'invalid_request']).toContain(res.body.error.code);
    }
    expect((await host.call('GET', '/api/team-invites/short')).status).toBe(400);
    expect((await host.call('GET', `/api/team-invites/${'x'.repeat(32)}`)).status).toBe(404);
    const { body } = await asJson(await host.call('POST', '/api/merchant/team/invites', { cookie: owner.cookie, origin: HOST_ORIGIN, body: { email: uniqueEmail(), role: 'staff' } }));
    const weak = await asJson(await host.call('POST', `/api/team-invites/${inviteCode(body.url)}/accept`, { body: { displayName: 'Li', password: 'short' } }));
    expect(weak).toMatchObject({ status: 400, body: { error: { code: 'invalid_args', message: expect.stringContaining('password') } } });
    // The refused attempt left the invitation open.
    expect((await host.call('POST', `/api/team-invites/${inviteCode(body.url)}/accept`, { body: { displayName: 'Li', password: PASSWORD } })).status).toBe(200);
    expect((await asJson(await host.call('GET', '/api/merchant/team', { cookie: owner.cookie }))).body.invites.filter((i: { state: string }) => i.state === 'pending')).toHaveLength(0);
  });
});

describe.each(testDatabases())('the migration that lets accounts be staff, on $name', (tdb) => {
  it('keeps every account and what refers to it, and still refuses a kind it does not know', async () => {
    const { migrate } = await import('../../host/db/index.ts');
    const { identityMigrations } = await import('../../host/modules/identity/index.ts');
    const db = await tdb.create();
    try {
      const before = Object.fromEntries(Object.entries(identityMigrations).filter(([name]) => name < '2026-12-08-80'));
      await migrate(db.kysely, [before]);
      const at = '2026-12-01T00:00:00.000Z';
      await db.kysely.insertInto('identity_accounts').values([
        { id: 'm1', kind: 'merchant', email: 'shop@example.com', display_name: 'Shop', password_hash: 'x', created_at: at, disabled: 0, sessions_valid_from: null },
        { id: 'u1', kind: 'user', email: 'mei@example.com', display_name: 'Mei', password_hash: 'x', created_at: at, disabled: 0, sessions_valid_from: at },
      ]).execute();
      await db.kysely.insertInto('identity_app_credentials').values({ app_id: 'shop', merchant_id: 'm1', secret_hash: 'h', created_at: at }).execute();
      await db.kysely.insertInto('identity_login_codes').values({ code: 'c1', app_id: 'shop', account_id: 'u1', expires_at: at, used_at: null }).execute();

      await migrate(db.kysely, [identityMigrations]);
      expect(await db.kysely.selectFrom('identity_accounts').select(['id', 'kind', 'sessions_valid_from']).orderBy('id').execute()).toEqual([
        { id: 'm1', kind: 'merchant', sessions_valid_from: null },
        { id: 'u1', kind: 'user', sessions_valid_from: at },
      ]);
      expect(await db.kysely.selectFrom('identity_login_codes').select('account_id').execute()).toEqual([{ account_id: 'u1' }]);
      await db.kysely.insertInto('identity_accounts').values({ id: 's1', kind: 'staff', email: 'li@example.com', display_name: 'Li', password_hash: 'x', created_at: at, disabled: 0, sessions_valid_from: null }).execute();
      await expect(db.kysely.insertInto('identity_accounts').values({ id: 'x1', kind: 'robot', email: 'r@example.com', display_name: 'R', password_hash: 'x', created_at: at, disabled: 0, sessions_valid_from: null }).execute()).rejects.toThrow();
      // References still hold after the rebuild: a login code for nobody is refused.
      await expect(db.kysely.insertInto('identity_login_codes').values({ code: 'c2', app_id: 'shop', account_id: 'nobody', expires_at: at, used_at: null }).execute()).rejects.toThrow();
      await expect(db.kysely.insertInto('identity_accounts').values({ id: 'm2', kind: 'merchant', email: 'shop@example.com', display_name: 'Dup', password_hash: 'x', created_at: at, disabled: 0, sessions_valid_from: null }).execute()).rejects.toThrow();
    } finally {
      await db.close();
    }
  });
});
