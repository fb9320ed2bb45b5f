import { AtriumError, type HostImplementation } from '../../../sdk/contract/index.ts';
import type { BridgeContext } from '../../bridge/context.ts';
import type { Prompts } from '../../sessions/prompts.ts';
import { accounts, balanceOf } from './ledger.ts';
import type { Payments } from './service.ts';

export interface PaymentsBridgeDeps {
  payments: Payments;
  prompts: Prompts;
  /** What the payment sheet calls the program and its merchant. */
  names(appId: string, merchantId: string): Promise<{ appName: string; merchantName: string }>;
}

/**
 * The `payments` namespace as programs see it. A program only makes orders and asks for payment:
 * the sheet is the host's, drawn by the shell, where the user confirms with the PIN (or not), so
 * no program can move money by itself.
 */
export function paymentsBridge(deps: PaymentsBridgeDeps): HostImplementation<BridgeContext>['payments'] {
  const { payments } = deps;
  const mine = (ctx: BridgeContext) => ({ userId: ctx.userId, appId: ctx.appId });

  return {
    async createOrder(ctx, args) {
      const o = await payments.orders.create({ appId: ctx.appId, merchantId: ctx.merchantId, userId: ctx.userId }, args);
      if (o.status !== 'created') throw new AtriumError('conflict', `The order for outTradeNo "${args.outTradeNo}" is already ${o.status}.`);
      return { orderId: o.orderId, amount: o.amount, currency: o.currency, status: 'created' };
    },

    async requestPayment(ctx, { orderId }) {
      const o = await payments.orders.get(mine(ctx), orderId);
      if (o.paidAt) return { orderId, status: 'paid', paidAt: o.paidAt };
      if (o.status !== 'created') throw new AtriumError('expired', 'The order has expired; place it again.');
      const names = await deps.names(ctx.appId, ctx.merchantId);
      // The sheet stays open as long as the order can be paid (topping up inside it takes time).
      await deps.prompts.ask(
        ctx.sessionId,
        {
          kind: 'payment',
          orderId,
          ...names,
          items: o.items.map((i) => ({ name: i.name, quantity: i.quantity, unitAmount: i.unitAmount })),
          amount: o.amount,
          currency: o.currency,
          expiresAt: o.expiresAt,
        },
        Date.parse(o.expiresAt) - Date.now(),
      );
      // Whatever the shell answered, the books say whether the order was paid.
      const after = await payments.orders.get(mine(ctx), orderId);
      if (after.paidAt) return { orderId, status: 'paid', paidAt: after.paidAt };
      if (after.status === 'expired') throw new AtriumError('expired', 'The order expired before it was paid; place it again.');
      const balance = await balanceOf(payments.db, accounts.wallet(ctx.userId), o.currency);
      if (balance < o.amount) throw new AtriumError('insufficient_funds', 'The wallet balance is too low for this order.');
      throw new AtriumError('payment_cancelled');
    },

    async getOrder(ctx, { orderId }) {
      const o = await payments.orders.get(mine(ctx), orderId);
      return { orderId: o.orderId, status: o.status, amount: o.amount, refundedAmount: o.refundedAmount, currency: o.currency, createdAt: o.createdAt, paidAt: o.paidAt };
    },

    async requestRefund(ctx, args) {
      const r = await payments.refunds.request(ctx.userId, args.orderId, { amount: args.amount, reason: args.reason, outRefundNo: args.outRefundNo, appId: ctx.appId });
      return { refundId: r.refundId, amount: r.amount, status: r.status };
    },
  };
}
