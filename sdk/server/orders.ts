import { requestJson, type HostConnection } from './request.ts';
import { subscriptionMessages } from './subscription-messages.ts';

/** An order as the merchant API returns it. */
export interface MerchantOrder {
  orderId: string;
  appId: string;
  status: 'created' | 'paid' | 'shipped' | 'completed' | 'refunded' | 'partially_refunded' | 'expired' | 'cancelled' | 'disputed';
  amount: number;
  refundedAmount: number;
  currency: string;
  items: { sku: string; name: string; quantity: number; unitAmount: number }[];
  outTradeNo: string | null;
  createdAt: string;
  paidAt: string | null;
  shippedAt: string | null;
  releasedAt: string | null;
}

export interface MerchantRefund {
  refundId: string;
  amount: number;
  status: 'pending' | 'refunded' | 'rejected';
}

/**
 * Who calls: one app's id and secret (from the console; the backend then sees only that app's
 * orders), or a merchant token (`atrium login` keeps one in ~/.config/atrium/credentials.json).
 */
export type MerchantApiOptions = HostConnection & ({ appId: string; appSecret: string } | { token: string });

/**
 * The merchant API from your own backend: list and read orders, mark them shipped, refund, send
 * subscription messages. Every write takes an `idempotencyKey`: send the same one when you retry,
 * and the host does the work once and answers the retry with the first result.
 *
 * @example
 * import { merchantApi } from 'atrium/server';
 * const atrium = merchantApi({ baseUrl: 'https://atrium.example.com', appId: 'shop', appSecret: process.env.SHOP_SECRET! });
 * await atrium.ship('ord_7Hq2', { idempotencyKey: 'ship-ord_7Hq2' });
 * await atrium.refund('ord_7Hq2', { amount: 4800, reason: 'One box arrived damaged', idempotencyKey: 'rf-1' });
 * await atrium.sendSubscriptionMessage('shop', { openid, templateId: 'order-shipped', fields: { order: 'TH-1001' }, page: 'pages/result', idempotencyKey: 'shipped-ord_7Hq2' });
 */
export function merchantApi(options: MerchantApiOptions) {
  // btoa over UTF-8 bytes rather than Buffer, so this also runs on edge runtimes.
  const basic = (id: string, secret: string) => btoa(String.fromCharCode(...new TextEncoder().encode(`${id}:${secret}`)));
  const auth = { authorization: 'token' in options ? `Bearer ${options.token}` : `Basic ${basic(options.appId, options.appSecret)}` };
  const key = (k: string | undefined): Record<string, string> => (k ? { 'idempotency-key': k } : {});
  const id = encodeURIComponent;
  return {
    ...subscriptionMessages(options, auth),
    /** Your orders, newest first; `before` (an order's createdAt) pages back. */
    async listOrders(filter: { appId?: string; before?: string; limit?: number } = {}): Promise<MerchantOrder[]> {
      const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
      return (await requestJson<{ orders: MerchantOrder[] }>(options, 'GET', `/api/merchant/orders${q.size ? `?${q}` : ''}`, undefined, auth)).orders;
    },
    async getOrder(orderId: string): Promise<MerchantOrder> {
      return (await requestJson<{ order: MerchantOrder }>(options, 'GET', `/api/merchant/orders/${id(orderId)}`, undefined, auth)).order;
    },
    /** Marks a paid order shipped; held funds go to you 10 days later unless the buyer confirms sooner. */
    async ship(orderId: string, opts: { idempotencyKey?: string } = {}): Promise<MerchantOrder> {
      return (await requestJson<{ order: MerchantOrder }>(options, 'POST', `/api/merchant/orders/${id(orderId)}/ship`, {}, { ...auth, ...key(opts.idempotencyKey) })).order;
    },
    /** Refunds all that is left, or `amount` minor units of it; `outRefundNo` is your own refund id. */
    async refund(orderId: string, input: { amount?: number; reason: string; outRefundNo?: string; idempotencyKey?: string }): Promise<MerchantRefund> {
      const { idempotencyKey, ...body } = input;
      return (await requestJson<{ refund: MerchantRefund }>(options, 'POST', `/api/merchant/orders/${id(orderId)}/refunds`, body, { ...auth, ...key(idempotencyKey) })).refund;
    },
  };
}
