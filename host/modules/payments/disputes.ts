import { AtriumError } from '../../../sdk/contract/index.ts';
import type { Transaction } from 'kysely';
import { newId } from '../../db/index.ts';
import { enqueue } from '../webhooks/index.ts';
import type { PayContext } from './context.ts';
import type { createRefunds } from './refunds.ts';
import type { PayDb } from './ledger.ts';
import { lockOrder } from './orders.ts';
import { releaseHeld } from './settlement.ts';
import type { PaymentsTables } from './tables.ts';
import { disputeView, type DisputeRow, type DisputeView, type OrderRow } from './views.ts';

export type Decision = { decision: 'release' } | { decision: 'refund'; amount?: number };

/**
 * Disputes on held orders: the buyer opens one and the release freezes; the merchant answers; an
 * admin decides a full or partial refund (the rest goes to the merchant) or the release.
 */
export function createDisputes(ctx: PayContext, refunds: ReturnType<typeof createRefunds>) {
  const { db } = ctx;

  async function open(userId: string, orderId: string, reason: string): Promise<DisputeView> {
    const text = reason.trim();
    if (text.length < 4) throw new AtriumError('invalid_args', 'Say what went wrong (at least 4 characters).');
    return ctx.transact(async (trx) => {
      const o = await lockOrder(trx, { userId }, orderId);
      if (!o.paid_at || Number(o.hold) !== 1 || o.released_at) throw new AtriumError('conflict', 'Only a paid order whose money is still held can be disputed.');
      const existing = await trx.selectFrom('pay_disputes').select('id').where('order_id', '=', orderId).where('status', '!=', 'resolved').executeTakeFirst();
      if (existing) throw new AtriumError('conflict', 'This order is already in dispute.');
      const at = ctx.clock().toISOString();
      const id = `dsp_${newId().replace(/-/g, '').slice(0, 20)}`;
      await trx
        .insertInto('pay_disputes')
        .values({ id, order_id: orderId, reason: text, status: 'open', answer: null, decision: null, refund_amount: null, decided_by: null, note: null, created_at: at, answered_at: null, decided_at: null })
        .execute();
      await trx.updateTable('pay_orders').set({ release_due_at: null }).where('id', '=', orderId).execute();
      await enqueue(trx, { merchantId: o.merchant_id, type: 'dispute.opened', at, data: { disputeId: id, orderId, reason: text } });
      return disputeView(await trx.selectFrom('pay_disputes').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    });
  }

  /**
   * A dispute, with its order locked in `trx`: everything that changes a dispute changes its
   * order's fate too, so both are decided under the order's lock. `merchantId` keeps another
   * merchant's disputes "not found".
   */
  async function locked(trx: Transaction<PaymentsTables>, disputeId: string, merchantId?: string): Promise<{ dispute: DisputeRow; order: OrderRow }> {
    const notFound = () => new AtriumError('not_found', `No dispute "${disputeId}".`);
    const found = await trx.selectFrom('pay_disputes').select('order_id').where('id', '=', disputeId).executeTakeFirst();
    if (!found) throw notFound();
    const order = await lockOrder(trx, { merchantId }, found.order_id).catch((e: unknown) => {
      throw e instanceof AtriumError && e.code === 'not_found' ? notFound() : e;
    });
    const dispute = await trx.selectFrom('pay_disputes').selectAll().where('id', '=', disputeId).executeTakeFirstOrThrow();
    return { dispute, order };
  }

  async function answer(merchantId: string, disputeId: string, text: string, within?: PayDb): Promise<DisputeView> {
    if (text.trim().length < 4) throw new AtriumError('invalid_args', 'Give an answer (at least 4 characters).');
    return ctx.transact(async (trx) => {
      const { dispute: d } = await locked(trx, disputeId, merchantId);
      if (d.status === 'resolved') throw new AtriumError('conflict', 'The dispute was already decided.');
      const at = ctx.clock().toISOString();
      await trx.updateTable('pay_disputes').set({ status: 'answered', answer: text.trim(), answered_at: at }).where('id', '=', disputeId).execute();
      await enqueue(trx, { merchantId, type: 'dispute.answered', at, data: { disputeId, orderId: d.order_id } });
      return disputeView(await trx.selectFrom('pay_disputes').selectAll().where('id', '=', disputeId).executeTakeFirstOrThrow());
    }, within);
  }

  async function decide(adminId: string, disputeId: string, d: Decision, note: string): Promise<DisputeView> {
    return ctx.transact(async (trx) => {
      const { dispute, order: o } = await locked(trx, disputeId);
      if (dispute.status === 'resolved') throw new AtriumError('conflict', 'The dispute was already decided.');
      await trx.updateTable('pay_disputes').set({ status: 'resolved' }).where('id', '=', disputeId).execute();
      const at = ctx.clock().toISOString();
      const left = Number(o.amount) - Number(o.refunded_amount);
      let refunded = 0;
      if (d.decision === 'refund') {
        refunded = d.amount ?? left;
        if (!Number.isSafeInteger(refunded) || refunded < 1 || refunded > left) throw new AtriumError('invalid_args', `A refund here is 1 to ${left} ${o.currency}.`);
        const refundId = refunds.newRefundId();
        await trx
          .insertInto('pay_refunds')
          .values({ id: refundId, order_id: o.id, amount: refunded, reason: `Dispute decided: ${note}`, status: 'refunded', requested_by: 'admin', out_refund_no: null, created_at: at, decided_at: at })
          .execute();
        await refunds.execute(trx, o, refundId, refunded, at);
      }
      await trx.updateTable('pay_orders').set({ stage: 'completed' }).where('id', '=', o.id).execute();
      if (refunded < left) await releaseHeld(trx, { ...o, refunded_amount: Number(o.refunded_amount) + refunded }, at);
      else await trx.updateTable('pay_orders').set({ released_at: at, release_due_at: null }).where('id', '=', o.id).execute();
      await trx
        .updateTable('pay_disputes')
        .set({ decision: d.decision, refund_amount: refunded || null, decided_by: adminId, note, decided_at: at })
        .where('id', '=', disputeId)
        .execute();
      await enqueue(trx, { merchantId: o.merchant_id, type: 'dispute.resolved', at, data: { disputeId, orderId: o.id, decision: d.decision, refundAmount: refunded } });
      return disputeView(await trx.selectFrom('pay_disputes').selectAll().where('id', '=', disputeId).executeTakeFirstOrThrow());
    });
  }

  async function list(filter: { status?: 'open' | 'answered' | 'resolved'; merchantId?: string } = {}) {
    let q = db.selectFrom('pay_disputes as d').innerJoin('pay_orders as o', 'o.id', 'd.order_id').selectAll('d').select(['o.merchant_id', 'o.app_id', 'o.amount', 'o.currency']);
    if (filter.status) q = q.where('d.status', '=', filter.status);
    if (filter.merchantId) q = q.where('o.merchant_id', '=', filter.merchantId);
    const rows = await q.orderBy('d.created_at').limit(500).execute();
    return rows.map((r) => ({ ...disputeView(r), orderId: r.order_id, merchantId: r.merchant_id, appId: r.app_id, amount: Number(r.amount), currency: r.currency }));
  }

  return { open, answer, decide, list };
}
