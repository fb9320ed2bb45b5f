/**
 * Starts a console in the browser: finds out who is signed in, shows the sign-in page unless it is
 * an account of the console's kind, then draws the page for the address inside the console's frame
 * and swaps pages as the person moves. A call that finds the sign-in gone comes back here.
 */
import { button, createOverlays, el } from '../../../sdk/view/chrome/index.ts';
import { createHistoryRouter, type Router } from '../common/history.ts';
import { ApiError, auth, type Account } from '../common/http.ts';
import type { DeskContext, Page } from './context.ts';
import { accountPage, accountPath } from './account.ts';
import { deskFrame } from './frame.ts';
import { signInPage } from './sign-in.ts';

export interface DeskOptions<R> {
  kind: 'merchant' | 'admin';
  /** `Merchant console` */
  name: string;
  tagline: string;
  /** `/console` */
  home: string;
  parse(pathname: string, search: string): R;
  /** The sections, and which is current for a route. */
  nav: { href: string; text: string; active(route: R): boolean }[];
  pageFor(ctx: DeskContext<R>, route: R): Page;
}

export function startDesk<R>(o: DeskOptions<R>): void {
  const ui = createOverlays('shell');
  const screen = el('div', 'desk-screen');
  document.body.append(screen, el('div', 'desk-overlays', ui.toastLayer, ui.modalLayer));

  let account: Account | null = null;
  let current: Page | null = null;
  let notice: string | undefined;
  const router: Router<R> = createHistoryRouter(o.parse, { show });

  function show(route: R): void {
    current?.unmount?.();
    current = null;
    ui.closeAll();
    if (!account || account.kind !== o.kind) {
      screen.replaceChildren(signInPage({ kind: o.kind, name: o.name, tagline: o.tagline, notice, signedIn }));
      document.title = `Sign in · ${o.name} · Atrium`;
      return;
    }
    const signedInAs = account;
    const ctx: DeskContext<R> = {
      router,
      ui,
      account: signedInAs,
      failed,
    };
    // The account page is the same in every console, so the desk answers its address itself.
    const onAccount = location.pathname === accountPath(o.home);
    current = onAccount ? accountPage(ctx, { signedOutEverywhere: signedOut }) : o.pageFor(ctx, route);
    const nav = o.nav.map((n) => ({ href: n.href, text: n.text, active: !onAccount && n.active(route) }));
    screen.replaceChildren(deskFrame({ name: o.name, home: o.home, nav, account: signedInAs, link: router.link, accountHref: accountPath(o.home), signOut }, current.el));
    document.title = `${current.title} · ${o.name}`;
  }

  function signedIn(a: Account): void {
    account = a;
    notice = undefined;
    show(router.route);
  }

  function failed(e: unknown): void {
    if (e instanceof ApiError && e.status === 401) {
      // Signed out in another tab, expired, or replaced by another account of this kind.
      account = null;
      notice = 'Your session ended. Sign in again to carry on.';
      return show(router.route);
    }
    if (!(e instanceof ApiError)) console.error('console:', e);
    ui.toast({ title: e instanceof Error ? e.message : 'Something went wrong.', icon: 'none', durationMs: 3500 });
  }

  function signOut(): void {
    const d = ui.dialog({ kind: 'modal', title: 'Sign out?', content: `You will need to sign in again to use the ${o.name.toLowerCase()}.`, confirmText: 'Sign out' });
    void d.answer.then(async (yes) => {
      if (!yes) return;
      try {
        await auth.logout();
      } catch (e) {
        return failed(e);
      }
      signedOut();
    });
  }

  function signedOut(): void {
    account = null;
    show(router.route);
  }

  async function boot(): Promise<void> {
    screen.replaceChildren(el('div', 'shell-boot desk-boot', el('span', 'shell-logo', 'A')));
    try {
      account = await auth.me();
    } catch (e) {
      const retry = button('shell-primary', () => void boot(), 'Try again');
      screen.replaceChildren(el('div', 'shell-empty shell-empty-page desk-boot', el('div', 'shell-empty-title', "Can't reach Atrium"), el('div', 'shell-empty-text', (e as Error).message), retry));
      return;
    }
    show(router.route);
  }

  void boot();
}
