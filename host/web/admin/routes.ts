/**
 * The admin console's addresses:
 *   /admin                        the review queue
 *   /admin/reviews/<versionId>    one version under review
 *   /admin/apps?q=&status=        every app, searched and filtered
 *   /admin/apps/<appId>           an app's history, suspension and licence
 *   /admin/audit?action=&app=     the audit log
 *   /admin/disputes?status=       payment disputes: open, answered (waiting for a decision), resolved
 * Parsing is pure (no DOM), so it is tested in Node.
 */
import { decodeSegment } from '../common/history.ts';
import { queryString } from '../common/http.ts';

export type AppStatusFilter = '' | 'active' | 'suspended';
export type DisputeStatusFilter = '' | 'open' | 'answered' | 'resolved';

export type AdminRoute =
  | { name: 'queue' }
  | { name: 'review'; versionId: string }
  | { name: 'apps'; search: string; status: AppStatusFilter }
  | { name: 'app'; appId: string }
  | { name: 'audit'; action: string; appId: string }
  | { name: 'disputes'; status: DisputeStatusFilter }
  | { name: 'not-found'; path: string };

export const adminPaths = {
  queue: '/admin',
  review: (versionId: string) => `/admin/reviews/${encodeURIComponent(versionId)}`,
  apps: (f: { search?: string; status?: AppStatusFilter } = {}) => `/admin/apps${queryString({ q: f.search, status: f.status })}`,
  app: (appId: string) => `/admin/apps/${encodeURIComponent(appId)}`,
  audit: (f: { action?: string; appId?: string } = {}) => `/admin/audit${queryString({ action: f.action, app: f.appId })}`,
  disputes: (status: DisputeStatusFilter = '') => `/admin/disputes${queryString({ status })}`,
};

export function parseAdminRoute(pathname: string, search = ''): AdminRoute {
  const path = pathname.replace(/\/+$/, '') || '/';
  const params = new URLSearchParams(search);
  if (path === '/admin') return { name: 'queue' };
  if (path === '/admin/apps') {
    const status = params.get('status');
    return { name: 'apps', search: params.get('q') ?? '', status: status === 'active' || status === 'suspended' ? status : '' };
  }
  if (path === '/admin/audit') return { name: 'audit', action: params.get('action') ?? '', appId: params.get('app') ?? '' };
  if (path === '/admin/disputes') {
    const status = params.get('status');
    return { name: 'disputes', status: status === 'open' || status === 'answered' || status === 'resolved' ? status : '' };
  }
  const one = /^\/admin\/(reviews|apps)\/([^/]+)$/.exec(path);
  const id = one && decodeSegment(one[2]!);
  if (one && id !== null) {
    return one[1] === 'reviews' ? { name: 'review', versionId: id } : { name: 'app', appId: id };
  }
  return { name: 'not-found', path: pathname };
}
