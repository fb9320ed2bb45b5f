/**
 * The Atrium shell (browser code, bundled to /shell.js): finds out who is signed in, then draws the
 * page for the address (directory, a mini-program, Me, log in) and swaps pages as the user moves.
 */
import { button, createOverlays, el } from '../../../sdk/view/chrome/index.ts';
import { api, type Account } from './api.ts';
import type { Page, ShellContext } from './context.ts';
import { appRunner } from './pages/app-runner.ts';
import { authPage } from './pages/auth.ts';
import { directoryPage } from './pages/directory.ts';
import { mePage } from './pages/me.ts';
import { orderPage } from './pages/order.ts';
import { passwordPage } from './pages/password.ts';
import { erasePage } from './pages/erase.ts';
import { ordersPage } from './pages/orders.ts';
import { walletPage } from './pages/wallet.ts';
import { createRouter, loginPath, type Route } from './router.ts';

const ui = createOverlays('shell');
const screen = el('div', 'shell-screen');
document.body.append(el('div', 'shell-root', screen, ui.toastLayer, ui.modalLayer));

let account: Account | null = null;
let current: Page | null = null;

const router = createRouter({ show, moved: (from, to) => current?.moved?.(from, to) ?? false });
const ctx: ShellContext = {
  router,
  ui,
  get account() {
    return account;
  },
  setAccount(a) {
    account = a;
  },
};

function pageFor(route: Route): Page {
  switch (route.name) {
    case 'directory':
      return directoryPage(ctx, route);
    case 'me':
      return mePage(ctx);
    case 'wallet':
      return walletPage(ctx);
    case 'orders':
      return ordersPage(ctx);
    case 'order':
      return orderPage(ctx, route.orderId);
    case 'password':
      return passwordPage(ctx);
    case 'erase':
      return erasePage(ctx);
    case 'auth':
      return authPage(ctx, route.mode, route.next);
    case 'app':
      return appRunner(ctx, route);
    case 'not-found':
      return notFound();
  }
}

function show(route: Route): void {
  // Signed in already: the login page moves on; signed out: a mini-program needs an account first.
  if (route.name === 'auth' && account) return router.navigate(route.next, { replace: true });
  if (route.name === 'app' && !account) return router.navigate(loginPath(location.pathname + location.search), { replace: true });
  current?.unmount?.();
  ui.closeAll();
  current = pageFor(route);
  screen.replaceChildren(current.el);
  document.title = current.title;
}

function notFound(): Page {
  return {
    el: el('div', 'shell-empty shell-empty-page', el('div', 'shell-empty-icon'), el('div', 'shell-empty-title', 'Nothing here'), el('div', 'shell-empty-text', 'This address does not lead anywhere in Atrium.'), router.link('/', 'shell-primary shell-button-link', 'Go to Discover')),
    title: 'Not found · Atrium',
  };
}

async function boot(): Promise<void> {
  screen.replaceChildren(el('div', 'shell-boot', el('span', 'shell-logo', 'A')));
  try {
    // The shell asks for the browser's user session; a console's merchant or admin is not one.
    const me = await api.me();
    account = me?.kind === 'user' ? me : null;
  } catch (e) {
    const retry = button('shell-primary', () => void boot(), 'Try again');
    screen.replaceChildren(el('div', 'shell-empty shell-empty-page', el('div', 'shell-empty-title', "Can't reach Atrium"), el('div', 'shell-empty-text', (e as Error).message), retry));
    return;
  }
  show(router.route);
}

void boot();
