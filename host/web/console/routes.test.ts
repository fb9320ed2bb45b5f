import { describe, expect, it } from 'vitest';
import { consolePaths, parseConsoleRoute } from './routes.ts';

describe('merchant console addresses', () => {
  it('parses the apps list, the new-app page and an app', () => {
    expect(parseConsoleRoute('/console')).toEqual({ name: 'apps' });
    expect(parseConsoleRoute('/console/')).toEqual({ name: 'apps' });
    expect(parseConsoleRoute('/console/new')).toEqual({ name: 'new' });
    expect(parseConsoleRoute('/console/apps/tea-shop-1a2b3c')).toEqual({ name: 'app', appId: 'tea-shop-1a2b3c' });
    expect(parseConsoleRoute('/console/apps/a%20b')).toEqual({ name: 'app', appId: 'a b' });
  });

  it('parses the orders with their app filter, an order, the balance and the webhooks', () => {
    expect(parseConsoleRoute('/console/orders')).toEqual({ name: 'orders', appId: '' });
    expect(parseConsoleRoute('/console/orders', '?app=shop')).toEqual({ name: 'orders', appId: 'shop' });
    expect(parseConsoleRoute('/console/orders/ord_1a2b')).toEqual({ name: 'order', orderId: 'ord_1a2b' });
    expect(parseConsoleRoute('/console/balance/')).toEqual({ name: 'balance' });
    expect(parseConsoleRoute('/console/webhooks')).toEqual({ name: 'webhooks' });
    expect(parseConsoleRoute('/console/orders/a/b').name).toBe('not-found');
    expect(parseConsoleRoute('/console/orders/%E0%A4%A').name).toBe('not-found');
  });

  it('writes order addresses that parse back, leaving out an empty filter', () => {
    expect(consolePaths.orders()).toBe('/console/orders');
    expect(consolePaths.orders({ appId: '' })).toBe('/console/orders');
    const url = new URL(consolePaths.orders({ appId: 'a&b' }), 'https://x.invalid');
    expect(parseConsoleRoute(url.pathname, url.search)).toEqual({ name: 'orders', appId: 'a&b' });
    expect(parseConsoleRoute(consolePaths.order('ord/1'))).toEqual({ name: 'order', orderId: 'ord/1' });
  });

  it('answers anything else, or a malformed escape, as not found', () => {
    expect(parseConsoleRoute('/console/apps/x/y').name).toBe('not-found');
    expect(parseConsoleRoute('/console/apps/%E0%A4%A').name).toBe('not-found');
    expect(parseConsoleRoute('/console/settings').name).toBe('not-found');
  });

  it('round-trips an app id through its address', () => {
    const id = 'shop/ü?#';
    expect(parseConsoleRoute(consolePaths.app(id))).toEqual({ name: 'app', appId: id });
  });
});
