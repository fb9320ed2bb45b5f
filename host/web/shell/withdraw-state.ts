/**
 * The decisions of the withdraw sheet, apart from its drawing: where it goes after each refusal of
 * the host, and so whether the next try is the same attempt (the same idempotency key). Pure (no
 * DOM), tested in Node.
 */
import { afterPayError } from './pay-state.ts';

export type AfterWithdrawError =
  /** Enter the PIN again (a wrong one with tries left, or no answer): the same attempt, the same key. */
  | { then: 'pin'; message: string }
  /** Back to the amount and the card, saying what was wrong with them: the next is a new attempt. */
  | { then: 'form'; message: string }
  /** Nothing to do here but close: the wallet is locked, or has no PIN. */
  | { then: 'closed'; message: string };

/**
 * What the sheet does after the host refused a withdrawal with `code`. `balance` is the balance as
 * the sheet shows it (`¥300.00`). Entering the PIN again is the same attempt: a wrong PIN recorded
 * nothing, and a lost answer may have been a withdrawal the same key finds again. A refused card
 * is a withdrawal of its own, recorded as failed: trying again is a new one.
 */
export function afterWithdrawError(e: { code: string; message: string }, balance: string): AfterWithdrawError {
  switch (e.code) {
    case 'insufficient_funds':
      return { then: 'form', message: `Your balance is too low for this: you have ${balance}.` };
    case 'payment_declined':
    case 'invalid_request':
    case 'invalid_args':
    case 'conflict':
      return { then: 'form', message: e.message };
    case 'forbidden':
      return { then: 'closed', message: 'Set a payment PIN in your wallet first.' };
    case 'network_error':
      return { then: 'pin', message: 'No connection. Check it and enter your PIN again.' };
  }
  const next = afterPayError(e);
  if (next.then === 'locked') return { then: 'closed', message: next.message };
  return { then: 'pin', message: 'message' in next ? next.message : e.message };
}
