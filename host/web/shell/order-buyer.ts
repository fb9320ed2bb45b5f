/**
 * An order from its buyer's side: where it stands, in a sentence, and what a refund request or a
 * dispute the buyer fills in means. Pure (no DOM), tested in Node.
 */
import { formatMoney, parseMoney } from '../../../lib/money.ts';
import type { OrderView } from '../../modules/payments/browser.ts';
import { formatDateTime } from '../common/format.ts';
import { askableLeft } from '../common/orders.ts';

/** Where the order stands, in a sentence for the buyer. */
export function buyerNote(o: OrderView): string {
  switch (o.status) {
    case 'created':
      return `Waiting for payment until ${formatDateTime(o.expiresAt)}.`;
    case 'expired':
      return 'It was not paid in time.';
    case 'paid':
      return o.holdUntilReceipt && !o.releasedAt ? 'Paid. Atrium holds the money until you confirm receipt.' : 'Paid.';
    case 'shipped':
      return o.releaseDueAt ? `On its way. Confirm receipt when it arrives; otherwise it confirms itself on ${formatDateTime(o.releaseDueAt)}.` : 'On its way.';
    case 'completed':
      return 'Completed. The merchant has been paid.';
    case 'disputed':
      return 'In dispute. The money stays held until Atrium decides.';
    case 'refunded':
      return 'Refunded in full to your wallet.';
    case 'partially_refunded':
      return `${formatMoney(o.refundedAmount, o.currency)} was refunded to your wallet.`;
    case 'cancelled':
      return 'Cancelled.';
  }
}

/** A reason as the host takes it, or what is wrong with it. */
export function reasonOf(text: string): { reason: string } | { problem: string } {
  const reason = text.trim();
  return reason.length < 4 ? { problem: 'Reason: say what went wrong, in at least 4 characters.' } : { reason };
}

/** A refund request as typed (the amount in major units), or what is wrong with it. */
export function refundRequestOf(o: OrderView, amountText: string, reasonText: string): { amount: number; reason: string } | { problem: string } {
  const left = askableLeft(o);
  const amount = parseMoney(amountText, o.currency);
  if (amount === null || amount > left) return { problem: `Amount: give an amount up to ${formatMoney(left, o.currency)}.` };
  const reason = reasonOf(reasonText);
  return 'problem' in reason ? reason : { amount, reason: reason.reason };
}
