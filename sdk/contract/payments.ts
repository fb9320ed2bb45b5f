import { z } from 'zod';
import { isSupportedCurrency, unsupportedCurrencyMessage } from './currencies.ts';
import { method } from './define.ts';

/** The largest amount of one order or refund, in minor units (100 million in major units). */
const maxAmount = 100_000_000_00;
/** Money in integer minor units (cents, fen) of the order's currency. */
const amount = z.number().int().nonnegative().max(maxAmount);
/** The ISO 4217 code of a currency the platform supports, like "CNY" (currencies.ts lists them). */
const currency = z.string().refine(isSupportedCurrency, unsupportedCurrencyMessage);
const id = z.string().min(1).max(64).regex(/^[\w.:-]+$/, 'letters, digits and . : _ -');
const orderId = id;

const item = z
  .object({
    sku: id,
    name: z.string().min(1).max(120),
    quantity: z.number().int().min(1).max(10_000),
    unitAmount: amount,
  })
  .strict();

const orderStatuses = [
  'created',
  'paid',
  'shipped',
  'completed',
  'refunded',
  'partially_refunded',
  'expired',
  'cancelled',
  'disputed',
] as const;

/**
 * Orders and payment. The program only creates orders and asks for payment; the money moves only
 * after the user confirms in the host's payment sheet, which no program can draw or script.
 */
export const payments = {
  /**
   * Creates an order for the current user; the host computes the amount from the items, and the
   * same `outTradeNo` always gives back the same order, so retrying is safe.
   * @example
   * const order = await payments.createOrder({
   *   items: [{ sku: 'tea-1', name: 'Oolong tea 250 g', quantity: 2, unitAmount: 4800 }],
   *   currency: 'CNY',
   *   shipping: true,
   *   outTradeNo: 'shop-20240501-0042',
   * });
   */
  createOrder: method({
    args: z
      .object({
        items: z.array(item).min(1).max(100),
        currency,
        /** The order needs a delivery address, which the host asks for in the payment sheet. */
        shipping: z.boolean().optional(),
        /** Keep the money held until the buyer confirms receipt (or it auto-confirms). */
        holdUntilReceipt: z.boolean().optional(),
        /** The merchant's own order id; the idempotency key of this call. */
        outTradeNo: id.optional(),
        note: z.string().max(200).optional(),
      })
      .strict()
      .refine((o) => o.items.reduce((sum, i) => sum + i.quantity * i.unitAmount, 0) <= maxAmount, {
        message: `the order total is over ${maxAmount} minor units`,
        path: ['items'],
      }),
    result: z.object({ orderId, amount, currency, status: z.literal('created') }),
    scope: 'payments',
  }),
  /**
   * Shows the host's payment sheet for an order and resolves once the user has paid; rejects with
   * `payment_cancelled` if they close it, or `insufficient_funds` if their wallet is too low.
   * @example
   * try {
   *   const { paidAt } = await payments.requestPayment({ orderId: order.orderId });
   *   await ui.redirectTo({ url: '/pages/done' });
   * } catch (e) {
   *   if (e.code === 'payment_cancelled') await ui.toast({ title: 'Payment cancelled', icon: 'none' });
   * }
   */
  requestPayment: method({
    args: z.object({ orderId }).strict(),
    result: z.object({ orderId, status: z.literal('paid'), paidAt: z.iso.datetime() }),
    scope: 'payments',
  }),
  /**
   * Reads the current state of one of this program's orders for the current user.
   * @example
   * const { status, amount, refundedAmount } = await payments.getOrder({ orderId: 'ord_7Hq2' });
   */
  getOrder: method({
    args: z.object({ orderId }).strict(),
    result: z.object({
      orderId,
      status: z.enum(orderStatuses),
      amount,
      refundedAmount: amount,
      currency,
      createdAt: z.iso.datetime(),
      paidAt: z.iso.datetime().nullable(),
    }),
    scope: 'payments',
  }),
  /**
   * Asks for a refund of a paid order on the user's behalf, in full or (with `amount`) in part; the
   * merchant approves it unless the host can refund at once. Repeated partial refunds are allowed,
   * and the same `outRefundNo` always gives back the same refund.
   * @example
   * const { refundId, status } = await payments.requestRefund({ orderId: 'ord_7Hq2', amount: 4800, reason: 'One box arrived damaged' });
   */
  requestRefund: method({
    args: z
      .object({
        orderId,
        /** Minor units to refund; the whole unrefunded amount when left out. */
        amount: amount.min(1).optional(),
        reason: z.string().min(1).max(200),
        /** The merchant's own refund id; the idempotency key of this call. */
        outRefundNo: id.optional(),
      })
      .strict(),
    result: z.object({ refundId: id, amount, status: z.enum(['pending', 'refunded', 'rejected']) }),
    scope: 'payments',
  }),
};
