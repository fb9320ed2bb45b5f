import { describe, expect, it } from 'vitest';
import { adminPaths, parseAdminRoute } from './routes.ts';

describe('admin console addresses', () => {
  it('parses the queue, a review, the apps with their filter, an app and the audit log', () => {
    expect(parseAdminRoute('/admin')).toEqual({ name: 'queue' });
    expect(parseAdminRoute('/admin/')).toEqual({ name: 'queue' });
    expect(parseAdminRoute('/admin/reviews/v_123')).toEqual({ name: 'review', versionId: 'v_123' });
    expect(parseAdminRoute('/admin/apps')).toEqual({ name: 'apps', search: '', status: '' });
    expect(parseAdminRoute('/admin/apps', '?q=tea&status=suspended')).toEqual({ name: 'apps', search: 'tea', status: 'suspended' });
    expect(parseAdminRoute('/admin/apps', '?status=bogus')).toEqual({ name: 'apps', search: '', status: '' });
    expect(parseAdminRoute('/admin/apps/shop')).toEqual({ name: 'app', appId: 'shop' });
    expect(parseAdminRoute('/admin/audit', '?action=app.suspend&app=shop')).toEqual({ name: 'audit', action: 'app.suspend', appId: 'shop' });
  });

  it('parses the disputes with their state filter', () => {
    expect(parseAdminRoute('/admin/disputes')).toEqual({ name: 'disputes', status: '' });
    expect(parseAdminRoute('/admin/disputes', '?status=answered')).toEqual({ name: 'disputes', status: 'answered' });
    expect(parseAdminRoute('/admin/disputes', '?status=lost')).toEqual({ name: 'disputes', status: '' });
    expect(adminPaths.disputes()).toBe('/admin/disputes');
    expect(adminPaths.disputes('resolved')).toBe('/admin/disputes?status=resolved');
  });

  it('answers anything else as not found', () => {
    expect(parseAdminRoute('/admin/reviews').name).toBe('not-found');
    expect(parseAdminRoute('/admin/apps/a/b').name).toBe('not-found');
    expect(parseAdminRoute('/admin/apps/%E0%A4%A').name).toBe('not-found');
  });

  it('writes addresses that parse back to the same place, leaving out empty filters', () => {
    expect(adminPaths.apps()).toBe('/admin/apps');
    expect(adminPaths.apps({ search: 'tea house', status: '' })).toBe('/admin/apps?q=tea+house');
    expect(adminPaths.audit({ action: 'release.full', appId: '' })).toBe('/admin/audit?action=release.full');
    const url = new URL(adminPaths.audit({ action: 'version.reject', appId: 'a&b' }), 'https://x.invalid');
    expect(parseAdminRoute(url.pathname, url.search)).toEqual({ name: 'audit', action: 'version.reject', appId: 'a&b' });
    expect(parseAdminRoute(adminPaths.review('v/1'))).toEqual({ name: 'review', versionId: 'v/1' });
  });
});
