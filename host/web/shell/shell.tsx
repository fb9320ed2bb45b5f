/** @jsxImportSource preact */
/**
 * The shell: finds out who is signed in, then draws the page for the address: a tab of the home
 * screen (Discover, Me) above the tab bar, a page under Me, signing in, or a mini-program. Every
 * move to an address is a fresh page (reopening a mini-program is a move to the same address); a
 * filter that only rewrites the address is not a move. A call that finds the sign-in gone goes to
 * signing in, and comes back; other failures are toasts.
 */
import { useSignal, type Signal } from '@preact/signals';
import { Fragment, type ComponentChild } from 'preact';
import { useEffect, useLayoutEffect, useMemo } from 'preact/hooks';
import type { Overlays } from '../../../sdk/view/chrome/index.ts';
import { api, must } from '../api/client.ts';
import type { Router as SiteRouter } from '../common/history.ts';
import { ApiError, isSignedOut } from '../common/http.ts';
import { Empty, Link, SiteContext, useSite, useTitle, type Site } from '../kit/index.ts';
import { AccountContext, type Account, type Who } from './account.ts';
import { AppRunner } from './app/runner.tsx';
import type { HistoryMoves } from './app/stack.ts';
import { Home } from './home.tsx';
import { shellLook } from './look.tsx';
import { AuthPage } from './pages/auth.tsx';
import { DirectoryPage } from './pages/directory.tsx';
import { ErasePage } from './pages/erase.tsx';
import { MePage } from './pages/me.tsx';
import { OrderPage } from './pages/order.tsx';
import { OrdersPage } from './pages/orders.tsx';
import { PasswordPage } from './pages/password.tsx';
import { WalletPage } from './pages/wallet.tsx';
import { homeTab, loginPath, type Route, type Router } from './router.ts';

/** The route on screen, and which move brought it (each move draws a fresh page). */
export interface Shown {
  route: Route;
  visit: number;
}

type Boot = { state: 'booting' } | { state: 'offline'; error: unknown } | { state: 'ready' };

export interface ShellProps {
  router: Router;
  ui: Overlays;
  shown: Signal<Shown>;
  /** Where the router tells a running mini-program that the user went back or forward in it. */
  moves: HistoryMoves;
}

export function Shell({ router, ui, shown, moves }: ShellProps) {
  const boot = useSignal<Boot>({ state: 'booting' });
  const account = useSignal<Account | null>(null);
  const here = () => location.pathname + location.search;
  const site = useMemo<Site>(
    () => ({
      name: 'Atrium',
      look: shellLook,
      // The kit's parts only navigate; the shell's pages know its routes.
      router: router as SiteRouter<unknown>,
      ui,
      failed(e) {
        if (isSignedOut(e)) return signInAgain();
        if (!(e instanceof ApiError)) console.error('shell:', e);
        ui.toast({ title: e instanceof Error ? e.message : 'Something went wrong.', icon: 'none', durationMs: 2500 });
      },
    }),
    [],
  );
  // Reads only the account signal and the router, so the first render's serves the site for good.
  function signInAgain(): void {
    account.value = null;
    router.navigate(loginPath(here()), { replace: true });
  }
  const who: Who = { account: account.value, setAccount: (a) => (account.value = a), signInAgain };

  async function start(): Promise<void> {
    boot.value = { state: 'booting' };
    try {
      const me = await must(api.GET('/api/me'));
      // The shell acts for the browser's user; a console's merchant or admin is not one.
      account.value = me.kind === 'user' ? me : null;
    } catch (e) {
      if (!isSignedOut(e)) return void (boot.value = { state: 'offline', error: e });
      account.value = null;
    }
    boot.value = { state: 'ready' };
  }
  useEffect(() => void start(), []);

  const b = boot.value;
  if (b.state === 'booting') return <Booting />;
  if (b.state === 'offline') return <Offline error={b.error} retry={() => void start()} />;
  const { route, visit } = shown.value;
  const page = <Fragment key={visit}>{pageFor(route)}</Fragment>;
  const tab = homeTab(route);
  return (
    <SiteContext.Provider value={site}>
      <AccountContext.Provider value={who}>{tab ? <Home tab={tab}>{page}</Home> : page}</AccountContext.Provider>
    </SiteContext.Provider>
  );

  function pageFor(route: Route): ComponentChild {
    switch (route.name) {
      case 'directory':
        return <DirectoryPage filter={route} />;
      case 'me':
        return <MePage />;
      case 'wallet':
        return <WalletPage />;
      case 'orders':
        return <OrdersPage />;
      case 'order':
        return <OrderPage orderId={route.orderId} />;
      case 'password':
        return <PasswordPage />;
      case 'erase':
        return <ErasePage />;
      case 'auth':
        // Signed in already (just now, or in another tab): on to where the user was going.
        return who.account ? <MoveOn to={route.next} /> : <AuthPage mode={route.mode} next={route.next} />;
      case 'app':
        // A mini-program runs for a user: sign in first, then come back to it.
        return who.account ? <AppRunner target={route} moves={moves} /> : <MoveOn to={loginPath(here())} />;
      case 'not-found':
        return <NotFound />;
    }
  }
}

/** Goes on to another address in place of this one. */
function MoveOn({ to }: { to: string }) {
  const { router } = useSite();
  useLayoutEffect(() => router.navigate(to, { replace: true }), []);
  return null;
}

function NotFound() {
  useTitle('Not found');
  return (
    <Empty class="shell-empty-page" title="Nothing here" text="This address does not lead anywhere in Atrium.">
      <Link href="/" class="shell-primary shell-button-link">
        Go to Discover
      </Link>
    </Empty>
  );
}

function Booting() {
  return (
    <div class="shell-boot">
      <span class="shell-logo">A</span>
    </div>
  );
}

function Offline({ error, retry }: { error: unknown; retry(): void }) {
  return (
    <div class="shell-empty shell-empty-page">
      <div class="shell-empty-title">Can't reach Atrium</div>
      <div class="shell-empty-text">{error instanceof Error ? error.message : String(error)}</div>
      <button type="button" class="shell-primary" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
