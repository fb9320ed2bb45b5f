import { describe, expect, it } from 'vitest';
import { decisionFrom } from './dispute-decision.ts';

describe("an admin's decision on a dispute", () => {
  it('releases to the merchant with a note', () => {
    expect(decisionFrom('release', '12', ' Tracking shows it was delivered. ', 'CNY', 96_00)).toEqual({ decision: 'release', note: 'Tracking shows it was delivered.' });
  });

  it('refunds everything left when no amount is given, or the amount typed', () => {
    expect(decisionFrom('refund', ' ', 'Never arrived.', 'CNY', 96_00)).toEqual({ decision: 'refund', note: 'Never arrived.' });
    expect(decisionFrom('refund', '48.50', 'One tin was dented.', 'CNY', 96_00)).toEqual({ decision: 'refund', amount: 48_50, note: 'One tin was dented.' });
  });

  it('refuses a decision without a note or a choice, and an amount over the order', () => {
    expect(decisionFrom('release', '', 'ok', 'CNY', 96_00)).toHaveProperty('error', expect.stringMatching(/^Note/));
    expect(decisionFrom('', '', 'Never arrived.', 'CNY', 96_00)).toHaveProperty('error', expect.stringMatching(/^Choose/));
    expect(decisionFrom('refund', '96.01', 'Never arrived.', 'CNY', 96_00)).toHaveProperty('error', expect.stringContaining('¥96.00'));
    expect(decisionFrom('refund', 'lots', 'Never arrived.', 'CNY', 96_00)).toHaveProperty('error');
  });
});
