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
