import { describe, expect, it } from 'vitest';
import { reasonFrom } from './decision.ts';

describe('a rejection reason from the form', () => {
  it('points at a page, a scope or the whole version', () => {
    expect(reasonFrom('page:pages/index', ' Misspelt greeting ')).toEqual({ page: 'pages/index', message: 'Misspelt greeting' });
    expect(reasonFrom('scope:payments', 'No checkout yet')).toEqual({ scope: 'payments', message: 'No checkout yet' });
    expect(reasonFrom('', 'Crashes on start')).toEqual({ message: 'Crashes on start' });
  });
});
