/**
 * The merchant console's addresses:
 *   /console                     your apps
 *   /console/new                 create an app
 *   /console/apps/<appId>        an app: versions, checks, release, secret
 *   /console/orders[?app=]       orders, newest first, of every app or one
 *   /console/orders/<orderId>    an order: ship, refund, refund requests, dispute
 *   /console/balance             available and held funds, the statement
 *   /console/webhooks            endpoints and the delivery log
 * Parsing is pure (no DOM), so it is tested in Node.
 */
import { decodeSegment } from '../common/history.ts';
import { queryString } from '../common/http.ts';

export type ConsoleRoute =
  | { name: 'apps' }
  | { name: 'new' }
  | { name: 'app'; appId: string }
  | { name: 'orders'; appId: string }
  | { name: 'order'; orderId: string }
  | { name: 'balance' }
  | { name: 'webhooks' }
  | { name: 'not-found'; path: string };

export const consolePaths = {
  apps: '/console',
  new: '/console/new',
  app: (appId: string) => `/console/apps/${encodeURIComponent(appId)}`,
  orders: (f: { appId?: string } = {}) => `/console/orders${queryString({ app: f.appId })}`,
  order: (orderId: string) => `/console/orders/${encodeURIComponent(orderId)}`,
  balance: '/console/balance',
  webhooks: '/console/webhooks',
};

export function parseConsoleRoute(pathname: string, search = ''): ConsoleRoute {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/console') return { name: 'apps' };
  if (path === '/console/new') return { name: 'new' };
  if (path === '/console/orders') return { name: 'orders', appId: new URLSearchParams(search).get('app') ?? '' };
  if (path === '/console/balance') return { name: 'balance' };
  if (path === '/console/webhooks') return { name: 'webhooks' };
  const one = /^\/console\/(apps|orders)\/([^/]+)$/.exec(path);
  const id = one && decodeSegment(one[2]!);
  if (one && id !== null) {
    return one[1] === 'apps' ? { name: 'app', appId: id } : { name: 'order', orderId: id };
  }
  return { name: 'not-found', path: pathname };
}
