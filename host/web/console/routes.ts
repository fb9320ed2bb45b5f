/**
 * The merchant console's addresses:
 *   /console                 your apps
 *   /console/new             create an app
 *   /console/apps/<appId>    an app: versions, checks, release, secret
 * Parsing is pure (no DOM), so it is tested in Node.
 */

export type ConsoleRoute = { name: 'apps' } | { name: 'new' } | { name: 'app'; appId: string } | { name: 'not-found'; path: string };

export const consolePaths = {
  apps: '/console',
  new: '/console/new',
  app: (appId: string) => `/console/apps/${encodeURIComponent(appId)}`,
};

export function parseConsoleRoute(pathname: string, _search = ''): ConsoleRoute {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/console') return { name: 'apps' };
  if (path === '/console/new') return { name: 'new' };
  const app = /^\/console\/apps\/([^/]+)$/.exec(path);
  if (app) {
    try {
      return { name: 'app', appId: decodeURIComponent(app[1]!) };
    } catch {
      return { name: 'not-found', path: pathname };
    }
  }
  return { name: 'not-found', path: pathname };
}
