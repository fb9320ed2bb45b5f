// The contract's leaf files, not its index: pages read card numbers with these rules, and the
// index would bring the schema library into their bundles.
import { isSupportedCurrency, unsupportedCurrencyMessage } from '../../../sdk/contract/currencies.ts';
import { AtriumError } from '../../../sdk/contract/errors.ts';

/**
 * What a money request is checked against before anything moves: the same rules for top-ups,
 * withdrawals and the HTTP schemas. Pure, so Atrium's own pages read card numbers the same way.
 */
/** Refuses an amount that is not a whole number of minor units from 1 to `max`. */
export function checkAmount(amount: number, max: number, what: string): void {
  if (!Number.isSafeInteger(amount) || amount < 1 || amount > max) throw new AtriumError('invalid_args', `${what} is 1 to ${max} minor units.`);
}

/** Refuses a currency the platform does not keep money in (sdk/contract/currencies.ts). */
export function checkCurrency(currency: string): void {
  if (!isSupportedCurrency(currency)) throw new AtriumError('invalid_args', `The currency is ${unsupportedCurrencyMessage}.`);
}

/** The digits of a card number as typed (`4242 4242-4242 4242`), or null when it cannot be one. */
export function cardDigits(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{12,19}$/.test(digits) ? digits : null;
}
