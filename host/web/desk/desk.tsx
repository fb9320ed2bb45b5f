/** @jsxImportSource preact */
/**
 * A console: finds out who is signed in, shows the sign-in page unless it is an account of the
 * console's kind, then the page for the address inside the console's frame. A call that finds the
 * sign-in gone (401) comes back to the sign-in page with a notice; other failures are toasts.
 */
import { useSignal, type Signal } from '@preact/signals';
import { Fragment, type ComponentChild } from 'preact';
import { useEffect, useLayoutEffect, useMemo } from 'preact/hooks';
import type { Overlays } from '../../../sdk/view/chrome/index.ts';
import { api, must } from '../api/client.ts';
import type { Router } from '../common/history.ts';
import { ApiError } from '../common/http.ts';
import { SiteContext, type Site } from '../kit/index.ts';
import { AccountContext, type Account } from './account-context.ts';
import { AccountPage, accountPath } from './account.tsx';
import { Frame } from './frame.tsx';
import { deskLook } from './look.tsx';
import { SignIn } from './sign-in.tsx';

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
  /** The page for a route (the account page at `<home>/account` is the desk's own). */
  page(route: R): ComponentChild;
}

/** The route on screen and the address it came from (a new address is a new page). */
export interface Shown<R> {
  route: R;
  address: string;
}

type Session = { state: 'booting' } | { state: 'offline'; error: unknown } | { state: 'signed-out'; notice?: string } | { state: 'signed-in'; account: Account };

export function Desk<R>({ options: o, router, ui, shown }: { options: DeskOptions<R>; router: Router<R>; ui: Overlays; shown: Signal<Shown<R>> }) {
  const session = useSignal<Session>({ state: 'booting' });
  const site = useMemo<Site>(
    () => ({
      name: o.name,
      look: deskLook,
      router: router as Router<unknown>,
      ui,
      failed(e) {
        if (e instanceof ApiError && e.status === 401) {
          // Signed out in another tab, expired, or replaced by another account of this kind.
          session.value = { state: 'signed-out', notice: 'Your session ended. Sign in again to carry on.' };
          return;
        }
        if (!(e instanceof ApiError)) console.error('console:', e);
        ui.toast({ title: e instanceof Error ? e.message : 'Something went wrong.', icon: 'none', durationMs: 3500 });
      },
    }),
    [],
  );

  async function boot(): Promise<void> {
    session.value = { state: 'booting' };
    try {
      session.value = { state: 'signed-in', account: await must(api.GET('/api/me')) };
    } catch (e) {
      session.value = e instanceof ApiError && e.status === 401 ? { state: 'signed-out' } : { state: 'offline', error: e };
    }
  }
  useEffect(() => void boot(), []);

  function signOut(): void {
    void ui.dialog({ kind: 'modal', title: 'Sign out?', content: `You will need to sign in again to use the ${o.name.toLowerCase()}.`, confirmText: 'Sign out' }).answer.then(async (yes) => {
      if (!yes) return;
      try {
        await must(api.POST('/api/auth/logout'));
      } catch (e) {
        return site.failed(e);
      }
      session.value = { state: 'signed-out' };
    });
  }

  const s = session.value;
  const signedIn = s.state === 'signed-in' && s.account.kind === o.kind ? s.account : null;
  useLayoutEffect(() => {
    if (!signedIn && s.state !== 'booting') ui.closeAll();
  }, [signedIn]);

  return <SiteContext.Provider value={site}>{screen()}</SiteContext.Provider>;

  function screen(): ComponentChild {
    if (s.state === 'booting') return <Boot />;
    if (s.state === 'offline') return <Offline error={s.error} retry={() => void boot()} />;
    if (!signedIn) {
      const notice = s.state === 'signed-out' ? s.notice : undefined;
      return <SignIn kind={o.kind} name={o.name} tagline={o.tagline} notice={notice} signedIn={(account) => (session.value = { state: 'signed-in', account })} />;
    }
    const { route, address } = shown.value;
    const onAccount = address.split('?')[0] === accountPath(o.home);
    const nav = o.nav.map((n) => ({ href: n.href, text: n.text, active: !onAccount && n.active(route) }));
    return (
      <AccountContext.Provider value={signedIn}>
        <Frame name={o.name} home={o.home} nav={nav} accountHref={accountPath(o.home)} signOut={signOut}>
          <Fragment key={address}>{onAccount ? <AccountPage signedOutEverywhere={() => (session.value = { state: 'signed-out' })} /> : o.page(route)}</Fragment>
        </Frame>
      </AccountContext.Provider>
    );
  }
}

function Boot() {
  return (
    <div class="shell-boot desk-boot">
      <span class="shell-logo">A</span>
    </div>
  );
}

function Offline({ error, retry }: { error: unknown; retry(): void }) {
  return (
    <div class="shell-empty shell-empty-page desk-boot">
      <div class="shell-empty-title">Can't reach Atrium</div>
      <div class="shell-empty-text">{error instanceof Error ? error.message : String(error)}</div>
      <button type="button" class="shell-primary" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
