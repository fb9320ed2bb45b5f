/**
 * QR lead capture (issue: QR): scans recorded per second through the real scan path, beside a
 * bare insert transaction at the same concurrency; and the attribution report over a million
 * scans and a hundred thousand credited orders, beside counting those scans the plain way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { migrate, open, sqliteDialect } from '../host/db/index.ts';
import { createQr, qrMigrations, type QrTables } from '../host/modules/qr/index.ts';
import { percentile, printFigures, type Figure } from './stats.ts';

const SCANS = 20_000;
const CONCURRENCY = 32;
const REPORT_SCANS = 1_000_000;
const REPORT_ORDERS = 100_000;
const CODES = 200;

async function rate(n: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < n) await task(next++);
  }));
  return n / ((performance.now() - t) / 1000);
}

function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-bench-qr-'));
  const db = open<any>(sqliteDialect(join(dir, 'bench.db')), 'sqlite');
  return { db, done: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
}

async function scanRate(): Promise<Figure[]> {
  const { db, done } = fresh();
  await migrate(db.kysely, [qrMigrations]);
  const qr = createQr({ db: db.kysely, linkOf: (id) => `/q/${id}`, ports: { joinGroup: async () => {}, welcome: async () => {} } });
  const codes = await Promise.all(Array.from({ length: 50 }, (_, i) => qr.codes.create('shop', { appId: 'tea', page: 'pages/menu', scene: `table=${i}`, name: `Table ${i}`, channel: 'table' })));
  const scans = await rate(SCANS, (i) => qr.scan(codes[i % codes.length]!.codeId, { userId: `u${i % 2000}` }, 'scan'));
  await qr.idle();
  await db.kysely.schema.createTable('bench_bare').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('v', 'text').execute();
  const bare = await rate(SCANS, (i) => db.kysely.transaction().execute((trx) => trx.insertInto('bench_bare').values({ id: `b${i}`, v: 'x' }).execute()));
  await done();
  return [{ name: 'QR scans recorded/s (SQLite)', value: scans, unit: '/s', baseline: { name: 'bare insert transaction', value: bare }, target: { kind: 'min', value: 5000 } }];
}

/** Rows in bulk, as a scan path of its own would have left them, without taking hours to get there. */
async function seed(db: Kysely<QrTables>): Promise<void> {
  const now = Date.parse('2026-12-01T00:00:00Z');
  const codes = Array.from({ length: CODES }, (_, i) => ({
    id: `code${String(i).padStart(6, '0')}`, merchant_id: 'shop', app_id: 'tea', page: 'pages/menu', query: '{}', scene: `t=${i}`, name: `Code ${i}`,
    campaign: `Campaign ${i % 10}`, store: `Store ${i % 20}`, staff: `Staff ${i % 40}`, channel: 'table' as const, batch_id: null, expires_at: null, max_scans: null,
    scans: REPORT_SCANS / CODES, uniques: Math.floor(REPORT_SCANS / CODES / 3), new_customers: 1500, payers: 400, paused: 0, actions: '{}', made_by: null, created_at: new Date(now).toISOString(),
  }));
  await db.insertInto('qr_codes').values(codes).execute();
  const page = 1000;
  for (let start = 0; start < REPORT_SCANS; start += page) {
    const rows = Array.from({ length: page }, (_, k) => {
      const i = start + k;
      return { id: `s${i}`, code_id: codes[i % CODES]!.id, merchant_id: 'shop', user_id: `u${i % 300_000}`, visitor_id: null, at: new Date(now + i * 1000).toISOString(), source: 'scan' as const, counted: 1 };
    });
    await db.insertInto('qr_scans').values(rows).execute();
  }
  for (let start = 0; start < 300_000; start += page) {
    await db.insertInto('qr_touches').values(Array.from({ length: page }, (_, k) => {
      const u = start + k;
      const at = new Date(now + u * 1000).toISOString();
      return { merchant_id: 'shop', user_id: `u${u}`, first_code_id: codes[u % CODES]!.id, first_at: at, last_code_id: codes[(u * 7) % CODES]!.id, last_at: at, staff: null };
    })).execute();
  }
  await db.insertInto('qr_code_revenue').values(codes.map((c) => ({ code_id: c.id, currency: 'CNY', orders: REPORT_ORDERS / CODES, first_orders: REPORT_ORDERS / CODES / 2, revenue: 2_750_000 }))).execute();
  for (let start = 0; start < REPORT_ORDERS; start += page) {
    await db.insertInto('qr_attributions').values(Array.from({ length: page }, (_, k) => {
      const o = start + k;
      return { order_id: `o${o}`, merchant_id: 'shop', code_id: codes[o % CODES]!.id, user_id: `u${o * 3}`, amount: 1000 + (o % 9000), currency: 'CNY', paid_at: new Date(now + o * 5000).toISOString(), first_order: o % 2 };
    })).execute();
  }
}

async function reportTime(): Promise<Figure[]> {
  const { db, done } = fresh();
  await migrate(db.kysely, [qrMigrations]);
  await seed(db.kysely as Kysely<QrTables>);
  const qr = createQr({ db: db.kysely, linkOf: (id) => `/q/${id}`, ports: { joinGroup: async () => {}, welcome: async () => {} } });
  const time = async (fn: () => Promise<unknown>) => {
    const out: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      await fn();
      out.push(performance.now() - t);
    }
    return percentile(out, 50);
  };
  const byCode = await time(() => qr.reports.report('shop', 'code'));
  const byCampaign = await time(() => qr.reports.report('shop', 'campaign'));
  const plain = await time(() => sql`select code_id, count(*), count(distinct user_id) from qr_scans where merchant_id = 'shop' group by code_id`.execute(db.kysely));
  await done();
  return [
    { name: 'QR report by code, 1M scans and 100k orders, p50', value: byCode, unit: 'ms', baseline: { name: 'counting the scans plainly', value: plain }, target: { kind: 'max', value: 200 } },
    { name: 'QR report by campaign, same data, p50', value: byCampaign, unit: 'ms', baseline: { name: 'counting the scans plainly', value: plain }, target: { kind: 'max', value: 200 } },
  ];
}

export async function runQrBench(): Promise<void> {
  printFigures('QR lead capture', [...(await scanRate()), ...(await reportTime())]);
}
