import type { Kysely } from 'kysely';
import { transact } from '../../db/index.ts';
import type { QrTables } from './tables.ts';

/** More than this many scans is not a person's history; the export stops there. */
const MAX_ROWS = 10_000;

/** What QR lead capture holds about one user, for their export. */
export interface QrExport {
  scans: { codeId: string; codeName: string; merchantId: string; at: string; source: string; counted: boolean }[];
  /** The first and the latest code that brought them to each merchant. */
  touches: { merchantId: string; firstCodeId: string; firstAt: string; lastCodeId: string; lastAt: string; staff: string | null }[];
  /** Tags merchants' codes put on them. */
  tags: { merchantId: string; tag: string; codeId: string; at: string }[];
  /** Their orders a merchant credits to a code. */
  creditedOrders: { orderId: string; merchantId: string; codeId: string; amount: number; currency: string; paidAt: string }[];
}

/**
 * A user's QR data: everything for the export, and erasure. Erasing unlinks their scans from them
 * (the merchant's counts, kept as counters, stay as they were) and deletes their touches, tags,
 * the actions done for them and the payer marks; a credited order keeps its line, as the order
 * itself does. Running it again changes nothing more.
 */
export function createQrPersonalData(db: Kysely<QrTables>) {
  async function everything(userId: string): Promise<QrExport> {
    const scans = await db
      .selectFrom('qr_scans as s')
      .innerJoin('qr_codes as c', 'c.id', 's.code_id')
      .select(['s.code_id', 'c.name', 's.merchant_id', 's.at', 's.source', 's.counted'])
      .where('s.user_id', '=', userId)
      .orderBy('s.at')
      .limit(MAX_ROWS)
      .execute();
    const touches = await db.selectFrom('qr_touches').selectAll().where('user_id', '=', userId).orderBy('first_at').execute();
    const tags = await db.selectFrom('qr_lead_tags').selectAll().where('user_id', '=', userId).orderBy('at').limit(MAX_ROWS).execute();
    const orders = await db.selectFrom('qr_attributions').selectAll().where('user_id', '=', userId).orderBy('paid_at').limit(MAX_ROWS).execute();
    return {
      scans: scans.map((s) => ({ codeId: s.code_id, codeName: s.name, merchantId: s.merchant_id, at: s.at, source: s.source, counted: s.counted === 1 })),
      touches: touches.map((t) => ({ merchantId: t.merchant_id, firstCodeId: t.first_code_id, firstAt: t.first_at, lastCodeId: t.last_code_id, lastAt: t.last_at, staff: t.staff })),
      tags: tags.map((t) => ({ merchantId: t.merchant_id, tag: t.tag, codeId: t.code_id, at: t.at })),
      creditedOrders: orders.map((o) => ({ orderId: o.order_id, merchantId: o.merchant_id, codeId: o.code_id, amount: o.amount, currency: o.currency, paidAt: o.paid_at })),
    };
  }

  async function eraseUser(userId: string): Promise<void> {
    await transact(db, async (trx) => {
      await trx.updateTable('qr_scans').set({ user_id: null }).where('user_id', '=', userId).execute();
      await trx.deleteFrom('qr_touches').where('user_id', '=', userId).execute();
      await trx.deleteFrom('qr_lead_tags').where('user_id', '=', userId).execute();
      await trx.deleteFrom('qr_actions_done').where('user_id', '=', userId).execute();
      await trx.deleteFrom('qr_code_payers').where('user_id', '=', userId).execute();
    });
  }

  return { everything, eraseUser };
}
