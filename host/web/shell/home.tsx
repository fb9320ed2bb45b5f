/** @jsxImportSource preact */
/**
 * The home screen, laid out like a messenger: the tab the user is on, with the tab bar under it.
 * The bar stays put while the user moves between tabs; each tab draws its own header and body
 * (`TabPage`). A tab is a route (router.ts `homeTab`) and a line in `TABS`.
 */
import type { ComponentChildren } from 'preact';
import { Link } from '../kit/index.ts';
import type { HomeTab } from './router.ts';

const TABS: { tab: HomeTab; href: string; text: string }[] = [
  { tab: 'discover', href: '/', text: 'Discover' },
  { tab: 'me', href: '/me', text: 'Me' },
];

export function Home({ tab, children }: { tab: HomeTab; children: ComponentChildren }) {
  return (
    <div class="shell-home">
      {children}
      <nav class="shell-home-tabs" aria-label="Sections">
        {TABS.map((t) => (
          <Link href={t.href} class={`shell-home-tab shell-home-tab-${t.tab}${t.tab === tab ? ' shell-home-tab-active' : ''}`} aria-current={t.tab === tab ? 'page' : undefined}>
            <span class="shell-home-tab-icon" />
            <span class="shell-home-tab-text">{t.text}</span>
          </Link>
        ))}
      </nav>
    </div>
  );
}

/** A tab's page: its title with an action beside it and `tools` under it (a search), then the scrolling body. */
export function TabPage({ title, action, tools, children }: { title: string; action?: ComponentChildren; tools?: ComponentChildren; children: ComponentChildren }) {
  return (
    <>
      <header class="shell-home-header">
        <div class="shell-header-row">
          <h1 class="shell-header-title">{title}</h1>
          {action}
        </div>
        {tools}
      </header>
      <div class="shell-home-scroll">
        <main class="shell-home-body">{children}</main>
      </div>
    </>
  );
}
