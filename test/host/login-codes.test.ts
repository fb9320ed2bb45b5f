import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeLoginCode } from '../../sdk/server/index.ts';
import { testDatabases } from '../support/databases.ts';
import { PASSWORD, signUp, startTestHost, uniqueEmail, type TestHost } from './support.ts';

describe.each(testDatabases())('login codes on $name', (tdb) => {
  let host: TestHost;
  let merchantId: string;
  let shop: { appId: string; appSecret: string };
  let cafe: { appId: string; appSecret: string };
  let rival: { appId: string; appSecret: string };

  beforeAll(async () => {
    host = await startTestHost(tdb);
    const merchant = await host.identity.createAccount('merchant', { email: uniqueEmail('m'), password: PASSWORD, displayName: 'Tea House' });
    const other = await host.identity.createAccount('merchant', { email: uniqueEmail('r'), password: PASSWORD, displayName: 'Rival' });
    merchantId = merchant.id;
    shop = await host.identity.createAppSecret(merchant.id, 'tea-shop');
    cafe = await host.identity.createAppSecret(merchant.id, 'tea-cafe');
    rival = await host.identity.createAppSecret(other.id, 'rival-shop');
  });
  afterAll(async () => {
    await host?.close();
  });

  const exchange = (appId: string, body: object, headers?: Record<string, string>) =>
    host.call('POST', `/api/apps/${encodeURIComponent(appId)}/login-codes/exchange`, { body, ...(headers ? { headers } : {}) });
  const basic = (appId: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${appId}:${secret}`).toString('base64')}` });

  it('trades a code for openid and unionid once; the second exchange is a conflict', async () => {
    const { account } = await signUp(host);
    const { code } = await host.identity.issueLoginCode(shop.appId, account.id);
    const first = await exchange(shop.appId, { code, appSecret: shop.appSecret });
    expect(first.status).toBe(200);
    const ids = await first.json();
    expect(ids).toEqual({ openid: host.identity.openidFor(shop.appId, account.id), unionid: host.identity.unionidFor(merchantId, account.id) });
    expect(JSON.stringify(ids)).not.toContain(account.id);

    const second = await exchange(shop.appId, { code, appSecret: shop.appSecret });
    expect(second.status).toBe(409);
    expect((await second.json()).error.code).toBe('conflict');
  });

  it('lets exactly one of several concurrent exchanges win', async () => {
    const { account } = await signUp(host);
    for (let round = 0; round < 5; round++) {
      const { code } = await host.identity.issueLoginCode(shop.appId, account.id);
      const results = await Promise.allSettled([
        host.identity.exchangeLoginCode(shop.appId, shop.appSecret, code),
        host.identity.exchangeLoginCode(shop.appId, shop.appSecret, code),
        host.identity.exchangeLoginCode(shop.appId, shop.appSecret, code),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'conflict' });
    }
  });

  it('refuses an expired code with its own stable code', async () => {
    const { account } = await signUp(host);
    const { code, expiresAt } = await host.identity.issueLoginCode(shop.appId, account.id);
    expect(Date.parse(expiresAt) - host.clock.now().getTime()).toBe(5 * 60 * 1000);
    host.clock.advance(5 * 60 * 1000);
    const res = await exchange(shop.appId, { code, appSecret: shop.appSecret });
    expect(res.status).toBe(410);
    expect((await res.json()).error.code).toBe('expired');
  });

  it('accepts a code just before it expires', async () => {
    const { account } = await signUp(host);
    const { code } = await host.identity.issueLoginCode(shop.appId, account.id);
    host.clock.advance(5 * 60 * 1000 - 1000);
    expect((await exchange(shop.appId, { code, appSecret: shop.appSecret })).status).toBe(200);
  });

  it("refuses a wrong secret, another app's secret, and another app's code, and none of them spends it", async () => {
    const { account } = await signUp(host);
    const { code } = await host.identity.issueLoginCode(shop.appId, account.id);
    const attempts: [string, object, number, string][] = [
      [shop.appId, { code, appSecret: 'wrong' }, 401, 'unauthorized'],
      [shop.appId, { code, appSecret: cafe.appSecret }, 401, 'unauthorized'],
      [shop.appId, { code, appSecret: rival.appSecret }, 401, 'unauthorized'],
      [shop.appId, { code }, 401, 'unauthorized'],
      [rival.appId, { code, appSecret: rival.appSecret }, 404, 'not_found'],
      [cafe.appId, { code, appSecret: cafe.appSecret }, 404, 'not_found'],
      ['no-such-app', { code, appSecret: shop.appSecret }, 401, 'unauthorized'],
      [shop.appId, { code: 'never-issued', appSecret: shop.appSecret }, 404, 'not_found'],
    ];
    for (const [appId, body, status, errorCode] of attempts) {
      const res = await exchange(appId, body);
      expect(res.status, `${appId} ${JSON.stringify(body)}`).toBe(status);
      expect((await res.json()).error.code).toBe(errorCode);
    }
    expect((await exchange(shop.appId, { code, appSecret: shop.appSecret })).status).toBe(200);
  });

  it('takes the app secret as Authorization: Basic, for the right app only', async () => {
    const { account } = await signUp(host);
    const { code } = await host.identity.issueLoginCode(shop.appId, account.id);
    expect((await exchange(shop.appId, { code }, basic(cafe.appId, cafe.appSecret))).status).toBe(401);
    expect((await exchange(shop.appId, { code }, basic(shop.appId, shop.appSecret))).status).toBe(200);
  });

  it('gives a user a different, stable openid per app and one unionid across a merchant\'s apps', async () => {
    const { account } = await signUp(host);
    const { account: other } = await signUp(host);
    const idsFor = async (app: { appId: string; appSecret: string }, userId: string) => {
      const { code } = await host.identity.issueLoginCode(app.appId, userId);
      return host.identity.exchangeLoginCode(app.appId, app.appSecret, code);
    };
    const inShop = await idsFor(shop, account.id);
    const inShopAgain = await idsFor(shop, account.id);
    const inCafe = await idsFor(cafe, account.id);
    const inRival = await idsFor(rival, account.id);
    const otherInShop = await idsFor(shop, other.id);
    expect(inShopAgain).toEqual(inShop);
    expect(inCafe.openid).not.toBe(inShop.openid);
    expect(inCafe.unionid).toBe(inShop.unionid);
    expect(inRival.unionid).not.toBe(inShop.unionid);
    expect(inRival.openid).not.toBe(inShop.openid);
    expect(otherInShop.openid).not.toBe(inShop.openid);
    for (const id of [inShop.openid, inShop.unionid]) expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('issues codes only to enabled users', async () => {
    const merchant = await host.identity.createAccount('merchant', { email: uniqueEmail(), password: PASSWORD, displayName: 'M' });
    await expect(host.identity.issueLoginCode(shop.appId, merchant.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(host.identity.issueLoginCode(shop.appId, 'nobody')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('rotates an app secret: the old one stops working, and only the owner may rotate', async () => {
    const merchant = await host.identity.createAccount('merchant', { email: uniqueEmail(), password: PASSWORD, displayName: 'Rotator' });
    const first = await host.identity.createAppSecret(merchant.id, 'rotating-app');
    await expect(host.identity.createAppSecret(merchant.id, 'rotating-app')).rejects.toMatchObject({ code: 'conflict' });
    await expect(host.identity.rotateAppSecret(merchantId, 'rotating-app')).rejects.toMatchObject({ code: 'not_found' });
    const second = await host.identity.rotateAppSecret(merchant.id, 'rotating-app');
    expect(second.appSecret).not.toBe(first.appSecret);
    await expect(host.identity.verifyAppSecret('rotating-app', first.appSecret)).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await host.identity.verifyAppSecret('rotating-app', second.appSecret)).toEqual({ merchantId: merchant.id });
    const stored = await host.db.kysely.selectFrom('identity_app_credentials').select('secret_hash').where('app_id', '=', 'rotating-app').executeTakeFirstOrThrow();
    expect(stored.secret_hash).not.toContain(second.appSecret);
  });

  it('is what sdk/server exchangeLoginCode talks to, with stable codes on failure', async () => {
    const { account } = await signUp(host);
    const { code } = await host.identity.issueLoginCode(shop.appId, account.id);
    const fetch = async (url: string, init: RequestInit) => host.app.request(url, init);
    const options = { baseUrl: 'http://localhost/', appId: shop.appId, appSecret: shop.appSecret, code, fetch };
    expect(await exchangeLoginCode(options)).toEqual({ openid: host.identity.openidFor(shop.appId, account.id), unionid: host.identity.unionidFor(merchantId, account.id) });
    await expect(exchangeLoginCode(options)).rejects.toMatchObject({ name: 'AtriumError', code: 'conflict' });
    await expect(exchangeLoginCode({ ...options, appSecret: 'nope' })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(exchangeLoginCode({ ...options, fetch: async () => { throw new TypeError('fetch failed'); } })).rejects.toMatchObject({ code: 'network_error' });
  });
});
