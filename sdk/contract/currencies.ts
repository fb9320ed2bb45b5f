/**
 * The currencies Atrium keeps money in, each with its ISO 4217 minor-unit exponent: amounts are
 * integer minor units, so 100 is ¥1.00 in CNY and ¥100 in JPY, and the exponent is part of what
 * supporting a currency means. The list is a choice, not every code ISO 4217 has: the markets the
 * platform's merchants sell in (Greater China, East and Southeast Asia, India, Oceania, North
 * America, Europe, the Gulf). Funds, metals, test codes (XXX) and withdrawn currencies are never
 * money here. Node's `Intl.supportedValuesOf('currency')` is no substitute: it lists those too,
 * and its digits are CLDR's, which differ from ISO 4217's for some currencies (IDR: 0 against 2).
 * Adding one is one line here; every boundary (the bridge, HTTP, top-ups and withdrawals) and the
 * money formatting of Atrium's own pages read this table.
 */
export const currencyExponents = {
  CNY: 2,
  HKD: 2,
  MOP: 2,
  TWD: 2,
  JPY: 0,
  KRW: 0,
  SGD: 2,
  MYR: 2,
  THB: 2,
  VND: 0,
  PHP: 2,
  INR: 2,
  AUD: 2,
  NZD: 2,
  USD: 2,
  CAD: 2,
  EUR: 2,
  GBP: 2,
  CHF: 2,
  AED: 2,
  SAR: 2,
  QAR: 2,
  BHD: 3,
  KWD: 3,
  OMR: 3,
} as const;

export type CurrencyCode = keyof typeof currencyExponents;

export const currencyCodes = Object.keys(currencyExponents) as [CurrencyCode, ...CurrencyCode[]];

export function isSupportedCurrency(code: string): code is CurrencyCode {
  return Object.hasOwn(currencyExponents, code);
}

/** What an error says when a currency is not one of these. */
export const unsupportedCurrencyMessage = `a currency Atrium supports, as its ISO 4217 code: ${currencyCodes.join(', ')}`;
