/**
 * The frame of a console: the brand, the sections and who is signed in, in a sidebar on a wide
 * screen and a bar across the top on a phone, around the page.
 */
import { button, el } from '../../../sdk/view/chrome/index.ts';
import type { Account } from '../common/http.ts';
import { initial } from '../common/icon.ts';

export interface NavItem {
  href: string;
  text: string;
  active: boolean;
}

export interface FrameOptions {
  /** `Merchant console` */
  name: string;
  home: string;
  nav: NavItem[];
  account: Account;
  link(href: string, cls: string, ...children: (Node | string)[]): HTMLAnchorElement;
  /** The account page (password, sessions), linked from who is signed in. */
  accountHref: string;
  signOut(): void;
}

export function deskFrame(o: FrameOptions, content: HTMLElement): HTMLElement {
  const brand = o.link(o.home, 'desk-brand', el('span', 'shell-logo desk-logo', 'A'), el('span', 'desk-brand-text', el('span', 'desk-brand-name', 'Atrium'), el('span', 'desk-brand-sub', o.name)));
  const nav = el(
    'nav',
    'desk-nav',
    ...o.nav.map((n) => {
      const a = o.link(n.href, `desk-nav-link${n.active ? ' desk-nav-active' : ''}`, n.text);
      if (n.active) a.setAttribute('aria-current', 'page');
      return a;
    }),
  );
  nav.setAttribute('aria-label', 'Sections');
  const who = el(
    'div',
    'desk-who',
    el('span', 'shell-avatar shell-avatar-small', initial(o.account.displayName)),
    el('span', 'desk-who-text', el('span', 'desk-who-name', o.account.displayName), el('span', 'desk-who-email', o.account.email)),
    el('div', 'desk-who-actions', o.link(o.accountHref, 'desk-button desk-account-link', 'Account'), button('desk-button desk-signout', o.signOut, 'Sign out')),
  );
  who.setAttribute('aria-label', 'Signed in');
  return el('div', 'desk', el('header', 'desk-side', brand, nav, who), el('main', 'desk-main', content));
}
