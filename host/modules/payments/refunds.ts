import { AtriumError } from '../../../sdk/contract/index.ts';
import { formatMoney } from '../../../lib/money.ts';
import { newId } from '../../db/index.ts';
import { enqueue } from '../webhooks/index.ts';
import type { PayContext } from './context.ts';
import { accounts, transfer, type PayDb } from './ledger.ts';
import { lockOrder } from './orders.ts';
import { refundView, type OrderRow, type RefundView } from './views.ts';

export interface RefundInput {
  /** Minor units; the whole unrefunded amount when left out. */
  amount?: number;
  reason: string;
  /** The caller's refund id: the same one again returns the first refund. */
  outRefundNo?: string;
}

/**
 * Refunds: full, partial and repeated up to what was paid. Before release the money comes back
 * out of held funds; after it, out of the merchant's balance, which may not go below zero.
 */
export function createRefunds(ctx: PayContext) {
  const newRefundId = () => `rfd_${newId().replace(/-/g, '').slice(0, 20)}`;

  async function earlier(q: PayDb, orderId: string, input: RefundInput): Promise<RefundView | null> {
    if (!input.outRefundNo) return null;
    const r = await q.selectFrom('pay_refunds').selectAll().where('order_id', '=', orderId).where('out_refund_no', '=', input.outRefundNo).executeTakeFirst();
    if (!r) return null;
    if (input.amount !== undefined && Number(r.amount) !== input.amount) throw new AtriumError('conflict', `outRefundNo "${input.outRefundNo}" is already a refund of ${r.amount}.`);
    return refundView(r);
  }

  function refundable(o: OrderRow, pending = 0): number {
    if (!o.paid_at) throw new AtriumError('conflict', 'The order was never paid, so there is nothing to refund.');
    return Number(o.amount) - Number(o.refunded_amount) - pending;
  }

  /**
   * Moves the money back to the buyer's wallet inside `trx`; the order's refunded amount grows.
   * `o` is the order as locked in `trx` (orders.ts, lockOrder): whether it was released decides
   * whose money goes back.
   */
  async function execute(trx: PayDb, o: OrderRow, refundId: string, amount: number, at: string): Promise<void> {
    const from = o.released_at ? accounts.merchant(o.merchant_id) : accounts.held(o.merchant_id);
    try {
      await transfer(trx, { key: `refund:${refundId}`, debit: from, credit: accounts.wallet(o.user_id), amount, currency: o.currency, kind: 'refund', orderId: o.id });
    } catch (e) {
      if (e instanceof AtriumError && e.code === 'insufficient_funds') {
        throw new AtriumError('insufficient_funds', `The merchant's balance is too low to refund ${formatMoney(amount, o.currency)}; top up the balance or refund less.`);
      }
      throw e;
    }
    await trx.updateTable('pay_orders').set((eb) => ({ refunded_amount: eb('refunded_amount', '+', amount) })).where('id', '=', o.id).execute();
    await enqueue(trx, { merchantId: o.merchant_id, type: 'order.refunded', at, data: { orderId: o.id, appId: o.app_id, outTradeNo: o.out_trade_no, refundId, amount, refundedAmount: Number(o.refunded_amount) + amount, currency: o.currency } });
  }

  /**
   * A refund the merchant (API, console, SDK) or an admin makes: executed at once, decided on the
   * locked order. Given the caller's transaction (`within`), it commits with that one.
   */
  async function refund(by: { merchantId?: string; admin?: boolean }, orderId: string, input: RefundInput, within?: PayDb): Promise<RefundView> {
    return ctx.transact(async (trx) => {
      const o = await lockOrder(trx, { merchantId: by.merchantId }, orderId);
      const again = await earlier(trx, orderId, input);
      if (again) return again;
      const left = refundable(o);
      const amount = input.amount ?? left;
      if (!Number.isSafeInteger(amount) || amount < 1) throw new AtriumError('invalid_args', left > 0 ? 'A refund is a positive whole number of minor units.' : 'Nothing is left to refund on this order.');
      if (amount > left) throw new AtriumError('invalid_args', `At most ${left} ${o.currency} of this order is left to refund.`);
      const id = newRefundId();
      const at = ctx.clock().toISOString();
      await trx
        .insertInto('pay_refunds')
        .values({ id, order_id: orderId, amount, reason: input.reason, status: 'refunded', requested_by: by.admin ? 'admin' : 'merchant', out_refund_no: input.outRefundNo ?? null, created_at: at, decided_at: at })
        .execute();
      await execute(trx, o, id, amount, at);
      return refundView(await trx.selectFrom('pay_refunds').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    }, within);
  }

  /** The buyer asks; the merchant approves or rejects. Pending requests count against what is left. */
  async function request(userId: string, orderId: string, input: RefundInput & { appId?: string }): Promise<RefundView> {
    return ctx.transact(async (trx) => {
      const o = await lockOrder(trx, { userId, appId: input.appId }, orderId);
      const again = await earlier(trx, orderId, input);
      if (again) return again;
      const pending = await trx.selectFrom('pay_refunds').select('amount').where('order_id', '=', orderId).where('status', '=', 'pending').execute();
      const left = refundable(o, pending.reduce((s, p) => s + Number(p.amount), 0));
      const amount = input.amount ?? left;
      if (amount < 1 || amount > left) throw new AtriumError('invalid_args', left > 0 ? `At most ${left} ${o.currency} can still be asked back.` : 'Nothing is left to refund on this order.');
      const id = newRefundId();
      const at = ctx.clock().toISOString();
      await trx
        .insertInto('pay_refunds')
        .values({ id, order_id: orderId, amount, reason: input.reason, status: 'pending', requested_by: 'user', out_refund_no: input.outRefundNo ?? null, created_at: at, decided_at: null })
        .execute();
      return refundView(await trx.selectFrom('pay_refunds').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    });
  }

  /** The merchant's answer to a buyer's request, decided on the locked order. */
  async function decide(merchantId: string, refundId: string, approve: boolean, within?: PayDb): Promise<RefundView> {
    return ctx.transact(async (trx) => {
      const asked = await trx.selectFrom('pay_refunds').select('order_id').where('id', '=', refundId).executeTakeFirst();
      if (!asked) throw new AtriumError('not_found', `No refund "${refundId}".`);
      const o = await lockOrder(trx, { merchantId }, asked.order_id).catch((e: unknown) => {
        throw e instanceof AtriumError && e.code === 'not_found' ? new AtriumError('not_found', `No refund "${refundId}".`) : e;
      });
      // Read again under the order's lock: a decision made meanwhile is the answer.
      const r = await trx.selectFrom('pay_refunds').selectAll().where('id', '=', refundId).executeTakeFirstOrThrow();
      if (r.status !== 'pending') return refundView(r);
      if (approve && Number(r.amount) > refundable(o)) throw new AtriumError('conflict', 'Other refunds since the request leave less than it asks.');
      const at = ctx.clock().toISOString();
      await trx.updateTable('pay_refunds').set({ status: approve ? 'refunded' : 'rejected', decided_at: at }).where('id', '=', refundId).execute();
      if (approve) await execute(trx, o, refundId, Number(r.amount), at);
      return refundView(await trx.selectFrom('pay_refunds').selectAll().where('id', '=', refundId).executeTakeFirstOrThrow());
    }, within);
  }

  return { refund, request, decide, execute, newRefundId };
}
