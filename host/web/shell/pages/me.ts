/**
 * Me: who is signed in, the way to the wallet and the orders, what each mini-program was allowed
 * (with revoke), the password, a download of everything Atrium keeps, and signing out (here, or
 * on every device).
 */
import { scopes, type Scope } from '../../../../sdk/contract/define.ts';
import { button, el } from '../../../../sdk/view/chrome/index.ts';
import { api, type AppSummary, type Authorization } from '../api.ts';
import type { Page, ShellContext } from '../context.ts';
import { homeFrame, section, skeletonRows } from '../home.ts';
import { appIcon, initial } from '../../common/icon.ts';
import { formatBalances } from '../../../../lib/money.ts';
import { recentApps } from '../recent.ts';
import { mePaths } from '../router.ts';

export function mePage(ctx: ShellContext): Page {
  const { router, ui } = ctx;
  const frame = homeFrame(router, 'me');
  frame.header.append(el('div', 'shell-header-row', el('h1', 'shell-header-title', 'Me')));
  const account = ctx.account;

  if (!account) {
    frame.body.append(
      el(
        'div',
        'shell-card shell-signed-out',
        el('div', 'shell-avatar shell-avatar-large shell-avatar-empty'),
        el('div', 'shell-card-title', 'You are not signed in'),
        el('p', 'shell-card-text', 'Sign in to open mini-programs, keep your recently used ones and manage what they may see.'),
        el('div', 'shell-card-actions', router.link('/login?next=%2Fme', 'shell-primary shell-button-link', 'Log in'), router.link('/signup?next=%2Fme', 'shell-secondary shell-button-link', 'Create an account')),
      ),
    );
    return { el: frame.root, title: 'Me · Atrium' };
  }

  const since = new Date(account.createdAt);
  frame.body.append(
    el(
      'div',
      'shell-card shell-profile',
      el('span', 'shell-avatar shell-avatar-large', initial(account.displayName)),
      el(
        'div',
        'shell-profile-text',
        el('div', 'shell-profile-name', account.displayName),
        el('div', 'shell-profile-sub', account.email),
        ...(Number.isNaN(since.getTime()) ? [] : [el('div', 'shell-profile-sub', `Member since ${since.toLocaleDateString(undefined, { year: 'numeric', month: 'long' })}`)]),
      ),
    ),
  );

  const balance = el('span', 'shell-row-value');
  const links = el(
    'div',
    'shell-list shell-me-links',
    router.link(mePaths.wallet, 'shell-row shell-link-row', el('span', 'shell-me-icon shell-me-icon-wallet'), el('span', 'shell-row-text', el('span', 'shell-row-title', 'Wallet')), balance),
    router.link(mePaths.orders, 'shell-row shell-link-row', el('span', 'shell-me-icon shell-me-icon-orders'), el('span', 'shell-row-text', el('span', 'shell-row-title', 'Orders'))),
  );
  links.setAttribute('aria-label', 'Pay');
  const auths = el('div', 'shell-list-slot', skeletonRows(2));
  frame.body.append(
    links,
    section('Authorizations', el('p', 'shell-section-note', 'What mini-programs asked to use. Revoke a choice and the mini-program has to ask you again.'), auths),
    section(
      'Security',
      el(
        'div',
        'shell-list',
        router.link(mePaths.password, 'shell-row shell-link-row', el('span', 'shell-row-text', el('span', 'shell-row-title', 'Change password'))),
        download(),
        button('shell-row shell-link-row', signOutEverywhere, el('span', 'shell-row-text', el('span', 'shell-row-title', 'Sign out of all devices'))),
        router.link(mePaths.erase, 'shell-row shell-link-row', el('span', 'shell-row-text', el('span', 'shell-row-title shell-danger-text', 'Erase my account'))),
      ),
    ),
    el('div', 'shell-list shell-list-plain', button('shell-row shell-danger-row', signOut, 'Sign out')),
  );
  let alive = true;
  void loadAuthorizations();
  void api.wallet().then((w) => alive && (balance.textContent = formatBalances(w.balances).join(' · ')), () => {});

  async function loadAuthorizations(): Promise<void> {
    let list: Authorization[];
    let names: Map<string, string>;
    try {
      const [a, apps] = await Promise.all([api.authorizations(), api.apps().catch((): AppSummary[] => [])]);
      list = a;
      // Names from the directory, else from recents (an app no longer listed), else its id.
      names = new Map(recentApps(account!.id).map((r) => [r.id, r.name]));
      for (const app of apps) names.set(app.id, app.name);
    } catch (e) {
      if (!alive) return;
      auths.replaceChildren(el('div', 'shell-empty', el('div', 'shell-empty-title', "Couldn't load your authorizations"), el('div', 'shell-empty-text', (e as Error).message), button('shell-link-button', () => void loadAuthorizations(), 'Try again')));
      return;
    }
    if (!alive) return;
    if (!list.length) {
      auths.replaceChildren(el('div', 'shell-empty shell-empty-small', el('div', 'shell-empty-text', 'No mini-program has asked for your data yet.')));
      return;
    }
    const byApp = new Map<string, Authorization[]>();
    for (const a of list) byApp.set(a.appId, [...(byApp.get(a.appId) ?? []), a]);
    auths.replaceChildren(
      ...[...byApp].map(([appId, rows]) => {
        const name = names.get(appId) ?? appId;
        return el(
          'div',
          'shell-list shell-auth-app',
          el('div', 'shell-auth-head', appIcon({ id: appId, name }, 'small'), el('span', 'shell-row-title', name)),
          ...rows.map((a) => authRow(a, name)),
        );
      }),
    );
  }

  function authRow(a: Authorization, appName: string): HTMLElement {
    const what = scopeTitle(a.scope);
    const revoke = button('shell-revoke', () => {
      const d = ui.dialog({ kind: 'modal', title: `Revoke ${appName}'s access?`, content: `It will have to ask again before it can use ${what}.`, confirmText: 'Revoke' });
      void d.answer.then(async (yes) => {
        if (!yes) return;
        revoke.disabled = true;
        try {
          await api.revoke(a.appId, a.scope);
          ui.toast({ title: 'Revoked', icon: 'success', durationMs: 1500 });
          await loadAuthorizations();
        } catch (e) {
          revoke.disabled = false;
          ui.toast({ title: (e as Error).message, icon: 'none', durationMs: 2500 });
        }
      });
    }, 'Revoke');
    revoke.setAttribute('aria-label', `Revoke ${appName}: ${what}`);
    return el(
      'div',
      'shell-row shell-auth-row',
      el('span', 'shell-row-text', el('span', 'shell-auth-scope', capitalise(what)), el('span', `shell-auth-state ${a.granted ? 'shell-auth-allowed' : 'shell-auth-denied'}`, a.granted ? 'Allowed' : 'Not allowed')),
      revoke,
    );
  }

  /** A plain link, not the router's: the browser downloads the file the host sends. */
  function download(): HTMLAnchorElement {
    const a = el('a', 'shell-row shell-link-row', el('span', 'shell-row-text', el('span', 'shell-row-title', 'Download my data'), el('span', 'shell-row-sub', 'Your account, wallet, orders and what mini-programs stored, as one file')));
    a.href = api.exportUrl;
    a.download = '';
    return a;
  }

  function signOut(): void {
    confirmSignOut({ title: 'Sign out?', content: 'Mini-programs you opened stay in your recently used list on this device.', confirmText: 'Sign out' }, api.logout);
  }

  function signOutEverywhere(): void {
    confirmSignOut({ title: 'Sign out of all devices?', content: 'Every phone and browser signed in to your account is signed out, this one too.', confirmText: 'Sign out everywhere' }, api.signOutEverywhere);
  }

  /** Asks first; once the host has ended the session, this page is signed out too. */
  function confirmSignOut(dialog: { title: string; content: string; confirmText: string }, end: () => Promise<unknown>): void {
    const d = ui.dialog({ kind: 'modal', ...dialog });
    void d.answer.then(async (yes) => {
      if (!yes) return;
      try {
        await end();
      } catch (e) {
        return ui.toast({ title: (e as Error).message, icon: 'none', durationMs: 2500 });
      }
      ctx.setAccount(null);
      router.navigate('/login', { replace: true });
    });
  }

  return {
    el: frame.root,
    title: 'Me · Atrium',
    unmount() {
      alive = false;
    },
  };
}

function scopeTitle(scope: string): string {
  return Object.hasOwn(scopes, scope) ? scopes[scope as Scope].title : scope;
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
