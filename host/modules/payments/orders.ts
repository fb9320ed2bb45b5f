import { AtriumError } from '../../../sdk/contract/index.ts';
import type { Transaction } from 'kysely';
import { forUpdate, sortableId } from '../../db/index.ts';
import type { PayContext } from './context.ts';
import type { PaymentsTables } from './tables.ts';
import type { PayDb } from './ledger.ts';
import { orderView, type OrderItem, type OrderRow, type OrderView } from './views.ts';

/** Who creates an order: a program's session, for its user. */
export interface OrderOwner {
  appId: string;
  merchantId: string;
  userId: string;
}

export interface NewOrder {
  items: OrderItem[];
  currency: string;
  shipping?: boolean;
  holdUntilReceipt?: boolean;
  outTradeNo?: string;
  note?: string;
}

/** Who may act on an order: its buyer, its merchant (through one app, with an app's secret), or anyone (admins). */
export interface OrderParty {
  userId?: string;
  merchantId?: string;
  appId?: string;
}

/**
 * The order, locked until `trx` ends. Every change of an order's money or stage is decided on
 * this row and nothing read before it: a refund, a release, a dispute's decision or a receipt
 * arriving at the same moment waits here, then decides from what the first one wrote. Someone
 * else's order is "not found", the same as none.
 */
export async function lockOrder(trx: Transaction<PaymentsTables>, who: OrderParty, orderId: string): Promise<OrderRow> {
  let query = trx.selectFrom('pay_orders').selectAll().where('id', '=', orderId);
  if (who.userId) query = query.where('user_id', '=', who.userId);
  if (who.merchantId) query = query.where('merchant_id', '=', who.merchantId);
  if (who.appId) query = query.where('app_id', '=', who.appId);
  const found = await forUpdate(trx, query).executeTakeFirst();
  if (!found) throw new AtriumError('not_found', `No order "${orderId}".`);
  return found;
}

/** Orders: made by programs, read by their users, merchants and admins. */
export function createOrders(ctx: PayContext) {
  const { db } = ctx;

  async function view(q: PayDb, row: OrderRow): Promise<OrderView> {
    const refunds = await q.selectFrom('pay_refunds').selectAll().where('order_id', '=', row.id).orderBy('created_at').execute();
    const dispute = await q.selectFrom('pay_disputes').selectAll().where('order_id', '=', row.id).orderBy('created_at', 'desc').executeTakeFirst();
    return orderView(row, refunds, dispute, ctx.clock());
  }

  /**
   * The amount is the host's sum of the items, never the program's word. The same `outTradeNo`
   * from the same app gives back the same order; with different contents it is a conflict.
   */
  async function create(owner: OrderOwner, input: NewOrder): Promise<OrderView> {
    const amount = input.items.reduce((sum, i) => sum + i.quantity * i.unitAmount, 0);
    if (!Number.isSafeInteger(amount) || amount < 1) throw new AtriumError('invalid_args', 'An order is for a positive amount.');
    const items = JSON.stringify(input.items);
    if (input.outTradeNo) {
      const earlier = await db.selectFrom('pay_orders').selectAll().where('app_id', '=', owner.appId).where('out_trade_no', '=', input.outTradeNo).executeTakeFirst();
      if (earlier) {
        if (earlier.user_id !== owner.userId || earlier.items !== items || earlier.currency !== input.currency) {
          throw new AtriumError('conflict', `outTradeNo "${input.outTradeNo}" is already another order's.`);
        }
        return view(db, earlier);
      }
    }
    const at = ctx.clock();
    const row: OrderRow = {
      // Sortable, so lists page by id without gaps: ids sort in the order orders were made.
      id: `ord_${sortableId()}`,
      app_id: owner.appId,
      merchant_id: owner.merchantId,
      user_id: owner.userId,
      out_trade_no: input.outTradeNo ?? null,
      items,
      amount,
      currency: input.currency,
      shipping: input.shipping ? 1 : 0,
      hold: input.holdUntilReceipt ? 1 : 0,
      note: input.note ?? null,
      stage: 'created',
      refunded_amount: 0,
      fee_bps: ctx.feeBps,
      created_at: at.toISOString(),
      expires_at: new Date(at.getTime() + ctx.orderTtlMs).toISOString(),
      paid_at: null,
      shipped_at: null,
      release_due_at: null,
      released_at: null,
    };
    try {
      await db.insertInto('pay_orders').values(row).execute();
    } catch (e) {
      // Two retries of one outTradeNo raced: the first one's order is the answer.
      if (input.outTradeNo) return create(owner, input);
      throw e;
    }
    return view(db, row);
  }

  /** An order as one party sees it; anyone else's is "not found", the same as none. */
  async function get(who: OrderParty, orderId: string, q: PayDb = db): Promise<OrderView> {
    return view(q, await row(who, orderId, q));
  }

  async function row(who: OrderParty, orderId: string, q: PayDb = db): Promise<OrderRow> {
    let query = q.selectFrom('pay_orders').selectAll().where('id', '=', orderId);
    if (who.userId) query = query.where('user_id', '=', who.userId);
    if (who.merchantId) query = query.where('merchant_id', '=', who.merchantId);
    if (who.appId) query = query.where('app_id', '=', who.appId);
    const found = await query.executeTakeFirst();
    if (!found) throw new AtriumError('not_found', `No order "${orderId}".`);
    return found;
  }

  async function list(who: { userId?: string; merchantId?: string }, opts: { before?: string; limit?: number; appId?: string } = {}): Promise<OrderView[]> {
    let q = db.selectFrom('pay_orders').selectAll();
    if (who.userId) q = q.where('user_id', '=', who.userId);
    if (who.merchantId) q = q.where('merchant_id', '=', who.merchantId);
    if (opts.appId) q = q.where('app_id', '=', opts.appId);
    if (opts.before) q = q.where('id', '<', opts.before);
    const rows = await q.orderBy('id', 'desc').limit(Math.min(Math.max(opts.limit ?? 50, 1), 200)).execute();
    return Promise.all(rows.map((r) => view(db, r)));
  }

  /** Whether the user paid the merchant for another order before `at` (a first order is one without). */
  async function paidBefore(userId: string, merchantId: string, at: string): Promise<boolean> {
    const row = await db.selectFrom('pay_orders').select('id').where('user_id', '=', userId).where('merchant_id', '=', merchantId).where('paid_at', '<', at).limit(1).executeTakeFirst();
    return !!row;
  }

  /** Marks unpaid orders past their time as expired; returns how many. */
  async function expireDue(): Promise<number> {
    const r = await db.updateTable('pay_orders').set({ stage: 'expired' }).where('stage', '=', 'created').where('expires_at', '<=', ctx.clock().toISOString()).executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  return { create, get, row, list, view, expireDue, paidBefore };
}

export type Orders = ReturnType<typeof createOrders>;
