import { describe, expect, it } from 'vitest';
import { currencyCodes, currencyExponents } from './currencies.ts';
import { payments } from './payments.ts';

describe('the currencies money is kept in', () => {
  it('are current ISO 4217 currencies', () => {
    const known = new Set(Intl.supportedValuesOf('currency'));
    expect(currencyCodes.filter((c) => !known.has(c))).toEqual([]);
  });

  it('carry their ISO 4217 exponents', () => {
    // CLDR's digits (what Intl formats with) agree with ISO 4217 for every currency listed.
    for (const code of currencyCodes) {
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits;
      expect(currencyExponents[code], code).toBe(digits);
    }
    expect(currencyExponents).toMatchObject({ CNY: 2, JPY: 0, KRW: 0, KWD: 3 });
  });

  it('are the only ones a program may order in', () => {
    const order = (currency: string) => payments.createOrder.args.safeParse({ items: [{ sku: 'tea', name: 'Tea', quantity: 1, unitAmount: 100 }], currency });
    expect(order('CNY').success).toBe(true);
    for (const currency of ['XXX', 'ABC', 'DEM', 'XAU', 'cny']) expect(order(currency).success, currency).toBe(false);
  });
});
