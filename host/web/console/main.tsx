/** @jsxImportSource preact */
/**
 * The merchant console (browser code, bundled to /console.js): a merchant's apps, their versions
 * with checks and reviews, release and rollback, secrets, and how to submit with the CLI; the
 * orders of those apps with shipping, refunds and disputes; the balance with payouts and the
 * statement; webhooks.
 */
import { NotFound } from '../desk/not-found.tsx';
import { startDesk } from '../desk/start.tsx';
import { AppPage } from './pages/app.tsx';
import { AppsPage } from './pages/apps.tsx';
import { BalancePage } from './pages/balance.tsx';
import { NewAppPage } from './pages/new-app.tsx';
import { OrderPage } from './pages/order.tsx';
import { OrdersPage } from './pages/orders.tsx';
import { WebhooksPage } from './pages/webhooks.tsx';
import { consolePaths, parseConsoleRoute, type ConsoleRoute } from './routes.ts';

function ConsolePage({ route }: { route: ConsoleRoute }) {
  switch (route.name) {
    case 'apps':
      return <AppsPage />;
    case 'new':
      return <NewAppPage />;
    case 'app':
      return <AppPage appId={route.appId} />;
    case 'orders':
      return <OrdersPage filter={route} />;
    case 'order':
      return <OrderPage orderId={route.orderId} />;
    case 'balance':
      return <BalancePage />;
    case 'webhooks':
      return <WebhooksPage />;
    case 'not-found':
      return <NotFound home={consolePaths.apps} homeText="Your apps" />;
  }
}

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
  page: (route) => <ConsolePage route={route} />,
});
