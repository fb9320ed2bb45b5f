import type { PaymentsTables } from './tables.ts';

export type OrderRow = PaymentsTables['pay_orders'];
export type RefundRow = PaymentsTables['pay_refunds'];
export type DisputeRow = PaymentsTables['pay_disputes'];

/** The statuses of the SDK contract, told from the order's stage, refunds and dispute. */
export type OrderStatus = 'created' | 'paid' | 'shipped' | 'completed' | 'refunded' | 'partially_refunded' | 'expired' | 'cancelled' | 'disputed';

export interface OrderItem {
  sku: string;
  name: string;
  quantity: number;
  unitAmount: number;
}

export interface RefundView {
  refundId: string;
  amount: number;
  reason: string;
  status: RefundRow['status'];
  requestedBy: RefundRow['requested_by'];
  outRefundNo: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface DisputeView {
  disputeId: string;
  reason: string;
  status: DisputeRow['status'];
  answer: string | null;
  decision: DisputeRow['decision'];
  refundAmount: number | null;
  note: string | null;
  createdAt: string;
  answeredAt: string | null;
  decidedAt: string | null;
}

export interface OrderView {
  orderId: string;
  appId: string;
  merchantId: string;
  status: OrderStatus;
  stage: OrderRow['stage'];
  amount: number;
  refundedAmount: number;
  currency: string;
  /** The platform's fee on what is released to the merchant, in basis points, fixed when the order was made. */
  feeBps: number;
  items: OrderItem[];
  shipping: boolean;
  holdUntilReceipt: boolean;
  note: string | null;
  outTradeNo: string | null;
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
  shippedAt: string | null;
  releaseDueAt: string | null;
  releasedAt: string | null;
  refunds: RefundView[];
  dispute: DisputeView | null;
}

export function statusOf(o: OrderRow, dispute: DisputeRow | undefined, at: Date): OrderStatus {
  if (o.stage === 'created' && Date.parse(o.expires_at) <= at.getTime()) return 'expired';
  if (dispute && dispute.status !== 'resolved') return 'disputed';
  const refunded = Number(o.refunded_amount);
  if (refunded > 0) return refunded >= Number(o.amount) ? 'refunded' : 'partially_refunded';
  return o.stage;
}

export const refundView = (r: RefundRow): RefundView => ({
  refundId: r.id,
  amount: Number(r.amount),
  reason: r.reason,
  status: r.status,
  requestedBy: r.requested_by,
  outRefundNo: r.out_refund_no,
  createdAt: r.created_at,
  decidedAt: r.decided_at,
});

export const disputeView = (d: DisputeRow): DisputeView => ({
  disputeId: d.id,
  reason: d.reason,
  status: d.status,
  answer: d.answer,
  decision: d.decision,
  refundAmount: d.refund_amount === null ? null : Number(d.refund_amount),
  note: d.note,
  createdAt: d.created_at,
  answeredAt: d.answered_at,
  decidedAt: d.decided_at,
});

export function orderView(o: OrderRow, refunds: RefundRow[], dispute: DisputeRow | undefined, at: Date): OrderView {
  return {
    orderId: o.id,
    appId: o.app_id,
    merchantId: o.merchant_id,
    status: statusOf(o, dispute, at),
    stage: o.stage,
    amount: Number(o.amount),
    refundedAmount: Number(o.refunded_amount),
    currency: o.currency,
    feeBps: Number(o.fee_bps),
    items: JSON.parse(o.items) as OrderItem[],
    shipping: Number(o.shipping) === 1,
    holdUntilReceipt: Number(o.hold) === 1,
    note: o.note,
    outTradeNo: o.out_trade_no,
    createdAt: o.created_at,
    expiresAt: o.expires_at,
    paidAt: o.paid_at,
    shippedAt: o.shipped_at,
    releaseDueAt: o.release_due_at,
    releasedAt: o.released_at,
    refunds: refunds.map(refundView),
    dispute: dispute ? disputeView(dispute) : null,
  };
}
