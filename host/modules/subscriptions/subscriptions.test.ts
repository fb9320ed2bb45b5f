import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestSchema } from '../../../sdk/contract/index.ts';
import { testDatabases } from '../../../test/support/databases.ts';
import { migrate, type Db } from '../../db/index.ts';
import type { IdempotencyClaim } from '../../http/index.ts';
import { createMemoryBus, createTopicLog, realtimeMigrations, type FeedMessage } from '../../realtime/index.ts';
import { appsMigrations, createAppsService, createLifecycle, type Checker } from '../apps/index.ts';
import { createMessaging, messagingMigrations, type InboxEvent, type Messaging } from '../messaging/index.ts';
import { webhooksMigrations } from '../webhooks/index.ts';
import { createSubscriptions, subscriptionsMigrations, type Subscriptions } from './index.ts';

const shipped = { id: 'order-shipped', title: 'Order shipped', fields: [{ key: 'order', label: 'Order', type: 'text' }, { key: 'carrier', label: 'Carrier', type: 'text' }, { key: 'total', label: 'Total', type: 'money' }, { key: 'eta', label: 'Arrives', type: 'date' }, { key: 'boxes', label: 'Boxes', type: 'number' }] };
const restock = { id: 'restock', title: 'Back in stock', fields: [{ key: 'item', label: 'Tea', type: 'text' }] };
const manifest = manifestSchema.parse({
  name: 'Tea House',
  version: '1.0.0',
  pages: ['pages/index', 'pages/result'],
  permissions: { subscribe: { reason: 'to tell you when your order ships' } },
  subscriptions: { templates: [shipped, restock] },
});
const fields = { order: 'TH-1001', carrier: 'SF Express', total: { amount: 4800, currency: 'CNY' }, eta: '2026-12-10', boxes: 2 };

describe.each(testDatabases())('subscription messages on $name', (tdb) => {
  let db: Db<any>;
  let subs: Subscriptions;
  let messaging: Messaging;
  let versionId: string;
  const bus = createMemoryBus();
  let n = 0;

  beforeAll(async () => {
    db = await tdb.create();
    await migrate(db.kysely, [realtimeMigrations, appsMigrations, messagingMigrations, webhooksMigrations, subscriptionsMigrations]);
    const topics = createTopicLog(db.kysely, bus);
    const apps = createAppsService(db.kysely);
    // Only `app` (whose app it is) is used here; nothing is submitted.
    const lifecycle = createLifecycle(db.kysely, (async () => { throw new Error('no checks here'); }) as unknown as Checker);
    messaging = createMessaging({ db: db.kysely, topics, displayName: async (p) => `name of ${p}`, merchantExists: async () => true });
    subs = createSubscriptions({ db: db.kysely, topics, apps, lifecycle, notices: messaging.notices });
    await apps.createApp({ id: 'shop', merchantId: 'm-tea', name: 'Tea House', category: 'shopping', description: 'tea' });
    versionId = await apps.publish('shop', { manifest, bundle: 'x', assets: [] });
    await apps.createApp({ id: 'other-shop', merchantId: 'm-other', name: 'Other', category: 'shopping', description: 'other' });
    await apps.publish('other-shop', { manifest: { ...manifest, name: 'Other' }, bundle: 'x', assets: [] });
  });
  afterAll(async () => {
    await bus.close();
    await db.close();
  });

  /** A new user who accepted `templates` in the shop (each id once per mention). */
  async function subscriber(...templates: (typeof shipped | typeof restock)[]) {
    const userId = `user-${++n}`;
    const openid = `oid-${userId}`;
    await subs.grants.record({ appId: 'shop', merchantId: 'm-tea', appName: 'Tea House', versionId, userId, openid }, templates);
    return { userId, openid };
  }
  const send = (openid: string, over: Record<string, unknown> = {}, who: { merchantId: string; appId?: string } = { merchantId: 'm-tea' }, claim?: IdempotencyClaim) =>
    subs.send(who, 'shop', { openid, templateId: 'order-shipped', fields, page: 'pages/result', query: { orderId: 'TH-1001' }, ...over } as never, claim);
  const events = async (type: string) => (await db.kysely.selectFrom('webhook_events').select(['merchant_id', 'payload', 'subject']).where('type', '=', type).execute()).map((e) => ({ merchantId: e.merchant_id, subject: e.subject, data: JSON.parse(e.payload).data }));

  it("sends once per acceptance to the user's service notifications, with the template's labels and the page to open, then refuses with no_grant", async () => {
    const { userId, openid } = await subscriber(shipped, restock);
    await subs.grants.record({ appId: 'shop', merchantId: 'm-tea', appName: 'Tea House', versionId, userId, openid }, [shipped]);
    expect(await subs.grants.listFor(userId)).toEqual([
      expect.objectContaining({ appId: 'shop', appName: 'Tea House', templateId: 'order-shipped', title: 'Order shipped', unused: 2 }),
      expect.objectContaining({ templateId: 'restock', title: 'Back in stock', unused: 1 }),
    ]);
    const heard: FeedMessage<InboxEvent>[] = [];
    const sub = await messaging.inbox(`u:${userId}`).follow(0, (e) => heard.push(e));
    const first = await send(openid);
    expect(first).toMatchObject({ replayed: false, result: { message: { appId: 'shop', openid, templateId: 'order-shipped', page: 'pages/result', id: expect.stringMatching(/^sm_/) } } });
    await until(() => heard.some((e) => e.data.t === 'message'));
    sub.close();
    const live = heard.find((e) => e.data.t === 'message')!.data as Extract<InboxEvent, { t: 'message' }>;
    expect(live.message).toMatchObject({ kind: 'notice', sender: { id: 'system' } });
    expect(live.message.body).toEqual({
      appId: 'shop',
      appName: 'Tea House',
      templateId: 'order-shipped',
      title: 'Order shipped',
      fields: [
        { key: 'order', label: 'Order', type: 'text', value: 'TH-1001' },
        { key: 'carrier', label: 'Carrier', type: 'text', value: 'SF Express' },
        { key: 'total', label: 'Total', type: 'money', value: '¥48.00' },
        { key: 'eta', label: 'Arrives', type: 'date', value: '2026-12-10' },
        { key: 'boxes', label: 'Boxes', type: 'number', value: '2' },
      ],
      page: 'pages/result',
      query: { orderId: 'TH-1001' },
    });
    const conversationId = await messaging.notices.conversationOf(userId);
    expect(live.message.conversationId).toBe(conversationId);
    await send(openid, { query: undefined });
    await expect(send(openid)).rejects.toMatchObject({ code: 'no_grant' });
    expect((await messaging.messages.history(`u:${userId}`, conversationId!)).map((m) => m.kind)).toEqual(['notice', 'notice']);
    expect(await subs.grants.listFor(userId)).toEqual([expect.objectContaining({ templateId: 'restock', unused: 1 })]);
    expect(await send(openid, { templateId: 'restock', fields: { item: 'Longjing' } })).toMatchObject({ result: { message: { templateId: 'restock' } } });
  });

  it('refuses a user who never accepted, and tells the merchant of each acceptance', async () => {
    await expect(send('oid-nobody')).rejects.toMatchObject({ code: 'no_grant' });
    const { openid } = await subscriber(shipped, restock);
    expect((await events('subscription.accepted')).find((e) => e.data.openid === openid)).toEqual({
      merchantId: 'm-tea',
      subject: openid,
      data: { appId: 'shop', openid, templateIds: ['order-shipped', 'restock'], acceptedAt: expect.any(String) },
    });
  });

  it('checks every field against the template, naming each bad one, and uses no grant for a refused send', async () => {
    const { userId, openid } = await subscriber(shipped);
    const refused = (over: Record<string, unknown>) => send(openid, over).then(() => 'sent', (e: { code: string; message: string }) => `${e.code}: ${e.message}`);
    expect(await refused({ fields: { ...fields, carrier: undefined } })).toMatch(/^invalid_args: fields\.carrier \(text\)/);
    expect(await refused({ fields: { ...fields, colour: 'green' } })).toMatch(/^invalid_args: fields: "order-shipped" has no field "colour"/);
    expect(await refused({ fields: { ...fields, carrier: 'x'.repeat(101) } })).toMatch(/fields\.carrier \(text\)/);
    expect(await refused({ fields: { ...fields, total: { amount: 4800, currency: 'XXX' } } })).toMatch(/fields\.total\.currency \(money\)/);
    expect(await refused({ fields: { ...fields, total: { amount: 48.5, currency: 'CNY' } } })).toMatch(/fields\.total\.amount \(money\)/);
    expect(await refused({ fields: { ...fields, eta: 'next tuesday' } })).toMatch(/fields\.eta \(date\): a date like 2026-12-08/);
    expect(await refused({ fields: { ...fields, boxes: '2' } })).toMatch(/fields\.boxes \(number\)/);
    expect(await refused({ templateId: 'newsletter' })).toMatch(/^invalid_args: templateId: version 1\.0\.0 of the app declares no template "newsletter"; it declares "order-shipped", "restock"/);
    expect(await refused({ page: 'pages/secret' })).toMatch(/^invalid_args: page: version 1\.0\.0 has no page "pages\/secret"/);
    expect(await refused({ fields: { ...fields, eta: '2026-12-10T18:00:00+08:00' } })).toBe('sent');
    expect(await subs.grants.listFor(userId)).toEqual([]);
  });

  it("refuses another merchant's send, and a secret of another app, as if the app did not exist, using nothing", async () => {
    const { userId, openid } = await subscriber(shipped);
    await expect(send(openid, {}, { merchantId: 'm-other' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(send(openid, {}, { merchantId: 'm-tea', appId: 'other-shop' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(subs.send({ merchantId: 'm-other', appId: 'other-shop' }, 'other-shop', { openid, templateId: 'order-shipped', fields, page: 'pages/result' })).rejects.toMatchObject({ code: 'no_grant' });
    expect(await subs.grants.listFor(userId)).toEqual([expect.objectContaining({ unused: 1 })]);
    await expect(send(openid, {}, { merchantId: 'm-tea', appId: 'shop' })).resolves.toMatchObject({ replayed: false });
  });

  it('answers the same Idempotency-Key with the first result and sends once; the key on another request is a conflict', async () => {
    const { userId, openid } = await subscriber(shipped, shipped);
    const claim = (hash: string): IdempotencyClaim => ({ scope: 'app:shop', key: `ship-${openid}`, hash });
    const first = await send(openid, {}, undefined, claim('h1'));
    const again = await send(openid, {}, undefined, claim('h1'));
    expect(again).toEqual({ replayed: true, result: first.result });
    await expect(send(openid, {}, undefined, claim('h2'))).rejects.toMatchObject({ code: 'conflict' });
    expect(await subs.grants.listFor(userId)).toEqual([expect.objectContaining({ unused: 1 })]);
    expect(await messaging.messages.history(`u:${userId}`, (await messaging.notices.conversationOf(userId))!)).toHaveLength(1);
  });

  it('lets the user take back unused grants, of one template or the whole app; the merchant hears it and can use none of them', async () => {
    const { userId, openid } = await subscriber(shipped, shipped, restock);
    const someoneElse = await subscriber(shipped);
    expect(await subs.grants.revoke(userId, 'shop', 'order-shipped')).toBe(2);
    await expect(send(openid)).rejects.toMatchObject({ code: 'no_grant' });
    expect(await subs.grants.listFor(userId)).toEqual([expect.objectContaining({ templateId: 'restock', unused: 1 })]);
    expect(await subs.grants.revoke(userId, 'shop')).toBe(1);
    expect(await subs.grants.revoke(userId, 'shop')).toBe(0);
    await expect(send(openid, { templateId: 'restock', fields: { item: 'Longjing' } })).rejects.toMatchObject({ code: 'no_grant' });
    expect(await subs.grants.listFor(userId)).toEqual([]);
    // Nobody else's grants moved.
    expect(await subs.grants.revoke(userId, 'shop', 'order-shipped')).toBe(0);
    expect(await subs.grants.listFor(someoneElse.userId)).toEqual([expect.objectContaining({ unused: 1 })]);
    expect((await events('subscription.revoked')).filter((e) => e.data.openid === openid).map((e) => e.data.revoked)).toEqual([[{ templateId: 'order-shipped', count: 2 }], [{ templateId: 'restock', count: 1 }]]);
  });

  it('uses each grant once when sends race: as many succeed as there were grants, the rest are refused', async () => {
    const { userId, openid } = await subscriber(shipped, shipped);
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => send(openid)));
    const sent = outcomes.filter((o) => o.status === 'fulfilled');
    expect(sent).toHaveLength(2);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(['no_grant', 'no_grant', 'no_grant']);
    const grants = await db.kysely.selectFrom('sub_grants').select(['status', 'send_id']).where('user_id', '=', userId).execute();
    expect(grants.map((g) => g.status)).toEqual(['used', 'used']);
    expect(new Set(grants.map((g) => g.send_id)).size).toBe(2);
    expect(await messaging.messages.history(`u:${userId}`, (await messaging.notices.conversationOf(userId))!)).toHaveLength(2);

    const one = await subscriber(shipped);
    const pair = await Promise.allSettled([send(one.openid), send(one.openid)]);
    expect(pair.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('forgets an erased user: their grants go, so nothing more can be sent to them', async () => {
    const { userId, openid } = await subscriber(shipped, shipped);
    await send(openid);
    await subs.grants.eraseUser(userId);
    expect(await subs.grants.everything(userId)).toEqual([]);
    await expect(send(openid)).rejects.toMatchObject({ code: 'no_grant' });
  });
});

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
