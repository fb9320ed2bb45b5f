import { describe, expect, it } from 'vitest';
import { termMatcher } from './terms.ts';

describe('banned-term matching', () => {
  const match = termMatcher(['scam', 'fake id', '假货']);

  it('finds a term without regard to case', () => {
    expect(match('Total SCAM, avoid')).toEqual(['scam']);
  });

  it('matches whole words only, so a longer word holding a term passes', () => {
    expect(match('Fresh scampi tonight')).toEqual([]);
  });

  it('matches a phrase across any run of spaces', () => {
    expect(match('get a fake   ID here')).toEqual(['fake id']);
  });

  it('treats terms as text, not patterns', () => {
    expect(termMatcher(['a.b'])('axb')).toEqual([]);
  });

  it('finds terms in scripts without spaces between words when they stand alone', () => {
    expect(match('不卖 假货')).toEqual(['假货']);
  });
});
