/**
 * What the merchant console says about an order for its merchant: what waits for them to do, what
 * they get from it, and where the buyer's money is. Pure (no DOM), tested in Node.
 */
import { formatMoney } from '../../../lib/money.ts';
import { feeOf } from '../../modules/payments/browser.ts';
import { formatDateTime } from '../common/format.ts';
import type { Label } from '../common/orders.ts';
import type { OrderView } from './api.ts';

/** A refund request, a dispute to answer, goods to ship: the chips on the order's row. */
export function waitingOn(o: Pick<OrderView, 'refunds' | 'dispute' | 'stage' | 'shipping'>): Label[] {
  const waiting: Label[] = [];
  if (o.refunds.some((r) => r.status === 'pending')) waiting.push({ text: 'Refund requested', tone: 'orange' });
  if (o.dispute?.status === 'open') waiting.push({ text: 'Dispute to answer', tone: 'red' });
  if (o.stage === 'paid' && o.shipping) waiting.push({ text: 'To ship', tone: 'blue' });
  return waiting;
}

type Paid = Pick<OrderView, 'amount' | 'refundedAmount' | 'currency' | 'paidAt' | 'releasedAt' | 'feeBps'>;

/**
 * What the merchant gets from a paid order, as lines under its items: the platform's fee on what
 * is not refunded (its rate fixed when the order was made) and the rest, as the ledger will move it
 * on release.
 */
export function proceeds(o: Paid): [string, string][] {
  const kept = o.amount - o.refundedAmount;
  if (!o.paidAt || kept <= 0) return [];
  const fee = feeOf(kept, o.feeBps);
  const rate = `${(o.feeBps / 100).toLocaleString(undefined, { maximumFractionDigits: 2 })}%`;
  return [
    [`Platform fee (${rate})`, `−${formatMoney(fee, o.currency)}`],
    [o.releasedAt ? 'You received' : 'You receive on release', formatMoney(kept - fee, o.currency)],
  ];
}

/** Where the buyer's money is: held, settled to the balance, or back with the buyer. */
export function settlement(o: Pick<OrderView, 'amount' | 'refundedAmount' | 'paidAt' | 'releasedAt' | 'releaseDueAt' | 'dispute'>): string {
  if (!o.paidAt) return 'Not paid';
  if (o.refundedAmount >= o.amount) return 'Refunded to the buyer';
  if (o.releasedAt) return `Settled to your balance on ${formatDateTime(o.releasedAt)}, less the platform fee`;
  if (o.dispute && o.dispute.status !== 'resolved') return 'Held while the dispute is open';
  if (o.releaseDueAt) return `Held until the buyer confirms receipt, or ${formatDateTime(o.releaseDueAt)}`;
  return 'Held until the buyer confirms receipt';
}
