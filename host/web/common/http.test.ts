import { describe, expect, it } from 'vitest';
import { pageAccountKind } from './http.ts';

describe('the account a page acts for', () => {
  it('is the merchant in the merchant console, the admin in the admin console and the user elsewhere', () => {
    expect(pageAccountKind('/console')).toBe('merchant');
    expect(pageAccountKind('/console/apps/tea')).toBe('merchant');
    expect(pageAccountKind('/admin/review')).toBe('admin');
    expect(pageAccountKind('/')).toBe('user');
    expect(pageAccountKind('/app/shop')).toBe('user');
    expect(pageAccountKind('/consoles')).toBe('user');
  });
});
