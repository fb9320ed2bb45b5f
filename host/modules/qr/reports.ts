import { sql, type Kysely } from 'kysely';
import type { QrTables } from './tables.ts';

export type Dimension = 'code' | 'campaign' | 'store' | 'staff' | 'channel';

export interface ReportRow {
  /** The code's id, or the campaign, store, staff member or channel ("" for codes without one). */
  key: string;
  /** What people read: a code's name, else the key. */
  label: string;
  codes: number;
  scans: number;
  /**
   * People who scanned. Per code, exact; summed over a campaign's codes, a person who scanned two
   * of them counts twice (counting distinct people over millions of scans would cost each report).
   */
  scanners: number;
  /** People whose first touch with the merchant was one of these codes. */
  newCustomers: number;
  /** People with an order credited to these codes. */
  payingCustomers: number;
  orders: number;
  firstOrders: number;
  /** Revenue of credited orders, in minor units, by currency. */
  revenue: Record<string, number>;
  /** Paying customers over scanners. */
  conversion: number;
}

/**
 * The numbers a merchant decides with, per code or per label of its codes: read from counters
 * kept as scans arrive and from the orders credited to codes, never by counting raw scans, so a
 * report over a million scans stays quick.
 */
export function createReports(db: Kysely<QrTables>) {
  async function report(merchantId: string, by: Dimension, filter: { appId?: string; campaign?: string } = {}): Promise<ReportRow[]> {
    const column = by === 'code' ? 'id' : by;
    let codes = db.selectFrom('qr_codes').select(['id', 'name', 'campaign', 'store', 'staff', 'channel', 'scans', 'uniques']).where('merchant_id', '=', merchantId);
    if (filter.appId) codes = codes.where('app_id', '=', filter.appId);
    if (filter.campaign) codes = codes.where('campaign', '=', filter.campaign);
    const rows = await codes.execute();
    const keyOf = new Map(rows.map((r) => [r.id, String((r as Record<string, unknown>)[column] ?? '')]));
    const out = new Map<string, ReportRow>();
    const row = (key: string, label: string): ReportRow => {
      let r = out.get(key);
      if (!r) out.set(key, (r = { key, label, codes: 0, scans: 0, scanners: 0, newCustomers: 0, payingCustomers: 0, orders: 0, firstOrders: 0, revenue: {}, conversion: 0 }));
      return r;
    };
    for (const c of rows) {
      const r = row(keyOf.get(c.id)!, by === 'code' ? c.name : keyOf.get(c.id)!);
      r.codes++;
      r.scans += Number(c.scans);
      r.scanners += Number(c.uniques);
    }
    const firsts = await db.selectFrom('qr_touches').select(['first_code_id', (eb) => eb.fn.countAll<number>().as('n')]).where('merchant_id', '=', merchantId).groupBy('first_code_id').execute();
    for (const f of firsts) if (keyOf.has(f.first_code_id)) row(keyOf.get(f.first_code_id)!, '').newCustomers += Number(f.n);
    const credited = await db
      .selectFrom('qr_attributions')
      .select(['code_id', 'currency', (eb) => eb.fn.countAll<number>().as('orders'), (eb) => eb.fn.sum<number>('amount').as('revenue'), (eb) => eb.fn.sum<number>('first_order').as('firsts'), sql<number>`count(distinct user_id)`.as('payers')])
      .where('merchant_id', '=', merchantId)
      .groupBy(['code_id', 'currency'])
      .execute();
    for (const a of credited) {
      if (!keyOf.has(a.code_id)) continue;
      const r = row(keyOf.get(a.code_id)!, '');
      r.orders += Number(a.orders);
      r.firstOrders += Number(a.firsts);
      r.payingCustomers += Number(a.payers);
      r.revenue[a.currency] = (r.revenue[a.currency] ?? 0) + Number(a.revenue);
    }
    for (const r of out.values()) r.conversion = r.scanners ? r.payingCustomers / r.scanners : 0;
    return [...out.values()].sort((a, b) => b.scans - a.scans || a.key.localeCompare(b.key));
  }

  /** Counted scans per UTC day for some codes (all of the merchant's when none named). */
  async function daily(merchantId: string, opts: { codeIds?: string[]; from?: string; to?: string } = {}): Promise<{ day: string; scans: number }[]> {
    let q = db.selectFrom('qr_daily as d').innerJoin('qr_codes as c', 'c.id', 'd.code_id').select(['d.day', (eb) => eb.fn.sum<number>('d.scans').as('scans')]).where('c.merchant_id', '=', merchantId);
    if (opts.codeIds?.length) q = q.where('d.code_id', 'in', opts.codeIds);
    if (opts.from) q = q.where('d.day', '>=', opts.from);
    if (opts.to) q = q.where('d.day', '<=', opts.to);
    const rows = await q.groupBy('d.day').orderBy('d.day').execute();
    return rows.map((r) => ({ day: r.day, scans: Number(r.scans) }));
  }

  return { report, daily };
}

/** A report as CSV for a spreadsheet: one line per row, revenue in major units per currency. */
export function reportCsv(rows: ReportRow[], by: Dimension, major: (minor: number, currency: string) => string): string {
  const currencies = [...new Set(rows.flatMap((r) => Object.keys(r.revenue)))].sort();
  const cell = (v: string | number) => {
    const s = String(v);
    // Leading = + - @ would be a formula in a spreadsheet: quoted as text.
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const head = [by, 'label', 'codes', 'scans', 'scanners', 'new customers', 'paying customers', 'orders', 'first orders', ...currencies.map((c) => `revenue ${c}`), 'conversion'];
  const lines = rows.map((r) => [r.key, r.label, r.codes, r.scans, r.scanners, r.newCustomers, r.payingCustomers, r.orders, r.firstOrders, ...currencies.map((c) => major(r.revenue[c] ?? 0, c)), r.conversion.toFixed(4)].map(cell).join(','));
  return [head.map(cell).join(','), ...lines].join('\n') + '\n';
}
