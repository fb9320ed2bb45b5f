/** @jsxImportSource preact */
/**
 * The frame of a console: the brand, the sections and who is signed in, in a sidebar on a wide
 * screen and a bar across the top on a phone, around the page.
 */
import type { ComponentChildren } from 'preact';
import { initial } from '../common/icon.ts';
import { Link } from '../kit/index.ts';
import { useAccount } from './account-context.ts';

export interface NavItem {
  href: string;
  text: string;
  active: boolean;
}

export interface FrameProps {
  /** `Merchant console` */
  name: string;
  home: string;
  nav: NavItem[];
  /** The account page (password, sessions), linked from who is signed in. */
  accountHref: string;
  signOut(): void;
  children: ComponentChildren;
}

export function Frame({ name, home, nav, accountHref, signOut, children }: FrameProps) {
  const account = useAccount();
  return (
    <div class="desk">
      <header class="desk-side">
        <Link href={home} class="desk-brand">
          <span class="shell-logo desk-logo">A</span>
          <span class="desk-brand-text">
            <span class="desk-brand-name">Atrium</span>
            <span class="desk-brand-sub">{name}</span>
          </span>
        </Link>
        <nav class="desk-nav" aria-label="Sections">
          {nav.map((n) => (
            <Link href={n.href} class={`desk-nav-link${n.active ? ' desk-nav-active' : ''}`} aria-current={n.active ? 'page' : undefined}>
              {n.text}
            </Link>
          ))}
        </nav>
        <div class="desk-who" aria-label="Signed in">
          <span class="shell-avatar shell-avatar-small">{initial(account.displayName)}</span>
          <span class="desk-who-text">
            <span class="desk-who-name">{account.displayName}</span>
            <span class="desk-who-email">{account.email}</span>
          </span>
          <div class="desk-who-actions">
            <Link href={accountHref} class="desk-button desk-account-link">
              Account
            </Link>
            <button type="button" class="desk-button desk-signout" onClick={signOut}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main class="desk-main">{children}</main>
    </div>
  );
}
