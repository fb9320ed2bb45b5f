import { describe, expect, it } from 'vitest';
import { cardDigits, maskedCard, withdrawalOutcome, withdrawalStatusLabel } from './withdrawals.ts';

const w = { amount: 12_34, currency: 'CNY', card: '•••• 4242', reason: null };

describe('withdrawals in words', () => {
  it('names every status with a colour', () => {
    expect(withdrawalStatusLabel({ status: 'pending' })).toEqual({ text: 'Pending', tone: 'orange' });
    expect(withdrawalStatusLabel({ status: 'succeeded' })).toEqual({ text: 'Sent', tone: 'green' });
    expect(withdrawalStatusLabel({ status: 'failed' })).toEqual({ text: 'Failed', tone: 'red' });
  });

  it('reads a card number as typed, with spaces or dashes, and masks it as the host does', () => {
    expect(cardDigits(' 4242 4242-4242 4242 ')).toBe('4242424242424242');
    expect(cardDigits('4242 4242 42')).toBeNull();
    expect(cardDigits('4242 4242 4242 424x')).toBeNull();
    expect(cardDigits('4'.repeat(20))).toBeNull();
    expect(maskedCard('4000000000000069')).toBe('•••• 0069');
  });

  it('says where the money went, that it is on its way, or why it came back', () => {
    expect(withdrawalOutcome({ ...w, status: 'succeeded' }, 'wallet')).toBe('¥12.34 sent to •••• 4242');
    expect(withdrawalOutcome({ ...w, status: 'pending' }, 'wallet')).toMatch(/^¥12\.34 is on its way to •••• 4242\./);
    expect(withdrawalOutcome({ ...w, status: 'failed', reason: 'The card cannot receive payouts.' }, 'wallet')).toBe('The card cannot receive payouts. The money is back in your wallet.');
    expect(withdrawalOutcome({ ...w, status: 'failed' }, 'balance')).toBe('The card refused the payout. The money is back in your balance.');
  });
});
