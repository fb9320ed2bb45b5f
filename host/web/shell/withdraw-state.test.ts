import { describe, expect, it } from 'vitest';
import { afterWithdrawError } from './withdraw-state.ts';

const after = (code: string, message = 'x') => afterWithdrawError({ code, message }, '¥300.00');

describe('the withdraw sheet', () => {
  it('asks for the PIN again after a wrong one, with the tries left, and stops at the lock', () => {
    expect(after('wrong_pin', 'Wrong PIN: 4 tries left.')).toEqual({ then: 'pin', message: 'Wrong PIN: 4 tries left.' });
    expect(after('wrong_pin', 'Wrong PIN: the wallet is now locked for 15 minutes.').then).toBe('closed');
    expect(after('rate_limited', 'Too many wrong PINs: the wallet is locked until 10:15:00.')).toEqual({ then: 'closed', message: 'Too many wrong PINs: the wallet is locked until 10:15:00.' });
    expect(after('forbidden')).toEqual({ then: 'closed', message: 'Set a payment PIN in your wallet first.' });
  });

  it('goes back to the amount and card for a short balance, a refused card or a bad field', () => {
    expect(after('insufficient_funds', 'The wallet balance is too low for 50000 CNY.')).toEqual({ then: 'form', message: 'Your balance is too low for this: you have ¥300.00.' });
    const refused = 'The card cannot receive payouts. The money is back in your wallet.';
    expect(after('payment_declined', refused)).toEqual({ then: 'form', message: refused });
    expect(after('invalid_request', 'Card number: too short').then).toBe('form');
  });

  it('asks for the PIN again when the answer was lost (the same attempt, the same key)', () => {
    expect(after('network_error')).toEqual({ then: 'pin', message: 'No connection. Check it and enter your PIN again.' });
    expect(after('internal', 'Something went wrong.')).toEqual({ then: 'pin', message: 'Something went wrong.' });
    expect(after('conflict').then).toBe('form');
  });
});
