import type { Kysely } from 'kysely';
import { transact } from '../../db/index.ts';
import type { QrTables } from './tables.ts';

export interface PaidOrder {
  orderId: string;
  merchantId: string;
  userId: string;
  amount: number;
  currency: string;
  paidAt: string;
  /** Whether it is the buyer's first paid order with this merchant. */
  firstOrder: boolean;
}

/**
 * Credits a paid order to the code that last touched its buyer for its merchant, when that touch
 * came within the attribution window before the payment (last-touch attribution). Once per order:
 * run again (the outbox delivers at least once), it changes nothing.
 */
export function createAttribution(db: Kysely<QrTables>, windowDays: number) {
  async function attribute(o: PaidOrder): Promise<string | null> {
    const touch = await db.selectFrom('qr_touches').select(['last_code_id', 'last_at']).where('merchant_id', '=', o.merchantId).where('user_id', '=', o.userId).executeTakeFirst();
    if (!touch || touch.last_at > o.paidAt) return null;
    if (Date.parse(o.paidAt) - Date.parse(touch.last_at) > windowDays * 24 * 3600_000) return null;
    const code = touch.last_code_id;
    await transact(db, async (trx) => {
      const credited = await trx
        .insertInto('qr_attributions')
        .values({ order_id: o.orderId, merchant_id: o.merchantId, code_id: code, user_id: o.userId, amount: o.amount, currency: o.currency, paid_at: o.paidAt, first_order: o.firstOrder ? 1 : 0 })
        .onConflict((oc) => oc.column('order_id').doNothing())
        .returning('order_id')
        .executeTakeFirst();
      if (!credited) return;
      // The report reads these counters, never the credited orders themselves.
      await trx
        .insertInto('qr_code_revenue')
        .values({ code_id: code, currency: o.currency, orders: 1, first_orders: o.firstOrder ? 1 : 0, revenue: o.amount })
        .onConflict((oc) => oc.columns(['code_id', 'currency']).doUpdateSet((eb) => ({ orders: eb('qr_code_revenue.orders', '+', 1), first_orders: eb('qr_code_revenue.first_orders', '+', o.firstOrder ? 1 : 0), revenue: eb('qr_code_revenue.revenue', '+', o.amount) })))
        .execute();
      const payer = await trx.insertInto('qr_code_payers').values({ code_id: code, user_id: o.userId }).onConflict((oc) => oc.columns(['code_id', 'user_id']).doNothing()).returning('code_id').executeTakeFirst();
      if (payer) await trx.updateTable('qr_codes').set((eb) => ({ payers: eb('payers', '+', 1) })).where('id', '=', code).execute();
    });
    return code;
  }
  return { attribute, windowDays };
}

export type Attribution = ReturnType<typeof createAttribution>;
