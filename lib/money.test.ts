import { describe, expect, it } from 'vitest';
import { formatBalances, formatMoney, minorDigits, moneyInputValue, parseMoney } from './money.ts';

describe('money for people', () => {
  it('writes minor units as major units with the symbol', () => {
    expect(formatMoney(9600, 'CNY')).toBe('¥96.00');
    expect(formatMoney(5, 'CNY')).toBe('¥0.05');
    expect(formatMoney(0, 'CNY')).toBe('¥0.00');
    expect(formatMoney(123_456_789, 'USD')).toBe('$1,234,567.89');
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
    expect(formatMoney(1234, 'KWD')).toBe('KWD 1.234');
    expect(formatMoney(350, 'CHF')).toBe('CHF 3.50');
  });

  it('signs negative amounts, and positive ones when asked (statements)', () => {
    expect(formatMoney(-500, 'CNY')).toBe('−¥5.00');
    expect(formatMoney(500, 'CNY', { sign: true })).toBe('+¥5.00');
    expect(formatMoney(-500, 'CNY', { sign: true })).toBe('−¥5.00');
    expect(formatMoney(0, 'CNY', { sign: true })).toBe('¥0.00');
  });

  it('lists balances per currency, or a zero when there is none', () => {
    expect(formatBalances({ CNY: 10_000, USD: 250 })).toEqual(['¥100.00', '$2.50']);
    expect(formatBalances({})).toEqual(['¥0.00']);
    expect(formatBalances({}, 'USD')).toEqual(['$0.00']);
  });

  it('knows how many decimals a currency has', () => {
    expect(minorDigits('CNY')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('BHD')).toBe(3);
  });

  it('reads what a person typed as minor units', () => {
    expect(parseMoney('96', 'CNY')).toBe(9600);
    expect(parseMoney('96.5', 'CNY')).toBe(9650);
    expect(parseMoney(' 96.05 ', 'CNY')).toBe(9605);
    expect(parseMoney('1,000.00', 'CNY')).toBe(100_000);
    expect(parseMoney('¥12', 'CNY')).toBe(1200);
    expect(parseMoney('.5', 'CNY')).toBe(50);
    expect(parseMoney('96.', 'CNY')).toBe(9600);
    expect(parseMoney('1500', 'JPY')).toBe(1500);
  });

  it('refuses what is not a positive amount in the currency', () => {
    for (const bad of ['', '0', '0.00', '-5', 'abc', '1.234', '1e3', '1.2.3', '12 34']) expect(parseMoney(bad, 'CNY'), bad).toBeNull();
    expect(parseMoney('15.5', 'JPY')).toBeNull();
  });

  it('writes minor units back into an amount field', () => {
    expect(moneyInputValue(9650, 'CNY')).toBe('96.50');
    expect(moneyInputValue(123_456, 'CNY')).toBe('1234.56');
    expect(moneyInputValue(1500, 'JPY')).toBe('1500');
    expect(parseMoney(moneyInputValue(4321, 'CNY'), 'CNY')).toBe(4321);
  });
});
