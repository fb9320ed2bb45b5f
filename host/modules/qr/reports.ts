import type { Kysely } from 'kysely';
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
  /** People with an order credited to these codes (summed over codes, like scanners). */
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
    let codes = db.selectFrom('qr_codes').select(['id', 'name', 'campaign', 'store', 'staff', 'channel', 'scans', 'uniques', 'new_customers', 'payers']).where('merchant_id', '=', merchantId);
    if (filter.appId) codes = codes.where('app_id', '=', filter.appId);
    if (filter.campaign) codes = codes.where('campaign', '=', filter.campaign);
    const rows = await codes.execute();
    const keyOf = new Map(rows.map((r) => [r.id, String((r as Record<string, unknown>)[column] ?? '')]));
    const out = new Map<string, ReportRow>();
    for (const c of rows) {
      const key = keyOf.get(c.id)!;
      let r = out.get(key);
      if (!r) out.set(key, (r = { key, label: by === 'code' ? c.name : key, codes: 0, scans: 0, scanners: 0, newCustomers: 0, payingCustomers: 0, orders: 0, firstOrders: 0, revenue: {}, conversion: 0 }));
      r.codes++;
      r.scans += Number(c.scans);
      r.scanners += Number(c.uniques);
      r.newCustomers += Number(c.new_customers);
      r.payingCustomers += Number(c.payers);
    }
    const revenue = await db
      .selectFrom('qr_code_revenue as v')
      .innerJoin('qr_codes as c', 'c.id', 'v.code_id')
      .select(['v.code_id', 'v.currency', 'v.orders', 'v.first_orders', 'v.revenue'])
      .where('c.merchant_id', '=', merchantId)
      .execute();
    for (const v of revenue) {
      const key = keyOf.get(v.code_id);
      if (key === undefined) continue;
      const r = out.get(key)!;
      r.orders += Number(v.orders);
      r.firstOrders += Number(v.first_orders);
      r.revenue[v.currency] = (r.revenue[v.currency] ?? 0) + Number(v.revenue);
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
