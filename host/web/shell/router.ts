/**
 * The shell's addresses, on the history API:
 *   /                          the directory (?q= search, ?category=)
 *   /app/<appId>[/<page>]?...  a mini-program, its query handed to the page's onLoad
 *   /me                        the Me page
 *   /me/wallet                 the wallet: balance, top up, PIN, statement
 *   /me/orders[/<orderId>]     my orders, and one order with its refunds and dispute
 *   /me/password               change the password (other devices are signed out)
 *   /me/erase                  erase the account
 *   /login, /signup            sign in or create an account (?next= where to go after)
 * Parsing is pure (no DOM), so it is tested in Node.
 */
import { createHistoryRouter, decodeSegment, type Router as HistoryRouter, type RouterHooks as HistoryHooks } from '../common/history.ts';

export type Route =
  | { name: 'directory'; search: string; category: string }
  | { name: 'app'; appId: string; page: string | null; query: Record<string, string> }
  | { name: 'me' }
  | { name: 'wallet' }
  | { name: 'orders' }
  | { name: 'order'; orderId: string }
  | { name: 'password' }
  | { name: 'erase' }
  | { name: 'auth'; mode: 'login' | 'signup'; next: string }
  | { name: 'not-found'; path: string };

/**
 * The tabs of the home screen, which keep the tab bar under them; every other page stands alone
 * (the pages under Me have a way back instead, a mini-program its own chrome).
 */
export type HomeTab = 'discover' | 'me';

export function homeTab(route: Route): HomeTab | null {
  if (route.name === 'directory') return 'discover';
  if (route.name === 'me') return 'me';
  return null;
}

/** A page route inside a program: `pages/product`, letters, digits and `_-/` only. */
const PAGE = /^[\w-]+(\/[\w-]+)*$/;

export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  if (pathname === '/' || pathname === '') return { name: 'directory', search: params.get('q') ?? '', category: params.get('category') ?? '' };
  if (pathname === '/me') return { name: 'me' };
  if (pathname === '/me/wallet') return { name: 'wallet' };
  if (pathname === '/me/orders') return { name: 'orders' };
  if (pathname === '/me/password') return { name: 'password' };
  if (pathname === '/me/erase') return { name: 'erase' };
  const order = /^\/me\/orders\/([^/]+)$/.exec(pathname);
  const orderId = order && decodeSegment(order[1]!);
  if (orderId) return { name: 'order', orderId };
  if (pathname === '/login' || pathname === '/signup') return { name: 'auth', mode: pathname === '/login' ? 'login' : 'signup', next: safeNext(params.get('next')) };
  const app = /^\/app\/([^/]+)(?:\/(.+))?$/.exec(pathname);
  if (app) {
    const appId = decodeSegment(app[1]!);
    const page = app[2] ? decodeSegment(app[2])?.replace(/\/+$/, '') : null;
    if (appId === null || page === undefined) return { name: 'not-found', path: pathname };
    if (page !== null && !PAGE.test(page)) return { name: 'not-found', path: pathname };
    const query: Record<string, string> = {};
    for (const [k, v] of params) query[k] = v;
    return { name: 'app', appId, page: page || null, query };
  }
  return { name: 'not-found', path: pathname };
}

/** Discover's address with its filter (`/?q=tea&category=shopping`). */
export function directoryPath(filter: { search: string; category: string }): string {
  const q = new URLSearchParams();
  if (filter.search) q.set('q', filter.search);
  if (filter.category) q.set('category', filter.category);
  const qs = q.toString();
  return qs ? `/?${qs}` : '/';
}

/** The address of a mini-program with a query for its first page. */
export function appPath(appId: string, query: Record<string, string> = {}): string {
  const qs = new URLSearchParams(query).toString();
  return `/app/${encodeURIComponent(appId)}${qs ? `?${qs}` : ''}`;
}

/** The shell's own pages under Me. */
export const mePaths = {
  me: '/me',
  wallet: '/me/wallet',
  orders: '/me/orders',
  order: (orderId: string) => `/me/orders/${encodeURIComponent(orderId)}`,
  password: '/me/password',
  erase: '/me/erase',
};

/** Where to go after signing in: only a path on this site, never another origin. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  // Resolving against a dummy origin catches tricks like "/\t/evil.example".
  const url = new URL(next, 'https://shell.invalid');
  return url.origin === 'https://shell.invalid' ? url.pathname + url.search : '/';
}

export function loginPath(next: string): string {
  return `/login?next=${encodeURIComponent(next)}`;
}

export type { HistoryState } from '../common/history.ts';
export type Router = HistoryRouter<Route>;
export type RouterHooks = HistoryHooks<Route>;

/** The shell's router: its addresses (above) on the history API. */
export function createRouter(hooks: RouterHooks): Router {
  return createHistoryRouter(parseRoute, hooks);
}
