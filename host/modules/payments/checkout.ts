import { AtriumError } from '../../../sdk/contract/index.ts';
import { enqueue } from '../webhooks/index.ts';
import type { PayContext } from './context.ts';
import { prepared } from '../../db/index.ts';
import { accounts, transfer, type PayDb } from './ledger.ts';
import type { OrderRow } from './views.ts';
import { WrongPin } from './pins.ts';
import { releaseHeld } from './settlement.ts';

export interface PaidResult {
  orderId: string;
  status: 'paid';
  paidAt: string;
}

/**
 * Paying an order with the wallet, after the user confirmed in the host's sheet with the PIN. The
 * order's stage changes from created to paid in the same transaction as the money, and only from
 * created: a retry or a racing second confirmation gets the first payment's answer, never a second
 * charge.
 */
export function createCheckout(ctx: PayContext) {
  const { pins } = ctx;

  /** Why an order could not be claimed: paid before (the first payment's answer), gone, or expired. */
  async function unclaimable(trx: PayDb, userId: string, orderId: string): Promise<PaidResult> {
    const o = await trx.selectFrom('pay_orders').select(['paid_at', 'stage']).where('id', '=', orderId).where('user_id', '=', userId).executeTakeFirst();
    if (!o) throw new AtriumError('not_found', `No order "${orderId}".`);
    if (o.paid_at) return { orderId, status: 'paid', paidAt: o.paid_at };
    throw new AtriumError('expired', 'The order has expired; place it again.');
  }

  async function pay(userId: string, orderId: string, pin: string): Promise<PaidResult> {
    try {
      return await ctx.writes(async (trx) => {
        const paidAt = ctx.clock().toISOString();
        // Claiming first means a second confirmation, now or later, finds nothing to claim.
        const [o] = (await claim(trx, paidAt, orderId, userId, paidAt)).rows;
        if (!o) return unclaimable(trx, userId, orderId);
        // A wrong PIN throws, and the claim rolls back with everything else.
        const { failedBefore } = await pins.verify(trx, userId, pin);
        await transfer(trx, { key: `pay:${orderId}`, debit: accounts.wallet(userId), credit: accounts.held(o.merchant_id), amount: Number(o.amount), currency: o.currency, kind: 'payment', orderId });
        await pins.recordSuccess(trx, userId, failedBefore);
        await enqueue(trx, { merchantId: o.merchant_id, type: 'order.paid', at: paidAt, data: { orderId, appId: o.app_id, outTradeNo: o.out_trade_no, amount: Number(o.amount), currency: o.currency, paidAt } });
        // Orders that do not wait for receipt go to the merchant at once.
        if (Number(o.hold) !== 1) await releaseHeld(trx, o, paidAt);
        return { orderId, status: 'paid' as const, paidAt };
      });
    } catch (e) {
      if (e instanceof WrongPin) await pins.recordFailure(userId);
      throw e;
    }
  }

  return { pay };
}

const claim = prepared<[string, string, string, string], OrderRow>((db, paidAt, orderId, userId, at) =>
  db
    .updateTable('pay_orders')
    .set({ stage: 'paid', paid_at: paidAt })
    .where('id', '=', orderId)
    .where('user_id', '=', userId)
    .where('stage', '=', 'created')
    .where('expires_at', '>', at)
    .returningAll(),
);
