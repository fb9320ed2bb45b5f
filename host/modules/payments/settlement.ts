import { AtriumError } from '../../../sdk/contract/index.ts';
import { enqueue } from '../webhooks/index.ts';
import type { PayContext } from './context.ts';
import { accounts, transfer, type PayDb } from './ledger.ts';
import { lockOrder } from './orders.ts';
import type { OrderRow } from './views.ts';
import { feeOf } from './fee.ts';

export { feeOf };

/**
 * Moves an order's held money (less refunds) to the merchant's balance, less the platform fee,
 * inside the caller's transaction. `o` must be the order as locked or claimed in `trx`, never an
 * earlier read: what is left to release is decided from it. Idempotent by the order: a second
 * release moves nothing.
 */
export async function releaseHeld(trx: PayDb, o: OrderRow, at: string): Promise<boolean> {
  const r = await trx.updateTable('pay_orders').set({ released_at: at, release_due_at: null }).where('id', '=', o.id).where('released_at', 'is', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  const remaining = Number(o.amount) - Number(o.refunded_amount);
  const fee = feeOf(remaining, Number(o.fee_bps));
  if (remaining - fee > 0) {
    await transfer(trx, { key: `release:${o.id}`, debit: accounts.held(o.merchant_id), credit: accounts.merchant(o.merchant_id), amount: remaining - fee, currency: o.currency, kind: 'release', orderId: o.id });
  }
  if (fee > 0) {
    await transfer(trx, { key: `fee:${o.id}`, debit: accounts.held(o.merchant_id), credit: accounts.fees(), amount: fee, currency: o.currency, kind: 'fee', orderId: o.id });
  }
  await enqueue(trx, { merchantId: o.merchant_id, type: 'order.released', at, data: { orderId: o.id, appId: o.app_id, outTradeNo: o.out_trade_no, amount: remaining - fee, fee, currency: o.currency } });
  return true;
}

/** Shipping, receipt and the release of held funds, by hand or when due; each decided on the locked order. */
export function createSettlement(ctx: PayContext) {
  const { db } = ctx;

  async function openDispute(q: PayDb, orderId: string): Promise<boolean> {
    const d = await q.selectFrom('pay_disputes').select('id').where('order_id', '=', orderId).where('status', '!=', 'resolved').executeTakeFirst();
    return !!d;
  }

  /** The merchant has sent the goods: the auto-release clock starts for held orders. */
  async function ship(merchantId: string, orderId: string, within?: PayDb): Promise<void> {
    await ctx.transact(async (trx) => {
      const o = await lockOrder(trx, { merchantId }, orderId);
      if (o.stage === 'shipped') return;
      if (o.stage !== 'paid') throw new AtriumError('conflict', `The order is ${o.stage}; only a paid order can be shipped.`);
      if (Number(o.refunded_amount) >= Number(o.amount)) throw new AtriumError('conflict', 'The order was refunded in full.');
      const at = ctx.clock();
      const due = Number(o.hold) === 1 && !o.released_at && !(await openDispute(trx, orderId)) ? new Date(at.getTime() + ctx.autoReleaseMs).toISOString() : null;
      await trx.updateTable('pay_orders').set({ stage: 'shipped', shipped_at: at.toISOString(), release_due_at: due }).where('id', '=', orderId).execute();
      await enqueue(trx, { merchantId, type: 'order.shipped', at: at.toISOString(), data: { orderId, appId: o.app_id, outTradeNo: o.out_trade_no, autoReleaseAt: due } });
    }, within);
  }

  /** The buyer has the goods: held funds go to the merchant now. */
  async function confirmReceipt(userId: string, orderId: string): Promise<void> {
    await ctx.transact(async (trx) => {
      const o = await lockOrder(trx, { userId }, orderId);
      if (o.stage === 'completed') return;
      if (o.stage !== 'paid' && o.stage !== 'shipped') throw new AtriumError('conflict', `The order is ${o.stage}; there is nothing to confirm.`);
      if (await openDispute(trx, orderId)) throw new AtriumError('conflict', 'The order is in dispute; the platform decides where the money goes.');
      const at = ctx.clock().toISOString();
      await trx.updateTable('pay_orders').set({ stage: 'completed' }).where('id', '=', orderId).execute();
      await releaseHeld(trx, o, at);
    });
  }

  /**
   * Releases every held order whose time has come. The due time is in the database, so a restart
   * loses nothing: the next run after it releases what fell due meanwhile.
   */
  async function releaseDue(): Promise<number> {
    const at = ctx.clock().toISOString();
    const due = await db.selectFrom('pay_orders').select('id').where('release_due_at', '<=', at).where('released_at', 'is', null).limit(500).execute();
    let n = 0;
    for (const { id } of due) {
      const released = await ctx.transact(async (trx) => {
        // The list above is only a hint: a refund or a dispute may have come since.
        const o = await lockOrder(trx, {}, id);
        if (!o.release_due_at || o.release_due_at > at || o.released_at || (await openDispute(trx, id))) return false;
        await trx.updateTable('pay_orders').set({ stage: 'completed' }).where('id', '=', id).execute();
        return releaseHeld(trx, o, at);
      });
      if (released) n++;
    }
    return n;
  }

  return { ship, confirmReceipt, releaseDue };
}
