import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/support/databases.ts';
import { migrate, type Db } from '../../db/index.ts';
import { createLoginThrottle, type LoginAttempt, type LoginThrottle } from './login-throttle.ts';
import { identityMigrations } from './migrations.ts';
import { sourceOf } from './login-source.ts';

describe.each(testDatabases())('sign-in throttling on $name', (tdb) => {
  let db: Db<any>;
  let throttle: LoginThrottle;
  let time = Date.parse('2026-11-25T09:00:00Z');
  let n = 0;
  const account = () => `user:throttled-${++n}@example.com`;
  const allowed = (a: LoginAttempt) => throttle.check(a).then(() => true, (e) => (e.code === 'rate_limited' ? false : Promise.reject(e)));
  const fail = async (a: LoginAttempt, times: number) => {
    for (let i = 0; i < times; i++) await throttle.failed(a);
  };

  beforeAll(async () => {
    db = await tdb.create();
    await migrate(db.kysely, [identityMigrations]);
    // Small limits, the same shape as the real ones: 3 per pair, 6 per account, 8 per source.
    throttle = createLoginThrottle(db.kysely, { now: () => new Date(time), limits: { perAccountAndSource: 3, perAccount: 6, perSource: 8, windowMs: 60_000 } });
  });
  afterAll(() => db.close());

  it('refuses the source that failed against an account, and only that source', async () => {
    const a = account();
    await fail({ account: a, source: '203.0.113.1' }, 3);
    expect(await allowed({ account: a, source: '203.0.113.1' })).toBe(false);
    expect(await allowed({ account: a, source: '198.51.100.1' })).toBe(true);
  });

  it('refuses every source once failures from many reach the account-wide limit', async () => {
    const a = account();
    for (const last of [1, 2, 3]) await fail({ account: a, source: `192.0.2.${last}` }, 2);
    expect(await allowed({ account: a, source: '198.51.100.2' })).toBe(false);
  });

  it('refuses a source that fails across many accounts, for any account', async () => {
    const source = '203.0.113.99';
    for (let i = 0; i < 4; i++) await fail({ account: account(), source }, 2);
    expect(await allowed({ account: account(), source })).toBe(false);
    expect(await allowed({ account: account(), source: '203.0.113.100' })).toBe(true);
  });

  it("forgets a pair's failures on success, but not the account's", async () => {
    const a = account();
    await fail({ account: a, source: '192.0.2.50' }, 2);
    await throttle.succeeded({ account: a, source: '192.0.2.50' });
    await fail({ account: a, source: '192.0.2.50' }, 2);
    expect(await allowed({ account: a, source: '192.0.2.50' })).toBe(true);
    await fail({ account: a, source: '192.0.2.51' }, 2);
    expect(await allowed({ account: a, source: '192.0.2.52' })).toBe(false);
  });

  it('counts one IPv6 /64 as one source', async () => {
    const a = account();
    for (const host of ['1', '2', 'abcd:1']) await throttle.failed({ account: a, source: `2001:db8:1:2::${host}` });
    expect(await allowed({ account: a, source: '2001:db8:1:2:ffff::9' })).toBe(false);
    expect(await allowed({ account: a, source: '2001:db8:1:3::1' })).toBe(true);
  });

  it('lets the source in again once the window has passed', async () => {
    const a = account();
    await fail({ account: a, source: '192.0.2.60' }, 3);
    time += 60_000;
    expect(await allowed({ account: a, source: '192.0.2.60' })).toBe(true);
  });
});

describe('the source of a sign-in attempt', () => {
  it('is an IPv4 address as it is, also when written as IPv4-mapped IPv6', () => {
    expect(sourceOf('203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it("is an IPv6 address's /64, however the address is written", () => {
    expect(sourceOf('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(sourceOf('::1')).toBe('0:0:0:0::/64');
    expect(sourceOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
