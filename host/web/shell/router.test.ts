import { describe, expect, it } from 'vitest';
import { appPath, directoryPath, homeTab, mePaths, parseRoute, safeNext } from './router.ts';

describe('shell addresses', () => {
  it('parses the directory with its filter, Me and the sign-in pages', () => {
    expect(parseRoute('/', '?q=tea&category=shopping')).toEqual({ name: 'directory', search: 'tea', category: 'shopping' });
    expect(parseRoute('/me', '')).toEqual({ name: 'me' });
    expect(parseRoute('/login', '?next=%2Fapp%2Fshop')).toEqual({ name: 'auth', mode: 'login', next: '/app/shop' });
    expect(parseRoute('/signup', '')).toEqual({ name: 'auth', mode: 'signup', next: '/' });
  });

  it('parses the wallet, the orders and one order under Me', () => {
    expect(parseRoute('/me/wallet', '')).toEqual({ name: 'wallet' });
    expect(parseRoute('/me/orders', '')).toEqual({ name: 'orders' });
    expect(parseRoute('/me/password', '')).toEqual({ name: 'password' });
    expect(parseRoute('/me/erase', '')).toEqual({ name: 'erase' });
    expect(parseRoute('/me/orders/ord_abc', '')).toEqual({ name: 'order', orderId: 'ord_abc' });
    expect(parseRoute(mePaths.order('a/b?c'), '')).toEqual({ name: 'order', orderId: 'a/b?c' });
    expect(parseRoute('/me/orders/ord_abc/x', '').name).toBe('not-found');
    expect(parseRoute('/me/orders/%E0%A4%A', '').name).toBe('not-found');
    expect(parseRoute('/me/settings', '').name).toBe('not-found');
  });

  it('parses an app address with its query and an optional page', () => {
    expect(parseRoute('/app/shop', '?table=7&from=qr')).toEqual({ name: 'app', appId: 'shop', page: null, query: { table: '7', from: 'qr' } });
    expect(parseRoute('/app/shop/pages/product', '?id=longjing')).toEqual({ name: 'app', appId: 'shop', page: 'pages/product', query: { id: 'longjing' } });
    expect(parseRoute('/app/caf%C3%A9', '')).toMatchObject({ name: 'app', appId: 'café' });
    expect(appPath('shop', { id: 'a b' })).toBe('/app/shop?id=a+b');
  });

  it('refuses pages that are not page routes and malformed escapes', () => {
    expect(parseRoute('/app/shop/..%2F..%2Fetc', '').name).toBe('not-found');
    expect(parseRoute('/app/%E0%A4%A', '').name).toBe('not-found');
    expect(parseRoute('/elsewhere', '').name).toBe('not-found');
  });

  it('only ever sends a signed-in user on to a path of this site', () => {
    expect(safeNext('/app/shop?x=1')).toBe('/app/shop?x=1');
    for (const evil of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', '', null]) expect(safeNext(evil)).toBe('/');
  });

  it('writes the filter of Discover into its address, and reads it back', () => {
    expect(directoryPath({ search: '', category: '' })).toBe('/');
    expect(directoryPath({ search: 'green tea', category: 'shopping' })).toBe('/?q=green+tea&category=shopping');
    const [path, query] = directoryPath({ search: 'a&b', category: '' }).split('?');
    expect(parseRoute(path!, `?${query}`)).toEqual({ name: 'directory', search: 'a&b', category: '' });
  });

  it('puts Discover and Me on the home screen, above the tab bar, and nothing else', () => {
    expect(homeTab(parseRoute('/', '?q=tea'))).toBe('discover');
    expect(homeTab(parseRoute('/me', ''))).toBe('me');
    for (const path of ['/me/wallet', '/me/orders/ord_1', '/login', '/app/shop', '/elsewhere']) expect(homeTab(parseRoute(path, '')), path).toBeNull();
  });
});
