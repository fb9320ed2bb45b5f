/** @jsxImportSource preact */
/**
 * The admin console (browser code, bundled to /admin.js): the review queue and decisions, every
 * app with suspension and licences, the audit log, and payment disputes to decide.
 */
import { NotFound } from '../desk/not-found.tsx';
import { startDesk } from '../desk/start.tsx';
import { AppPage } from './pages/app.tsx';
import { AppsPage } from './pages/apps.tsx';
import { AuditPage } from './pages/audit.tsx';
import { DisputesPage } from './pages/disputes.tsx';
import { QueuePage } from './pages/queue.tsx';
import { ReviewPage } from './pages/review.tsx';
import { adminPaths, parseAdminRoute, type AdminRoute } from './routes.ts';

function AdminPage({ route }: { route: AdminRoute }) {
  switch (route.name) {
    case 'queue':
      return <QueuePage />;
    case 'review':
      return <ReviewPage versionId={route.versionId} />;
    case 'apps':
      return <AppsPage filter={route} />;
    case 'app':
      return <AppPage appId={route.appId} />;
    case 'audit':
      return <AuditPage filter={route} />;
    case 'disputes':
      return <DisputesPage filter={route} />;
    case 'not-found':
      return <NotFound home={adminPaths.queue} homeText="Review queue" />;
  }
}

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
  page: (route) => <AdminPage route={route} />,
});
