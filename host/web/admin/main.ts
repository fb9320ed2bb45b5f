/**
 * The admin console (browser code, bundled to /admin.js): the review queue and decisions, every
 * app with suspension and licences, the audit log, and payment disputes to decide.
 */
import { notFoundPage } from '../desk/not-found.ts';
import { startDesk } from '../desk/start.ts';
import { appPage } from './pages/app.ts';
import { appsPage } from './pages/apps.ts';
import { auditPage } from './pages/audit.ts';
import { disputesPage } from './pages/disputes.ts';
import { queuePage } from './pages/queue.ts';
import { reviewPage } from './pages/review.ts';
import { adminPaths, parseAdminRoute, type AdminRoute } from './routes.ts';

startDesk<AdminRoute>({
  kind: 'admin',
  name: 'Admin console',
  tagline: 'Review submitted versions, look after apps, read the audit log and decide payment disputes.',
  home: adminPaths.queue,
  parse: parseAdminRoute,
  nav: [
    { href: adminPaths.queue, text: 'Review queue', active: (r) => r.name === 'queue' || r.name === 'review' },
    { href: adminPaths.apps(), text: 'Apps', active: (r) => r.name === 'apps' || r.name === 'app' },
    { href: adminPaths.audit(), text: 'Audit log', active: (r) => r.name === 'audit' },
    { href: adminPaths.disputes(), text: 'Disputes', active: (r) => r.name === 'disputes' },
  ],
  pageFor(ctx, route) {
    switch (route.name) {
      case 'queue':
        return queuePage(ctx);
      case 'review':
        return reviewPage(ctx, route.versionId);
      case 'apps':
        return appsPage(ctx, route);
      case 'app':
        return appPage(ctx, route.appId);
      case 'audit':
        return auditPage(ctx, route);
      case 'disputes':
        return disputesPage(ctx, route);
      case 'not-found':
        return notFoundPage(ctx.router, adminPaths.queue, 'Review queue');
    }
  },
});
