import { describe, expect, it } from 'vitest';
import { afterPayError, firstStep, pinDigits, suggestedTopUp } from './pay-state.ts';

const wallet = (balances: Record<string, number>, pin: Partial<{ hasPin: boolean; lockedUntil: string | null }> = {}) => ({
  balances,
  pin: { hasPin: true, lockedUntil: null, triesLeft: 5, ...pin },
});

describe('the payment sheet', () => {
  it('opens on setting a PIN when there is none, on the lock when locked, else on the PIN with what is short', () => {
    expect(firstStep(wallet({ CNY: 100_00 }, { hasPin: false }), 96_00, 'CNY')).toEqual({ step: 'set-pin' });
    expect(firstStep(wallet({ CNY: 100_00 }, { lockedUntil: '2026-03-12T10:15:00Z' }), 96_00, 'CNY')).toEqual({ step: 'locked', until: '2026-03-12T10:15:00Z' });
    expect(firstStep(wallet({ CNY: 100_00 }), 96_00, 'CNY')).toEqual({ step: 'pay', balance: 100_00, shortfall: 0 });
    expect(firstStep(wallet({ CNY: 50_00 }), 96_00, 'CNY')).toEqual({ step: 'pay', balance: 50_00, shortfall: 46_00 });
    // A balance in another currency does not pay.
    expect(firstStep(wallet({ USD: 500_00 }), 96_00, 'CNY')).toEqual({ step: 'pay', balance: 0, shortfall: 96_00 });
  });

  it('retries a wrong PIN with the tries left, and stops at the lock', () => {
    expect(afterPayError({ code: 'wrong_pin', message: 'Wrong PIN: 4 tries left.' })).toEqual({ then: 'retry', message: 'Wrong PIN: 4 tries left.' });
    expect(afterPayError({ code: 'wrong_pin', message: 'Wrong PIN: the wallet is now locked for 15 minutes.' }).then).toBe('locked');
    expect(afterPayError({ code: 'rate_limited', message: 'Too many wrong PINs: the wallet is locked until 10:15:00.' })).toEqual({ then: 'locked', message: 'Too many wrong PINs: the wallet is locked until 10:15:00.' });
  });

  it('offers a top-up when the balance is short, a PIN when there is none, and only closing for an expired order', () => {
    expect(afterPayError({ code: 'insufficient_funds', message: 'The wallet is too low for 9600 CNY.' }).then).toBe('top-up');
    expect(afterPayError({ code: 'forbidden', message: 'Set a payment PIN in your wallet first.' })).toEqual({ then: 'set-pin' });
    expect(afterPayError({ code: 'expired', message: 'The order has expired; place it again.' }).then).toBe('closed');
    expect(afterPayError({ code: 'not_found', message: 'No order.' }).then).toBe('closed');
    expect(afterPayError({ code: 'network_error', message: 'x' }).then).toBe('error');
    expect(afterPayError({ code: 'internal', message: 'Something broke.' })).toEqual({ then: 'error', message: 'Something broke.' });
  });

  it('suggests a top-up that covers the shortfall in whole units', () => {
    expect(suggestedTopUp(46_00, 'CNY')).toBe(46_00);
    expect(suggestedTopUp(12_34, 'CNY')).toBe(13_00);
    expect(suggestedTopUp(1, 'CNY')).toBe(1_00);
    expect(suggestedTopUp(0, 'CNY')).toBe(1_00);
    expect(suggestedTopUp(1501, 'JPY')).toBe(1501);
  });

  it('keeps six digits of what is typed as a PIN', () => {
    expect(pinDigits('12a3 4-5')).toBe('12345');
    expect(pinDigits('12345678')).toBe('123456');
    expect(pinDigits('')).toBe('');
  });
});
