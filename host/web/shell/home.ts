/**
 * The frame of the shell's own pages: a header, the scrolling body and the super-app's tab bar
 * (Discover, Me) at the bottom, the way a consumer app is laid out.
 */
import { el } from '../../../sdk/view/chrome/index.ts';
import type { Router } from './router.ts';

export type HomeTab = 'discover' | 'me';

export interface HomeFrame {
  root: HTMLElement;
  header: HTMLElement;
  body: HTMLElement;
}

const TABS: { tab: HomeTab; href: string; text: string }[] = [
  { tab: 'discover', href: '/', text: 'Discover' },
  { tab: 'me', href: '/me', text: 'Me' },
];

export function homeFrame(router: Router, active: HomeTab): HomeFrame {
  const header = el('header', 'shell-home-header');
  const body = el('main', 'shell-home-body');
  const tabs = el(
    'nav',
    'shell-home-tabs',
    ...TABS.map((t) => {
      const a = router.link(t.href, `shell-home-tab shell-home-tab-${t.tab}${t.tab === active ? ' shell-home-tab-active' : ''}`, el('span', 'shell-home-tab-icon'), el('span', 'shell-home-tab-text', t.text));
      if (t.tab === active) a.setAttribute('aria-current', 'page');
      return a;
    }),
  );
  tabs.setAttribute('aria-label', 'Sections');
  return { root: el('div', 'shell-home', header, el('div', 'shell-home-scroll', body), tabs), header, body };
}

/** A titled group of rows or tiles. */
export function section(title: string, ...children: Node[]): HTMLElement {
  return el('section', 'shell-section', el('h2', 'shell-section-title', title), ...children);
}

/** A friendly word for a category id (`food-drink` → `Food & drink`). */
export function categoryLabel(category: string): string {
  const words = category.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Other';
}

/** Shown while something loads: grey blocks in the shape of what will come. */
export function skeletonRows(n: number): HTMLElement {
  return el('div', 'shell-list shell-skeleton', ...Array.from({ length: n }, () => el('div', 'shell-row', el('span', 'shell-icon shell-icon-medium shell-bone'), el('span', 'shell-row-text', el('span', 'shell-bone shell-bone-line'), el('span', 'shell-bone shell-bone-short')))));
}
