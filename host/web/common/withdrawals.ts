/**
 * What Atrium's own pages say about withdrawals to a card (a user's from the wallet, a merchant's
 * payouts from the available balance), and the card number as typed. Pure (no DOM), tested in Node.
 */
import type { WithdrawalView } from '../../modules/payments/browser.ts';
import { formatMoney } from '../../../lib/money.ts';
import type { Label } from './orders.ts';

const STATUS: Record<WithdrawalView['status'], Label> = {
  pending: { text: 'Pending', tone: 'orange' },
  succeeded: { text: 'Sent', tone: 'green' },
  failed: { text: 'Failed', tone: 'red' },
};

export function withdrawalStatusLabel(w: Pick<WithdrawalView, 'status'>): Label {
  return STATUS[w.status] ?? { text: w.status, tone: 'grey' };
}

/** The host's own reading of a typed card number, so the form refuses what the host would. */
export { cardDigits } from '../../modules/payments/browser.ts';

/** `•••• 4242`: how the host shows a card, from the digits typed. */
export function maskedCard(digits: string): string {
  return `•••• ${digits.slice(-4)}`;
}

/** The confirmation of a withdrawal the host answered: `¥12.34 sent to •••• 4242`. */
export function withdrawalOutcome(w: Pick<WithdrawalView, 'amount' | 'currency' | 'status' | 'card' | 'reason'>, where: 'wallet' | 'balance'): string {
  const money = formatMoney(w.amount, w.currency);
  if (w.status === 'succeeded') return `${money} sent to ${w.card}`;
  if (w.status === 'pending') return `${money} is on its way to ${w.card}. It shows as pending until the card's bank answers.`;
  return `${w.reason ?? 'The card refused the payout.'} The money is back in your ${where}.`;
}
