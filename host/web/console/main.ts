/**
 * The merchant console (browser code, bundled to /console.js): a merchant's apps, their versions
 * with checks and reviews, release and rollback, secrets, and how to submit with the CLI; the
 * orders of those apps with shipping, refunds and disputes; the balance; webhooks.
 */
import { domPages } from '../desk/dom-page.tsx';
import { notFoundPage } from '../desk/dom/not-found.ts';
import { startDesk } from '../desk/start.tsx';
import { appPage } from './pages/app.ts';
import { appsPage } from './pages/apps.ts';
import { balancePage } from './pages/balance.ts';
import { newAppPage } from './pages/new-app.ts';
import { orderPage } from './pages/order.ts';
import { ordersPage } from './pages/orders.ts';
import { webhooksPage } from './pages/webhooks.ts';
import { consolePaths, parseConsoleRoute, type ConsoleRoute } from './routes.ts';

startDesk<ConsoleRoute>({
  kind: 'merchant',
  name: 'Merchant console',
  tagline: 'Create mini-programs, follow their review, release them and roll back; ship orders, refund and get paid.',
  home: consolePaths.apps,
  parse: parseConsoleRoute,
  nav: [
    { href: consolePaths.apps, text: 'Apps', active: (r) => r.name === 'apps' || r.name === 'app' },
    { href: consolePaths.new, text: 'New app', active: (r) => r.name === 'new' },
    { href: consolePaths.orders(), text: 'Orders', active: (r) => r.name === 'orders' || r.name === 'order' },
    { href: consolePaths.balance, text: 'Balance', active: (r) => r.name === 'balance' },
    { href: consolePaths.webhooks, text: 'Webhooks', active: (r) => r.name === 'webhooks' },
  ],
  // Its pages are still DOM-built, drawn inside the Preact desk until they are ported.
  page: domPages((ctx, route) => {
    switch (route.name) {
      case 'apps':
        return appsPage(ctx);
      case 'new':
        return newAppPage(ctx);
      case 'app':
        return appPage(ctx, route.appId);
      case 'orders':
        return ordersPage(ctx, route);
      case 'order':
        return orderPage(ctx, route.orderId);
      case 'balance':
        return balancePage(ctx);
      case 'webhooks':
        return webhooksPage(ctx);
      case 'not-found':
        return notFoundPage(ctx.router, consolePaths.apps, 'Your apps');
    }
  }),
});
