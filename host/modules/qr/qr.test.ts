import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/support/databases.ts';
import { readQrPng } from '../../../test/support/qr.ts';
import { migrate, type Db } from '../../db/index.ts';
import { createQr, qrMigrations, type Qr } from './index.ts';

describe.each(testDatabases())('QR lead capture on $name', (tdb) => {
  let db: Db<any>;
  let qr: Qr;
  let time = Date.parse('2026-12-08T10:00:00Z');
  const joined: string[] = [];
  const welcomed: string[] = [];
  let failWelcome = false;
  let n = 0;
  const user = () => `user-${++n}`;

  beforeAll(async () => {
    db = await tdb.create();
    await migrate(db.kysely, [qrMigrations]);
    qr = createQr({
      db: db.kysely,
      linkOf: (id) => `https://atrium.test/q/${id}`,
      clock: () => new Date(time),
      ports: {
        joinGroup: async (m, g, u) => void joined.push(`${m}/${g}/${u}`),
        welcome: async (m, u, text) => {
          if (failWelcome) throw new Error('messaging is down');
          welcomed.push(`${m}/${u}/${text}`);
        },
      },
    });
  });
  afterAll(() => db.close());

  const code = (over: Partial<Parameters<Qr['codes']['create']>[1]> = {}, merchantId = 'shop') =>
    qr.codes.create(merchantId, { appId: 'tea', page: 'pages/menu', scene: 'table=7', name: 'Table 7', channel: 'table', campaign: 'Winter', store: 'Jing An', ...over });

  describe('codes', () => {
    it('stands for its program, page and a long scene, and draws as a PNG and an SVG that read back as its link', async () => {
      const scene = 'store=jingan&table=7&'.repeat(200);
      const c = await code({ scene });
      expect(c.codeId).toMatch(/^[A-Za-z0-9]{10}$/);
      expect(c.scene).toBe(scene);
      for (const size of [128, 512, 1024]) {
        const png = await qr.codes.image(c.codeId, { format: 'png', size, level: 'H' });
        expect(readQrPng(png.body as Uint8Array)).toBe(`https://atrium.test/q/${c.codeId}`);
      }
      const svg = await qr.codes.image(c.codeId, { format: 'svg', size: 512, level: 'M' });
      expect(svg.type).toBe('image/svg+xml');
      expect(String(svg.body)).toMatch(/^<svg[^>]*viewBox/);
    });

    it('makes a batch, one code per item, each with its own scene and staff', async () => {
      const { batchId, codes } = await qr.codes.batch('shop', { appId: 'tea', page: 'pages/menu', channel: 'badge', campaign: 'Staff' }, [
        { name: 'Li', scene: 'staff=li', staff: 'Li' },
        { name: 'Wang', scene: 'staff=wang', staff: 'Wang' },
      ]);
      expect(codes.map((c) => [c.name, c.staff, c.batchId])).toEqual([['Li', 'Li', batchId], ['Wang', 'Wang', batchId]]);
      expect((await qr.codes.list('shop', { batchId })).map((c) => c.name).sort()).toEqual(['Li', 'Wang']);
    });

    it("keeps one merchant's codes from another", async () => {
      const mine = await code({}, 'shop-a');
      await expect(qr.codes.get('shop-b', mine.codeId)).rejects.toMatchObject({ code: 'not_found' });
      await expect(qr.codes.update('shop-b', mine.codeId, { paused: true })).rejects.toMatchObject({ code: 'not_found' });
      expect(await qr.codes.list('shop-b')).toEqual([]);
    });
  });

  describe('scans', () => {
    it('records every scan, counts a repeat within ten minutes once, and moves first and last touch', async () => {
      const [table, bar] = [await code(), await code({ name: 'Bar' })];
      const u = user();
      const first = await qr.scan(table.codeId, { userId: u }, 'scan');
      expect(first).toMatchObject({ counted: true, firstTouch: true });
      time += 60_000;
      expect(await qr.scan(table.codeId, { userId: u }, 'scan')).toMatchObject({ counted: false, firstScanAt: first.firstScanAt });
      time += 11 * 60_000;
      expect(await qr.scan(bar.codeId, { userId: u }, 'scan')).toMatchObject({ counted: true, firstTouch: false });
      expect((await qr.codes.get('shop', table.codeId))).toMatchObject({ scans: 1, uniques: 1 });
      const touch = await db.kysely.selectFrom('qr_touches').selectAll().where('user_id', '=', u).executeTakeFirstOrThrow();
      expect([touch.first_code_id, touch.last_code_id]).toEqual([table.codeId, bar.codeId]);
    });

    it('refuses a paused, expired or used-up code with a clear reason, and records nothing', async () => {
      const paused = await code();
      await qr.codes.update('shop', paused.codeId, { paused: true });
      const soon = await code({ expiresAt: new Date(time + 1000).toISOString() });
      const once = await code({ maxScans: 1 });
      await qr.scan(once.codeId, { userId: user() }, 'scan');
      time += 2000;
      await expect(qr.scan(paused.codeId, { userId: user() }, 'scan')).rejects.toMatchObject({ code: 'expired', message: /paused/ });
      await expect(qr.scan(soon.codeId, { userId: user() }, 'scan')).rejects.toMatchObject({ code: 'expired', message: /expired/ });
      await expect(qr.scan(once.codeId, { userId: user() }, 'scan')).rejects.toMatchObject({ code: 'expired', message: /as many times/ });
      const recorded = await db.kysely.selectFrom('qr_scans').select('code_id').where('code_id', 'in', [paused.codeId, soon.codeId]).execute();
      expect(recorded).toEqual([]);
    });

    it('takes a capped code\'s last scan once when many scan at the same moment', async () => {
      const c = await code({ maxScans: 3 });
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => qr.scan(c.codeId, { userId: user() }, 'scan')));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      expect((await qr.codes.get('shop', c.codeId)).scans).toBe(3);
    });

    it("joins a visitor's scans to the user they sign in as, touches included", async () => {
      const c = await code();
      const visitor = 'visitor-aaaaaaaaaaaaaaaa';
      await qr.scan(c.codeId, { visitorId: visitor }, 'scan');
      const u = user();
      expect(await qr.claim(visitor, u)).toBe(1);
      await qr.idle();
      const touch = await db.kysely.selectFrom('qr_touches').selectAll().where('user_id', '=', u).executeTakeFirstOrThrow();
      expect(touch.first_code_id).toBe(c.codeId);
      expect(await qr.claim(visitor, user())).toBe(0);
    });
  });

  describe('actions on scan', () => {
    it('tags, joins the group, welcomes and credits the staff member once per person and code', async () => {
      const c = await code({ staff: 'Li', actions: { tags: ['winter', 'table'], group: 'vip', welcome: 'Welcome to Tea House!', assignStaff: true } });
      const u = user();
      await qr.scan(c.codeId, { userId: u }, 'scan');
      time += 20 * 60_000;
      await qr.scan(c.codeId, { userId: u }, 'scan');
      await qr.idle();
      expect(joined.filter((j) => j.endsWith(`/${u}`))).toEqual([`shop/vip/${u}`]);
      expect(welcomed.filter((w) => w.includes(`/${u}/`))).toEqual([`shop/${u}/Welcome to Tea House!`]);
      const tags = await db.kysely.selectFrom('qr_lead_tags').select('tag').where('user_id', '=', u).orderBy('tag').execute();
      expect(tags.map((t) => t.tag)).toEqual(['table', 'winter']);
      expect((await db.kysely.selectFrom('qr_touches').select('staff').where('user_id', '=', u).executeTakeFirstOrThrow()).staff).toBe('Li');
    });

    it('records an action that failed without holding up the scan or the other actions', async () => {
      const c = await code({ actions: { tags: ['x'], welcome: 'hi' } });
      const u = user();
      failWelcome = true;
      await expect(qr.scan(c.codeId, { userId: u }, 'scan')).resolves.toMatchObject({ counted: true });
      await qr.idle();
      failWelcome = false;
      const done = await db.kysely.selectFrom('qr_actions_done').select(['action', 'error']).where('user_id', '=', u).orderBy('action').execute();
      expect(done).toEqual([{ action: 'tags', error: null }, { action: 'welcome', error: 'messaging is down' }]);
    });
  });

  describe('attribution and numbers', () => {
    const pay = (orderId: string, userId: string, amount: number, firstOrder = true) =>
      qr.attribution.attribute({ orderId, merchantId: 'shop-n', userId, amount, currency: 'CNY', paidAt: new Date(time).toISOString(), firstOrder });

    it('credits an order paid within seven days of the last touch, not one after, and each order once', async () => {
      const c = await code({ name: 'Poster' }, 'shop-n');
      const u = user();
      await qr.scan(c.codeId, { userId: u }, 'scan');
      time += 6 * 24 * 3600_000;
      expect(await pay('ord-in', u, 68_00)).toBe(c.codeId);
      expect(await pay('ord-in', u, 68_00)).toBe(c.codeId);
      time += 2 * 24 * 3600_000;
      expect(await pay('ord-late', u, 12_00, false)).toBeNull();
      const credited = await db.kysely.selectFrom('qr_attributions').select('order_id').where('code_id', '=', c.codeId).execute();
      expect(credited.map((r) => r.order_id)).toEqual(['ord-in']);
    });

    it('reports scans, scanners, new and paying customers and revenue per code and per campaign', async () => {
      const [a, b] = [await code({ name: 'A', campaign: 'Spring' }, 'shop-r'), await code({ name: 'B', campaign: 'Spring' }, 'shop-r')];
      const [u1, u2, u3] = [user(), user(), user()];
      for (const u of [u1, u2]) await qr.scan(a.codeId, { userId: u }, 'scan');
      await qr.scan(b.codeId, { userId: u3 }, 'scan');
      await qr.attribution.attribute({ orderId: 'r-1', merchantId: 'shop-r', userId: u1, amount: 100_00, currency: 'CNY', paidAt: new Date(time).toISOString(), firstOrder: true });
      const byCode = await qr.reports.report('shop-r', 'code');
      expect(byCode.find((r) => r.key === a.codeId)).toMatchObject({ label: 'A', scans: 2, scanners: 2, newCustomers: 2, payingCustomers: 1, orders: 1, firstOrders: 1, revenue: { CNY: 100_00 }, conversion: 0.5 });
      expect(await qr.reports.report('shop-r', 'campaign')).toMatchObject([{ key: 'Spring', codes: 2, scans: 3, newCustomers: 3, revenue: { CNY: 100_00 } }]);
      expect((await qr.reports.daily('shop-r')).reduce((s, d) => s + d.scans, 0)).toBe(3);
    });
  });
});
