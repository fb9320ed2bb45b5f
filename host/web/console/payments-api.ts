/**
 * The merchant's payments and webhooks API as the console calls it (see
 * host/modules/payments/merchant.routes.ts and host/modules/webhooks/routes.ts). Money-moving
 * writes carry an `Idempotency-Key` the caller keeps for one intent, so a retry never repeats them.
 */
import type { DisputeView, OrderView, RefundView, WithdrawalView } from '../../modules/payments/browser.ts';
import type { Transfer } from '../../modules/payments/browser.ts';
import type { AttemptView, DeliveryView, EndpointView, WebhookEventType } from '../../modules/webhooks/browser.ts';
import { queryString, request, seg } from '../common/http.ts';

export type { DisputeView, OrderView, RefundView, WithdrawalView } from '../../modules/payments/browser.ts';
export type { DeliveryView, EndpointView, WebhookEventType } from '../../modules/webhooks/browser.ts';

export interface Balances {
  /** Settled: the merchant's to keep (less refunds made after settlement). */
  available: Record<string, number>;
  /** Paid for orders that wait for the buyer's receipt. */
  held: Record<string, number>;
  /** The card provider moves no real money: the payout form names its test cards. */
  sandbox: boolean;
}

export type StatementEntry = Transfer & { direction: 'in' | 'out' };
export type MerchantDispute = DisputeView & { orderId: string; merchantId: string; appId: string; amount: number; currency: string };
export type Attempt = AttemptView;

const order = (orderId: string) => `/api/merchant/orders/${seg(orderId)}`;
const keyed = (key: string) => ({ 'idempotency-key': key });

export const paymentsApi = {
  orders: (f: { appId?: string; before?: string; limit?: number } = {}) => request<{ orders: OrderView[] }>('GET', `/api/merchant/orders${queryString(f)}`).then((r) => r.orders),
  order: (orderId: string) => request<{ order: OrderView }>('GET', order(orderId)).then((r) => r.order),
  ship: (orderId: string, key: string) => request<{ order: OrderView }>('POST', `${order(orderId)}/ship`, {}, keyed(key)).then((r) => r.order),
  /** `amount` in minor units, or everything not yet refunded when left out. */
  refund: (orderId: string, body: { amount?: number; reason: string }, key: string) => request<{ refund: RefundView }>('POST', `${order(orderId)}/refunds`, body, keyed(key)).then((r) => r.refund),
  /** The merchant's answer to a buyer's refund request. */
  decideRefund: (refundId: string, approve: boolean, key: string) => request<{ refund: RefundView }>('POST', `/api/merchant/refunds/${seg(refundId)}/${approve ? 'approve' : 'reject'}`, {}, keyed(key)).then((r) => r.refund),
  disputes: () => request<{ disputes: MerchantDispute[] }>('GET', '/api/merchant/disputes').then((r) => r.disputes),
  answerDispute: (disputeId: string, answer: string, key: string) => request<{ dispute: DisputeView }>('POST', `/api/merchant/disputes/${seg(disputeId)}/answer`, { answer }, keyed(key)).then((r) => r.dispute),
  balance: () => request<Balances>('GET', '/api/merchant/balance'),
  /** Sends `amount` (minor units) of the available balance to a card; a refused card is `payment_declined`, the money back. */
  payout: (body: { amount: number; currency: string; card: string }, key: string) => request<{ payout: WithdrawalView }>('POST', '/api/merchant/payouts', body, keyed(key)).then((r) => r.payout),
  payouts: () => request<{ payouts: WithdrawalView[] }>('GET', '/api/merchant/payouts').then((r) => r.payouts),
  statement: (currency: string, before?: string) => request<{ entries: StatementEntry[] }>('GET', `/api/merchant/statement${queryString({ currency, before })}`).then((r) => r.entries),

  endpoints: () => request<{ endpoints: EndpointView[] }>('GET', '/api/merchant/webhooks/endpoints').then((r) => r.endpoints),
  /** The `whsec_` secret comes back this once. No `events`: every event. */
  addEndpoint: (body: { url: string; events?: WebhookEventType[] }) => request<{ endpoint: EndpointView & { secret: string } }>('POST', '/api/merchant/webhooks/endpoints', body).then((r) => r.endpoint),
  removeEndpoint: (endpointId: string) => request<{ ok: true }>('DELETE', `/api/merchant/webhooks/endpoints/${seg(endpointId)}`),
  deliveries: (f: { status?: DeliveryView['status']; endpointId?: string } = {}) => request<{ deliveries: DeliveryView[] }>('GET', `/api/merchant/webhooks/deliveries${queryString(f)}`).then((r) => r.deliveries),
  attempts: (deliveryId: string) => request<{ attempts: Attempt[] }>('GET', `/api/merchant/webhooks/deliveries/${seg(deliveryId)}/attempts`).then((r) => r.attempts),
  redeliver: (deliveryId: string) => request<{ delivery: DeliveryView }>('POST', `/api/merchant/webhooks/deliveries/${seg(deliveryId)}/redeliver`).then((r) => r.delivery),
};

/** Every event type a merchant can subscribe to, in words, from the events contract. */
export { eventNames, eventTypes } from '../../../sdk/contract/event-names.ts';
