/**
 * The decisions of the payment sheet, apart from its drawing: which step it opens on for a wallet,
 * what it does after each answer of the host to a payment, and what it offers to top up. Pure (no
 * DOM), tested in Node.
 */
import { minorDigits } from '../../../lib/money.ts';
import type { Wallet } from './api.ts';

export type FirstStep = { step: 'set-pin' } | { step: 'locked'; until: string } | { step: 'pay'; balance: number; shortfall: number };

/** No PIN yet: set one first; locked: nothing to do but wait; otherwise the PIN, and what is missing. */
export function firstStep(wallet: Pick<Wallet, 'balances' | 'pin'>, amount: number, currency: string): FirstStep {
  if (!wallet.pin.hasPin) return { step: 'set-pin' };
  if (wallet.pin.lockedUntil) return { step: 'locked', until: wallet.pin.lockedUntil };
  const balance = wallet.balances[currency] ?? 0;
  return { step: 'pay', balance, shortfall: Math.max(0, amount - balance) };
}

export type AfterError =
  /** A wrong PIN with tries left: clear the boxes and say how many. */
  | { then: 'retry'; message: string }
  /** Too many wrong PINs: the wallet is locked for a while. */
  | { then: 'locked'; message: string }
  /** The balance is short: offer a top-up. */
  | { then: 'top-up'; message: string }
  /** No PIN after all (set elsewhere, reset): set one. */
  | { then: 'set-pin' }
  /** The order cannot be paid any more (expired, gone): only closing is left. */
  | { then: 'closed'; message: string }
  /** Anything else (no connection): say so, and let the user try again. */
  | { then: 'error'; message: string };

/** What the sheet does after the host refused a payment with `code`. */
export function afterPayError(e: { code: string; message: string }): AfterError {
  switch (e.code) {
    case 'wrong_pin':
      return /locked/i.test(e.message) ? { then: 'locked', message: e.message } : { then: 'retry', message: e.message };
    case 'rate_limited':
      return { then: 'locked', message: e.message };
    case 'insufficient_funds':
      return { then: 'top-up', message: 'Your wallet balance is too low for this order.' };
    case 'forbidden':
      return { then: 'set-pin' };
    case 'expired':
      return { then: 'closed', message: 'This order has expired. Close this and place it again.' };
    case 'not_found':
      return { then: 'closed', message: 'This order no longer exists.' };
    case 'network_error':
      return { then: 'error', message: 'No connection. Check it and enter your PIN again.' };
    default:
      return { then: 'error', message: e.message || 'The payment did not go through. Try again.' };
  }
}

/** A top-up that covers `shortfall`, rounded up to a whole unit of the currency (¥12.34 short → ¥13). */
export function suggestedTopUp(shortfall: number, currency: string): number {
  const unit = 10 ** minorDigits(currency);
  return Math.max(unit, Math.ceil(shortfall / unit) * unit);
}

/** The digits of a PIN being typed: digits only, at most six. */
export function pinDigits(text: string): string {
  return text.replace(/\D/g, '').slice(0, 6);
}
