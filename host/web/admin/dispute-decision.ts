/**
 * An admin's decision on a payment dispute as the form gives it: release the held money to the
 * merchant, or refund the buyer all of it or part, with a note both sides see. Pure (no DOM),
 * tested in Node.
 */
import { formatMoney, parseMoney } from '../../../lib/money.ts';
import type { DisputeDecision } from './api.ts';

/** What the form says as a decision, or why it cannot be one. */
export function decisionFrom(choice: string, amountText: string, noteText: string, currency: string, max: number): DisputeDecision | { error: string } {
  const text = noteText.trim();
  if (text.length < 4) return { error: 'Note: say why, in at least 4 characters. Both sides see it.' };
  if (choice === 'release') return { decision: 'release', note: text };
  if (choice !== 'refund') return { error: 'Choose: release to the merchant, or refund the buyer.' };
  if (!amountText.trim()) return { decision: 'refund', note: text };
  const amount = parseMoney(amountText, currency);
  if (amount === null || amount > max) return { error: `Amount: give an amount up to ${formatMoney(max, currency)}, or leave it empty to refund everything left.` };
  return { decision: 'refund', amount, note: text };
}
