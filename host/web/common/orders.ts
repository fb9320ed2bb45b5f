/**
 * What Atrium's own pages say about orders, refunds, disputes and ledger lines, and which actions
 * an order allows its buyer and its merchant (the host checks again; this only decides what to
 * offer). Pure (no DOM), tested in Node.
 */
import type { DisputeView, OrderItem, OrderStatus, OrderView, RefundView } from '../../modules/payments/browser.ts';
import type { TransferKind } from '../../modules/payments/browser.ts';
import { formatMoney } from '../../../lib/money.ts';

export type Tone = 'green' | 'blue' | 'orange' | 'red' | 'grey';

export interface Label {
  text: string;
  tone: Tone;
}

const STATUS: Record<OrderStatus, Label> = {
  created: { text: 'Awaiting payment', tone: 'orange' },
  paid: { text: 'Paid', tone: 'blue' },
  shipped: { text: 'Shipped', tone: 'blue' },
  completed: { text: 'Completed', tone: 'green' },
  refunded: { text: 'Refunded', tone: 'grey' },
  partially_refunded: { text: 'Partly refunded', tone: 'orange' },
  expired: { text: 'Expired', tone: 'grey' },
  cancelled: { text: 'Cancelled', tone: 'grey' },
  disputed: { text: 'In dispute', tone: 'red' },
};

export function orderStatusLabel(status: OrderStatus): Label {
  return STATUS[status] ?? { text: status, tone: 'grey' };
}

export function refundStatusLabel(r: Pick<RefundView, 'status'>): Label {
  if (r.status === 'pending') return { text: 'Requested', tone: 'orange' };
  if (r.status === 'rejected') return { text: 'Rejected', tone: 'red' };
  return { text: 'Refunded', tone: 'green' };
}

/** Who started a refund, from the buyer's side (`you`) or the merchant's (`the buyer`). */
export function refundBy(r: Pick<RefundView, 'requestedBy'>, viewer: 'user' | 'merchant'): string {
  if (r.requestedBy === 'user') return viewer === 'user' ? 'You asked' : 'The buyer asked';
  if (r.requestedBy === 'admin') return 'Decided by Atrium';
  return viewer === 'user' ? 'By the merchant' : 'By you';
}

export function disputeStatusLabel(d: Pick<DisputeView, 'status' | 'decision' | 'refundAmount'>, currency: string): Label {
  if (d.status === 'open') return { text: 'Open', tone: 'red' };
  if (d.status === 'answered') return { text: 'Answered', tone: 'orange' };
  if (d.decision === 'refund') return { text: `Resolved: ${formatMoney(d.refundAmount ?? 0, currency)} refunded`, tone: 'grey' };
  return { text: 'Resolved: released to the merchant', tone: 'grey' };
}

/** `Longjing 250 g × 2`, or `Longjing 250 g × 2 and 2 more`. */
export function itemsSummary(items: Pick<OrderItem, 'name' | 'quantity'>[]): string {
  const [first, ...rest] = items;
  if (!first) return 'No items';
  const head = `${first.name} × ${first.quantity}`;
  return rest.length ? `${head} and ${rest.length} more` : head;
}

type Money = Pick<OrderView, 'amount' | 'refundedAmount' | 'refunds'>;

/** What has not been refunded yet. */
export function refundableLeft(o: Pick<OrderView, 'amount' | 'refundedAmount'>): number {
  return Math.max(0, o.amount - o.refundedAmount);
}

/** What the buyer can still ask back: not refunded and not asked for already. */
export function askableLeft(o: Money): number {
  const pending = o.refunds.filter((r) => r.status === 'pending').reduce((s, r) => s + r.amount, 0);
  return Math.max(0, refundableLeft(o) - pending);
}

const openDispute = (o: Pick<OrderView, 'dispute'>) => !!o.dispute && o.dispute.status !== 'resolved';

export interface BuyerActions {
  confirmReceipt: boolean;
  requestRefund: boolean;
  openDispute: boolean;
}

/** What the buyer may do with an order now. */
export function buyerActions(o: Pick<OrderView, 'stage' | 'paidAt' | 'holdUntilReceipt' | 'releasedAt' | 'dispute'> & Money): BuyerActions {
  const paid = !!o.paidAt && refundableLeft(o) > 0;
  const disputed = openDispute(o);
  return {
    confirmReceipt: paid && (o.stage === 'paid' || o.stage === 'shipped') && !disputed,
    requestRefund: paid && askableLeft(o) > 0 && !disputed,
    openDispute: paid && o.holdUntilReceipt && !o.releasedAt && !disputed,
  };
}

export interface MerchantActions {
  ship: boolean;
  refund: boolean;
  answerDispute: boolean;
}

/** What the merchant may do with an order now (besides deciding the buyer's refund requests). */
export function merchantActions(o: Pick<OrderView, 'stage' | 'paidAt' | 'dispute'> & Money): MerchantActions {
  const left = refundableLeft(o) > 0;
  return {
    ship: o.stage === 'paid' && left,
    refund: !!o.paidAt && left,
    answerDispute: openDispute(o),
  };
}

/** A ledger line in words, from the side of the account whose statement it is on. */
export function transferLabel(kind: TransferKind, direction: 'in' | 'out'): string {
  switch (kind) {
    case 'topup':
      return 'Top-up';
    case 'payment':
      return direction === 'out' ? 'Payment' : 'Payment received';
    case 'refund':
      return direction === 'in' ? 'Refund' : 'Refund to the buyer';
    case 'release':
      return 'Order settled';
    case 'fee':
      return 'Platform fee';
    case 'withdrawal':
      return 'Withdrawal';
    case 'withdrawal_return':
      return 'Withdrawal returned';
    default:
      return kind;
  }
}
