/**
 * Money as Atrium writes and reads it, on every side: the host's messages, the pages, the CLI.
 * The host counts in integer minor units (fen, cents); people see and type major units with a
 * symbol: CNY 9600 is `¥96.00`. Pure (no DOM, no dependency), tested in Node.
 */
import { currencyExponents, isSupportedCurrency } from '../sdk/contract/currencies.ts';

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', HKD: 'HK$', JPY: '¥', TWD: 'NT$', SGD: 'S$' };

/**
 * How many decimal places a currency's minor unit has: 2 for CNY, 0 for JPY, 3 for KWD; the ISO
 * 4217 exponent of every currency the platform keeps money in. Money is never in any other.
 */
export function minorDigits(currency: string): number {
  return isSupportedCurrency(currency) ? currencyExponents[currency] : 2;
}

/** `12,345.60` for 1234560 minor units of a 2-digit currency: no sign, no symbol. */
function majorText(minor: number, digits: number): string {
  const unit = 10 ** digits;
  const whole = Math.floor(minor / unit);
  const fraction = minor % unit;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return digits ? `${grouped}.${String(fraction).padStart(digits, '0')}` : grouped;
}

/**
 * An amount of minor units for people: `¥96.00`, `$1,250.00`, `CHF 3.50` when the currency has no
 * symbol here, `−¥5.00` when negative. With `sign`, a positive amount gets a `+` (statements).
 */
export function formatMoney(minor: number, currency: string, o: { sign?: boolean } = {}): string {
  const digits = minorDigits(currency);
  const symbol = SYMBOLS[currency];
  const body = `${symbol ?? `${currency} `}${majorText(Math.abs(Math.trunc(minor)), digits)}`;
  if (minor < 0) return `−${body}`;
  return o.sign && minor > 0 ? `+${body}` : body;
}

/** Every balance of a `{ CNY: 9600 }` map, or the currency's zero when there is none. */
export function formatBalances(balances: Record<string, number>, fallback = 'CNY'): string[] {
  const entries = Object.entries(balances);
  return entries.length ? entries.map(([c, n]) => formatMoney(n, c)) : [formatMoney(0, fallback)];
}

/**
 * What a person typed as an amount (`96`, `96.5`, `1,000.00`, `¥96`), in minor units; null when
 * it is not a positive amount or has more decimals than the currency has.
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  // A symbol or code in front is fine (`¥12`, `CNY 12`); a minus sign is not.
  const t = text.trim().replace(/^[^\d.\-−]+/, '').replace(/,/g, '');
  const m = /^(\d{1,12})(?:\.(\d*))?$/.exec(t) ?? /^()\.(\d+)$/.exec(t);
  if (!m) return null;
  const fraction = m[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(m[1] || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) && minor > 0 ? minor : null;
}

/** Minor units as the text of an amount field: `96.00` (no symbol, no grouping). */
export function moneyInputValue(minor: number, currency: string): string {
  return majorText(Math.max(0, Math.trunc(minor)), minorDigits(currency)).replace(/,/g, '');
}
