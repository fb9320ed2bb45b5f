/**
 * The merchant console (browser code, bundled to /console.js): a merchant's apps, their versions
 * with checks and reviews, release and rollback, secrets, and how to submit with the CLI.
 */
import { startDesk } from '../desk/start.ts';
import { notFoundPage } from '../desk/not-found.ts';
import { appPage } from './pages/app.ts';
import { appsPage } from './pages/apps.ts';
import { newAppPage } from './pages/new-app.ts';
import { consolePaths, parseConsoleRoute, type ConsoleRoute } from './routes.ts';

startDesk<ConsoleRoute>({
  kind: 'merchant',
  name: 'Merchant console',
  tagline: 'Create mini-programs, follow their review, release them and roll back.',
  home: consolePaths.apps,
  parse: parseConsoleRoute,
  nav: [
    { href: consolePaths.apps, text: 'Apps', active: (r) => r.name === 'apps' || r.name === 'app' },
    { href: consolePaths.new, text: 'New app', active: (r) => r.name === 'new' },
  ],
  pageFor(ctx, route) {
    switch (route.name) {
      case 'apps':
        return appsPage(ctx);
      case 'new':
        return newAppPage(ctx);
      case 'app':
        return appPage(ctx, route.appId);
      case 'not-found':
        return notFoundPage(ctx.router, consolePaths.apps, 'Your apps');
    }
  },
});
